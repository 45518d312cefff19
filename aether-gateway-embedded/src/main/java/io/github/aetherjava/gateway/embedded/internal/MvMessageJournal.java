/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable-topic journal in the file store: one entry per undelivered message, keyed by its
 * sequence number and removed when the message is delivered or dropped. The value is the append
 * time, the topic and the frame; it is encoded on the store's writer thread, and the frame object
 * is the one the topic holds, so memory keeps one copy of each message.
 */
final class MvMessageJournal implements MessageJournal {

  private static final Logger log = LoggerFactory.getLogger(MvMessageJournal.class);

  static final String MAP_NAME = "messages";

  private final MvFileStore store;
  private final MVMap<Long, byte[]> map;
  private final List<Recovered> recovered = new ArrayList<>();

  MvMessageJournal(MvFileStore store) {
    this.store = store;
    this.map = store.map(MAP_NAME);
    List<Long> corrupt = new ArrayList<>();
    for (Map.Entry<Long, byte[]> e : map.entrySet()) {
      try {
        recovered.add(decode(e.getKey(), e.getValue()));
      } catch (InvalidProtocolBufferException | RuntimeException ex) {
        log.warn("event=store_unreadable_message seq={} cause={}", e.getKey(), ex.toString());
        corrupt.add(e.getKey());
      }
    }
    corrupt.forEach(k -> store.remove(map, k));
  }

  private static byte[] encode(String topic, DownstreamMessage frame, long appendedAtMillis) {
    byte[] t = topic.getBytes(StandardCharsets.UTF_8);
    byte[] f = frame.toByteArray();
    return ByteBuffer.allocate(8 + 4 + t.length + f.length)
        .putLong(appendedAtMillis)
        .putInt(t.length)
        .put(t)
        .put(f)
        .array();
  }

  private static Recovered decode(long seq, byte[] value) throws InvalidProtocolBufferException {
    ByteBuffer b = ByteBuffer.wrap(value);
    long appendedAt = b.getLong();
    byte[] t = new byte[b.getInt()];
    b.get(t);
    DownstreamMessage frame = DownstreamMessage.parseFrom(b);
    return new Recovered(new String(t, StandardCharsets.UTF_8), seq, frame, appendedAt);
  }

  @Override
  public void append(String topic, long seq, DownstreamMessage frame, long appendedAtMillis) {
    store.put(map, seq, () -> encode(topic, frame, appendedAtMillis));
  }

  @Override
  public void ack(String topic, long seq) {
    store.remove(map, seq);
  }

  @Override
  public List<Recovered> recovered() {
    return List.copyOf(recovered);
  }

  @Override
  public void close() {
    // The shared store is closed by its owner.
  }
}
