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
package io.github.aetherjava.spring.boot.autoconfigure.observation;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherClientOptionsCustomizer;
import io.github.aetherjava.spring.observation.AetherListenerObservationConvention;
import io.github.aetherjava.spring.observation.AetherRequestObservationConvention;
import io.github.aetherjava.spring.observation.ObservationAetherListenerInterceptor;
import io.github.aetherjava.spring.observation.ObservationClientObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for Micrometer observations of listener invocations and outbound requests.
 * Disabled with {@code aether.observation.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ AetherClient.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "aether.observation.enabled", matchIfMissing = true)
public final class AetherObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationAetherListenerInterceptor aetherObservationListenerInterceptor(ObservationRegistry registry,
			ObjectProvider<AetherListenerObservationConvention> convention) {
		return new ObservationAetherListenerInterceptor(registry, convention.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ObservationClientObserver aetherObservationClientObserver(ObservationRegistry registry,
			ObjectProvider<AetherRequestObservationConvention> convention) {
		return new ObservationClientObserver(registry, convention.getIfAvailable());
	}

	@Bean
	AetherClientOptionsCustomizer aetherObservationClientOptionsCustomizer(ObservationClientObserver observer) {
		return (builder) -> builder.addObserver(observer);
	}

}
