/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * The gateway answered an operation with a typed refusal ({@code success:false} or an error text in
 * its response). Each feature's subclass maps the text to a {@link #reason()}; catch this type to
 * handle every such refusal at once. Not recoverable: the same call would be refused again.
 *
 * @since 0.1.0
 */
public abstract class GatewayOperationException extends AetherException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String gatewayError;

  /**
   * @param reason what kind of refusal the gateway's text describes
   * @param operation the operation, e.g. {@code admin.tokens.get}
   * @param gatewayError the gateway's error text
   */
  protected GatewayOperationException(FailureReason reason, String operation, String gatewayError) {
    super(reason, operation + " failed: " + gatewayError, null, false);
    this.operation = operation;
    this.gatewayError = gatewayError;
  }

  /**
   * @return the operation that failed
   */
  public String operation() {
    return operation;
  }

  /**
   * @return the gateway's error text
   */
  public String gatewayError() {
    return gatewayError;
  }
}
