/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The log of one identity topic ({@code ag::}, {@code tu::}, {@code us::}, ...). Messages stay here
 * until the single consumer (the identity's live session) has written them, so offline and slow
 * consumers lose nothing until a bound is reached: the topic's own message and byte bounds, the
 * gateway-wide bounds and the retention age kept by {@link Retention}. Then the oldest messages are
 * dropped and counted. Each message is held once: the journal, if any, only records it.
 */
final class DurableTopic {

  /** One retained message. */
  record Entry(long seq, DownstreamMessage frame, int bytes, long appendedAtMillis) {}

  /** Outcome of {@link #dropHead}. */
  enum Drop {
    /** The oldest message was removed. */
    DROPPED,
    /** The topic's oldest message is no longer the one asked about. */
    STALE,
    /** The oldest message is younger than the cutoff. */
    TOO_YOUNG
  }

  private final String topic;
  private final int maxMessages;
  private final long maxBytes;
  private final MessageJournal journal;
  private final Retention retention;
  private final int pushbackAt;
  private final boolean liveStaging;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>(2);
  private @Nullable List<Runnable> drainWaiters;
  private long bytes;
  private long dropped;
  private @Nullable Session consumer;

  DurableTopic(
      String topic,
      int maxMessages,
      long maxBytes,
      int pushbackAt,
      MessageJournal journal,
      Retention retention,
      boolean liveStaging) {
    this.topic = topic;
    this.liveStaging = liveStaging;
    this.pushbackAt = pushbackAt;
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.journal = journal;
    this.retention = retention;
  }

  String topic() {
    return topic;
  }

  private long headSeq() {
    Entry first = entries.peekFirst();
    return first == null ? -1 : first.seq();
  }

  /**
   * Appends a message; returns the consumer to wake, if any. With {@code liveStaging} (lite-parity)
   * a message for a connected consumer that has nothing older pending goes straight to its bounded
   * staging queue instead, as on AetherLite: if that is full the message is lost.
   */
  @Nullable Session append(long seq, DownstreamMessage frame, long nowMillis, boolean persist) {
    int size = frame.getSerializedSize();
    Session overflowed = null;
    Session wake;
    synchronized (this) {
      Session live = consumer;
      if (liveStaging && live != null && entries.isEmpty()) {
        if (!live.stage(frame)) {
          dropped++;
        }
        return live;
      }
      long oldHead = headSeq();
      if (persist) {
        journal.append(topic, seq, frame, nowMillis);
      }
      entries.addLast(new Entry(seq, frame, size, nowMillis));
      bytes += size;
      retention.added(size);
      while (entries.size() > maxMessages || (bytes > maxBytes && entries.size() > 1)) {
        removeFirst(Retention.Loss.TOPIC_BOUND);
        dropped++;
        overflowed = consumer;
      }
      headMoved(oldHead);
      wake = consumer;
    }
    if (overflowed != null) {
      overflowed.markBackpressure();
    }
    return wake;
  }

  private Entry removeFirst(Retention.@Nullable Loss loss) {
    Entry old = entries.removeFirst();
    bytes -= old.bytes();
    journal.ack(topic, old.seq());
    retention.removed(old.bytes(), loss);
    return old;
  }

  private void headMoved(long oldHead) {
    long newHead = headSeq();
    if (newHead != oldHead) {
      retention.headChanged(this, oldHead, newHead);
    }
  }

  /**
   * Writes the oldest message to {@code session} with {@code writer} and removes it, if {@code
   * session} is the current consumer; returns whether a message was written. The write happens
   * under this topic's lock, so a takeover ({@link #detach} / {@link #consumer}) cannot slip in
   * between reading the head and removing it: a message is written by exactly one session, never by
   * the old one and then again by its successor. If {@code writer} throws, the message stays for
   * the next consumer.
   */
  boolean deliverHead(Session session, Consumer<DownstreamMessage> writer) {
    List<Runnable> release = null;
    synchronized (this) {
      if (consumer != session) {
        return false;
      }
      Entry first = entries.peekFirst();
      if (first == null) {
        return false;
      }
      writer.accept(first.frame());
      long oldHead = first.seq();
      removeFirst(null);
      headMoved(oldHead);
      if (drainWaiters != null && entries.size() <= pushbackAt / 2) {
        release = takeWaiters();
      }
    }
    run(release);
    return true;
  }

  /**
   * Removes the oldest message if it is still {@code head} and was stored at or before {@code
   * cutoffMillis}, counting it as lost for {@code loss}. Tells the consumer, if any, that it lost a
   * message.
   */
  Drop dropHead(long head, Retention.Loss loss, long cutoffMillis) {
    Session overflowed;
    synchronized (this) {
      Entry first = entries.peekFirst();
      if (first == null || first.seq() != head) {
        return Drop.STALE;
      }
      if (first.appendedAtMillis() > cutoffMillis) {
        return Drop.TOO_YOUNG;
      }
      removeFirst(loss);
      dropped++;
      headMoved(head);
      overflowed = consumer;
    }
    if (overflowed != null) {
      overflowed.markBackpressure();
      overflowed.drain();
    }
    return Drop.DROPPED;
  }

  /** True when nobody consumes this topic and it holds nothing: it may leave the router. */
  synchronized boolean idle() {
    return consumer == null && entries.isEmpty();
  }

  /**
   * True when a live consumer is this far behind that senders should be slowed down. Offline
   * consumers never congest a topic: their messages are simply stored.
   */
  synchronized boolean congested() {
    return consumer != null && entries.size() >= pushbackAt;
  }

  /**
   * Runs {@code resume} once the backlog has halved (or the consumer left); false if not congested
   * now.
   */
  synchronized boolean whenDrained(Runnable resume) {
    if (!congested()) {
      return false;
    }
    if (drainWaiters == null) {
      drainWaiters = new ArrayList<>(2);
    }
    drainWaiters.add(resume);
    return true;
  }

  private @Nullable List<Runnable> takeWaiters() {
    List<Runnable> out = drainWaiters;
    drainWaiters = null;
    return out;
  }

  private static void run(@Nullable List<Runnable> waiters) {
    if (waiters != null) {
      waiters.forEach(Runnable::run);
    }
  }

  void consumer(@Nullable Session session) {
    synchronized (this) {
      this.consumer = session;
    }
  }

  boolean detach(Session session) {
    List<Runnable> release = null;
    boolean removable;
    synchronized (this) {
      if (consumer == session) {
        consumer = null;
        release = takeWaiters();
      }
      removable = consumer == null && entries.isEmpty();
    }
    run(release);
    return removable;
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long dropped() {
    return dropped;
  }
}
