/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import io.github.aetherjava.client.internal.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * Where a KV operation applies: a scope plus the workspace and user id the scope needs. An absent
 * workspace means the caller's own workspace (agents and tasks); workspace-less callers (services,
 * workflow engine, metrics bridge) must name one. Parameters are validated before anything is sent.
 *
 * @param scope scope
 * @param workspace workspace, or null for the caller's
 * @param userId user id, or null
 * @since 0.1.0
 */
public record KvTarget(KvScope scope, @Nullable String workspace, @Nullable String userId) {

  /** Normalises empty strings to null. */
  public KvTarget {
    Arguments.notNull(scope, "scope");
    workspace = workspace == null || workspace.isEmpty() ? null : workspace;
    userId = userId == null || userId.isEmpty() ? null : userId;
  }

  /**
   * @param scope scope
   * @return target without workspace or user
   */
  public static KvTarget of(KvScope scope) {
    return new KvTarget(scope, null, null);
  }

  /**
   * @return {@link KvScope#GLOBAL}
   */
  public static KvTarget global() {
    return of(KvScope.GLOBAL);
  }

  /**
   * @return {@link KvScope#WORKSPACE} of the caller's workspace
   */
  public static KvTarget workspaceScope() {
    return of(KvScope.WORKSPACE);
  }

  /**
   * @param workspace workspace
   * @return {@link KvScope#WORKSPACE} of that workspace
   */
  public static KvTarget workspaceScope(String workspace) {
    return new KvTarget(KvScope.WORKSPACE, workspace, null);
  }

  /**
   * @return {@link KvScope#GLOBAL_EXCLUSIVE}
   */
  public static KvTarget globalExclusive() {
    return of(KvScope.GLOBAL_EXCLUSIVE);
  }

  /**
   * @return {@link KvScope#WORKSPACE_EXCLUSIVE} of the caller's workspace
   */
  public static KvTarget workspaceExclusive() {
    return of(KvScope.WORKSPACE_EXCLUSIVE);
  }

  /**
   * @param userId user id
   * @return {@link KvScope#USER} (per-agent data about that user)
   */
  public static KvTarget user(String userId) {
    return new KvTarget(KvScope.USER, null, userId);
  }

  /**
   * @param userId user id
   * @return {@link KvScope#USER_WORKSPACE} in the caller's workspace
   */
  public static KvTarget userWorkspace(String userId) {
    return new KvTarget(KvScope.USER_WORKSPACE, null, userId);
  }

  /**
   * @param userId user id
   * @return {@link KvScope#USER_SHARED}
   */
  public static KvTarget userShared(String userId) {
    return new KvTarget(KvScope.USER_SHARED, null, userId);
  }

  /**
   * @param userId user id
   * @return {@link KvScope#USER_WORKSPACE_SHARED} in the caller's workspace
   */
  public static KvTarget userWorkspaceShared(String userId) {
    return new KvTarget(KvScope.USER_WORKSPACE_SHARED, null, userId);
  }

  /**
   * @param ws workspace
   * @return a copy with that workspace
   */
  public KvTarget inWorkspace(String ws) {
    return new KvTarget(scope, ws, userId);
  }

  /**
   * @param user user id
   * @return a copy with that user id
   */
  public KvTarget forUser(String user) {
    return new KvTarget(scope, workspace, user);
  }
}
