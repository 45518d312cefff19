/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
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
   *
   * @return the address
   */
  String getAddress();

  /**
   * Credentials presented in the handshake.
   *
   * @return the credentials, {@link Credentials#none()} by default
   */
  default Credentials getCredentials() {
    return Credentials.none();
  }

  /**
   * TLS settings, or {@code null} for a plaintext connection.
   *
   * @return the TLS options or {@code null}
   */
  default @Nullable TlsOptions getTls() {
    return null;
  }
}
