/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Gateway-wide accounting of stored (undelivered) messages: how many topics hold messages, how many
 * messages and bytes they hold, and which topic holds the oldest message, so that a bound or the
 * retention age removes the oldest data first. Topics report every change under their own lock; the
 * counters and the index are concurrent, so no gateway-wide lock exists.
 */
final class Retention {

  /**
   * Heap charged per stored message beyond its serialized size: the entry, the frame objects and
   * the deque slot. An estimate, so the byte bound is a bound on heap, not only on payload.
   */
  static final int ENTRY_OVERHEAD_BYTES =
      io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway.STORED_MESSAGE_OVERHEAD_BYTES;

  /** Heap charged per topic holding messages: the topic object, its name, map and index nodes. */
  static final int TOPIC_OVERHEAD_BYTES =
      io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway.STORED_TOPIC_OVERHEAD_BYTES;

  /** Why a stored message was removed without being delivered. */
  enum Loss {
    /** The topic's own message or byte bound. */
    TOPIC_BOUND,
    /** The gateway-wide byte or topic bound. */
    TOTAL_BOUND,
    /** Older than the retention age. */
    AGE
  }

  private final int maxTopics;
  private final long maxBytes;
  private final long retentionMillis;

  /** Head (oldest) sequence number of every topic that holds messages. */
  private final ConcurrentSkipListMap<Long, DurableTopic> oldest = new ConcurrentSkipListMap<>();

  private final AtomicInteger topics = new AtomicInteger();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong droppedByTopicBound = new AtomicLong();
  private final AtomicLong droppedByTotalBound = new AtomicLong();
  private final AtomicLong expired = new AtomicLong();

  Retention(int maxTopics, long maxBytes, long retentionMillis) {
    this.maxTopics = maxTopics;
    this.maxBytes = maxBytes;
    this.retentionMillis = retentionMillis;
  }

  long retentionMillis() {
    return retentionMillis;
  }

  /** Called by a topic, under its lock, when its oldest message changed. -1 = none. */
  void headChanged(DurableTopic topic, long oldHead, long newHead) {
    if (oldHead >= 0) {
      oldest.remove(oldHead, topic);
    }
    if (newHead >= 0) {
      oldest.put(newHead, topic);
    }
    if (oldHead < 0 && newHead >= 0) {
      topics.incrementAndGet();
      bytes.addAndGet(TOPIC_OVERHEAD_BYTES);
    } else if (oldHead >= 0 && newHead < 0) {
      topics.decrementAndGet();
      bytes.addAndGet(-TOPIC_OVERHEAD_BYTES);
    }
  }

  void added(int messageBytes) {
    messages.incrementAndGet();
    bytes.addAndGet(messageBytes + (long) ENTRY_OVERHEAD_BYTES);
  }

  void removed(int messageBytes, @Nullable Loss loss) {
    messages.decrementAndGet();
    bytes.addAndGet(-(messageBytes + (long) ENTRY_OVERHEAD_BYTES));
    if (loss != null) {
      switch (loss) {
        case TOPIC_BOUND -> droppedByTopicBound.incrementAndGet();
        case TOTAL_BOUND -> droppedByTotalBound.incrementAndGet();
        case AGE -> expired.incrementAndGet();
      }
    }
  }

  /** True while the gateway-wide bounds are exceeded. */
  boolean overBound() {
    return bytes.get() > maxBytes || topics.get() > maxTopics;
  }

  /** The topic holding the oldest stored message and that message's sequence number, or null. */
  Map.@Nullable Entry<Long, DurableTopic> oldest() {
    return oldest.firstEntry();
  }

  /** Forgets an index entry found stale (its topic no longer has that head). */
  void forget(long head, DurableTopic topic) {
    oldest.remove(head, topic);
  }

  int topics() {
    return topics.get();
  }

  long messages() {
    return messages.get();
  }

  long bytes() {
    return bytes.get();
  }

  long droppedByTopicBound() {
    return droppedByTopicBound.get();
  }

  long droppedByTotalBound() {
    return droppedByTotalBound.get();
  }

  long expired() {
    return expired.get();
  }
}
