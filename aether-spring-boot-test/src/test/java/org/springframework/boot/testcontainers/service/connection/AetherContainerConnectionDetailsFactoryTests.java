/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.springframework.boot.testcontainers.service.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails;
import io.github.aetherjava.spring.test.connection.AetherContainerConnectionDetailsFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.testcontainers.containers.Container;

/**
 * The container factory as Boot's {@code @ServiceConnection} support calls it, without Docker: the
 * source is built as Boot builds it for an annotated field (this test sits in Boot's package for
 * the package-private constructor), the container is a stand-in that only answers host and port.
 */
class AetherContainerConnectionDetailsFactoryTests {

  @ServiceConnection private static Container<?> aetherlite;

  @ServiceConnection(name = AetherContainerConnectionDetailsFactory.GATEWAY_IMAGE)
  private static Container<?> renamed;

  @Test
  void anAetherLiteImageFromAnyRegistryGivesTheMappedGrpcPort() throws Exception {
    AetherConnectionDetails details =
        details("aetherlite", "ghcr.io/scitrera/aetherlite:0.2.2", stub("docker-host", 32789));
    assertThat(details.getAddress()).isEqualTo("docker-host:32789");
    assertThat(details.getTls()).isNull();
    assertThat(
            details("aetherlite", "scitrera/aether-gateway:latest", stub("localhost", 40001))
                .getAddress())
        .isEqualTo("localhost:40001");
  }

  @Test
  void theAnnotationsNameSelectsTheFactoryForAnyImage() throws Exception {
    assertThat(details("renamed", "registry.internal/team/gw:1", stub("h", 1)).getAddress())
        .isEqualTo("h:1");
  }

  @Test
  void otherImagesGetNoAetherConnectionDetails() throws Exception {
    Map<Class<?>, ConnectionDetails> found =
        new ConnectionDetailsFactories(getClass().getClassLoader())
            .getConnectionDetails(source("aetherlite", "postgres:16", stub("h", 1)), false);
    assertThat(found).doesNotContainKey(AetherConnectionDetails.class);
  }

  private AetherConnectionDetails details(String field, String image, Container<?> container)
      throws Exception {
    Map<Class<?>, ConnectionDetails> found =
        new ConnectionDetailsFactories(getClass().getClassLoader())
            .getConnectionDetails(source(field, image, container), true);
    assertThat(found).containsKey(AetherConnectionDetails.class);
    ConnectionDetails details = found.get(AetherConnectionDetails.class);
    // Boot initialises the details bean before anything reads it
    ((InitializingBean) details).afterPropertiesSet();
    return (AetherConnectionDetails) details;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ContainerConnectionSource<Container<?>> source(
      String fieldName, String image, Container<?> container) throws Exception {
    Field field = AetherContainerConnectionDetailsFactoryTests.class.getDeclaredField(fieldName);
    MergedAnnotation<ServiceConnection> annotation =
        MergedAnnotations.from(field).get(ServiceConnection.class);
    return new ContainerConnectionSource(
        "test",
        new FieldOrigin(field),
        Container.class,
        image,
        annotation,
        () -> container,
        null,
        MergedAnnotations.from(field));
  }

  private static Container<?> stub(String host, int mappedPort) {
    return (Container<?>)
        Proxy.newProxyInstance(
            Container.class.getClassLoader(),
            new Class<?>[] {Container.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHost" -> host;
                  case "getMappedPort" -> {
                    assertThat(args[0])
                        .isEqualTo(AetherContainerConnectionDetailsFactory.GRPC_PORT);
                    yield mappedPort;
                  }
                  case "toString" -> "stub container";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
