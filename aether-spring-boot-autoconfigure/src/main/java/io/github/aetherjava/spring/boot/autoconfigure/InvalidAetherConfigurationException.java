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
package io.github.aetherjava.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when an {@code aether.*} setting cannot be turned into a working client. Carries the
 * name of the offending property so that {@link AetherFailureAnalyzer} can point at it.
 *
 * @since 0.1.0
 */
public class InvalidAetherConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	/**
	 * Create a new instance.
	 * @param property the name of the property (or section) that is invalid
	 * @param reason why it is invalid
	 * @param cause the underlying failure, if any
	 */
	public InvalidAetherConfigurationException(String property, String reason, @Nullable Throwable cause) {
		super("Invalid Aether configuration '" + property + "': " + reason, cause);
		this.property = property;
	}

	/**
	 * Return the name of the property (or property section) that is invalid.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

}
