/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.DurabilityPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's file store: one H2 MVStore file holding the message journal, the KV entries and the
 * checkpoints. Callers only enqueue changes (cheap, safe under their own locks); one writer thread
 * applies them in order and in batches, and commits as the {@link DurabilityPolicy} says. Nothing
 * on the routing path touches the disk or waits for it.
 *
 * <p>When the writer falls more than {@link #HIGH_WATER} changes behind, {@link #throttle} pauses
 * the inbound stream of each client that adds changes until it has caught up to {@link #LOW_WATER},
 * so a slow disk slows writers down through gRPC flow control instead of growing the queue without
 * bound.
 */
final class MvFileStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MvFileStore.class);

  /** Queued changes at which clients adding more are paused. */
  static final int HIGH_WATER = 20_000;

  /** Queued changes at which paused clients resume. */
  static final int LOW_WATER = HIGH_WATER / 2;

  /** Most changes applied between two commits under {@link DurabilityPolicy#ALWAYS}. */
  static final int MAX_BATCH = 4096;

  /** File name inside the data directory. */
  static final String FILE_NAME = "gateway.mv.db";

  private sealed interface Op permits Put, Remove, Barrier, Close {}

  private record Put(MVMap<Object, byte[]> map, Object key, Supplier<byte[]> value) implements Op {}

  private record Remove(MVMap<Object, byte[]> map, Object key) implements Op {}

  private record Barrier(Runnable action) implements Op {}

  private record Close() implements Op {}

  private final MVStore mv;
  private final DurabilityPolicy durability;
  private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong commits = new AtomicLong();
  private final Object waitersLock = new Object();
  private List<Runnable> waiters = new ArrayList<>();
  private final Thread writer;
  private volatile boolean closed;

  private MvFileStore(MVStore mv, DurabilityPolicy durability) {
    this.mv = mv;
    this.durability = durability;
    this.writer = new Thread(this::run, "aether-embedded-gateway-store");
    writer.setDaemon(true);
  }

  /** Opens (creating if needed) the store in {@code directory} and starts its writer. */
  static MvFileStore open(Path directory, DurabilityPolicy durability, Duration commitInterval) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create gateway data directory " + directory, e);
    }
    Path file = directory.resolve(FILE_NAME);
    MVStore mv;
    try {
      // MVStore's own background thread commits (and compacts) every commitInterval; under ALWAYS
      // the writer also commits and forces every batch itself.
      mv = new MVStore.Builder().fileName(file.toString()).open();
      mv.setAutoCommitDelay((int) Math.max(1, commitInterval.toMillis()));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open gateway data file " + file + ": " + e.getMessage(), e);
    }
    MvFileStore store = new MvFileStore(mv, durability);
    store.writer.start();
    return store;
  }

  /** A named map of this store; open maps before enqueuing changes to them. */
  <K> MVMap<K, byte[]> map(String name) {
    return mv.openMap(name);
  }

  @SuppressWarnings("unchecked")
  private static MVMap<Object, byte[]> raw(MVMap<?, byte[]> map) {
    return (MVMap<Object, byte[]>) map;
  }

  /** Enqueues a put; {@code value} is computed on the writer thread. */
  void put(MVMap<?, byte[]> map, Object key, Supplier<byte[]> value) {
    enqueue(new Put(raw(map), key, value));
  }

  /** Enqueues a removal. */
  void remove(MVMap<?, byte[]> map, Object key) {
    enqueue(new Remove(raw(map), key));
  }

  /**
   * Runs {@code action} once every change enqueued before it is durable as the policy defines:
   * under {@link DurabilityPolicy#ALWAYS} after the writer has committed and forced them (on the
   * writer thread), otherwise at once on the calling thread.
   */
  void afterDurable(Runnable action) {
    if (durability != DurabilityPolicy.ALWAYS || closed) {
      action.run();
      return;
    }
    enqueue(new Barrier(action));
  }

  private void enqueue(Op op) {
    pending.incrementAndGet();
    queue.add(op);
  }

  /**
   * Pauses {@code session}'s inbound stream while the writer is more than {@link #HIGH_WATER}
   * changes behind; it resumes once the writer is back to {@link #LOW_WATER}.
   */
  void throttle(Session session) {
    if (pending.get() <= HIGH_WATER) {
      return;
    }
    session.pauseInbound();
    synchronized (waitersLock) {
      if (pending.get() > LOW_WATER) {
        waiters.add(session::resumeInbound);
        return;
      }
    }
    session.resumeInbound();
  }

  /** Changes enqueued and not yet applied. */
  int pending() {
    return pending.get();
  }

  /** Commits made by the writer itself (under {@link DurabilityPolicy#ALWAYS}). */
  long commits() {
    return commits.get();
  }

  private void run() {
    List<Op> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // Only close() ends the writer; an interrupt from elsewhere is not a reason to lose data.
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      List<Runnable> barriers = null;
      boolean closing = false;
      for (Op op : batch) {
        try {
          if (op instanceof Put p) {
            p.map().put(p.key(), p.value().get());
          } else if (op instanceof Remove r) {
            r.map().remove(r.key());
          } else if (op instanceof Barrier b) {
            if (barriers == null) {
              barriers = new ArrayList<>();
            }
            barriers.add(b.action());
          } else {
            closing = true;
          }
        } catch (RuntimeException e) {
          log.error("event=store_apply_failed", e);
        }
      }
      if (durability == DurabilityPolicy.ALWAYS || closing) {
        try {
          mv.commit();
          mv.sync();
          commits.incrementAndGet();
        } catch (RuntimeException e) {
          log.error("event=store_commit_failed", e);
        }
      }
      pending.addAndGet(-batch.size());
      batch.clear();
      releaseWaiters();
      if (barriers != null) {
        for (Runnable b : barriers) {
          try {
            b.run();
          } catch (RuntimeException e) {
            log.warn("event=store_completion_failed", e);
          }
        }
      }
      if (closing) {
        return;
      }
    }
  }

  private void releaseWaiters() {
    List<Runnable> release = null;
    synchronized (waitersLock) {
      if (!waiters.isEmpty() && pending.get() <= LOW_WATER) {
        release = waiters;
        waiters = new ArrayList<>();
      }
    }
    if (release != null) {
      release.forEach(Runnable::run);
    }
  }

  /** Applies and commits everything enqueued, then closes the file. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    enqueue(new Close());
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      mv.close();
    } catch (RuntimeException e) {
      log.warn("event=store_close_failed cause={}", e.toString());
    }
  }
}
