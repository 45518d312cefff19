/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test.connection;

import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails;
import java.util.List;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.Container;

/**
 * {@code @ServiceConnection} support for an Aether gateway container: a container field or bean
 * annotated with {@code @ServiceConnection} whose image is {@value #AETHERLITE_IMAGE} or {@value
 * #GATEWAY_IMAGE} (any registry and tag, e.g. {@code ghcr.io/scitrera/aetherlite:0.2.2}), or whose
 * annotation names one of them, provides the {@link AetherConnectionDetails} of every Aether
 * client: the container's host and the port mapped to {@value #GRPC_PORT}, plaintext and without
 * credentials (a gateway started with {@code --dev}). Other credentials or TLS need an {@link
 * AetherConnectionDetails} bean of your own.
 *
 * <p>Only active with {@code spring-boot-testcontainers} on the classpath; Boot loads it from
 * {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
public final class AetherContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<Container<?>, AetherConnectionDetails> {

  /** Repository of the AetherLite image. */
  public static final String AETHERLITE_IMAGE = "scitrera/aetherlite";

  /** Repository of the full gateway image. */
  public static final String GATEWAY_IMAGE = "scitrera/aether-gateway";

  /** The gateway's gRPC port inside the container. */
  public static final int GRPC_PORT = 50051;

  /** Create the factory; Boot instantiates it. */
  public AetherContainerConnectionDetailsFactory() {
    super(List.of(AETHERLITE_IMAGE, GATEWAY_IMAGE));
  }

  @Override
  protected AetherConnectionDetails getContainerConnectionDetails(
      ContainerConnectionSource<Container<?>> source) {
    return new ContainerDetails(source);
  }

  /** Reads the mapped address once the container has been started by Boot. */
  private static final class ContainerDetails extends ContainerConnectionDetails<Container<?>>
      implements AetherConnectionDetails {

    ContainerDetails(ContainerConnectionSource<Container<?>> source) {
      super(source);
    }

    @Override
    public String getAddress() {
      Container<?> container = getContainer();
      return container.getHost() + ":" + container.getMappedPort(GRPC_PORT);
    }
  }
}
