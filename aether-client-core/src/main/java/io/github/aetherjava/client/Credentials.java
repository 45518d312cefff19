/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Credentials sent in {@code InitConnection.credentials}. Immutable; combine with {@link
 * #and(Credentials)}. Values never appear in {@link #toString()}, logs or exceptions.
 *
 * @since 0.1.0
 */
public final class Credentials {

  /** Map key for API keys. */
  public static final String API_KEY = "x-api-key";

  /** Map key for OAuth / JWT bearer tokens (value prefixed with {@code "Bearer "}). */
  public static final String AUTHORIZATION = "authorization";

  /** Map key for task tokens (from orchestration launch params or CreateTask). */
  public static final String TASK_TOKEN = "token";

  /** Map key for the tenant id (ignored by the current gateway; tenant is server configuration). */
  public static final String TENANT = "x-tenant-id";

  private static final Credentials NONE = new Credentials(Map.of());

  private final Map<String, String> values;

  private Credentials(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @return no credentials
   */
  public static Credentials none() {
    return NONE;
  }

  /**
   * @param apiKey API key
   * @return {@code x-api-key -> apiKey}
   */
  public static Credentials apiKey(String apiKey) {
    return of(Map.of(API_KEY, requireValue(apiKey, "apiKey")));
  }

  /**
   * @param token OAuth/JWT token (without prefix)
   * @return {@code authorization -> "Bearer " + token}
   */
  public static Credentials bearerToken(String token) {
    return of(Map.of(AUTHORIZATION, "Bearer " + requireValue(token, "token")));
  }

  /**
   * @param token task token
   * @return {@code token -> token}
   */
  public static Credentials taskToken(String token) {
    return of(Map.of(TASK_TOKEN, requireValue(token, "token")));
  }

  /**
   * @param tenantId tenant id
   * @return {@code x-tenant-id -> tenantId}
   */
  public static Credentials tenant(String tenantId) {
    return of(Map.of(TENANT, requireValue(tenantId, "tenantId")));
  }

  /**
   * @param values raw credential map (copied)
   * @return credentials
   */
  public static Credentials of(Map<String, String> values) {
    return values.isEmpty() ? NONE : new Credentials(Map.copyOf(values));
  }

  /**
   * @param other more credentials; its entries win on equal keys
   * @return the union
   */
  public Credentials and(Credentials other) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(other.values);
    return of(merged);
  }

  /**
   * @return the credential map as sent on the wire (unmodifiable)
   */
  public Map<String, String> asMap() {
    return values;
  }

  /**
   * @return the keys present (safe to log)
   */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * @return true if there are no credentials
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  private static String requireValue(@org.jspecify.annotations.Nullable String value, String name) {
    String v = Arguments.notNull(value, name);
    if (v.isEmpty()) {
      throw new InvalidArgumentException(name + " must not be empty");
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /**
   * @return the keys with redacted values
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Credentials[");
    values.keySet().stream()
        .sorted()
        .forEach(k -> sb.append(sb.length() > 12 ? ", " : "").append(k).append("=****"));
    return sb.append(']').toString();
  }
}
