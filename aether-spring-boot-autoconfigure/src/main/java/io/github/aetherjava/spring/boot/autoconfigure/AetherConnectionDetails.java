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

import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.TlsOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to establish a connection to an Aether gateway. Defined by the {@code aether.*}
 * properties unless another bean (the embedded gateway, a future service connection) provides it.
 *
 * @since 0.1.0
 */
public interface AetherConnectionDetails extends ConnectionDetails {

	/**
	 * Gateway address, as {@code host:port} or {@code in-process:name}.
	 * @return the address
	 */
	String getAddress();

	/**
	 * Credentials presented in the handshake.
	 * @return the credentials, {@link Credentials#none()} by default
	 */
	default Credentials getCredentials() {
		return Credentials.none();
	}

	/**
	 * TLS settings, or {@code null} for a plaintext connection.
	 * @return the TLS options or {@code null}
	 */
	default @Nullable TlsOptions getTls() {
		return null;
	}

}
