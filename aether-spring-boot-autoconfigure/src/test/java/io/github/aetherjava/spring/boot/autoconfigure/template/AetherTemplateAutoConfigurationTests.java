/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.Topics;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.clients.AetherNamedClientsAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.listener.AetherListenerAutoConfiguration;
import io.github.aetherjava.spring.core.AetherTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AetherTemplateAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherListenerAutoConfiguration.class,
                  AetherTemplateAutoConfiguration.class,
                  JacksonAutoConfiguration.class))
          .withPropertyValues("aether.fail-fast=true");

  record Invoice(String id, int amount) {}

  /** Jackson cannot write it: its only property throws. */
  static final class Unserializable {

    public String getValue() {
      throw new IllegalStateException("no value");
    }
  }

  @Test
  void templateConvertsWithTheListenerConverterAndRoutesReplies() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=billing",
            "aether.agent.specifier=1")
        .run(
            (context) -> {
              AetherTemplate template = context.getBean(AetherTemplate.class);
              assertThat(template.getClient()).isSameAs(context.getBean(AgentClient.class));
              String address = context.getBean(EmbeddedAetherGateway.class).address();
              List<IncomingMessage> received = new CopyOnWriteArrayList<>();
              try (AgentClient peer =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("test")
                      .implementation("peer")
                      .specifier("p1")
                      .build()) {
                peer.onMessage(received::add);
                peer.connectBlocking();
                String peerTopic = Topics.agent("test", "peer", "p1");
                template.convertAndSend(peerTopic, new Invoice("inv-7", 42)).join();
                template.convertAndSendBlocking(peerTopic, "plain text");
                template.send(peerTopic, new byte[] {1, 2}, MessageType.EVENT).join();
                await().atMost(TIMEOUT).until(() -> received.size() == 3);
                assertThat(text(received.get(0))).isEqualTo("{\"id\":\"inv-7\",\"amount\":42}");
                assertThat(received.get(0).messageType()).isEqualTo(MessageType.OPAQUE);
                assertThat(text(received.get(1))).isEqualTo("plain text");
                assertThat(received.get(2).payload()).containsExactly(1, 2);
                assertThat(received.get(2).messageType()).isEqualTo(MessageType.EVENT);

                // a request from the peer, answered through the template: back to its source
                List<IncomingMessage> atAgent = new CopyOnWriteArrayList<>();
                context.getBean(AgentClient.class).onMessage(atAgent::add);
                peer.send(Topics.agent("prod", "billing", "1"), "ask".getBytes(), MessageType.CHAT)
                    .join();
                await().atMost(TIMEOUT).until(() -> atAgent.size() == 1);
                template.reply(atAgent.get(0), new Invoice("inv-8", 1)).join();
                await().atMost(TIMEOUT).until(() -> received.size() == 4);
                assertThat(received.get(3).messageType()).isEqualTo(MessageType.CHAT);
                assertThat(text(received.get(3))).contains("inv-8");
              }
            });
  }

  @Test
  void unconvertiblePayloadFailsTheFutureAndNamesTheType() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=billing",
            "aether.agent.specifier=1")
        .run(
            (context) -> {
              AetherTemplate template = context.getBean(AetherTemplate.class);
              Object unconvertible = new Unserializable();
              assertThat(template.convertAndSend("ag::test::peer::p1", unconvertible))
                  .failsWithin(TIMEOUT)
                  .withThrowableOfType(ExecutionException.class)
                  .withCauseInstanceOf(InvalidArgumentException.class)
                  .withMessageContaining(Unserializable.class.getName());
              assertThatExceptionOfType(InvalidArgumentException.class)
                  .isThrownBy(() -> template.convertAndSendBlocking("bad topic", "x"))
                  .withMessageContaining("topic");
            });
  }

  @Test
  void noTemplateWithoutASendingClientOrWithSeveral() {
    this.runner.run((context) -> assertThat(context).doesNotHaveBean(AetherTemplate.class));
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=billing",
            "aether.agent.specifier=1",
            "aether.service.implementation=svc",
            "aether.service.specifier=1")
        .run((context) -> assertThat(context).doesNotHaveBean(AetherTemplate.class));
    this.runner
        .withConfiguration(AutoConfigurations.of(AetherNamedClientsAutoConfiguration.class))
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=billing",
            "aether.agent.specifier=1",
            "aether.clients.second.type=agent",
            "aether.clients.second.workspace=prod",
            "aether.clients.second.implementation=billing",
            "aether.clients.second.specifier=2")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(AetherTemplate.class);
            });
  }

  private static String text(IncomingMessage message) {
    return new String(message.payload(), StandardCharsets.UTF_8);
  }
}
