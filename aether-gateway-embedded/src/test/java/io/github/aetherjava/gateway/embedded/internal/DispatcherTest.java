/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.AuthorityGrantOperation;
import io.github.aetherjava.proto.v1.AuthorityRequestOperation;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.TaskOperation;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperation;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import org.junit.jupiter.api.Test;

/** Errors answering a request carry its id, whatever the request's field is called. */
class DispatcherTest {

  @Test
  void findsTheRequestIdOfEveryRequestShape() {
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setTaskOp(TaskOperation.newBuilder().setRequestId("t-1"))
                    .build()))
        .isEqualTo("t-1");
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setKvOp(KVOperation.newBuilder().setRequestId("k-1"))
                    .build()))
        .isEqualTo("k-1");
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setTaskSubscriptionOp(
                        TaskSubscriptionOperation.newBuilder().setClientRequestId("s-1"))
                    .build()))
        .isEqualTo("s-1");
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setAuthorityGrantOp(AuthorityGrantOperation.newBuilder().setRequestId("a-1"))
                    .build()))
        .isEqualTo("a-1");
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setAuthorityRequestOp(
                        AuthorityRequestOperation.newBuilder()
                            .setRequestId("the-request-acted-on")
                            .setClientRequestId("r-1"))
                    .build()))
        .isEqualTo("r-1");
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setSend(SendMessage.newBuilder().setTargetTopic("ag::w::i::s"))
                    .build()))
        .isEmpty();
    assertThat(Frames.requestId(UpstreamMessage.getDefaultInstance())).isEmpty();
  }
}
