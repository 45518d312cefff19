/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Why an operation failed, independent of the exception class. Lets callers tell "slow" apart from
 * "reconnecting" or "rejected" without parsing messages.
 *
 * @since 0.1.0
 */
public enum FailureReason {
  /** The stream dropped while the operation was in flight; the client may reconnect. */
  DISCONNECTED,
  /** The client was closed (by the application or a terminal error). */
  CLOSED,
  /** The gateway could not be reached. */
  UNAVAILABLE,
  /** No answer within the allowed time. */
  TIMEOUT,
  /** Credentials were missing or invalid. */
  UNAUTHENTICATED,
  /** The principal is not allowed to do this. */
  PERMISSION_DENIED,
  /** Another live session holds the same identity. */
  DUPLICATE_IDENTITY,
  /** A parameter was invalid (checked locally or by the gateway). */
  INVALID_ARGUMENT,
  /** The gateway does not know the requested resource. */
  NOT_FOUND,
  /** The gateway does not implement the operation. */
  UNIMPLEMENTED,
  /** The gateway refused the connection for another reason (for example a required extension). */
  REJECTED,
  /** The outbound buffer is full (count or bytes). */
  BUFFER_FULL,
  /** The gateway was told to disconnect this client for good (administrator kick). */
  FORCE_DISCONNECTED,
  /** The gateway answered with an {@code ErrorResponse} or a failed typed response. */
  GATEWAY_ERROR,
  /** An unexpected failure inside the gateway or transport. */
  INTERNAL
}
