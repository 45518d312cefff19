/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import io.github.aetherjava.proto.v1.PrincipalType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API key accepted by {@link CredentialsPolicy#apiKeys(ApiKey...)}. Clients present it in {@code
 * InitConnection.credentials} under {@code api_key} or {@code x-api-key}.
 *
 * @param key the secret value
 * @param principalType the only principal type that may use the key
 * @param principalId if not null, the only principal the key authenticates: the user id for users,
 *     the canonical identity string (for example {@code ag::prod::impl::s1}) for every other
 *     principal type
 * @param workspacePatterns glob patterns ({@code *}, {@code ?}) the connecting workspace must
 *     match; checked only for principals that carry a workspace at connect time
 */
public record ApiKey(
    String key,
    PrincipalType principalType,
    @Nullable String principalId,
    List<String> workspacePatterns) {

  /** Validates and copies the components. */
  public ApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(principalType, "principalType");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("API key value must not be empty");
    }
    if (principalType == PrincipalType.PRINCIPAL_TYPE_UNSPECIFIED
        || principalType == PrincipalType.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "API key needs a concrete principal type, got " + principalType);
    }
    workspacePatterns = List.copyOf(workspacePatterns);
  }

  /** A key for any principal of {@code type} in any workspace. */
  public static ApiKey of(String key, PrincipalType type) {
    return new ApiKey(key, type, null, List.of("*"));
  }

  /** This key restricted to one principal (user id for users, identity string otherwise). */
  public ApiKey forPrincipal(String id) {
    return new ApiKey(key, principalType, id, workspacePatterns);
  }

  /** This key restricted to workspaces matching {@code patterns}. */
  public ApiKey forWorkspaces(String... patterns) {
    return new ApiKey(key, principalType, principalId, List.of(patterns));
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "ApiKey["
        + principalType
        + ", principalId="
        + principalId
        + ", workspaces="
        + workspacePatterns
        + "]";
  }
}
