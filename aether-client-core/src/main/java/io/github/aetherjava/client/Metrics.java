/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A batch of metric entries, sent with {@code sendMetric} as a serialized {@code aether.v1.Metric}.
 * Build with {@link #builder()}:
 *
 * <pre>{@code
 * agent.sendMetric(Metrics.builder().traceId("t-1").add("tokens", "counter", 42).tag("model", "m1").build());
 * }</pre>
 *
 * <p>The gateway rejects empty batches, more than 1024 entries, more than 64 tags, empty names, NaN
 * or infinite quantities; the builder checks the same.
 *
 * @since 0.1.0
 */
public final class Metrics {

  /** Largest number of entries per batch. */
  public static final int MAX_ENTRIES = 1024;

  /** Largest number of metadata tags per batch. */
  public static final int MAX_TAGS = 64;

  /**
   * One metric entry.
   *
   * @param name metric name
   * @param kind kind label, e.g. {@code counter}, {@code gauge}
   * @param quantity value (negative values need {@code capability/metric_credit})
   */
  public record Entry(String name, String kind, double quantity) {}

  private final String traceId;
  private final List<Entry> entries;
  private final Map<String, String> tags;
  private final @Nullable Instant clientTimestamp;

  private Metrics(Builder b) {
    this.traceId = b.traceId;
    this.entries = List.copyOf(b.entries);
    this.tags = Map.copyOf(b.tags);
    this.clientTimestamp = b.clientTimestamp;
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return trace id (may be empty)
   */
  public String traceId() {
    return traceId;
  }

  /**
   * @return entries
   */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * @return metadata tags
   */
  public Map<String, String> tags() {
    return tags;
  }

  /**
   * @return client timestamp, or null
   */
  public @Nullable Instant clientTimestamp() {
    return clientTimestamp;
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.Metric toProto() {
    io.github.aetherjava.proto.v1.Metric.Builder b =
        io.github.aetherjava.proto.v1.Metric.newBuilder().setTraceId(traceId).putAllMetadata(tags);
    for (Entry e : entries) {
      b.addEntries(
          io.github.aetherjava.proto.v1.MetricEntry.newBuilder()
              .setName(e.name())
              .setKind(e.kind())
              .setQty(e.quantity()));
    }
    if (clientTimestamp != null) {
      b.setClientTimestampMs(clientTimestamp.toEpochMilli());
    }
    return b.build();
  }

  /**
   * @return the serialized wire form (the {@code SendMessage} payload)
   */
  public byte[] toByteArray() {
    return toProto().toByteArray();
  }

  /**
   * @param proto wire form
   * @return value
   */
  public static Metrics fromProto(io.github.aetherjava.proto.v1.Metric proto) {
    Builder b = builder().traceId(proto.getTraceId());
    proto
        .getEntriesList()
        .forEach(e -> b.entries.add(new Entry(e.getName(), e.getKind(), e.getQty())));
    b.tags.putAll(proto.getMetadataMap());
    if (proto.getClientTimestampMs() != 0) {
      b.clientTimestamp(Instant.ofEpochMilli(proto.getClientTimestampMs()));
    }
    return new Metrics(b);
  }

  @Override
  public String toString() {
    return "Metrics[traceId=" + traceId + ", entries=" + entries + ", tags=" + tags + "]";
  }

  /** Fluent builder for {@link Metrics}. */
  public static final class Builder {
    private String traceId = "";
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private @Nullable Instant clientTimestamp;

    private Builder() {}

    /**
     * @param traceId trace id to correlate the batch
     * @return this
     */
    public Builder traceId(String traceId) {
      this.traceId = Arguments.notNull(traceId, "traceId");
      return this;
    }

    /**
     * @param name metric name, non-empty
     * @param kind kind label
     * @param quantity finite value
     * @return this
     */
    public Builder add(String name, String kind, double quantity) {
      if (name.isEmpty()) {
        throw new InvalidArgumentException("metric name must not be empty");
      }
      if (!Double.isFinite(quantity)) {
        throw new InvalidArgumentException("metric quantity must be finite: " + name);
      }
      entries.add(new Entry(name, Arguments.notNull(kind, "kind"), quantity));
      return this;
    }

    /**
     * @param key tag key
     * @param value tag value
     * @return this
     */
    public Builder tag(String key, String value) {
      tags.put(Arguments.notNull(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @param timestamp client-side timestamp
     * @return this
     */
    public Builder clientTimestamp(Instant timestamp) {
      this.clientTimestamp = timestamp;
      return this;
    }

    /**
     * @return the batch
     */
    public Metrics build() {
      if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
        throw new InvalidArgumentException("a metric batch needs 1-" + MAX_ENTRIES + " entries");
      }
      if (tags.size() > MAX_TAGS) {
        throw new InvalidArgumentException("a metric batch allows at most " + MAX_TAGS + " tags");
      }
      return new Metrics(this);
    }
  }
}
