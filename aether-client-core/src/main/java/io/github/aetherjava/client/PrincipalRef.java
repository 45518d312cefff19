/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Reference to a principal, as carried on the wire (for example the subject of an on-behalf-of
 * send).
 *
 * @param type principal type label, e.g. {@code "user"}
 * @param id canonical identity (user id for users)
 * @since 0.1.0
 */
public record PrincipalRef(String type, String id) {

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.PrincipalRef toProto() {
    return io.github.aetherjava.proto.v1.PrincipalRef.newBuilder()
        .setPrincipalType(type)
        .setPrincipalId(id)
        .build();
  }

  /**
   * @param proto wire form
   * @return value
   */
  public static PrincipalRef fromProto(io.github.aetherjava.proto.v1.PrincipalRef proto) {
    return new PrincipalRef(proto.getPrincipalType(), proto.getPrincipalId());
  }
}
