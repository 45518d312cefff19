/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.spring.client.AetherConnectFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed first connection (with {@code aether.fail-fast=true}) without a transport stack
 * trace.
 *
 * @since 0.1.0
 */
public class AetherConnectFailureAnalyzer
    extends AbstractFailureAnalyzer<AetherConnectFailedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AetherConnectFailedException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Check that the Aether gateway at '"
            + cause.getAddress()
            + "' is reachable and that aether.credentials.* are accepted, or set aether.fail-fast=false"
            + " to start anyway and keep reconnecting in the background.",
        cause);
  }
}
