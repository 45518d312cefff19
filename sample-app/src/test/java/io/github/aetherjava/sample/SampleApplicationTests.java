/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots the sample exactly as the quick start does, with no {@code aether.address}: the starter
 * starts the embedded gateway and every principal connects to it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

  @Autowired EmbeddedAetherGateway gateway;

  @Autowired JsonMapper json;

  @LocalServerPort int port;

  @Test
  void startsTheEmbeddedGatewayAndAnswers() {
    RestClient http = RestClient.create("http://localhost:" + port);
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.connectedIdentities().size() == 5);
    assertThat(gateway.connectedIdentities())
        .containsExactlyInAnyOrder(
            "ag::demo::assistant::1",
            "ag::demo::auditor::1",
            "us::alice::tab-1",
            "wfe::shard0",
            "sv::catalog::1");

    JsonNode result =
        json.readTree(
            http.post()
                .uri("/api/ask")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\":\"hello\"}")
                .retrieve()
                .body(String.class));
    assertThat(result.path("answer").path("text").asString()).startsWith("Hi! You asked \"hello\"");
    assertThat(result.path("answer").path("answerNumber").asLong()).isEqualTo(1);

    JsonNode health =
        json.readTree(http.get().uri("/actuator/health").retrieve().body(String.class));
    assertThat(health.path("components").path("aether").path("status").asString()).isEqualTo("UP");
    assertThat(
            health
                .path("components")
                .path("aether")
                .path("components")
                .path("aetherAgentClient")
                .path("details")
                .path("address")
                .asString())
        .isEqualTo(gateway.address());
  }
}
