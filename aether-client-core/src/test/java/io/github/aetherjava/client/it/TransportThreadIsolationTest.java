/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherChannelPool;
import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's channels run its stream listener on the transport thread (gRPC's direct executor). A
 * handler that blocks forever must then still stop nothing but its own client's handlers: not
 * another client sharing the same channel (and so the same transport thread), not the blocked
 * client's own correlated responses, and not either client's reconnect after a gateway restart. Run
 * on TCP and on the in-process transport, with default options.
 */
class TransportThreadIsolationTest {

  private final List<AetherClient> clients = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void close() throws Exception {
    never.countDown();
    clients.forEach(AetherClient::close);
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  private static EmbeddedAetherGateway gateway(boolean tcp, int port, String inProcessName) {
    EmbeddedAetherGateway.Builder b =
        EmbeddedAetherGateway.builder().shutdownDrainTimeout(Duration.ofMillis(200));
    return tcp ? b.port(port).start() : b.tcp(false).inProcessName(inProcessName).start();
  }

  private AgentClient agent(String address, @Nullable AetherChannelPool pool, String spec) {
    AetherClientOptions.Builder o = AetherClientOptions.builder().address(address);
    if (pool != null) {
      o.channelPool(pool);
    }
    AgentClient a =
        AgentClient.builder(o.build())
            .workspace("iso")
            .implementation("impl")
            .specifier(spec)
            .build();
    clients.add(a);
    return a;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "tcp={0}")
  @ValueSource(booleans = {true, false})
  void aHandlerBlockedForeverStopsNoOtherClientNoResponseAndNoReconnect(boolean tcp)
      throws Exception {
    String name = "isolation-" + UUID.randomUUID();
    EmbeddedAetherGateway[] gw = {gateway(tcp, 0, name)};
    resources.add(() -> gw[0].close());
    int port = tcp ? gw[0].port() : 0;
    String address = tcp ? gw[0].address() : gw[0].inProcessAddress();
    // both on one shared channel: over TCP they share its event-loop thread too
    AetherChannelPool pool = AetherChannelPool.create();
    resources.add(pool);
    AgentClient sender = agent(address, null, "tx");
    AgentClient blocked = agent(address, pool, "blocked");
    AgentClient healthy = agent(address, pool, "healthy");
    sender.connect().get(10, TimeUnit.SECONDS);
    blocked.connect().get(10, TimeUnit.SECONDS);
    healthy.connect().get(10, TimeUnit.SECONDS);
    AtomicInteger blockedCalls = new AtomicInteger();
    blocked.onMessage(
        m -> {
          blockedCalls.incrementAndGet();
          never.await();
        });
    AtomicInteger received = new AtomicInteger();
    healthy.onMessage(m -> received.incrementAndGet());

    // frames wait behind the blocked handler (fewer than the inbound window: a full window of
    // unhandled frames would hold back the blocked client's own responses by design)
    for (int i = 0; i < 20; i++) {
      sender.send(blocked.topic(), utf8("a" + i));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> blockedCalls.get() == 1);
    for (int i = 0; i < 200; i++) {
      sender.send(healthy.topic(), utf8("b" + i));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == 200);

    // the blocked client's own correlated responses still arrive, blocking and asynchronously
    blocked.kv().putBlocking(KvTarget.global(), "iso-key", utf8("v1"));
    assertThat(blocked.kv().get(KvTarget.global(), "iso-key").get(10, TimeUnit.SECONDS).asString())
        .isEqualTo("v1");
    assertThat(healthy.kv().getBlocking(KvTarget.global(), "iso-key").asString()).isEqualTo("v1");

    // a gateway restart: every client reconnects, the blocked one included
    gw[0].close();
    await().atMost(Duration.ofSeconds(10)).until(() -> healthy.state() != ConnectionState.READY);
    gw[0] = gateway(tcp, port, name);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sender.state() == ConnectionState.READY
                    && blocked.state() == ConnectionState.READY
                    && healthy.state() == ConnectionState.READY);
    sender.send(healthy.topic(), utf8("after"));
    await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == 201);
    blocked.kv().putBlocking(KvTarget.global(), "iso-key", utf8("v2"));
    assertThat(blocked.kv().get(KvTarget.global(), "iso-key").get(10, TimeUnit.SECONDS).asString())
        .isEqualTo("v2");
    assertThat(blockedCalls.get()).isEqualTo(1);
  }
}
