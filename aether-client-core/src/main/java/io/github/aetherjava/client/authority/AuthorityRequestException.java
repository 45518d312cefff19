/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayOperationException;
import java.util.Locale;

/**
 * The gateway refused an authority-request operation. {@link #reason()} is {@link
 * FailureReason#NOT_FOUND} for a request that does not exist or that the caller may not see or act
 * on (the gateway does not tell the two apart), {@link FailureReason#INVALID_ARGUMENT} for a
 * request the gateway finds invalid, else {@link FailureReason#REJECTED} (for example an already
 * resolved request). Not recoverable.
 *
 * @since 0.1.0
 */
public class AuthorityRequestException extends GatewayOperationException {

  private static final long serialVersionUID = 1L;

  /**
   * @param operation the operation, e.g. {@code authorityRequest.approve}
   * @param gatewayError the gateway's error text
   */
  public AuthorityRequestException(String operation, String gatewayError) {
    super(reasonOf(gatewayError), operation, gatewayError);
  }

  /**
   * @return true when the request was already approved, denied, expired or cancelled
   */
  public boolean alreadyResolved() {
    return gatewayError().toLowerCase(Locale.ROOT).contains("already resolved");
  }

  private static FailureReason reasonOf(String error) {
    String e = error.toLowerCase(Locale.ROOT);
    if (e.contains("not found")) {
      return FailureReason.NOT_FOUND;
    }
    if (e.startsWith("invalid") || e.contains("is required") || e.contains("must set")) {
      return FailureReason.INVALID_ARGUMENT;
    }
    return FailureReason.REJECTED;
  }
}
