/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import io.github.aetherjava.client.AetherClient;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a client takes inbound frames: the client is paused ({@link
 * AetherClient#pauseInbound()}) while at least one holder holds it (a saturated listener container,
 * a shutdown in progress) and resumed when the last holder releases it. Every pause and resume of
 * the application's clients goes through here so the holders never undo each other.
 *
 * @since 0.1.0
 */
public class AetherInboundFlowControl {

  private final Map<AetherClient, Set<Object>> holders = new IdentityHashMap<>();

  /**
   * Pause the client on behalf of a holder.
   *
   * @param client the client
   * @param holder who holds it (compared by identity)
   */
  public void hold(AetherClient client, Object holder) {
    synchronized (this.holders) {
      Set<Object> set = this.holders.computeIfAbsent(client, (key) -> new HashSet<>());
      // Pause and resume happen under the lock so their order always matches the holder set.
      if (set.add(new Identity(holder)) && set.size() == 1) {
        client.pauseInbound();
      }
    }
  }

  /**
   * Release a holder's pause; the client resumes when no holder is left.
   *
   * @param client the client
   * @param holder the holder passed to {@link #hold}
   */
  public void release(AetherClient client, Object holder) {
    synchronized (this.holders) {
      Set<Object> set = this.holders.get(client);
      if (set != null && set.remove(new Identity(holder)) && set.isEmpty()) {
        this.holders.remove(client);
        client.resumeInbound();
      }
    }
  }

  /**
   * Whether anyone holds the client paused.
   *
   * @param client the client
   * @return whether the client is held
   */
  public boolean isHeld(AetherClient client) {
    synchronized (this.holders) {
      return this.holders.containsKey(client);
    }
  }

  private record Identity(Object value) {

    @Override
    public boolean equals(Object other) {
      return (other instanceof Identity identity) && identity.value == this.value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this.value);
    }
  }
}
