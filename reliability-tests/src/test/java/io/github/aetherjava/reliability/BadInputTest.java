/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.WS;
import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.options;
import static io.github.aetherjava.reliability.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TlsOptions;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.kv.KvScope;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input into the public API, table-driven: every row names the call, the exact exception type
 * and the exact message. Asynchronous calls must fail their future (not throw), synchronous
 * builders must throw.
 */
@Order(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  private EmbeddedAetherGateway gw;
  private AgentClient agent;
  private ServiceClient service;

  @BeforeAll
  void start() {
    gw = EmbeddedAetherGateway.builder().start();
    agent = agent(options(gw.address()).build(), "bad-input");
    agent.connectBlocking();
    service =
        ServiceClient.builder(options(gw.address()).build())
            .implementation("bad")
            .specifier("1")
            .build();
    service.connectBlocking();
    current = this;
  }

  @AfterAll
  void stop() {
    agent.close();
    service.close();
    gw.close();
  }

  private static @Nullable BadInputTest current;

  /** The connected agent of the running test instance (rows are built statically). */
  private static AgentClient live() {
    return java.util.Objects.requireNonNull(current).agent;
  }

  private static AetherClientOptions opts() {
    return AetherClientOptions.builder().address("127.0.0.1:1").build();
  }

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  /** Synchronous calls: identifiers, options, nulls. */
  static Stream<Arguments> synchronousCases() {
    return Stream.of(
        row(
            "empty workspace",
            () ->
                AgentClient.builder(opts())
                    .workspace("")
                    .implementation("i")
                    .specifier("s")
                    .build(),
            InvalidArgumentException.class,
            "workspace must not be empty"),
        row(
            "implementation of 129 bytes",
            () ->
                AgentClient.builder(opts())
                    .workspace("w")
                    .implementation(repeat('x', 129))
                    .specifier("s")
                    .build(),
            InvalidArgumentException.class,
            "implementation must be at most 128 bytes"),
        row(
            "multi-byte identifier over 128 bytes",
            () ->
                AgentClient.builder(opts())
                    .workspace(repeat('é', 65))
                    .implementation("i")
                    .specifier("s")
                    .build(),
            InvalidArgumentException.class,
            "workspace must be at most 128 bytes"),
        row(
            "'::' in a specifier",
            () ->
                AgentClient.builder(opts())
                    .workspace("w")
                    .implementation("i")
                    .specifier("a::b")
                    .build(),
            InvalidArgumentException.class,
            "specifier must not contain '::': a::b"),
        row(
            "space in a specifier",
            () ->
                AgentClient.builder(opts())
                    .workspace("w")
                    .implementation("i")
                    .specifier("a b")
                    .build(),
            InvalidArgumentException.class,
            "specifier contains a forbidden character (*, >, whitespace or control): a b"),
        row(
            "tab in a user id",
            () -> UserClient.builder(opts()).userId("al\tice").windowId("w").build(),
            InvalidArgumentException.class,
            "userId contains a forbidden character (*, >, whitespace or control): al?ice"),
        row(
            "NUL in a window id",
            () -> UserClient.builder(opts()).userId("alice").windowId("w\u0000").build(),
            InvalidArgumentException.class,
            "windowId contains a forbidden character (*, >, whitespace or control): w?"),
        row(
            "wildcard in a workspace",
            () ->
                AgentClient.builder(opts())
                    .workspace("w*")
                    .implementation("i")
                    .specifier("s")
                    .build(),
            InvalidArgumentException.class,
            "workspace contains a forbidden character (*, >, whitespace or control): w*"),
        row(
            "address without port",
            () -> AetherClientOptions.builder().address("localhost").build(),
            InvalidArgumentException.class,
            "address must be host:port or in-process:<name>: localhost"),
        row(
            "port out of range",
            () -> AetherClientOptions.builder().address("localhost:70000").build(),
            InvalidArgumentException.class,
            "port out of range: localhost:70000"),
        row(
            "keepalive faster than the gateway allows",
            () ->
                AetherClientOptions.builder()
                    .keepAliveTime(java.time.Duration.ofSeconds(1))
                    .build(),
            InvalidArgumentException.class,
            "keepAliveTime must be >= 10 s (the gateway answers faster pings with GOAWAY too_many_pings)"),
        row(
            "mTLS with a certificate but no key",
            () -> TlsOptions.builder().clientCertificate(utf8("x"), null).build(),
            InvalidArgumentException.class,
            "privateKeyPem must not be null"),
        row(
            "empty API key",
            () -> Credentials.apiKey(""),
            InvalidArgumentException.class,
            "apiKey must not be empty"),
        row(
            "null options",
            () -> AgentClient.builder(null),
            InvalidArgumentException.class,
            "options must not be null"),
        row(
            "null workspace",
            () -> AgentClient.builder(opts()).workspace(null),
            InvalidArgumentException.class,
            "workspace must not be null"),
        row(
            "null address",
            () -> AetherClientOptions.builder().address(null),
            InvalidArgumentException.class,
            "address must not be null"),
        row(
            "null credentials",
            () -> AetherClientOptions.builder().credentials(null),
            InvalidArgumentException.class,
            "credentials must not be null"),
        row(
            "null message handler",
            () ->
                AgentClient.builder(opts())
                    .workspace("w")
                    .implementation("i")
                    .specifier("s")
                    .build()
                    .onMessage(null),
            InvalidArgumentException.class,
            "handler must not be null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synchronousCases")
  void synchronousBadInputThrowsExactly(
      String name,
      ThrowingCallable call,
      Class<? extends Throwable> type,
      @Nullable String message) {
    var thrown = assertThatThrownBy(call).isExactlyInstanceOf(type);
    if (message != null && message.startsWith("~")) {
      thrown.hasMessageContaining(message.substring(1)); // JDK helpful NPE text naming the argument
    } else if (message != null) {
      thrown.hasMessage(message);
    }
  }

  /** Asynchronous calls on a connected client: the returned future fails, nothing is sent. */
  static Stream<Arguments> asynchronousCases() {
    String longTopic = "ag::" + repeat('x', 253);
    return Stream.of(
        arow(
            "dotted topic",
            c -> c.agent.send("ag.rel.rel.x", utf8("p")),
            InvalidArgumentException.class,
            "topic has an invalid prefix (topics use '::', e.g. ag::ws::impl::spec): ag.rel.rel.x"),
        arow(
            "unknown topic prefix",
            c -> c.agent.send("zz::a", utf8("p")),
            InvalidArgumentException.class,
            "topic has an invalid prefix (topics use '::', e.g. ag::ws::impl::spec): zz::a"),
        arow(
            "topic of 257 characters",
            c -> c.agent.send(longTopic, utf8("p")),
            InvalidArgumentException.class,
            "topic length must be 1-256: " + longTopic),
        arow(
            "empty topic",
            c -> c.agent.send("", utf8("p")),
            InvalidArgumentException.class,
            "topic length must be 1-256: "),
        arow(
            "agent to a user broadcast",
            c -> c.agent.send("uu::alice", utf8("p")),
            InvalidArgumentException.class,
            "topic: AGENT clients may not send to 'uu::' topics"),
        arow(
            "payload of 1 MiB + 1",
            c -> c.agent.send("ag::" + WS + "::rel::x", new byte[1024 * 1024 + 1]),
            InvalidArgumentException.class,
            "payload of 1048577 bytes exceeds the limit of 1048576 bytes"),
        arow(
            "KV key of 257 characters",
            c -> c.agent.kv().get(KvTarget.workspaceExclusive(), repeat('k', 257)),
            InvalidArgumentException.class,
            "key must be at most 256 characters"),
        arow(
            "empty KV key",
            c -> c.agent.kv().put(KvTarget.global(), "", utf8("v")),
            InvalidArgumentException.class,
            "key must not be empty"),
        arow(
            "user scope without a user id",
            c -> c.agent.kv().get(KvTarget.of(KvScope.USER), "k"),
            InvalidArgumentException.class,
            "scope user needs a user id"),
        arow(
            "workspace scope on a workspace-less service",
            c -> c.service.kv().get(KvTarget.workspaceScope(), "k"),
            InvalidArgumentException.class,
            "scope workspace needs a workspace: SERVICE clients have none, pass one with KvTarget.inWorkspace(...)"),
        arow(
            "invalid user id in a KV target",
            c -> c.agent.kv().get(KvTarget.user("a b"), "k"),
            InvalidArgumentException.class,
            "userId contains a forbidden character (*, >, whitespace or control): a b"),
        arow(
            "negative TTL",
            c ->
                c.agent
                    .kv()
                    .put(KvTarget.global(), "k", utf8("v"), java.time.Duration.ofSeconds(-1)),
            InvalidArgumentException.class,
            "ttl must not be negative"),
        // nulls and malformed segments: the future fails naming the argument, nothing is thrown
        arow(
            "null topic",
            c -> c.agent.send(null, utf8("p")),
            InvalidArgumentException.class,
            "topic must not be null"),
        arow(
            "null payload",
            c -> c.agent.send("ag::" + WS + "::rel::x", (byte[]) null),
            InvalidArgumentException.class,
            "payload must not be null"),
        arow(
            "null KV key",
            c -> c.agent.kv().get(KvTarget.global(), null),
            InvalidArgumentException.class,
            "key must not be null"),
        arow(
            "null KV target",
            c -> c.agent.kv().get(null, "k"),
            InvalidArgumentException.class,
            "target must not be null"),
        arow(
            "null workspace in a send helper",
            c -> c.agent.sendToAgent(null, "i", "s", utf8("p")),
            InvalidArgumentException.class,
            "workspace must not be null"),
        arow(
            "space inside a topic segment",
            c -> c.agent.send("ag::ws::bad b::1", utf8("p")),
            InvalidArgumentException.class,
            "topic 'ag::ws::bad b::1' segment 3 contains a forbidden character"
                + " (*, >, whitespace or control): bad b"),
        arow(
            "empty topic segment",
            c -> c.agent.send("ag::::b::1", utf8("p")),
            InvalidArgumentException.class,
            "topic 'ag::::b::1' segment 2 must not be empty"),
        arow(
            "three-segment agent topic",
            c -> c.agent.send("ag::ws::impl", utf8("p")),
            InvalidArgumentException.class,
            "topic 'ag::ws::impl' has 3 segments, which is not a valid ag:: topic"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asynchronousCases")
  void asynchronousBadInputFailsTheFutureExactly(
      String name,
      Function<BadInputTest, CompletableFuture<?>> call,
      Class<? extends Throwable> type,
      String message) {
    CompletableFuture<?> f = call.apply(this);
    assertThat(f).as("fails before anything is sent").isCompletedExceptionally();
    assertThatThrownBy(f::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isExactlyInstanceOf(type)
        .hasMessage(message);
    assertThat(agent.isConnected()).as("bad input never breaks the connection").isTrue();
  }

  private static Arguments row(
      String name,
      ThrowingCallable call,
      Class<? extends Throwable> type,
      @Nullable String message) {
    return Arguments.of(name, call, type, message);
  }

  private static Arguments arow(
      String name,
      Function<BadInputTest, CompletableFuture<?>> call,
      Class<? extends Throwable> type,
      String message) {
    return Arguments.of(name, call, type, message);
  }
}
