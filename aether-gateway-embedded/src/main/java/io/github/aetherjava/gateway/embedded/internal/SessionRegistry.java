/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.grpc.Status;
import io.grpc.StatusException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Identity locks. In the embedded gateway the lock is the live session itself: it exists exactly as
 * long as the stream, so there is no TTL to refresh and no stale lock after a crash. Dead streams
 * are noticed by gRPC (cancellation or keepalive), which releases the lock.
 */
public final class SessionRegistry {

  private final Map<String, Session> byIdentity = new HashMap<>();
  private final Map<String, Session> bySession = new HashMap<>();
  private boolean closing;
  private final List<Consumer<Session>> releaseListeners = new CopyOnWriteArrayList<>();

  /**
   * Runs {@code listener} after every session's lock is released (the session has ended), outside
   * the registry's lock.
   */
  public void onRelease(Consumer<Session> listener) {
    releaseListeners.add(listener);
  }

  /**
   * Registers {@code session} as the holder of its identity lock.
   *
   * @param resumeSessionId the client's {@code resume_session_id} ("" = none)
   * @return the session that was taken over (the caller must end it), or null
   * @throws StatusException {@code ALREADY_EXISTS} when another live session holds the identity;
   *     {@code UNAVAILABLE "server shutting down"} once {@link #beginShutdown()} was called
   */
  public synchronized @Nullable Session acquire(Session session, String resumeSessionId)
      throws StatusException {
    if (closing) {
      throw GatewayCore.SHUTTING_DOWN.asException();
    }
    String key = session.identity().key();
    Session holder = byIdentity.get(key);
    Session previous = null;
    if (holder != null && !holder.isTerminated()) {
      if (!resumeSessionId.isEmpty() && resumeSessionId.equals(holder.id())) {
        session.markResumedFrom(holder);
        bySession.remove(holder.id(), holder);
        previous = holder;
      } else {
        throw Status.ALREADY_EXISTS
            .withDescription("DuplicateIdentityError: identity (" + key + ") already connected")
            .asException();
      }
    }
    byIdentity.put(key, session);
    bySession.put(session.id(), session);
    return previous;
  }

  /**
   * Refuses every later {@link #acquire} and returns the sessions registered so far. Atomic with
   * respect to {@code acquire}: a handshake racing with shutdown either is in the returned list
   * (and gets signalled) or is refused; it can never be acknowledged without being told that the
   * gateway is going away.
   */
  public synchronized List<Session> beginShutdown() {
    closing = true;
    return new ArrayList<>(byIdentity.values());
  }

  /** Releases the lock of a finished session (only if it still holds it). */
  public void release(Session session) {
    synchronized (this) {
      byIdentity.remove(session.identity().key(), session);
      bySession.remove(session.id(), session);
      notifyAll();
    }
    for (Consumer<Session> l : releaseListeners) {
      l.accept(session);
    }
  }

  /**
   * Waits until no session is registered or {@code timeoutMillis} passed; returns true if none is
   * left.
   */
  public synchronized boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!byIdentity.isEmpty()) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  public synchronized @Nullable Session bySessionId(String sessionId) {
    return bySession.get(sessionId);
  }

  public synchronized @Nullable Session byIdentity(String identity) {
    Session s = byIdentity.get(identity);
    return s == null || s.isTerminated() ? null : s;
  }

  public synchronized List<Session> all() {
    return new ArrayList<>(byIdentity.values());
  }

  /** A random live service instance {@code sv::{impl}::*}, or null if none is connected. */
  public synchronized @Nullable Session anyService(String impl) {
    String prefix = "sv" + Identity.SEP + impl + Identity.SEP;
    List<Session> candidates = new ArrayList<>();
    for (Map.Entry<String, Session> e : byIdentity.entrySet()) {
      if (e.getKey().startsWith(prefix)
          && !e.getValue().isTerminated()
          && e.getValue().identity().implementation().equals(impl)) {
        candidates.add(e.getValue());
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
  }
}
