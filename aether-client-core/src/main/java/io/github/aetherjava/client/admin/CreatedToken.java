/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

/**
 * A freshly minted token. The plaintext is shown only here, once; the gateway keeps a hash.
 *
 * @param plaintext the secret, to present as an API key ({@code Credentials.apiKey(...)})
 * @param token the stored record
 * @since 0.1.0
 */
public record CreatedToken(String plaintext, TokenDetails token) {

  @Override
  public String toString() {
    // never print the secret
    return "CreatedToken[token=" + token + "]";
  }
}
