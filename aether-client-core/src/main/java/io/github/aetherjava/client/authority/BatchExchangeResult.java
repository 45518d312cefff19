/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import java.util.List;

/**
 * The outcome of a batch exchange.
 *
 * @param grants the grants created, in request order
 * @param error the failures ({@code index N: reason}, separated by {@code ; }), or empty
 * @since 0.1.0
 */
public record BatchExchangeResult(List<AuthorityGrant> grants, String error) {

  /** Copies the list so the record stays immutable. */
  public BatchExchangeResult {
    grants = List.copyOf(grants);
  }

  /**
   * @return true if every exchange succeeded
   */
  public boolean allSucceeded() {
    return error.isEmpty();
  }
}
