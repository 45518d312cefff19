/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.internal.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * Who may approve an authority request: one principal, or anyone holding a capability (MANAGE on
 * {@code capability/<name>} in the gateway's ACL). Exactly one of the two is set.
 *
 * @param principal the approver, or null when routed to a capability
 * @param capability the capability resource, or null when routed to a principal
 * @since 0.1.0
 */
public record AuthorityRequestRouting(
    @Nullable PrincipalRef principal, @Nullable String capability) {

  /**
   * @throws io.github.aetherjava.client.InvalidArgumentException unless exactly one is set
   */
  public AuthorityRequestRouting {
    if ((principal == null) == (capability == null)) {
      throw new io.github.aetherjava.client.InvalidArgumentException(
          "exactly one of principal and capability must be set");
    }
  }

  /**
   * @param approver the one principal who may approve, e.g. {@code new PrincipalRef("user",
   *     "alice")}
   * @return the routing
   */
  public static AuthorityRequestRouting toPrincipal(PrincipalRef approver) {
    PrincipalRef ref = Arguments.notNull(approver, "approver");
    Arguments.notEmpty(ref.type(), "approver.type");
    Arguments.notEmpty(ref.id(), "approver.id");
    return new AuthorityRequestRouting(ref, null);
  }

  /**
   * @param capability a capability resource id, e.g. {@code capability/approve/deploy}
   * @return the routing
   */
  public static AuthorityRequestRouting toCapability(String capability) {
    if (Arguments.notEmpty(capability, "capability").isBlank()) {
      throw new io.github.aetherjava.client.InvalidArgumentException(
          "capability must not be blank");
    }
    return new AuthorityRequestRouting(null, capability);
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.AuthorityRequestRoutingTarget toProto() {
    var b = io.github.aetherjava.proto.v1.AuthorityRequestRoutingTarget.newBuilder();
    if (principal != null) {
      b.setPrincipal(principal.toProto());
    }
    if (capability != null) {
      b.setCapability(capability);
    }
    return b.build();
  }

  /**
   * @param wire wire form
   * @return the routing, or null when the wire carries neither
   */
  public static @Nullable AuthorityRequestRouting fromProto(
      io.github.aetherjava.proto.v1.AuthorityRequestRoutingTarget wire) {
    boolean hasPrincipal = wire.hasPrincipal() && !wire.getPrincipal().getPrincipalId().isEmpty();
    if (hasPrincipal) {
      return new AuthorityRequestRouting(PrincipalRef.fromProto(wire.getPrincipal()), null);
    }
    return wire.getCapability().isEmpty()
        ? null
        : new AuthorityRequestRouting(null, wire.getCapability());
  }
}
