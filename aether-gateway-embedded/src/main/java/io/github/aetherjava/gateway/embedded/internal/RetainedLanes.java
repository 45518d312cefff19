/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lite-parity only: the retained log of the broadcast lanes AetherLite subscribes anonymously
 * ({@code ga::{ws}} and {@code tb::{ws}::{impl}}). AetherLite keeps every publish for the retention
 * age and replays the whole log on each such subscribe, so an agent that connects later (or again)
 * receives the lane's earlier broadcasts. Bounded like stored messages: per lane by message count
 * and bytes, in total by lane count and bytes (oldest lane's oldest message first), and by age.
 *
 * <p>Publishing, subscribing and replaying share one lock, so a subscriber sees every retained
 * broadcast exactly once and in order, whether by replay or live. Frames are only queued on the
 * sessions under the lock; callers wake the sessions afterwards.
 */
final class RetainedLanes {

  private record Entry(DownstreamMessage frame, int bytes, long appendedAtMillis) {}

  private static final class Log {
    final ArrayDeque<Entry> entries = new ArrayDeque<>(2);
    long bytes;
  }

  private final int maxMessagesPerLane;
  private final long maxBytesPerLane;
  private final int maxLanes;
  private final long maxBytes;
  private final long retentionMillis;
  private final LinkedHashMap<String, Log> logs = new LinkedHashMap<>();
  private long bytes;
  private long dropped;

  RetainedLanes(
      int maxMessagesPerLane, long maxBytesPerLane, int maxLanes, long maxBytes, long retention) {
    this.maxMessagesPerLane = maxMessagesPerLane;
    this.maxBytesPerLane = maxBytesPerLane;
    this.maxLanes = maxLanes;
    this.maxBytes = maxBytes;
    this.retentionMillis = retention;
  }

  /** True for the lanes AetherLite replays to every new subscriber. */
  static boolean retains(String lane) {
    return lane.startsWith("ga" + Identity.SEP) || lane.startsWith("tb" + Identity.SEP);
  }

  /**
   * Retains {@code frame} on {@code lane} and queues it for every current subscriber.
   *
   * @return the subscribers to wake
   */
  synchronized List<Session> publish(
      String lane, DownstreamMessage frame, long nowMillis, @Nullable Set<Session> subscribers) {
    Log log = logs.get(lane);
    if (log == null) {
      log = new Log();
      logs.put(lane, log);
    }
    int size = frame.getSerializedSize() + Retention.ENTRY_OVERHEAD_BYTES;
    log.entries.addLast(new Entry(frame, size, nowMillis));
    log.bytes += size;
    bytes += size;
    trim(log, nowMillis);
    while (log.entries.size() > maxMessagesPerLane
        || (log.bytes > maxBytesPerLane && log.entries.size() > 1)) {
      dropHead(log);
    }
    enforceTotal();
    List<Session> wake = new ArrayList<>();
    if (subscribers != null) {
      for (Session s : subscribers) {
        s.stage(frame);
        wake.add(s);
      }
    }
    return wake;
  }

  /**
   * Runs {@code subscribe} and queues the lane's retained broadcasts on {@code session}, oldest
   * first, with no publish in between.
   */
  synchronized void subscribeAndReplay(
      String lane, Session session, long nowMillis, Runnable subscribe) {
    subscribe.run();
    Log log = logs.get(lane);
    if (log == null) {
      return;
    }
    trim(log, nowMillis);
    for (Entry e : log.entries) {
      session.stage(e.frame());
    }
  }

  /** Removes broadcasts older than the retention age from every lane. */
  synchronized void expire(long nowMillis) {
    for (Iterator<Log> it = logs.values().iterator(); it.hasNext(); ) {
      Log log = it.next();
      trim(log, nowMillis);
      if (log.entries.isEmpty()) {
        it.remove();
      }
    }
  }

  private void trim(Log log, long nowMillis) {
    while (!log.entries.isEmpty()
        && nowMillis - log.entries.peekFirst().appendedAtMillis() >= retentionMillis) {
      dropHead(log);
    }
  }

  private void enforceTotal() {
    Iterator<Map.Entry<String, Log>> it = logs.entrySet().iterator();
    while ((bytes > maxBytes || logs.size() > maxLanes) && it.hasNext()) {
      Log eldest = it.next().getValue();
      while (!eldest.entries.isEmpty() && (bytes > maxBytes || logs.size() > maxLanes)) {
        dropHead(eldest);
        if (eldest.entries.isEmpty()) {
          break;
        }
      }
      if (eldest.entries.isEmpty()) {
        it.remove();
      }
    }
  }

  private void dropHead(Log log) {
    Entry e = log.entries.removeFirst();
    log.bytes -= e.bytes();
    bytes -= e.bytes();
    dropped++;
  }

  /** Broadcasts held for replay. */
  synchronized int retained() {
    int n = 0;
    for (Log log : logs.values()) {
      n += log.entries.size();
    }
    return n;
  }

  /** Broadcasts removed from the replay logs by a bound or the retention age. */
  synchronized long dropped() {
    return dropped;
  }
}
