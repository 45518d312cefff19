package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The log of one identity topic ({@code ag::}, {@code tu::}, {@code us::}, ...). Messages stay here until the single
 * consumer (the identity's live session) has written them, so offline and slow consumers lose nothing until the
 * configured bound is reached; then the oldest messages are dropped and counted.
 */
final class DurableTopic {

  /** One retained message. */
  record Entry(long seq, DownstreamMessage frame, int bytes) {}

  private final String topic;
  private final int maxMessages;
  private final long maxBytes;
  private final MessageJournal journal;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long bytes;
  private long dropped;
  private @Nullable Session consumer;

  DurableTopic(String topic, int maxMessages, long maxBytes, MessageJournal journal) {
    this.topic = topic;
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

  /** The oldest message if {@code session} is the current consumer. */
  synchronized @Nullable Entry head(Session session) {
    if (consumer != session) {
      return null;
    }
    return entries.peekFirst();
  }

  /** Marks {@code seq} as delivered by {@code session}. */
  synchronized void ack(Session session, long seq) {
    if (consumer != session) {
      return;
    }
    Entry first = entries.peekFirst();
    if (first != null && first.seq() == seq) {
      entries.removeFirst();
      bytes -= first.bytes();
      journal.ack(topic, seq);
    }
  }

  synchronized void consumer(@Nullable Session session) {
    this.consumer = session;
  }

  synchronized @Nullable Session consumer() {
    return consumer;
  }

  synchronized boolean detach(Session session) {
    if (consumer == session) {
      consumer = null;
    }
    return consumer == null && entries.isEmpty();
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long dropped() {
    return dropped;
  }
}
