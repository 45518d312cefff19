/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent registry entry: which orchestrator profile launches an implementation and with what
 * parameters. The gateway requires a {@code profile} launch parameter; {@link #of} sets it.
 *
 * @param implementation implementation name (the registry key)
 * @param description description
 * @param launchParams launch parameters, including {@code profile}
 * @param extensions extension URIs this agent supports
 * @param registeredAt registration time (null until registered)
 * @since 0.1.0
 */
public record AgentRegistration(
    String implementation,
    String description,
    Map<String, String> launchParams,
    List<String> extensions,
    @Nullable Instant registeredAt) {

  /** Validates and copies. */
  public AgentRegistration {
    Arguments.notBlank(implementation, "implementation");
    Arguments.notNull(description, "description");
    launchParams = Map.copyOf(Arguments.notNull(launchParams, "launchParams"));
    extensions = List.copyOf(Arguments.notNull(extensions, "extensions"));
  }

  /**
   * @param implementation implementation name
   * @param profile orchestrator profile that launches it
   * @return an entry with only the profile parameter
   */
  public static AgentRegistration of(String implementation, String profile) {
    Arguments.notBlank(profile, "profile");
    return new AgentRegistration(implementation, "", Map.of("profile", profile), List.of(), null);
  }

  /**
   * @return the orchestrator profile ({@code launchParams.profile}), or ""
   */
  public String profile() {
    return launchParams.getOrDefault("profile", "");
  }

  /**
   * @return the wire form
   */
  public AgentRegistrationInfo toProto() {
    return AgentRegistrationInfo.newBuilder()
        .setImplementation(implementation)
        .setOrchestratorProfile(profile())
        .setDescription(description)
        .putAllLaunchParams(launchParams)
        .addAllExtensions(extensions)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static AgentRegistration fromProto(AgentRegistrationInfo p) {
    return new AgentRegistration(
        p.getImplementation(),
        p.getDescription(),
        p.getLaunchParamsMap(),
        p.getExtensionsList(),
        TokenDetails.seconds(p.getRegisteredAt()));
  }
}
