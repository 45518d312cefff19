/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.AgentResourceSchemaEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Agent registrations keyed by implementation: which orchestrator profile launches an agent and
 * with which parameters. Thread-safe. Registrations are validated as on the real gateway: a
 * registration needs an implementation and a {@code profile} launch parameter, and its resource
 * type prefixes must not overlap another agent's.
 */
public final class AgentRegistry {

  /** Launch parameter naming the orchestrator profile. */
  public static final String PROFILE_PARAM = "profile";

  private final Clock clock;
  private final Map<String, AgentRegistrationInfo> agents = new TreeMap<>();

  AgentRegistry(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds or replaces a registration (REGISTER is an upsert on the real gateway), keeping the first
   * registration time.
   *
   * @return the stored registration
   * @throws IllegalArgumentException with the gateway's text when invalid
   */
  public AgentRegistrationInfo register(AgentRegistrationInfo agent) {
    return put(agent);
  }

  /**
   * Replaces a registration; like {@link #register}, an unknown implementation is added (UPDATE is
   * an upsert on the real gateway too).
   *
   * @return the stored registration
   * @throws IllegalArgumentException with the gateway's text when invalid
   */
  public AgentRegistrationInfo update(AgentRegistrationInfo agent) {
    return put(agent);
  }

  private synchronized AgentRegistrationInfo put(AgentRegistrationInfo agent) {
    validate(agent);
    AgentRegistrationInfo old = agents.get(agent.getImplementation());
    long now = clock.instant().getEpochSecond();
    AgentRegistrationInfo stored =
        normalise(agent)
            .setRegisteredAt(old == null ? now : old.getRegisteredAt())
            .setUpdatedAt(now)
            .build();
    agents.put(stored.getImplementation(), stored);
    return stored;
  }

  public synchronized Optional<AgentRegistrationInfo> get(String implementation) {
    return Optional.ofNullable(agents.get(implementation));
  }

  /** Removes a registration; false if unknown. */
  public synchronized boolean delete(String implementation) {
    return agents.remove(implementation) != null;
  }

  /** Registrations by implementation, optionally only those of one orchestrator profile. */
  public synchronized List<AgentRegistrationInfo> list(String profile) {
    List<AgentRegistrationInfo> out = new ArrayList<>();
    for (AgentRegistrationInfo a : agents.values()) {
      if (profile.isEmpty() || profile.equals(a.getOrchestratorProfile())) {
        out.add(a);
      }
    }
    return out;
  }

  private static AgentRegistrationInfo.Builder normalise(AgentRegistrationInfo agent) {
    AgentRegistrationInfo.Builder b = agent.toBuilder();
    if (b.getOrchestratorProfile().isEmpty()) {
      b.setOrchestratorProfile(agent.getLaunchParamsMap().get(PROFILE_PARAM));
    }
    return b;
  }

  private void validate(AgentRegistrationInfo agent) {
    if (agent.getImplementation().isEmpty()) {
      throw new IllegalArgumentException("implementation is required");
    }
    String profile = agent.getLaunchParamsMap().getOrDefault(PROFILE_PARAM, "");
    if (profile.isEmpty()) {
      throw new IllegalArgumentException("launch_params must contain 'profile' field");
    }
    for (AgentResourceSchemaEntry mine : agent.getResourceSchemaList()) {
      for (AgentRegistrationInfo other : agents.values()) {
        if (other.getImplementation().equals(agent.getImplementation())) {
          continue;
        }
        for (AgentResourceSchemaEntry theirs : other.getResourceSchemaList()) {
          String a = mine.getResourceTypePrefix();
          String b = theirs.getResourceTypePrefix();
          if (!a.isEmpty() && !b.isEmpty() && (a.startsWith(b) || b.startsWith(a))) {
            throw new IllegalArgumentException(
                "ERR_PREFIX_CONFLICT: resource type prefix '"
                    + a
                    + "' overlaps '"
                    + b
                    + "' registered by "
                    + other.getImplementation());
          }
        }
      }
    }
  }
}
