/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.proto.v1.ProxyError;

/**
 * Why a proxied call failed, as the gateway or the serving side reports it ({@code ProxyError.Kind}
 * on the wire).
 *
 * @since 0.1.0
 */
public enum ProxyErrorKind {
  /** Unclassified failure. Unlike the upstream SDKs, Java treats it as a failure too. */
  UNKNOWN,
  /** The serving side could not reach its HTTP backend. */
  DIAL_FAILED,
  /** The call, its first byte or a streamed body went quiet for too long. */
  TIMEOUT,
  /** The HTTP backend reset the connection. */
  UPSTREAM_RESET,
  /** The gateway's ACL, the chain-depth limit or the serving side's path allow-list refused it. */
  ACL_DENIED,
  /** No instance of the target is connected, or the peer's session ended mid-request. */
  SIDECAR_UNAVAILABLE,
  /** A body exceeded a size limit. */
  PAYLOAD_TOO_LARGE,
  /** A frame or body could not be decoded. */
  DECODE_FAILED;

  /**
   * @param kind the wire value
   * @return the matching kind ({@link #UNKNOWN} for values this version does not know)
   */
  public static ProxyErrorKind fromProto(ProxyError.Kind kind) {
    return switch (kind) {
      case DIAL_FAILED -> DIAL_FAILED;
      case TIMEOUT -> TIMEOUT;
      case UPSTREAM_RESET -> UPSTREAM_RESET;
      case ACL_DENIED -> ACL_DENIED;
      case SIDECAR_UNAVAILABLE -> SIDECAR_UNAVAILABLE;
      case PAYLOAD_TOO_LARGE -> PAYLOAD_TOO_LARGE;
      case DECODE_FAILED -> DECODE_FAILED;
      default -> UNKNOWN;
    };
  }

  /**
   * @return the wire value
   */
  public ProxyError.Kind toProto() {
    return switch (this) {
      case UNKNOWN -> ProxyError.Kind.UNKNOWN;
      case DIAL_FAILED -> ProxyError.Kind.DIAL_FAILED;
      case TIMEOUT -> ProxyError.Kind.TIMEOUT;
      case UPSTREAM_RESET -> ProxyError.Kind.UPSTREAM_RESET;
      case ACL_DENIED -> ProxyError.Kind.ACL_DENIED;
      case SIDECAR_UNAVAILABLE -> ProxyError.Kind.SIDECAR_UNAVAILABLE;
      case PAYLOAD_TOO_LARGE -> ProxyError.Kind.PAYLOAD_TOO_LARGE;
      case DECODE_FAILED -> ProxyError.Kind.DECODE_FAILED;
    };
  }
}
