/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import java.time.Instant;

/**
 * A change of an authority request, pushed by the gateway to the session whose operation caused it
 * (the creator on creation, the approver on approval or denial, the requester on cancellation).
 *
 * @param type what happened
 * @param request the request after the change
 * @param emittedAt when the gateway emitted it
 * @since 0.1.0
 */
public record AuthorityRequestEvent(Type type, AuthorityRequest request, Instant emittedAt) {

  /** What happened to the request. */
  public enum Type {
    /** It was created. */
    CREATED,
    /** It was approved. */
    APPROVED,
    /** It was denied. */
    DENIED,
    /** It expired. */
    EXPIRED,
    /** It was cancelled. */
    CANCELLED,
    /** A change this SDK does not know. */
    UNKNOWN
  }

  /**
   * @param wire wire form
   * @return the event
   */
  public static AuthorityRequestEvent fromProto(
      io.github.aetherjava.proto.v1.AuthorityRequestEvent wire) {
    Type type =
        switch (wire.getEventType()) {
          case AUTHORITY_REQUEST_EVENT_CREATED -> Type.CREATED;
          case AUTHORITY_REQUEST_EVENT_APPROVED -> Type.APPROVED;
          case AUTHORITY_REQUEST_EVENT_DENIED -> Type.DENIED;
          case AUTHORITY_REQUEST_EVENT_EXPIRED -> Type.EXPIRED;
          case AUTHORITY_REQUEST_EVENT_CANCELLED -> Type.CANCELLED;
          default -> Type.UNKNOWN;
        };
    return new AuthorityRequestEvent(
        type,
        AuthorityRequest.fromProto(wire.getRequest()),
        Instant.ofEpochSecond(wire.getEmittedAt()));
  }
}
