/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.spring.integration.AetherLockRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Auto-configuration of a Spring Integration {@link LockRegistry} on Aether locks, when Spring
 * Integration is on the classpath and a {@link Coordination} bean exists. Turned off with {@code
 * aether.coordination.lock-registry.enabled=false}; backs off when a {@code LockRegistry} bean is
 * defined.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherCoordinationAutoConfiguration.class)
@ConditionalOnClass({Coordination.class, LockRegistry.class})
@ConditionalOnBean(Coordination.class)
@ConditionalOnBooleanProperty(
    name = "aether.coordination.lock-registry.enabled",
    matchIfMissing = true)
@EnableConfigurationProperties(AetherCoordinationProperties.class)
public final class AetherLockRegistryAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(LockRegistry.class)
  AetherLockRegistry aetherLockRegistry(
      Coordination coordination, AetherCoordinationProperties properties) {
    return new AetherLockRegistry(coordination, properties.getLockRegistry().getKeyPrefix());
  }
}
