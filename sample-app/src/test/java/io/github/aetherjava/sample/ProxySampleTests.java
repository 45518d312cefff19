/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.http.AetherHttp;
import io.github.aetherjava.spring.http.AetherWebClients;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's service principal {@code sv::catalog::1} exposes the application's own {@code
 * /api/catalog/**} endpoints to the fabric; other principals call them with RestClient,
 * RestTemplate and WebClient through the proxy.
 */
// Own properties, so a context of another test class (stopped while cached) is never reused here.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aether.http.timeout=20s")
@DirtiesContext
class ProxySampleTests {

  @Autowired EmbeddedAetherGateway gateway;

  @Autowired AetherHttp http;

  @Autowired AetherWebClients webClients;

  @Autowired JsonMapper json;

  @LocalServerPort int port;

  private void catalogConnected() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> gateway.connectedIdentities().contains("sv::catalog::1"));
  }

  @Test
  void proxyEndpointCallsTheCatalogThroughTheFabricWithARestClient() {
    catalogConnected();
    JsonNode item =
        json.readTree(
            RestClient.create("http://localhost:" + port)
                .get()
                .uri("/api/proxy/catalog/42")
                .retrieve()
                .body(String.class));
    assertThat(item.path("name").asString()).isEqualTo("Spring Boot starter");
    // the gateway minted the caller's identity; the catalog controller read it from X-Auth-*
    assertThat(item.path("requestedBy").asString()).isEqualTo("Agent ag::demo::assistant::1");
  }

  @Test
  void restTemplateAndWebClientReachTheSameEndpoints() {
    catalogConnected();
    String viaTemplate =
        http.restTemplate("sv::catalog::1").getForObject("/api/catalog/1", String.class);
    assertThat(json.readTree(viaTemplate).path("name").asString()).isEqualTo("Aether gateway");

    String viaWebClient =
        webClients
            .webClient("sv::catalog")
            .get()
            .uri("/api/catalog/{id}", 2)
            .retrieve()
            .bodyToMono(String.class)
            .block(Duration.ofSeconds(15));
    assertThat(json.readTree(viaWebClient).path("name").asString()).isEqualTo("Java SDK");
  }

  @Test
  void pathsOutsideTheAllowListAreNotExposed() {
    catalogConnected();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                http.restClient("sv::catalog")
                    .get()
                    .uri("/actuator/health")
                    .retrieve()
                    .body(String.class))
        .isInstanceOf(org.springframework.web.client.ResourceAccessException.class)
        .hasMessageContaining("ACL_DENIED");
  }
}
