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
 * consumers lose nothing until the configured bound is reached; then the oldest messages are
 * dropped and counted.
 */
final class DurableTopic {

  /** One retained message. */
  record Entry(long seq, DownstreamMessage frame, int bytes) {}

  private final String topic;
  private final int maxMessages;
  private final long maxBytes;
  private final MessageJournal journal;
  private final int pushbackAt;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final List<Runnable> drainWaiters = new ArrayList<>();
  private long bytes;
  private long dropped;
  private @Nullable Session consumer;

  DurableTopic(
      String topic, int maxMessages, long maxBytes, int pushbackAt, MessageJournal journal) {
    this.topic = topic;
    this.pushbackAt = pushbackAt;
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.journal = journal;
  }

  String topic() {
    return topic;
  }

  /** Appends a message; returns the consumer to wake, if any. */
  @Nullable Session append(long seq, DownstreamMessage frame, boolean persist) {
    int size = frame.getSerializedSize();
    Session overflowed = null;
    Session wake;
    synchronized (this) {
      if (persist) {
        journal.append(topic, seq, frame);
      }
      entries.addLast(new Entry(seq, frame, size));
      bytes += size;
      while (entries.size() > maxMessages || (bytes > maxBytes && entries.size() > 1)) {
        Entry old = entries.removeFirst();
        bytes -= old.bytes();
        dropped++;
        journal.ack(topic, old.seq());
        overflowed = consumer;
      }
      wake = consumer;
    }
    if (overflowed != null) {
      overflowed.markBackpressure();
    }
    return wake;
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
      entries.removeFirst();
      bytes -= first.bytes();
      journal.ack(topic, first.seq());
      if (!drainWaiters.isEmpty() && entries.size() <= pushbackAt / 2) {
        release = takeWaiters();
      }
    }
    run(release);
    return true;
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
    drainWaiters.add(resume);
    return true;
  }

  private List<Runnable> takeWaiters() {
    List<Runnable> out = new ArrayList<>(drainWaiters);
    drainWaiters.clear();
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
