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

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.RequestObservation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link ClientObserver} that turns each request/response operation of a client into an
 * {@link AetherObservationDocumentation#REQUEST} observation. The observation's parent is the observation
 * current on the calling thread (e.g. a listener invocation or an HTTP request).
 *
 * @since 0.1.0
 */
public class ObservationClientObserver implements ClientObserver {

	private final ObservationRegistry registry;

	private final @Nullable AetherRequestObservationConvention convention;

	/**
	 * Create a new observer.
	 * @param registry the observation registry
	 * @param convention a custom convention, or {@code null} for the default
	 */
	public ObservationClientObserver(ObservationRegistry registry,
			@Nullable AetherRequestObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public RequestObservation onRequest(AetherClient client, String operation) {
		AetherRequestObservationContext context = new AetherRequestObservationContext(client, operation);
		Observation observation = AetherObservationDocumentation.REQUEST
			.observation(this.convention, DefaultAetherRequestObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
		return (error) -> {
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		};
	}

}
