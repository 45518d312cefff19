/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import io.github.aetherjava.client.AetherChannelPool;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.kv.KvTarget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** An agent connected through the SDK ({@link AgentClient}) with default options. */
final class SdkPeer implements Peer {

  private final AgentClient client;
  private final CompletableFuture<?> connected;

  SdkPeer(
      String address,
      @Nullable AetherChannelPool pool,
      @Nullable ReconnectPolicy reconnect,
      @Nullable Executor callbacks,
      String workspace,
      String implementation,
      String specifier,
      Sink sink) {
    AetherClientOptions.Builder b = AetherClientOptions.builder().address(address);
    if (callbacks != null) {
      b.callbackExecutor(callbacks);
    }
    if (pool != null) {
      b.channelPool(pool);
    }
    if (reconnect != null) {
      b.reconnect(reconnect);
    }
    client =
        AgentClient.builder(b.build())
            .workspace(workspace)
            .implementation(implementation)
            .specifier(specifier)
            .build();
    if (sink != Sink.NONE) {
      client.onMessage(m -> sink.onMessage(m.sourceTopic(), Peer.header(m.payloadBuffer())));
    }
    connected = client.connect();
  }

  @Override
  public String topic() {
    return client.topic();
  }

  @Override
  public CompletableFuture<?> connected() {
    return connected;
  }

  @Override
  public boolean isReady() {
    return client.state() == ConnectionState.READY;
  }

  @Override
  public void send(String topic, byte[] payload) {
    client.send(topic, payload);
  }

  @Override
  public void kvPut(String key, byte[] value) {
    client.kv().put(KvTarget.workspaceExclusive(), key, value).join();
  }

  @Override
  public int kvGet(String key) {
    // the blocking call a waiting caller uses: it is woken by the thread that read the response
    return client.kv().getBlocking(KvTarget.workspaceExclusive(), key).value().length;
  }

  @Override
  public void close() {
    client.close();
  }
}
