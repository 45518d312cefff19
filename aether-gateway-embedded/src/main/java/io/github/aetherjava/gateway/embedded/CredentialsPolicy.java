/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the gateway treats {@code InitConnection.credentials}.
 *
 * <ul>
 *   <li>{@link #dev()} (default): like AetherLite in {@code --dev} mode, any credentials or none
 *       are accepted.
 *   <li>{@link #apiKeys(ApiKey...)}: agents, tasks, users, services and bridges must present one of
 *       the configured keys; orchestrators, the workflow engine and the metrics bridge connect
 *       without one, as on the real gateway. Failures end the stream with the real gateway's status
 *       codes and texts.
 * </ul>
 */
public final class CredentialsPolicy {

  private final Map<String, ApiKey> keys;
  private final boolean dev;

  private CredentialsPolicy(boolean dev, List<ApiKey> keys) {
    this.dev = dev;
    this.keys =
        keys.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    ApiKey::key,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalArgumentException(
                          "duplicate API key value for " + a + " and " + b);
                    }));
  }

  /** Accept every connection regardless of credentials. */
  public static CredentialsPolicy dev() {
    return new CredentialsPolicy(true, List.of());
  }

  /** Require one of {@code keys} from every impersonable principal. */
  public static CredentialsPolicy apiKeys(ApiKey... keys) {
    if (keys.length == 0) {
      throw new IllegalArgumentException("apiKeys policy needs at least one key");
    }
    return new CredentialsPolicy(false, List.of(keys));
  }

  /** True for the accept-everything policy. */
  public boolean isDev() {
    return dev;
  }

  /** The configured key with value {@code key}. */
  public Optional<ApiKey> find(String key) {
    return Optional.ofNullable(keys.get(key));
  }

  @Override
  public String toString() {
    return dev ? "CredentialsPolicy[dev]" : "CredentialsPolicy[apiKeys=" + keys.size() + "]";
  }
}
