/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.FailureReason;
import org.jspecify.annotations.Nullable;

/**
 * A proxied call failed with a {@code ProxyError} from the gateway or the serving side, or the
 * client gave up on it locally (a streamed body went idle, outgrew its limit or arrived out of
 * order). A {@link ProxyHandler} may throw one to answer with that {@code ProxyError} instead of a
 * status 500.
 *
 * @since 0.1.0
 */
public class ProxyException extends AetherException {

  private static final long serialVersionUID = 1L;

  private final ProxyErrorKind kind;
  private final String detail;

  /**
   * @param kind why it failed
   * @param message the gateway's or serving side's text
   */
  public ProxyException(ProxyErrorKind kind, String message) {
    this(kind, message, null);
  }

  /**
   * @param kind why it failed
   * @param message what happened
   * @param cause the underlying failure, if any
   */
  public ProxyException(ProxyErrorKind kind, String message, @Nullable Throwable cause) {
    super(reasonOf(kind), kind + ": " + message, cause, recoverable(kind));
    this.kind = kind;
    this.detail = message;
  }

  /**
   * @return the message without the kind prefix, as it travels in {@code ProxyError.message}
   */
  public String detail() {
    return detail;
  }

  /**
   * @return the error kind
   */
  public ProxyErrorKind kind() {
    return kind;
  }

  private static FailureReason reasonOf(ProxyErrorKind kind) {
    return switch (kind) {
      case ACL_DENIED -> FailureReason.PERMISSION_DENIED;
      case TIMEOUT -> FailureReason.TIMEOUT;
      case SIDECAR_UNAVAILABLE, DIAL_FAILED, UPSTREAM_RESET -> FailureReason.UNAVAILABLE;
      case PAYLOAD_TOO_LARGE -> FailureReason.INVALID_ARGUMENT;
      case DECODE_FAILED, UNKNOWN -> FailureReason.GATEWAY_ERROR;
    };
  }

  private static boolean recoverable(ProxyErrorKind kind) {
    return switch (kind) {
      case TIMEOUT, SIDECAR_UNAVAILABLE, DIAL_FAILED, UPSTREAM_RESET -> true;
      default -> false;
    };
  }
}
