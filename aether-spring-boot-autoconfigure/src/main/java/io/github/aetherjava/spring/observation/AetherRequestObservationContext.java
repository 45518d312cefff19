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
import io.micrometer.observation.Observation;

/**
 * Context of an {@link AetherObservationDocumentation#REQUEST} observation.
 *
 * @since 0.1.0
 */
public class AetherRequestObservationContext extends Observation.Context {

	private final AetherClient client;

	private final String operation;

	/**
	 * Create a new context.
	 * @param client the client issuing the request
	 * @param operation the operation, e.g. {@code kv.get}
	 */
	public AetherRequestObservationContext(AetherClient client, String operation) {
		this.client = client;
		this.operation = operation;
	}

	/**
	 * Return the client issuing the request.
	 * @return the client
	 */
	public AetherClient getClient() {
		return this.client;
	}

	/**
	 * Return the operation.
	 * @return the operation, e.g. {@code kv.get}
	 */
	public String getOperation() {
		return this.operation;
	}

}
