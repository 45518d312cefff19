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
package io.github.aetherjava.spring.boot.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Aether health contributor, bound to {@code management.health.aether}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.aether")
public class AetherHealthProperties {

	/**
	 * How long a connecting or reconnecting client is still reported UP before it becomes OUT_OF_SERVICE.
	 */
	private Duration reconnectGracePeriod = Duration.ofSeconds(30);

	public Duration getReconnectGracePeriod() {
		return this.reconnectGracePeriod;
	}

	public void setReconnectGracePeriod(Duration reconnectGracePeriod) {
		this.reconnectGracePeriod = reconnectGracePeriod;
	}

}
