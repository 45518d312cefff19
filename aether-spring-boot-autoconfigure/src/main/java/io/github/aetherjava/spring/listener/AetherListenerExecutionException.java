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
 * Wraps an exception thrown by a listener method, with the id of the listener.
 *
 * @since 0.1.0
 */
public class AetherListenerExecutionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String listenerId;

	/**
	 * Create a new instance.
	 * @param listenerId the listener id
	 * @param message the message
	 * @param cause the exception thrown by the listener
	 */
	public AetherListenerExecutionException(String listenerId, String message, Throwable cause) {
		super(message, cause);
		this.listenerId = listenerId;
	}

	/**
	 * Return the id of the listener that failed.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

}
