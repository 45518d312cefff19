/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

/**
 * Lifecycle state of an authority request. Every state but {@link #PENDING} is final.
 *
 * @since 0.1.0
 */
public enum AuthorityRequestStatus {
  /** Waiting for an approver. */
  PENDING(io.github.aetherjava.proto.v1.AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_PENDING),
  /** Approved; {@link AuthorityRequest#grantedGrantId()} names the grant it minted. */
  APPROVED(io.github.aetherjava.proto.v1.AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_APPROVED),
  /** Denied by an approver. */
  DENIED(io.github.aetherjava.proto.v1.AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_DENIED),
  /** Nobody resolved it in time. */
  EXPIRED(io.github.aetherjava.proto.v1.AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_EXPIRED),
  /** Withdrawn by the requester. */
  CANCELLED(
      io.github.aetherjava.proto.v1.AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_CANCELLED),
  /** A state this SDK does not know (sent by a newer gateway). */
  UNKNOWN(
      io.github.aetherjava.proto.v1.AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_UNSPECIFIED);

  private final io.github.aetherjava.proto.v1.AuthorityRequestStatus wire;

  AuthorityRequestStatus(io.github.aetherjava.proto.v1.AuthorityRequestStatus wire) {
    this.wire = wire;
  }

  /**
   * @return true for every state but {@link #PENDING}
   */
  public boolean isFinal() {
    return this != PENDING;
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.AuthorityRequestStatus toProto() {
    return wire;
  }

  /**
   * @param wire wire form
   * @return the status, {@link #UNKNOWN} for a value this SDK does not know
   */
  public static AuthorityRequestStatus fromProto(
      io.github.aetherjava.proto.v1.AuthorityRequestStatus wire) {
    for (AuthorityRequestStatus s : values()) {
      if (s.wire == wire && s != UNKNOWN) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
