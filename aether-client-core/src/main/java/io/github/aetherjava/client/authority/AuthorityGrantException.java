/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayOperationException;
import java.util.Locale;

/**
 * The gateway refused an authority-grant operation or a resolution. {@link #reason()} is {@link
 * FailureReason#NOT_FOUND} for a missing grant, {@link FailureReason#PERMISSION_DENIED} for a
 * revoked, expired or foreign grant or a missing capability, else {@link FailureReason#REJECTED}.
 * Not recoverable.
 *
 * @since 0.1.0
 */
public class AuthorityGrantException extends GatewayOperationException {

  private static final long serialVersionUID = 1L;

  /**
   * @param operation the operation, e.g. {@code authority.derive}
   * @param gatewayError the gateway's error text
   */
  public AuthorityGrantException(String operation, String gatewayError) {
    super(reasonOf(gatewayError), operation, gatewayError);
  }

  private static FailureReason reasonOf(String error) {
    String e = error.toLowerCase(Locale.ROOT);
    if (e.contains("not valid for the current delegate")
        || e.contains("revoked")
        || e.contains("expired")
        || e.contains("not authorized")
        || e.contains("does not match")) {
      return FailureReason.PERMISSION_DENIED;
    }
    if (e.contains("not found")) {
      return FailureReason.NOT_FOUND;
    }
    return FailureReason.REJECTED;
  }
}
