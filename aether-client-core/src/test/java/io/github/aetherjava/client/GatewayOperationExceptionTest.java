/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.admin.AdminOperationException;
import io.github.aetherjava.client.authority.AuthorityGrantException;
import io.github.aetherjava.client.authority.AuthorityRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayOperationExceptionTest {

  @Test
  void everyTypedRefusalKeepsItsOperationAndTextAndMapsItsReason() {
    List<GatewayOperationException> refusals =
        List.of(
            new AdminOperationException("admin.tokens.get", "token not found: t1"),
            new AuthorityGrantException("authority.get", "grant not found"),
            new AuthorityRequestException("authorityRequest.get", "request not found"));

    assertThat(refusals)
        .allSatisfy(
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
              assertThat(e.isRecoverable()).isFalse();
              assertThat(e.getMessage()).isEqualTo(e.operation() + " failed: " + e.gatewayError());
            });
    assertThat(new AuthorityGrantException("authority.derive", "grant revoked").reason())
        .isEqualTo(FailureReason.PERMISSION_DENIED);
    assertThat(new AuthorityRequestException("authorityRequest.approve", "already resolved"))
        .satisfies(e -> assertThat(e.alreadyResolved()).isTrue())
        .satisfies(e -> assertThat(e.reason()).isEqualTo(FailureReason.REJECTED));
  }
}
