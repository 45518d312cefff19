/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.util.Set;

/**
 * Topic prefixes each principal may send to (gateway send matrix; {@code pg::} is never a client
 * target).
 */
final class SendPermissions {

  static final Set<String> AGENT_OR_TASK =
      Set.of(
          Topics.AGENT,
          Topics.UNIQUE_TASK,
          Topics.TASK,
          Topics.TASK_BROADCAST,
          Topics.USER,
          Topics.USER_WORKSPACE,
          Topics.GLOBAL_AGENTS,
          Topics.GLOBAL_USERS,
          Topics.TASK_LANE,
          Topics.EVENT,
          Topics.METRIC,
          Topics.BRIDGE,
          Topics.SERVICE);
  static final Set<String> USER =
      Set.of(
          Topics.AGENT,
          Topics.UNIQUE_TASK,
          Topics.TASK,
          Topics.TASK_BROADCAST,
          Topics.USER,
          Topics.USER_WORKSPACE,
          Topics.GLOBAL_AGENTS,
          Topics.GLOBAL_USERS,
          Topics.TASK_LANE,
          Topics.BRIDGE,
          Topics.SERVICE);
  static final Set<String> ORCHESTRATOR =
      Set.of(Topics.AGENT, Topics.UNIQUE_TASK, Topics.TASK, Topics.TASK_BROADCAST);
  static final Set<String> ANY =
      Set.of(
          Topics.AGENT,
          Topics.UNIQUE_TASK,
          Topics.TASK,
          Topics.TASK_BROADCAST,
          Topics.USER,
          Topics.USER_WORKSPACE,
          Topics.USER_BROADCAST,
          Topics.GLOBAL_AGENTS,
          Topics.GLOBAL_USERS,
          Topics.TASK_LANE,
          Topics.EVENT,
          Topics.METRIC,
          Topics.BRIDGE,
          Topics.SERVICE);
  static final Set<String> NONE = Set.of();

  private SendPermissions() {}
}
