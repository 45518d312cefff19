/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Credentials configured under {@code aether.credentials.*} never reach an actuator endpoint or the
 * log, even with {@code configprops} and {@code env} set to show values (the embedded gateway's dev
 * policy accepts any key, so the app runs normally with them).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "aether.credentials.api-key=" + CredentialsNotExposedTests.API_KEY,
      "aether.credentials.token=" + CredentialsNotExposedTests.TOKEN,
      "aether.credentials.task-token=" + CredentialsNotExposedTests.TASK_TOKEN,
      "management.endpoints.web.exposure.include=health,configprops,env",
      "management.endpoint.configprops.show-values=always",
      "management.endpoint.env.show-values=always"
    })
@ExtendWith(OutputCaptureExtension.class)
class CredentialsNotExposedTests {

  static final String API_KEY = "sk-live-api-key-7f3a";
  static final String TOKEN = "jwt-bearer-token-91c2";
  static final String TASK_TOKEN = "task-token-55de";

  @Autowired EmbeddedAetherGateway gateway;

  @LocalServerPort int port;

  @Test
  void actuatorEndpointsAndLogsNeverShowTheSecrets(CapturedOutput output) {
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.connectedIdentities().size() == 5);
    RestClient http = RestClient.create("http://localhost:" + port);
    for (String endpoint : List.of("/actuator/configprops", "/actuator/env", "/actuator/health")) {
      String body = http.get().uri(endpoint).retrieve().body(String.class);
      assertThat(body).as(endpoint).isNotBlank().doesNotContain(API_KEY, TOKEN, TASK_TOKEN);
    }
    // The properties are there, only masked: the endpoints did render them.
    assertThat(http.get().uri("/actuator/configprops").retrieve().body(String.class))
        .contains("api-key", "******");
    assertThat(output.getAll()).doesNotContain(API_KEY, TOKEN, TASK_TOKEN);
  }
}
