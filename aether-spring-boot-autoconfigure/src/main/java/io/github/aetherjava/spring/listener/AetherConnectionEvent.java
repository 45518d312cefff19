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

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import org.jspecify.annotations.Nullable;

/**
 * A change in the connection of an Aether client, delivered to
 * {@link io.github.aetherjava.spring.annotation.OnConnectionEvent @OnConnectionEvent} methods.
 *
 * @param type what happened
 * @param clientName bean name of the client
 * @param client the client
 * @param from previous state, for {@link Type#STATE_CHANGED}
 * @param to new state, for {@link Type#STATE_CHANGED}
 * @param connectionInfo the new session, for {@link Type#CONNECTED}
 * @param disconnectInfo why the stream ended, for {@link Type#DISCONNECTED}
 * @param attempt the reconnection attempt, for {@link Type#RECONNECTING}
 * @since 0.1.0
 */
public record AetherConnectionEvent(Type type, String clientName, AetherClient client, @Nullable ConnectionState from,
		@Nullable ConnectionState to, @Nullable ConnectionInfo connectionInfo, @Nullable DisconnectInfo disconnectInfo,
		int attempt) {

	/**
	 * Kinds of connection events.
	 */
	public enum Type {

		/**
		 * A session was established (first connect or reconnect).
		 */
		CONNECTED,

		/**
		 * The stream ended.
		 */
		DISCONNECTED,

		/**
		 * A reconnection attempt is about to start.
		 */
		RECONNECTING,

		/**
		 * The connection state changed.
		 */
		STATE_CHANGED

	}

	@Override
	public String toString() {
		return "AetherConnectionEvent[" + this.type + ", client=" + this.clientName + ", from=" + this.from + ", to="
				+ this.to + ", attempt=" + this.attempt + "]";
	}

}
