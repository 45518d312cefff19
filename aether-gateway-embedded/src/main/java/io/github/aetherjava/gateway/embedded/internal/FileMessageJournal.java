/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Durable-topic journal in one append-only file; compacted at startup and whenever it has grown
 * large.
 */
final class FileMessageJournal implements MessageJournal {

  private static final byte APPEND = 1;
  private static final byte ACK = 2;

  private final AppendLog file;

  /** Live (unacknowledged) append records by sequence number, in append order, for compaction. */
  private final LinkedHashMap<Long, byte[]> live = new LinkedHashMap<>();

  private final List<Recovered> recovered = new ArrayList<>();

  FileMessageJournal(Path path) {
    AppendLog.Opened opened = AppendLog.open(path);
    this.file = opened.log();
    Map<Long, Recovered> pending = new LinkedHashMap<>();
    for (byte[] rec : opened.records()) {
      try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(rec))) {
        byte kind = in.readByte();
        String topic = in.readUTF();
        long seq = in.readLong();
        if (kind == APPEND) {
          long appendedAt = in.readLong();
          DownstreamMessage frame = DownstreamMessage.parseFrom(in.readAllBytes());
          pending.put(seq, new Recovered(topic, seq, frame, appendedAt));
          live.put(seq, rec);
        } else if (kind == ACK) {
          pending.remove(seq);
          live.remove(seq);
        }
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("corrupt message in " + path + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    recovered.addAll(pending.values());
    file.rewrite(new ArrayList<>(live.values()));
  }

  @Override
  public synchronized void append(
      String topic, long seq, DownstreamMessage frame, long appendedAtMillis) {
    byte[] rec = record(APPEND, topic, seq, appendedAtMillis, frame.toByteArray());
    live.put(seq, rec);
    file.append(rec);
  }

  @Override
  public synchronized void ack(String topic, long seq) {
    if (live.remove(seq) == null) {
      return;
    }
    file.append(record(ACK, topic, seq, 0, null));
    if (file.wantsRewrite(live.size())) {
      file.rewrite(new ArrayList<>(live.values()));
    }
  }

  @Override
  public List<Recovered> recovered() {
    return List.copyOf(recovered);
  }

  @Override
  public synchronized void close() {
    file.close();
  }

  private static byte[] record(
      byte kind,
      String topic,
      long seq,
      long appendedAtMillis,
      byte @org.jspecify.annotations.Nullable [] body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(kind);
      out.writeUTF(topic);
      out.writeLong(seq);
      if (body != null) {
        out.writeLong(appendedAtMillis);
        out.write(body);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
