/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.delivery;

import io.github.aetherjava.client.GatewayError;
import java.util.Objects;

/**
 * One rate-limit, quota or back-pressure error the gateway sent this client.
 *
 * @param kind what happened
 * @param error the gateway's error, including its {@code retryAfter}
 * @param total how many events of this kind this client has seen so far, this one included
 * @param attributedToConfirmedSend true if the refusal was matched to a send in {@link
 *     DeliveryMode#CONFIRMED} mode, which is retried (or failed) by the client rather than reported
 *     to {@code onError}
 * @since 0.2.0
 */
public record PressureEvent(
    PressureKind kind, GatewayError error, long total, boolean attributedToConfirmedSend) {

  /** Checks the arguments. */
  public PressureEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(error, "error");
  }
}
