/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.TaskOperationResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownstreamRoutesTest {

  private final DownstreamRoutes routes = new DownstreamRoutes();

  @Test
  void aCaseHasAtMostOneRouteUntilItIsRemoved() {
    Registration first = routes.internal(DownstreamMessage.PayloadCase.TASK_OP, m -> {});
    assertThatThrownBy(() -> routes.ordered(DownstreamMessage.PayloadCase.TASK_OP, m -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TASK_OP");
    first.close();
    assertThat(routes.get(DownstreamMessage.PayloadCase.TASK_OP)).isNull();
    routes.ordered(DownstreamMessage.PayloadCase.TASK_OP, m -> {});
    assertThat(routes.get(DownstreamMessage.PayloadCase.TASK_OP).kind())
        .isEqualTo(DownstreamRoutes.Kind.ORDERED);
  }

  @Test
  void correlatedRoutesExtractTheRequestId() {
    routes.correlated(DownstreamMessage.PayloadCase.TASK_OP, m -> m.getTaskOp().getRequestId());
    DownstreamMessage frame =
        DownstreamMessage.newBuilder()
            .setTaskOp(TaskOperationResponse.newBuilder().setRequestId("r-7"))
            .build();
    DownstreamRoutes.Route route = routes.get(DownstreamMessage.PayloadCase.TASK_OP);
    assertThat(route.kind()).isEqualTo(DownstreamRoutes.Kind.CORRELATED);
    assertThat(route.requestIdOf().apply(frame)).isEqualTo("r-7");
  }

  @Test
  void anInterceptorThatConsumesAnErrorHidesItFromLaterOnes() {
    List<String> seen = new ArrayList<>();
    routes.interceptErrors(e -> seen.add("first:" + e.code()) && e.code().equals("ERR_ACL"));
    Registration second = routes.interceptErrors(e -> seen.add("second:" + e.code()));
    assertThat(routes.interceptError(error("ERR_ACL"))).isTrue();
    assertThat(routes.interceptError(error("ERR_OTHER"))).isTrue();
    second.close();
    assertThat(routes.interceptError(error("ERR_OTHER"))).isFalse();
    assertThat(seen)
        .containsExactly("first:ERR_ACL", "first:ERR_OTHER", "second:ERR_OTHER", "first:ERR_OTHER");
  }

  private static GatewayError error(String code) {
    return GatewayError.fromProto(ErrorResponse.newBuilder().setCode(code).setMessage("m").build());
  }
}
