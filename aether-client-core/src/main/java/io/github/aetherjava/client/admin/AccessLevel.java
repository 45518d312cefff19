/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.InvalidArgumentException;

/**
 * ACL access levels, ordered; each includes the ones below it. The wire carries the number.
 *
 * @since 0.1.0
 */
public enum AccessLevel {
  /** No access (0). */
  NONE(0),
  /** See and invoke (10). */
  READ(10),
  /** Send messages, create tasks (20). */
  READ_WRITE(20),
  /** Modify resources, grant up to {@link #READ_WRITE} to others (30). */
  MANAGE(30),
  /** Full control over the resource (40). */
  ADMIN(40),
  /** System-wide administration (50). */
  SUPER_ADMIN(50);

  private final int wireValue;

  AccessLevel(int wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * @return the number the gateway uses
   */
  public int wireValue() {
    return wireValue;
  }

  /**
   * @param value a wire value
   * @return the level with that value
   * @throws InvalidArgumentException if no level has it
   */
  public static AccessLevel fromWire(int value) {
    for (AccessLevel l : values()) {
      if (l.wireValue == value) {
        return l;
      }
    }
    throw new InvalidArgumentException("value: no access level has the wire value " + value);
  }
}
