/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.Progress;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.OnProgress;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.listener.AetherHeaders;
import io.github.aetherjava.spring.test.AetherListenerCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;

/** {@code @OnProgress} on a user principal receives progress an agent reports for that user. */
class AetherProgressListenerTests {

  @Test
  void progressForTheUserIsDelivered() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherEmbeddedGatewayAutoConfiguration.class,
                AetherAutoConfiguration.class,
                AetherListenerAutoConfiguration.class))
        .withPropertyValues(
            "aether.user.user-id=alice",
            "aether.user.window-id=tab-1",
            "aether.user.workspace=prod",
            "aether.fail-fast=true")
        .withBean("aetherListenerCapture", AetherListenerCapture.class, AetherListenerCapture::new)
        .withUserConfiguration(ProgressListener.class)
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(UserClient.class);
              String address = context.getBean(EmbeddedAetherGateway.class).address();
              try (AgentClient worker =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("prod")
                      .implementation("worker")
                      .specifier("w1")
                      .build()) {
                worker.connectBlocking();
                worker
                    .reportProgress(
                        Progress.builder("t-1")
                            .state("running")
                            .completion(0.5)
                            .summary("half way")
                            .recipient("us::alice")
                            .build())
                    .join();
              }
              AetherListenerCapture.Invocation invocation =
                  context
                      .getBean(AetherListenerCapture.class)
                      .await("progress", 1, Duration.ofSeconds(10));
              assertThat(invocation.error()).isNull();
              ProgressUpdate update = (ProgressUpdate) invocation.payload();
              assertThat(update.taskId()).isEqualTo("t-1");
              assertThat(update.completion()).isEqualTo(0.5);
              assertThat(update.source()).isEqualTo("ag::prod::worker::w1");
              assertThat(context.getBean(ProgressListener.class).client)
                  .isEqualTo("aetherUserClient");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class ProgressListener {

    volatile String client;

    @OnProgress(id = "progress")
    void progress(ProgressUpdate update, @Header(AetherHeaders.CLIENT) String client) {
      this.client = client;
    }
  }
}
