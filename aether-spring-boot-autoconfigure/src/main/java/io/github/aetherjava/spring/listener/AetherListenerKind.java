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
 * What a listener endpoint receives, one per listener annotation.
 *
 * @since 0.1.0
 */
public enum AetherListenerKind {

	/**
	 * Messages, from {@link io.github.aetherjava.spring.annotation.AetherListener @AetherListener}.
	 */
	MESSAGE,

	/**
	 * Configuration snapshots, from {@link io.github.aetherjava.spring.annotation.OnConfig @OnConfig}.
	 */
	CONFIG,

	/**
	 * Task assignments, from {@link io.github.aetherjava.spring.annotation.OnTaskAssignment @OnTaskAssignment}.
	 */
	TASK_ASSIGNMENT,

	/**
	 * Progress updates, from {@link io.github.aetherjava.spring.annotation.OnProgress @OnProgress}.
	 */
	PROGRESS,

	/**
	 * Connection events, from {@link io.github.aetherjava.spring.annotation.OnConnectionEvent @OnConnectionEvent}.
	 */
	CONNECTION_EVENT

}
