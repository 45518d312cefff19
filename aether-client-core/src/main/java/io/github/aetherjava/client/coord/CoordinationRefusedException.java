/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.GatewayErrorException;
import java.time.Duration;

/**
 * The gateway refused a KV operation a coordination primitive needs, most often because the
 * principal may not use the chosen scope. The message names the operation, key and scope, and for
 * the shared scopes says that AetherLite in dev mode denies them until an ACL grant exists. {@link
 * #code()} keeps the gateway's error code ({@code KV_ERROR}, {@code ERR_PERMISSION_DENIED}).
 *
 * @since 0.1.0
 */
public class CoordinationRefusedException extends GatewayErrorException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code gateway error code
   * @param message detail, including the gateway's
   */
  public CoordinationRefusedException(String code, String message) {
    super(code, message, false, Duration.ZERO);
  }
}
