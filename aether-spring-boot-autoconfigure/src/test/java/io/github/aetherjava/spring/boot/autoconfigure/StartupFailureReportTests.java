/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a user sees when startup fails: Boot's failure report naming the property, no gRPC stack
 * trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

  @Test
  void invalidPropertyIsReportedByName(CapturedOutput output) {
    assertThatException()
        .isThrownBy(
            () ->
                run(
                    "--aether.address=127.0.0.1:1",
                    "--aether.agent.workspace=prod::x",
                    "--aether.agent.implementation=impl",
                    "--aether.agent.specifier=s1"));
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("Property: aether.agent.workspace")
        .contains("must not be blank or contain whitespace or '::'")
        .doesNotContain("io.grpc");
  }

  @Test
  void failFastConnectFailureIsReportedWithTheAddress(CapturedOutput output) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int closedPort = port;
    assertThatException()
        .isThrownBy(
            () ->
                run(
                    "--aether.address=127.0.0.1:" + closedPort,
                    "--aether.fail-fast=true",
                    "--aether.connect-timeout=5s",
                    "--aether.agent.workspace=prod",
                    "--aether.agent.implementation=impl",
                    "--aether.agent.specifier=s1"));
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("could not connect to 127.0.0.1:" + closedPort)
        .contains("aether.fail-fast=false");
  }

  @Test
  void terminalConnectFailureWithoutFailFastSaysTheClientStopped(CapturedOutput output)
      throws Exception {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(0).start();
        AgentClient holder =
            AgentClient.builder(AetherClientOptions.builder().address(gateway.address()).build())
                .workspace("prod")
                .implementation("impl")
                .specifier("s1")
                .build()) {
      holder.connectBlocking();
      SpringApplication application = new SpringApplication(App.class);
      application.setWebApplicationType(WebApplicationType.NONE);
      try (ConfigurableApplicationContext context =
          application.run(
              "--aether.address=" + gateway.address(),
              "--aether.agent.workspace=prod",
              "--aether.agent.implementation=impl",
              "--aether.agent.specifier=s1")) {
        // A duplicate identity is terminal: the log must not promise retries that will never
        // happen.
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(output)
                        .contains("could not connect and stopped for good")
                        .doesNotContain("keeps retrying in the background"));
        assertThat(context.isRunning()).isTrue();
      }
    }
  }

  private static void run(String... args) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.run(args).close();
  }

  @Configuration(proxyBeanMethods = false)
  @Import(AetherAutoConfiguration.class)
  static class App {}
}
