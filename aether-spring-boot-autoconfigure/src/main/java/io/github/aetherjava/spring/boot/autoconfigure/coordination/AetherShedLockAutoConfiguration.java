/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.KvAccess;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.spring.shedlock.AetherLockProvider;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a ShedLock {@link LockProvider} on the Aether KV store, when ShedLock is on
 * the classpath and a {@link Coordination} bean exists (its scope holds the locks). With {@code
 * shedlock-spring} and {@code @EnableSchedulerLock}, {@code @SchedulerLock} methods then run on one
 * instance at a time. Turned off with {@code aether.coordination.shedlock.enabled=false}; backs off
 * when a {@code LockProvider} bean is defined.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherCoordinationAutoConfiguration.class)
@ConditionalOnClass({Coordination.class, LockProvider.class})
@ConditionalOnBean(Coordination.class)
@ConditionalOnBooleanProperty(name = "aether.coordination.shedlock.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AetherCoordinationProperties.class)
public final class AetherShedLockAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(LockProvider.class)
  @ConditionalOnSingleCandidate(KvAccess.class)
  AetherLockProvider aetherShedLockProvider(
      KvAccess client, Coordination coordination, AetherCoordinationProperties properties) {
    Duration timeout = coordination.options().requestTimeout();
    return new AetherLockProvider(
        client.kv(),
        coordination.options().target(),
        properties.getShedlock().getKeyPrefix(),
        timeout != null ? timeout : ((AetherClient) client).options().requestTimeout());
  }
}
