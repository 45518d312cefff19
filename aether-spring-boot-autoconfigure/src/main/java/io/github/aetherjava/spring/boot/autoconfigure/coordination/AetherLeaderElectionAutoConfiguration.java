/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.spring.coordination.AetherLeaderInitiator;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of an {@link AetherLeaderInitiator} when {@code
 * aether.coordination.leader.name} is set: the application campaigns while it runs and publishes
 * leadership events.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherCoordinationAutoConfiguration.class)
@ConditionalOnClass(Coordination.class)
@ConditionalOnBean(Coordination.class)
@ConditionalOnProperty(prefix = "aether.coordination.leader", name = "name")
@EnableConfigurationProperties(AetherCoordinationProperties.class)
public final class AetherLeaderElectionAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AetherLeaderInitiator aetherLeaderInitiator(
      Coordination coordination,
      AetherCoordinationProperties properties,
      ApplicationEventPublisher publisher) {
    String name =
        Objects.requireNonNull(properties.getLeader().getName(), "aether.coordination.leader.name");
    String candidate = properties.getLeader().getCandidateId();
    LeaderElection election =
        candidate == null
            ? coordination.leaderElection(name)
            : coordination.leaderElection(name, candidate);
    return new AetherLeaderInitiator(election, publisher);
  }
}
