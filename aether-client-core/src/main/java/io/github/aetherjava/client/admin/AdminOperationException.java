/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayOperationException;

/**
 * The gateway refused an administrative operation (its typed response said {@code success:false}).
 * {@link #reason()} is {@link FailureReason#NOT_FOUND} when the gateway reported a missing object,
 * {@link FailureReason#PERMISSION_DENIED} when it reported missing rights, else {@link
 * FailureReason#REJECTED}. Not recoverable.
 *
 * @since 0.1.0
 */
public class AdminOperationException extends GatewayOperationException {

  private static final long serialVersionUID = 1L;

  /**
   * @param operation the operation, e.g. {@code admin.tokens.get}
   * @param gatewayError the gateway's error text
   */
  public AdminOperationException(String operation, String gatewayError) {
    super(reasonOf(gatewayError), operation, gatewayError);
  }

  private static FailureReason reasonOf(String error) {
    String e = error.toLowerCase(java.util.Locale.ROOT);
    if (e.contains("not found")) {
      return FailureReason.NOT_FOUND;
    }
    if (e.contains("require") && (e.contains("privilege") || e.contains("grant"))
        || e.contains("not authorized")
        || e.contains("insufficient access")) {
      return FailureReason.PERMISSION_DENIED;
    }
    return FailureReason.REJECTED;
  }
}
