/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The agent registry: which implementations may be launched on demand and with which launch
 * parameters. The orchestration trigger only starts agents whose implementation is registered here.
 */
public final class AgentRegistry {

  /** Launch parameter naming the orchestrator profile that can start the agent. */
  public static final String PROFILE_PARAM = "profile";

  private final Map<String, AgentRegistrationInfo> agents = new ConcurrentHashMap<>();
  private final Clock clock;

  public AgentRegistry(Clock clock) {
    this.clock = clock;
  }

  /**
   * Registers or replaces an implementation; keeps the first registration time. The profile comes
   * from {@code orchestrator_profile}, else from the {@value #PROFILE_PARAM} launch parameter.
   */
  public AgentRegistrationInfo register(AgentRegistrationInfo info) {
    if (info.getImplementation().isEmpty()) {
      throw new IllegalArgumentException("implementation must not be empty");
    }
    long now = clock.instant().getEpochSecond();
    return agents.compute(
        info.getImplementation(),
        (impl, old) -> {
          AgentRegistrationInfo.Builder b = info.toBuilder().setUpdatedAt(now);
          b.setRegisteredAt(old == null ? now : old.getRegisteredAt());
          if (b.getOrchestratorProfile().isEmpty()) {
            b.setOrchestratorProfile(b.getLaunchParamsOrDefault(PROFILE_PARAM, ""));
          }
          if (!b.getOrchestratorProfile().isEmpty()) {
            b.putLaunchParams(PROFILE_PARAM, b.getOrchestratorProfile());
          }
          return b.build();
        });
  }

  /** The registration of {@code implementation}, or null. */
  public @Nullable AgentRegistrationInfo get(String implementation) {
    return agents.get(implementation);
  }

  /** Every registration, ordered by implementation. */
  public List<AgentRegistrationInfo> list() {
    List<AgentRegistrationInfo> all = new ArrayList<>(agents.values());
    all.sort(java.util.Comparator.comparing(AgentRegistrationInfo::getImplementation));
    return all;
  }

  /** Removes a registration; true if there was one. */
  public boolean remove(String implementation) {
    return agents.remove(implementation) != null;
  }
}
