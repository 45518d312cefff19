/*
 * Copyright 2026 the aether-java authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.aetherjava.spring.boot.autoconfigure.metrics;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherClientOptionsCustomizer;
import io.github.aetherjava.spring.metrics.AetherClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for Micrometer metrics of Aether clients: registers {@link AetherClientMetrics} as an
 * observer of every auto-configured client and binds its gauges to every client bean.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ AetherClient.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class AetherMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AetherClientMetrics aetherClientMetrics(MeterRegistry meterRegistry) {
		return new AetherClientMetrics(meterRegistry);
	}

	@Bean
	AetherClientOptionsCustomizer aetherMetricsClientOptionsCustomizer(AetherClientMetrics metrics) {
		return (builder) -> builder.addObserver(metrics);
	}

	@Bean
	SmartInitializingSingleton aetherClientMetricsBinder(AetherClientMetrics metrics, ListableBeanFactory beanFactory) {
		// Gauges exist from startup, not only after the first state change.
		return () -> beanFactory.getBeansOfType(AetherClient.class, false, false).values().forEach(metrics::bindTo);
	}

}
