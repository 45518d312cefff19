/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.KvAccess;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link Coordination} bean for the application's one KV-capable client
 * (agent, task, service, workflow engine or metrics bridge), when {@code aether.coordination.scope}
 * is set. With several such clients, define the {@code Coordination} bean yourself.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass(Coordination.class)
@ConditionalOnProperty(prefix = "aether.coordination", name = "scope")
@EnableConfigurationProperties(AetherCoordinationProperties.class)
public final class AetherCoordinationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(KvAccess.class)
  Coordination aetherCoordination(KvAccess client, AetherCoordinationProperties properties) {
    KvTarget target =
        new KvTarget(
            Objects.requireNonNull(properties.getScope(), "aether.coordination.scope"),
            properties.getWorkspace(),
            properties.getUserId());
    CoordinationOptions options =
        CoordinationOptions.builder()
            .target(target)
            .leaseTime(properties.getLeaseTime())
            .renewInterval(properties.getRenewInterval())
            .retryInterval(properties.getRetryInterval())
            .requestTimeout(properties.getRequestTimeout())
            .ownerId(properties.getOwnerId())
            .build();
    return Coordination.create((AetherClient) client, options);
  }
}
