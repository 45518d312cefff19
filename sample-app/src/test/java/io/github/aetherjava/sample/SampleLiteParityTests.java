/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the sample the way its README runs it against AetherLite in dev mode: on an embedded gateway
 * that refuses what AetherLite refuses ({@code aether.embedded.policy-mode=lite-parity}) and
 * without the sample's workflow engine (AetherLite runs its own). The shared KV scopes are denied,
 * the exclusive ones and messaging keep working, and the sample reports the denial instead of
 * failing.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "aether.embedded.policy-mode=lite-parity",
      "aether.workflow-engine.enabled=false"
    })
@DirtiesContext
class SampleLiteParityTests {

  @Autowired JsonMapper json;

  @LocalServerPort int port;

  @Test
  void sharedKvScopesAreDeniedAndEverythingElseWorks() {
    RestClient http = RestClient.create("http://localhost:" + port);
    JsonNode result =
        json.readTree(
            http.post()
                .uri("/api/ask")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\":\"does it work on AetherLite?\"}")
                .retrieve()
                .body(String.class));
    assertThat(result.path("answer").path("answerNumber").asLong()).isEqualTo(1);

    // KV is written after the answer, without the listener waiting for it.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode kv = json.readTree(http.get().uri("/api/kv").retrieve().body(String.class));
              assertThat(kv.path("assistant workspace-exclusive answers-given").asString())
                  .isEqualTo("1");
              JsonNode transcript =
                  json.readTree(http.get().uri("/api/transcript").retrieve().body(String.class));
              boolean denialShown = false;
              for (JsonNode line : transcript) {
                denialShown |=
                    line.asString().contains("questions-asked (workspace, shared) = denied");
              }
              assertThat(denialShown).isTrue();
            });

    // No workflow engine in this application: the event goes out, nobody here answers it.
    JsonNode event =
        json.readTree(
            http.post()
                .uri("/api/events")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"order.created\",\"detail\":\"on lite\"}")
                .retrieve()
                .body(String.class));
    assertThat(event.path("event").path("detail").asString()).isEqualTo("on lite");
    assertThat(event.path("notification").isNull()).isTrue();

    JsonNode health =
        json.readTree(http.get().uri("/actuator/health").retrieve().body(String.class));
    assertThat(health.path("components").path("aether").path("components").propertyNames())
        .containsExactlyInAnyOrder("aetherAgentClient", "aetherUserClient", "aetherServiceClient");
  }
}
