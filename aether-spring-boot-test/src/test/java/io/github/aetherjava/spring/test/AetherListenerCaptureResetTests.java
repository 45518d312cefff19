/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.spring.annotation.AetherListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/** The capture starts empty in every test, although both tests share one cached context. */
@SpringBootTest(
    classes = AetherListenerCaptureResetTests.EchoApplication.class,
    properties = {
      "aether.agent.workspace=prod",
      "aether.agent.implementation=echo",
      "aether.agent.specifier=e1",
      "aether.fail-fast=true"
    })
@EmbeddedAether
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AetherListenerCaptureResetTests {

  @Autowired AetherTestClient testClient;

  @Autowired AetherListenerCapture capture;

  @Autowired AgentClient agent;

  @Test
  @Order(1)
  void firstTestRecordsAnInvocation() {
    assertThat(this.capture.invocations()).isEmpty();
    this.testClient.send(this.agent.topic(), "one");
    this.capture.await("echo", 1, Duration.ofSeconds(10));
    assertThat(this.capture.invocations()).hasSize(1);
  }

  @Test
  @Order(2)
  void secondTestStartsWithAnEmptyCapture() {
    assertThat(this.capture.invocations()).isEmpty();
    this.testClient.send(this.agent.topic(), "two");
    assertThat(this.capture.await("echo", 1, Duration.ofSeconds(10)).payload())
        .isEqualTo("two".getBytes(StandardCharsets.UTF_8));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class EchoApplication {

    @AetherListener(id = "echo")
    void echo(String payload) {}
  }
}
