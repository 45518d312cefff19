/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.annotation.OnConnectionEvent;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.listener.AetherConnectionEvent;
import io.github.aetherjava.spring.listener.AetherHeaders;
import io.github.aetherjava.spring.listener.AetherListenerContainer;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import io.github.aetherjava.spring.listener.AetherListenerErrorHandler;
import io.github.aetherjava.spring.listener.AetherListenerExecutionException;
import io.github.aetherjava.spring.test.AetherListenerCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;

/**
 * Listener pipeline against a real embedded gateway: argument conversion, filters, request/reply,
 * error handling and the registry.
 */
class AetherListenerAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  static final String PEER = "ag::test::peer::p1";

  static final String AGENT = "ag::prod::impl::s1";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherListenerAutoConfiguration.class,
                  JacksonAutoConfiguration.class))
          .withPropertyValues(
              "aether.agent.workspace=prod",
              "aether.agent.implementation=impl",
              "aether.agent.specifier=s1",
              "aether.fail-fast=true")
          .withBean(
              "aetherListenerCapture", AetherListenerCapture.class, AetherListenerCapture::new)
          .withUserConfiguration(Listeners.class);

  @Test
  void listenerInfrastructureIsAutoConfigured() {
    this.runner.run(
        (context) -> {
          assertThat(context).hasSingleBean(AetherListenerEndpointRegistry.class);
          assertThat(
                  context.getBean(AetherListenerEndpointRegistry.class).getListenerContainerIds())
              .contains(
                  "text", "bytes", "json", "proto", "failing", "routed", "filtered", "events");
        });
  }

  @Test
  void stringPayloadHeadersRawMessageAndReply() {
    this.runner.run(
        (context) ->
            withPeer(
                context,
                (peer, received) -> {
                  peer.send(AGENT, "hello".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                      .join();
                  Listeners listeners = context.getBean(Listeners.class);
                  await().atMost(TIMEOUT).until(() -> !received.isEmpty());
                  assertThat(received.get(0).payloadAsString()).isEqualTo("echo:hello");
                  assertThat(received.get(0).messageType()).isEqualTo(MessageType.CHAT);
                  assertThat(listeners.textArgs)
                      .containsExactly("hello", PEER, "CHAT", "test", PEER, AGENT);
                }));
  }

  @Test
  void bytesJsonGenericsAndProtobufPayloads() {
    this.runner.run(
        (context) ->
            withPeer(
                context,
                (peer, received) -> {
                  AetherListenerCapture capture = context.getBean(AetherListenerCapture.class);
                  Listeners listeners = context.getBean(Listeners.class);
                  peer.send(AGENT, new byte[] {1, 2, 3}, MessageType.CONTROL).join();
                  peer.send(
                          AGENT,
                          "[{\"name\":\"a\",\"qty\":2},{\"name\":\"b\",\"qty\":3}]"
                              .getBytes(StandardCharsets.UTF_8),
                          MessageType.TOOL_CALL)
                      .join();
                  capture.await("bytes", 1, TIMEOUT);
                  capture.await("json", 1, TIMEOUT);
                  withPeer(
                      context,
                      "proto-peer",
                      (protoPeer, ignored) ->
                          protoPeer
                              .send(
                                  AGENT,
                                  new PrincipalRef("user", "alice").toProto().toByteArray(),
                                  MessageType.CHAT)
                              .join());
                  capture.await("proto", 1, TIMEOUT);
                  assertThat(capture.invocations("text")).isEmpty();
                  assertThat(listeners.bytes).containsExactly(1, 2, 3);
                  assertThat(listeners.items).containsExactly(new Item("a", 2), new Item("b", 3));
                  assertThat(listeners.principal).isEqualTo("alice");
                }));
  }

  @Test
  void sendToOverridesReplyTopic() {
    this.runner.run(
        (context) ->
            withPeer(
                context,
                (peer, received) -> {
                  peer.send(AGENT, "x".getBytes(StandardCharsets.UTF_8), MessageType.OPAQUE).join();
                  await().atMost(TIMEOUT).until(() -> !received.isEmpty());
                  assertThat(received.get(0).payloadAsString()).isEqualTo("routed:x");
                  assertThat(received.get(0).messageType()).isEqualTo(MessageType.OPAQUE);
                }));
  }

  @Test
  void errorsGoToTheErrorHandlerAndTheListenerKeepsWorking() {
    this.runner.run(
        (context) ->
            withPeer(
                context,
                (peer, received) -> {
                  AetherListenerCapture capture = context.getBean(AetherListenerCapture.class);
                  RecordingErrorHandler errorHandler = context.getBean(RecordingErrorHandler.class);
                  peer.send(AGENT, "one".getBytes(StandardCharsets.UTF_8), MessageType.EVENT)
                      .join();
                  peer.send(AGENT, "two".getBytes(StandardCharsets.UTF_8), MessageType.EVENT)
                      .join();
                  assertThat(capture.await("failing", 2, TIMEOUT).error()).hasMessage("boom:two");
                  await().atMost(TIMEOUT).until(() -> errorHandler.failures.size() == 2);
                  assertThat(errorHandler.failures.get(0).getListenerId()).isEqualTo("failing");
                  assertThat(errorHandler.failures.get(0).getCause()).hasMessage("boom:one");
                  // The error handler's return value is the reply.
                  await().atMost(TIMEOUT).until(() -> received.size() == 2);
                  assertThat(received.get(0).payloadAsString()).isEqualTo("failed:one");
                  // The same client still delivers to other listeners afterwards.
                  peer.send(AGENT, "after".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                      .join();
                  capture.await("text", 1, TIMEOUT);
                  assertThat(capture.invocations("filtered")).isEmpty();
                }));
  }

  @Test
  void connectionEventsAreDelivered() {
    this.runner.run(
        (context) -> {
          Listeners listeners = context.getBean(Listeners.class);
          await().atMost(TIMEOUT).until(() -> !listeners.events.isEmpty());
          AetherConnectionEvent event = listeners.events.get(0);
          assertThat(event.type()).isEqualTo(AetherConnectionEvent.Type.CONNECTED);
          assertThat(event.clientName()).isEqualTo("aetherAgentClient");
          assertThat(event.connectionInfo()).isNotNull();
        });
  }

  @Test
  void registryStopsAndStartsOneListener() {
    this.runner.run(
        (context) ->
            withPeer(
                context,
                (peer, received) -> {
                  AetherListenerCapture capture = context.getBean(AetherListenerCapture.class);
                  AetherListenerEndpointRegistry registry =
                      context.getBean(AetherListenerEndpointRegistry.class);
                  AetherListenerContainer text = registry.getListenerContainer("text");
                  assertThat(text).isNotNull();
                  text.stop();
                  assertThat(text.isRunning()).isFalse();
                  peer.send(
                          AGENT, "while-stopped".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                      .join();
                  // Bytes are delivered in order on the same stream, so once this arrives the CHAT
                  // has been skipped.
                  peer.send(AGENT, new byte[] {9}, MessageType.CONTROL).join();
                  capture.await("bytes", 1, TIMEOUT);
                  text.start();
                  peer.send(AGENT, "after-start".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                      .join();
                  capture.await("text", 1, TIMEOUT);
                  assertThat(capture.invocations("text")).hasSize(1);
                  assertThat(capture.invocations("text").get(0).payload())
                      .isEqualTo("after-start".getBytes(StandardCharsets.UTF_8));
                }));
  }

  @Test
  void withoutJacksonPayloadConverterHasNoJsonSupport() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class, AetherListenerAutoConfiguration.class))
        .withClassLoader(
            new FilteredClassLoader(
                EmbeddedAetherGateway.class, tools.jackson.databind.json.JsonMapper.class))
        .withPropertyValues("aether.connect-on-startup=false")
        .run(
            (context) -> {
              MessageConverter converter =
                  context.getBean("aetherMessageConverter", MessageConverter.class);
              assertThat(((CompositeMessageConverter) converter).getConverters()).hasSize(3);
            });
  }

  @Test
  void listenerWithoutClientFailsWithClearMessage() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class, AetherListenerAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues("aether.connect-on-startup=false")
        .withUserConfiguration(Listeners.class)
        .run((context) -> assertThat(context).getFailure().hasMessageContaining("needs a client"));
  }

  @Test
  void listenerMustChooseAClientWhenThereAreSeveral() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class, AetherListenerAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues(
            "aether.connect-on-startup=false",
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1",
            "aether.service.implementation=search",
            "aether.service.specifier=1")
        .withUserConfiguration(Listeners.class)
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("must choose one of the Aether clients")
                    .hasMessageContaining("aetherAgentClient")
                    .hasMessageContaining("aetherServiceClient"));
  }

  private static void withPeer(AssertableApplicationContext context, PeerTest test)
      throws Exception {
    withPeer(context, "peer", test);
  }

  private static void withPeer(
      AssertableApplicationContext context, String implementation, PeerTest test) throws Exception {
    String address = context.getBean(EmbeddedAetherGateway.class).address();
    List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    try (AgentClient peer =
        AgentClient.builder(AetherClientOptions.builder().address(address).build())
            .workspace("test")
            .implementation(implementation)
            .specifier("p1")
            .build()) {
      peer.onMessage(received::add);
      peer.connectBlocking();
      test.run(peer, received);
    }
  }

  @FunctionalInterface
  interface PeerTest {

    void run(AgentClient peer, List<IncomingMessage> received) throws Exception;
  }

  record Item(String name, int qty) {}

  static class RecordingErrorHandler implements AetherListenerErrorHandler {

    final List<AetherListenerExecutionException> failures = new CopyOnWriteArrayList<>();

    @Override
    public @Nullable Object handleError(
        Message<?> message, AetherListenerExecutionException exception) {
      this.failures.add(exception);
      return "failed:" + new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Listeners {

    final List<Object> textArgs = new CopyOnWriteArrayList<>();

    volatile byte @Nullable [] bytes;

    volatile @Nullable List<Item> items;

    volatile @Nullable String principal;

    final List<AetherConnectionEvent> events = new CopyOnWriteArrayList<>();

    final AtomicInteger failures = new AtomicInteger();

    @Bean
    RecordingErrorHandler recordingErrorHandler() {
      return new RecordingErrorHandler();
    }

    @AetherListener(id = "text", messageType = MessageType.CHAT, sourceTopic = "ag::test::peer::.*")
    String text(
        String payload,
        @Header(AetherHeaders.SOURCE_TOPIC) String from,
        @Header(AetherHeaders.MESSAGE_TYPE) String type,
        @Header(AetherHeaders.WORKSPACE) String workspace,
        IncomingMessage raw,
        AgentClient client) {
      this.textArgs.addAll(
          List.of(payload, from, type, workspace, raw.sourceTopic(), client.identity()));
      return "echo:" + payload;
    }

    @AetherListener(id = "bytes", messageType = MessageType.CONTROL)
    void bytes(byte[] payload) {
      this.bytes = payload;
    }

    @AetherListener(id = "json", messageType = MessageType.TOOL_CALL)
    void json(List<Item> items) {
      this.items = items;
    }

    @AetherListener(
        id = "proto",
        messageType = MessageType.CHAT,
        sourceTopic = "ag::test::proto-peer::.*")
    void proto(io.github.aetherjava.proto.v1.PrincipalRef ref) {
      this.principal = ref.getPrincipalId();
    }

    @AetherListener(
        id = "failing",
        messageType = MessageType.EVENT,
        errorHandler = "recordingErrorHandler")
    void failing(String payload) {
      throw new IllegalStateException("boom:" + payload);
    }

    @AetherListener(id = "routed", messageType = MessageType.OPAQUE)
    @SendTo(PEER)
    String routed(String payload) {
      return "routed:" + payload;
    }

    @AetherListener(id = "filtered", sourceTopic = "ag::nobody::.*")
    void filtered(String payload) {
      throw new AssertionError("must not be invoked: " + payload);
    }

    @OnConnectionEvent(id = "events", value = AetherConnectionEvent.Type.CONNECTED)
    void events(AetherConnectionEvent event) {
      this.events.add(event);
    }
  }
}
