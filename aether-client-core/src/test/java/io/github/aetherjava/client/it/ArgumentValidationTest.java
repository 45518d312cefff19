/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.MessageHandler;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input fails one way everywhere: an {@link InvalidArgumentException} naming the argument, as
 * the failure of the returned future for asynchronous methods (never thrown by them), thrown by the
 * others; and it loses nothing else (the client stays connected).
 */
class ArgumentValidationTest {

  private static EmbeddedAetherGateway gw;
  private static AgentClient agent;

  @BeforeAll
  static void start() throws Exception {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("args-" + UUID.randomUUID())
            .start();
    agent =
        AgentClient.builder(AetherClientOptions.builder().address(gw.inProcessAddress()).build())
            .workspace("ws")
            .implementation("impl")
            .specifier("args")
            .build();
    agent.connect().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    agent.close();
    gw.close();
  }

  private static void failsNaming(Supplier<CompletableFuture<?>> call, String argument) {
    CompletableFuture<?> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      throw new AssertionError("threw instead of failing the future: " + e, e);
    }
    assertThat(f).isCompletedExceptionally();
    Throwable cause;
    try {
      f.get(1, TimeUnit.SECONDS);
      throw new AssertionError("succeeded");
    } catch (ExecutionException e) {
      cause = e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(cause).isInstanceOf(InvalidArgumentException.class).hasMessageContaining(argument);
  }

  @Test
  void asynchronousMethodsFailTheirFutureNamingTheArgument() {
    byte[] x = {1};
    failsNaming(() -> agent.send(null, x), "topic");
    failsNaming(() -> agent.send("", x), "topic");
    failsNaming(() -> agent.send("ag::ws::bad b::1", x), "segment 3");
    failsNaming(() -> agent.send("ag::ws::i::s", (byte[]) null), "payload");
    failsNaming(() -> agent.send("ag::ws::i::s", (String) null), "text");
    failsNaming(() -> agent.send("ag::ws::i::s", x, null), "type");
    failsNaming(() -> agent.sendToAgent(null, "i", "s", x), "workspace");
    failsNaming(() -> agent.sendToTask("ws", "i", null, x), "specifier");
    failsNaming(() -> agent.sendToUser("alice", "tab 1", x), "windowId");
    failsNaming(() -> agent.sendEvent(null, x), "workspace");
    failsNaming(() -> agent.sendMetric(null), "metrics");
    failsNaming(() -> agent.reportProgress(null), "progress");
    failsNaming(() -> agent.kv().get(KvTarget.global(), null), "key");
    failsNaming(() -> agent.kv().get(null, "k"), "target");
    failsNaming(() -> agent.kv().put(KvTarget.global(), "k", (byte[]) null), "value");
    failsNaming(() -> agent.kv().put(KvTarget.global(), "k", (String) null), "value");
    failsNaming(() -> agent.kv().get(KvTarget.global(), "k", null), "timeout");
    failsNaming(() -> agent.checkpoint().save("k", (byte[]) null), "data");
    failsNaming(() -> agent.checkpoint().save("k", (String) null), "text");
    failsNaming(() -> agent.checkpoint().load(null), "key");
  }

  @Test
  void otherMethodsThrowNamingTheArgumentAndTheClientKeepsWorking() throws Exception {
    assertThatThrownBy(() -> agent.onMessage((MessageHandler) null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("handler");
    assertThatThrownBy(() -> agent.onMessage(null, m -> {}))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> agent.addConnectionListener(null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("handler");
    agent.send(agent.topic(), new byte[] {1}).get(10, TimeUnit.SECONDS);
    assertThat(agent.isConnected()).isTrue();
  }
}
