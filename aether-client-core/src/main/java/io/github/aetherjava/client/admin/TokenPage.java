/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import java.util.List;

/**
 * One page of {@link AdminClient#listTokens}.
 *
 * @param tokens the tokens of this page
 * @param totalCount tokens matching the filter in all pages
 * @since 0.1.0
 */
public record TokenPage(List<TokenDetails> tokens, int totalCount) {

  /** Copies the list. */
  public TokenPage {
    tokens = List.copyOf(tokens);
  }
}
