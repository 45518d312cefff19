/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of length-prefixed, checksummed records. Owners replay it at startup to rebuild their
 * state and rewrite it from their live state when it has grown well beyond that state. A torn final
 * record (crash mid-write) is ignored.
 */
final class AppendLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AppendLog.class);
  private static final int MAX_RECORD = 64 * 1024 * 1024;

  private final Path file;
  private FileChannel channel;
  private long recordsSinceRewrite;

  private AppendLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens (creating if needed) the log at {@code file} and returns it with the records it already
   * holds.
   */
  static Opened open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<byte[]> records = new ArrayList<>();
      if (Files.exists(file)) {
        try (DataInputStream in =
            new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
          readAll(in, records, file);
        }
      }
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      AppendLog appendLog = new AppendLog(file, ch);
      appendLog.recordsSinceRewrite = records.size();
      return new Opened(appendLog, records);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open gateway data file " + file, e);
    }
  }

  /** An opened log and the records found in it. */
  record Opened(AppendLog log, List<byte[]> records) {}

  private static void readAll(DataInputStream in, List<byte[]> out, Path file) throws IOException {
    while (true) {
      int len;
      try {
        len = in.readInt();
      } catch (EOFException e) {
        return;
      }
      try {
        long crc = in.readInt() & 0xFFFFFFFFL;
        if (len < 0 || len > MAX_RECORD) {
          log.warn("{}: corrupt record length {}, ignoring the rest of the file", file, len);
          return;
        }
        byte[] data = in.readNBytes(len);
        if (data.length != len || crc(data) != crc) {
          log.warn("{}: torn or corrupt final record, ignoring it", file);
          return;
        }
        out.add(data);
      } catch (EOFException e) {
        log.warn("{}: torn final record, ignoring it", file);
        return;
      }
    }
  }

  private static long crc(byte[] data) {
    CRC32 c = new CRC32();
    c.update(data);
    return c.getValue();
  }

  private static ByteBuffer frame(byte[] data) {
    ByteBuffer buf = ByteBuffer.allocate(8 + data.length);
    buf.putInt(data.length).putInt((int) crc(data)).put(data).flip();
    return buf;
  }

  /** Appends one record. */
  synchronized void append(byte[] data) {
    try {
      ByteBuffer buf = frame(data);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      recordsSinceRewrite++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write gateway data file " + file, e);
    }
  }

  /**
   * True when the file holds many more records than {@code liveRecords}: time to {@link #rewrite}.
   */
  synchronized boolean wantsRewrite(long liveRecords) {
    return recordsSinceRewrite > 10_000 && recordsSinceRewrite > 4 * liveRecords;
  }

  /** Atomically replaces the file's content with {@code records}. */
  synchronized void rewrite(Iterable<byte[]> records) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      long count = 0;
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        for (byte[] r : records) {
          ByteBuffer buf = frame(r);
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          count++;
        }
        out.force(true);
      }
      channel.close();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      recordsSinceRewrite = count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact gateway data file " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.force(true);
      channel.close();
    } catch (IOException e) {
      log.warn("{}: close failed: {}", file, e.toString());
    }
  }
}
