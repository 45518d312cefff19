/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import io.github.aetherjava.proto.v1.KVOperation;

/**
 * The eight KV scopes. Note the legacy naming: {@link #USER} and {@link #USER_WORKSPACE} are
 * per-agent (exclusive) data about a user; {@link #USER_SHARED} and {@link #USER_WORKSPACE_SHARED}
 * are shared across agents. Exclusive scopes are keyed by the caller's implementation + specifier
 * (not by principal type). AetherLite in dev mode denies the shared scopes (global, workspace,
 * user-shared, user-workspace-shared) until an ACL grant exists; exclusive scopes always work for
 * their owner.
 *
 * @since 0.1.0
 */
public enum KvScope {
  /** Shared, tenant-wide. */
  GLOBAL(KVOperation.Scope.GLOBAL, "global", false, false, false),
  /** Shared per workspace. */
  WORKSPACE(KVOperation.Scope.WORKSPACE, "workspace", true, false, false),
  /** Per-agent, per-user. */
  USER(KVOperation.Scope.USER, "user", false, true, true),
  /** Per-agent, per-user, per-workspace. */
  USER_WORKSPACE(KVOperation.Scope.USER_WORKSPACE, "user-workspace", true, true, true),
  /** Per-agent, tenant-wide (in the {@code ConfigSnapshot}). */
  GLOBAL_EXCLUSIVE(KVOperation.Scope.GLOBAL_EXCLUSIVE, "global-exclusive", false, false, true),
  /** Per-agent, per-workspace (in the {@code ConfigSnapshot}). */
  WORKSPACE_EXCLUSIVE(
      KVOperation.Scope.WORKSPACE_EXCLUSIVE, "workspace-exclusive", true, false, true),
  /** Shared across agents, per user (default deny; needs a grant or on-behalf-of). */
  USER_SHARED(KVOperation.Scope.USER_SHARED, "user-shared", false, true, false),
  /** Shared across agents, per user and workspace. */
  USER_WORKSPACE_SHARED(
      KVOperation.Scope.USER_WORKSPACE_SHARED, "user-workspace-shared", true, true, false);

  private final KVOperation.Scope proto;
  private final String canonicalName;
  private final boolean needsWorkspace;
  private final boolean needsUser;
  private final boolean exclusive;

  KvScope(
      KVOperation.Scope proto,
      String canonicalName,
      boolean needsWorkspace,
      boolean needsUser,
      boolean exclusive) {
    this.proto = proto;
    this.canonicalName = canonicalName;
    this.needsWorkspace = needsWorkspace;
    this.needsUser = needsUser;
    this.exclusive = exclusive;
  }

  /**
   * @return wire value
   */
  public KVOperation.Scope toProto() {
    return proto;
  }

  /**
   * @return the gateway's canonical (ACL) name, e.g. {@code user-workspace-shared}
   */
  public String canonicalName() {
    return canonicalName;
  }

  /**
   * @return true if the scope needs a workspace (explicit, or the caller's own)
   */
  public boolean needsWorkspace() {
    return needsWorkspace;
  }

  /**
   * @return true if the scope needs a user id
   */
  public boolean needsUser() {
    return needsUser;
  }

  /**
   * @return true if keyed by the caller's implementation + specifier
   */
  public boolean isExclusive() {
    return exclusive;
  }

  /**
   * @param proto wire value; unspecified maps to {@link #WORKSPACE} (as on the gateway)
   * @return our enum
   */
  public static KvScope fromProto(KVOperation.Scope proto) {
    for (KvScope s : values()) {
      if (s.proto == proto) {
        return s;
      }
    }
    return WORKSPACE;
  }
}
