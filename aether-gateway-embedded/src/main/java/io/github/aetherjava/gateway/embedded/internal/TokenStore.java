/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.TokenCreateRequest;
import io.github.aetherjava.proto.v1.TokenInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens minted over the stream. The plaintext is returned once at creation; only its SHA-256
 * hash is kept. A live (not revoked, not expired) token authenticates connections like a configured
 * {@link ApiKey}. Thread-safe.
 */
public final class TokenStore {

  /** Random bytes in a token's plaintext. */
  static final int TOKEN_BYTES = 32;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, TokenInfo> byId = new LinkedHashMap<>();
  private final Map<String, String> idByHash = new LinkedHashMap<>();

  /** A created token: its one-time plaintext and its stored record. */
  record Created(String plaintext, TokenInfo info) {}

  TokenStore(Clock clock) {
    this.clock = clock;
  }

  /**
   * Mints a token.
   *
   * @throws IllegalArgumentException with the gateway's text for an invalid request
   */
  synchronized Created create(TokenCreateRequest req) {
    if (req.getName().isEmpty()) {
      throw new IllegalArgumentException("name is required");
    }
    if (req.getPrincipalType().isEmpty()) {
      throw new IllegalArgumentException("principal_type is required");
    }
    if (principalType(req.getPrincipalType()) == PrincipalType.PRINCIPAL_TYPE_UNSPECIFIED) {
      throw new IllegalArgumentException("invalid principal_type: " + req.getPrincipalType());
    }
    if (req.getExpiresInHours() < 0) {
      throw new IllegalArgumentException("expires_in_hours must not be negative");
    }
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String plaintext = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long now = clock.instant().getEpochSecond();
    TokenInfo info =
        TokenInfo.newBuilder()
            .setId(UUID.randomUUID().toString())
            .setName(req.getName())
            .setPrincipalType(req.getPrincipalType())
            .addAllWorkspacePatterns(
                req.getWorkspacePatternsCount() == 0
                    ? List.of("*")
                    : req.getWorkspacePatternsList())
            .addAllScopes(req.getScopesCount() == 0 ? List.of("connect") : req.getScopesList())
            .setCreatedBy(req.getCreatedBy().isEmpty() ? "admin" : req.getCreatedBy())
            .setExpiresAt(req.getExpiresInHours() > 0 ? now + req.getExpiresInHours() * 3600L : 0)
            .setCreatedAt(now)
            .setUpdatedAt(now)
            .build();
    byId.put(info.getId(), info);
    idByHash.put(hash(plaintext), info.getId());
    return new Created(plaintext, info);
  }

  synchronized Optional<TokenInfo> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Tokens oldest first, revoked ones only if asked. */
  synchronized List<TokenInfo> list(boolean includeRevoked) {
    List<TokenInfo> out = new ArrayList<>();
    for (TokenInfo t : byId.values()) {
      if (includeRevoked || !t.getRevoked()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Marks a token revoked; false if unknown. */
  synchronized boolean revoke(String id) {
    TokenInfo t = byId.get(id);
    if (t == null) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    byId.put(id, t.toBuilder().setRevoked(true).setRevokedAt(now).setUpdatedAt(now).build());
    return true;
  }

  /** Forgets a token; false if unknown. */
  synchronized boolean delete(String id) {
    if (byId.remove(id) == null) {
      return false;
    }
    idByHash.values().remove(id);
    return true;
  }

  /**
   * The key a presented credential stands for, if it is a live token. User tokens bind the user
   * named in {@code created_by}; other tokens admit any principal of their type.
   */
  public synchronized Optional<ApiKey> authenticate(String presented) {
    String id = idByHash.get(hash(presented));
    TokenInfo t = id == null ? null : byId.get(id);
    long now = clock.instant().getEpochSecond();
    if (t == null || t.getRevoked() || (t.getExpiresAt() > 0 && t.getExpiresAt() <= now)) {
      return Optional.empty();
    }
    byId.put(id, t.toBuilder().setLastUsedAt(now).build());
    PrincipalType type = principalType(t.getPrincipalType());
    ApiKey key =
        new ApiKey(
            presented,
            type,
            type == PrincipalType.PRINCIPAL_USER ? t.getCreatedBy() : null,
            t.getWorkspacePatternsList());
    return Optional.of(key);
  }

  /** The principal type a token's model spelling ("Agent", "User", ...) names. */
  static PrincipalType principalType(String name) {
    for (PrincipalType p : PrincipalType.values()) {
      if (p != PrincipalType.UNRECOGNIZED
          && p != PrincipalType.PRINCIPAL_TYPE_UNSPECIFIED
          && Identity.typeName(p).equals(name)) {
        return p;
      }
    }
    return PrincipalType.PRINCIPAL_TYPE_UNSPECIFIED;
  }

  private static String hash(String plaintext) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(plaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
