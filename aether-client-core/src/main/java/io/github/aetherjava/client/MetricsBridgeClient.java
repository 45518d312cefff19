/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.KvClientImpl;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.MetricsBridgeIdentity;
import java.util.Set;

/**
 * The metrics bridge (singleton {@code metrics::shard0}): receive-only. Every published metric
 * arrives as an {@link IncomingMessage} of type {@link MessageType#METRIC}; decode it with {@link
 * #decodeMetrics}. It has no send methods (the gateway refuses every send from it). Has KV.
 *
 * @since 0.1.0
 */
public final class MetricsBridgeClient extends AetherClient implements KvAccess {

  /** Canonical identity (the gateway's lock key). */
  public static final String IDENTITY = "metrics::shard0";

  /** Topic the bridge receives metrics on. */
  public static final String TOPIC = "metric::receiver0";

  private final KvClient kv;

  private MetricsBridgeClient(AetherClientOptions options) {
    super(options, PrincipalKind.METRICS_BRIDGE);
    this.kv = new KvClientImpl(core(), PrincipalKind.METRICS_BRIDGE, "", "", "");
  }

  /**
   * @param options connection options
   * @return a builder
   */
  public static Builder builder(AetherClientOptions options) {
    return new Builder(options);
  }

  /**
   * @param message a metric message
   * @return the decoded batch
   * @throws InvalidArgumentException if the payload is not a serialized {@code Metric}
   */
  public static Metrics decodeMetrics(IncomingMessage message) {
    try {
      return Metrics.fromProto(
          io.github.aetherjava.proto.v1.Metric.parseFrom(message.payloadBuffer()));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new InvalidArgumentException("payload is not a serialized Metric", e, null);
    }
  }

  @Override
  void fillIdentity(InitConnection.Builder init) {
    init.setMetricsBridge(MetricsBridgeIdentity.getDefaultInstance());
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.NONE;
  }

  @Override
  String requestedIdentity() {
    return IDENTITY;
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public KvClient kv() {
    return kv;
  }

  /** Builder for {@link MetricsBridgeClient}. */
  public static final class Builder extends ClientBuilder<Builder> {

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @return the client
     */
    public MetricsBridgeClient build() {
      return new MetricsBridgeClient(options);
    }
  }
}
