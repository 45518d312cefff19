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
package io.github.aetherjava.spring.listener;

/**
 * Callback for beans that customize how annotated listeners are set up (handler method factory, error
 * handler) or register endpoints programmatically, as spring-kafka's {@code KafkaListenerConfigurer}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerConfigurer {

	/**
	 * Configure the registrar before the endpoints become containers.
	 * @param registrar the registrar
	 */
	void configureAetherListeners(AetherListenerEndpointRegistrar registrar);

}
