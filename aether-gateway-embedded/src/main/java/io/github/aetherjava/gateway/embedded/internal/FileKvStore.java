/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link KvStore} that keeps everything in memory and journals every change to a file, reloaded at
 * startup and compacted when it grows well beyond the live data.
 */
final class FileKvStore extends InMemoryKvStore {

  private static final byte PUT = 1;
  private static final byte DELETE = 2;

  private final AppendLog file;

  FileKvStore(Path path) {
    AppendLog.Opened opened = AppendLog.open(path);
    this.file = opened.log();
    for (byte[] rec : opened.records()) {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(rec))) {
        byte kind = in.readByte();
        String key = in.readUTF();
        if (kind == PUT) {
          long expires = in.readLong();
          load(key, new Entry(in.readAllBytes(), expires));
        } else {
          load(key, null);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("corrupt record in " + path, e);
      }
    }
    compact();
  }

  private void compact() {
    List<byte[]> records = new ArrayList<>();
    for (KeyEntry e : all()) {
      records.add(record(PUT, e.key(), e.entry()));
    }
    file.rewrite(records);
  }

  @Override
  void stored(String key, Entry entry) {
    file.append(record(PUT, key, entry));
    maybeCompact();
  }

  @Override
  void removed(String key) {
    file.append(record(DELETE, key, null));
    maybeCompact();
  }

  private void maybeCompact() {
    if (file.wantsRewrite(size())) {
      compact();
    }
  }

  private static byte[] record(byte kind, String key, @Nullable Entry entry) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(kind);
      out.writeUTF(key);
      if (entry != null) {
        out.writeLong(entry.expiresAtMillis());
        out.write(entry.value());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    file.close();
  }
}
