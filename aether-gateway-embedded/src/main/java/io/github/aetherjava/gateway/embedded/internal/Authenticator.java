/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.grpc.Status;
import io.grpc.StatusException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Applies the {@link CredentialsPolicy} to a connection, with the real gateway's status codes and
 * texts.
 */
final class Authenticator {

  private final CredentialsPolicy policy;
  private final Function<String, Optional<ApiKey>> issuedKeys;

  /**
   * @param policy configured keys
   * @param issuedKeys looks up keys minted at run time (API tokens)
   */
  Authenticator(CredentialsPolicy policy, Function<String, Optional<ApiKey>> issuedKeys) {
    this.policy = policy;
    this.issuedKeys = issuedKeys;
  }

  void authenticate(InitConnection init, Identity identity) throws StatusException {
    if (policy.isDev()) {
      return;
    }
    String presented = init.getCredentialsMap().getOrDefault("api_key", "");
    if (presented.isEmpty()) {
      presented = init.getCredentialsMap().getOrDefault("x-api-key", "");
    }
    if (presented.isEmpty()) {
      if (identity.isImpersonable()) {
        throw Status.UNAUTHENTICATED
            .withDescription(
                "anonymous connection as "
                    + identity.typeName()
                    + " requires a matching API key credential")
            .asException();
      }
      return;
    }
    Optional<ApiKey> found = policy.find(presented);
    if (found.isEmpty()) {
      found = issuedKeys.apply(presented);
    }
    if (found.isEmpty()) {
      throw Status.UNAUTHENTICATED
          .withDescription(
              "credential authentication failed: invalid API key: key is not known to this gateway")
          .asException();
    }
    ApiKey key = found.get();
    if (key.principalType() != identity.type()) {
      throw Status.PERMISSION_DENIED
          .withDescription(
              "API key principal type mismatch: key="
                  + Identity.typeName(key.principalType())
                  + ", claimed="
                  + identity.typeName())
          .asException();
    }
    String keyId = key.principalId();
    if (keyId != null) {
      String claimed =
          identity.type() == PrincipalType.PRINCIPAL_USER ? identity.id() : identity.key();
      if (!keyId.equals(claimed)) {
        throw Status.PERMISSION_DENIED
            .withDescription("API key principal id mismatch: key=" + keyId + ", claimed=" + claimed)
            .asException();
      }
    }
    String ws = identity.workspace();
    if (!ws.isEmpty()
        && !key.workspacePatterns().isEmpty()
        && key.workspacePatterns().stream().noneMatch(p -> glob(p, ws))) {
      throw Status.PERMISSION_DENIED
          .withDescription("API key not authorized for workspace " + ws)
          .asException();
    }
  }

  static boolean glob(String pattern, String value) {
    if (pattern.equals("*")) {
      return true;
    }
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(re.toString(), value);
  }
}
