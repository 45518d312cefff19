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
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.spring.listener.AetherListenerInterceptor;
import io.github.aetherjava.spring.listener.AetherListenerInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each listener invocation in an {@link AetherObservationDocumentation#LISTENER} observation, opened
 * in scope so that work done by the listener (including its sends and requests) is its child.
 *
 * @since 0.1.0
 */
public class ObservationAetherListenerInterceptor implements AetherListenerInterceptor {

	private final ObservationRegistry registry;

	private final @Nullable AetherListenerObservationConvention convention;

	/**
	 * Create a new interceptor.
	 * @param registry the observation registry
	 * @param convention a custom convention, or {@code null} for the default
	 */
	public ObservationAetherListenerInterceptor(ObservationRegistry registry,
			@Nullable AetherListenerObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public @Nullable Object intercept(AetherListenerInvocation invocation, Chain chain) throws Exception {
		Observation observation = AetherObservationDocumentation.LISTENER.observation(this.convention,
				DefaultAetherListenerObservationConvention.INSTANCE, () -> new AetherListenerObservationContext(invocation),
				this.registry);
		// Started, in scope, errors recorded and stopped by observeChecked.
		return observation.observeChecked(chain::proceed);
	}

}
