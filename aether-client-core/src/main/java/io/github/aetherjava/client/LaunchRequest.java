/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an orchestrator needs to start the agent an {@code agent_startup} assignment asks for: the
 * identity the agent must connect as, and the task token it connects with (the gateway marks the
 * startup task running on that connect, and completed when the agent later closes cleanly).
 *
 * @param assignment the assignment as received
 * @param gatewayAddress address the launched agent connects to ({@code host:port})
 * @param workspace the agent's workspace
 * @param implementation the agent's implementation
 * @param specifier the agent's specifier
 * @param taskToken the task token ({@code launch_params["auth_token"]}), or empty if the gateway
 *     could not mint one
 * @since 0.1.0
 */
public record LaunchRequest(
    TaskAssignment assignment,
    String gatewayAddress,
    String workspace,
    String implementation,
    String specifier,
    String taskToken) {

  /** Launch parameter carrying the task token. */
  public static final String AUTH_TOKEN_PARAM = "auth_token";

  /** Environment variable names of {@link #environment()}. */
  public static final String ENV_ADDRESS = "AETHER_ADDRESS";

  /** Workspace variable. */
  public static final String ENV_WORKSPACE = "AETHER_WORKSPACE";

  /** Implementation variable. */
  public static final String ENV_IMPLEMENTATION = "AETHER_IMPLEMENTATION";

  /** Specifier variable. */
  public static final String ENV_SPECIFIER = "AETHER_SPECIFIER";

  /** Task token variable. */
  public static final String ENV_TASK_TOKEN = "AETHER_TASK_TOKEN";

  /**
   * @param assignment an {@code agent_startup} assignment
   * @param gatewayAddress where the launched agent connects
   * @return the launch request
   */
  public static LaunchRequest of(TaskAssignment assignment, String gatewayAddress) {
    return new LaunchRequest(
        assignment,
        gatewayAddress,
        assignment.workspace(),
        assignment.targetImplementation(),
        assignment.specifier(),
        assignment.launchParams().getOrDefault(AUTH_TOKEN_PARAM, ""));
  }

  /**
   * @return the identity the launched agent must connect as, {@code ag::{ws}::{impl}::{spec}}
   */
  public String agentIdentity() {
    return Topics.agent(workspace, implementation, specifier);
  }

  /**
   * @return the credentials the launched agent connects with (the task token)
   */
  public Credentials credentials() {
    return taskToken.isEmpty() ? Credentials.none() : Credentials.taskToken(taskToken);
  }

  /**
   * @return the launch parameters without the task token
   */
  public Map<String, String> launchParams() {
    Map<String, String> params = new LinkedHashMap<>(assignment.launchParams());
    params.remove(AUTH_TOKEN_PARAM);
    return Map.copyOf(params);
  }

  /**
   * @return connection details as environment variables for a launched process ({@value
   *     #ENV_ADDRESS}, {@value #ENV_WORKSPACE}, {@value #ENV_IMPLEMENTATION}, {@value
   *     #ENV_SPECIFIER}, {@value #ENV_TASK_TOKEN})
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ENV_ADDRESS, gatewayAddress);
    env.put(ENV_WORKSPACE, workspace);
    env.put(ENV_IMPLEMENTATION, implementation);
    env.put(ENV_SPECIFIER, specifier);
    env.put(ENV_TASK_TOKEN, taskToken);
    return Map.copyOf(env);
  }

  @Override
  public String toString() {
    // the token authenticates the launched agent: never print it
    return "LaunchRequest[agent="
        + agentIdentity()
        + ", gateway="
        + gatewayAddress
        + ", taskId="
        + assignment.taskId()
        + ", taskToken="
        + (taskToken.isEmpty() ? "" : "***")
        + "]";
  }
}
