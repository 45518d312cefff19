/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.AuditEntry;
import io.github.aetherjava.proto.v1.AuditQuery;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The audit store: submitted events, newest kept, oldest dropped beyond {@link #CAPACITY}.
 * Thread-safe.
 */
public final class AuditLog {

  /** Entries kept (the oldest are dropped first). */
  public static final int CAPACITY = 10_000;

  /** Default page size of a query. */
  public static final int DEFAULT_LIMIT = 100;

  /** Largest page size of a query. */
  public static final int MAX_LIMIT = 500;

  private final Clock clock;
  private final Deque<AuditEntry> entries = new ArrayDeque<>();
  private long nextId = 1;

  AuditLog(Clock clock) {
    this.clock = clock;
  }

  /** Stores {@code entry}, stamping its id and time. */
  synchronized AuditEntry append(AuditEntry.Builder entry) {
    AuditEntry e =
        entry.setAuditId(nextId++).setTimestamp(clock.instant().getEpochSecond()).build();
    entries.addLast(e);
    if (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
    return e;
  }

  /** Entries matching every set filter of {@code q}, newest first, paged. */
  synchronized List<AuditEntry> query(AuditQuery q) {
    int limit = q.getLimit() <= 0 ? DEFAULT_LIMIT : Math.min(q.getLimit(), MAX_LIMIT);
    int skip = Math.max(0, q.getOffset());
    List<AuditEntry> out = new ArrayList<>();
    Iterator<AuditEntry> it = entries.descendingIterator();
    while (it.hasNext() && out.size() < limit) {
      AuditEntry e = it.next();
      if (matches(q, e)) {
        if (skip > 0) {
          skip--;
        } else {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static boolean matches(AuditQuery q, AuditEntry e) {
    return (q.getStartTime() == 0 || e.getTimestamp() >= q.getStartTime())
        && (q.getEndTime() == 0 || e.getTimestamp() <= q.getEndTime())
        && eq(q.getEventType(), e.getEventType())
        && eq(q.getActorType(), e.getActorType())
        && eq(q.getActorId(), e.getActorId())
        && eq(q.getResourceType(), e.getResourceType())
        && eq(q.getResourceId(), e.getResourceId())
        && eq(q.getOperation(), e.getOperation())
        && eq(q.getWorkspace(), e.getWorkspace())
        && (!q.getOnlyFailures() || !e.getSuccess())
        && !q.getExcludeActorTypesList().contains(e.getActorType())
        && !q.getExcludeWorkspacesList().contains(e.getWorkspace());
  }

  private static boolean eq(String filter, String value) {
    return filter.isEmpty() || filter.equals(value);
  }
}
