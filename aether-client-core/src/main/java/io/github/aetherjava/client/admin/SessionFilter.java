/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.ConnectionFilter;
import org.jspecify.annotations.Nullable;

/**
 * Which sessions {@link AdminClient#listSessions} returns.
 *
 * @param kind only this principal type, or null for all
 * @param workspace only this workspace, or "" for all
 * @param limit page size (0 = all)
 * @param offset sessions to skip
 * @since 0.1.0
 */
public record SessionFilter(@Nullable PrincipalKind kind, String workspace, int limit, int offset) {

  /** Every session. */
  public static final SessionFilter ALL = new SessionFilter(null, "", 0, 0);

  /** Validates. */
  public SessionFilter {
    Arguments.notNegative(limit, "limit");
    Arguments.notNegative(offset, "offset");
  }

  /**
   * @return the wire form
   */
  public ConnectionFilter toProto() {
    ConnectionFilter.Builder b =
        ConnectionFilter.newBuilder().setWorkspace(workspace).setLimit(limit).setOffset(offset);
    if (kind != null) {
      b.setType(SessionDetails.toProto(kind));
    }
    return b.build();
  }
}
