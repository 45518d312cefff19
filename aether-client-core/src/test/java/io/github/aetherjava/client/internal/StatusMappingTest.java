/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.AuthenticationException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PermissionDeniedException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class StatusMappingTest {

  private static AetherException map(Status s) {
    return StatusMapping.fromStatus(s, "ag::ws::impl::1");
  }

  @Test
  void terminalStatuses() {
    assertThat(map(Status.UNAUTHENTICATED.withDescription("bad key")))
        .isInstanceOf(AuthenticationException.class)
        .matches(e -> !e.isRecoverable())
        .hasMessageContaining("bad key");
    assertThat(map(Status.PERMISSION_DENIED))
        .isInstanceOf(PermissionDeniedException.class)
        .matches(e -> !e.isRecoverable());
    assertThat(map(Status.INVALID_ARGUMENT))
        .isInstanceOf(InvalidArgumentException.class)
        .matches(e -> !e.isRecoverable());
    assertThat(map(Status.NOT_FOUND))
        .matches(e -> !e.isRecoverable() && e.reason() == FailureReason.NOT_FOUND);
    assertThat(map(Status.UNIMPLEMENTED))
        .matches(e -> !e.isRecoverable() && e.reason() == FailureReason.UNIMPLEMENTED);
    assertThat(
            map(
                Status.FAILED_PRECONDITION.withDescription(
                    "ERR_EXTENSION_UNSUPPORTED: extension required but not supported: x")))
        .matches(e -> !e.isRecoverable());
  }

  @Test
  void duplicateIdentityCarriesTheIdentityFromTheMessage() {
    AetherException e =
        map(
            Status.ALREADY_EXISTS.withDescription(
                "DuplicateIdentityError: identity (ag::prod::w::7) already connected"));
    assertThat(e).isInstanceOf(DuplicateIdentityException.class).matches(x -> !x.isRecoverable());
    assertThat(((DuplicateIdentityException) e).identity()).isEqualTo("ag::prod::w::7");
    assertThat(((DuplicateIdentityException) map(Status.ALREADY_EXISTS)).identity())
        .isEqualTo("ag::ws::impl::1");
  }

  @Test
  void recoverableStatuses() {
    assertThat(map(Status.UNAVAILABLE))
        .isInstanceOf(ConnectionException.class)
        .matches(AetherException::isRecoverable);
    assertThat(map(Status.INTERNAL.withDescription("failed to setup subscriptions")))
        .matches(AetherException::isRecoverable);
    assertThat(map(Status.CANCELLED)).matches(AetherException::isRecoverable);
    assertThat(map(Status.RESOURCE_EXHAUSTED)).matches(AetherException::isRecoverable);
    assertThat(map(Status.DEADLINE_EXCEEDED))
        .isInstanceOf(AetherTimeoutException.class)
        .matches(AetherException::isRecoverable);
    assertThat(map(Status.OK)).matches(AetherException::isRecoverable);
    assertThat(map(Status.FAILED_PRECONDITION.withDescription("other")))
        .matches(AetherException::isRecoverable);
    assertThat(map(Status.UNAVAILABLE).grpcStatus()).isEqualTo("UNAVAILABLE");
  }
}
