/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.junit;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link EmbeddedAetherGatewayTest}: one gateway per test class (or one
 * shared per run), closed automatically when the class (or run) ends. Usable directly with
 * {@code @ExtendWith}, then with the annotation's defaults.
 */
public final class EmbeddedAetherGatewayExtension
    implements BeforeAllCallback, ParameterResolver, TestInstancePostProcessor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedAetherGatewayExtension.class);
  private static final String KEY = "gateway";

  /** Creates the extension (JUnit instantiates it). */
  public EmbeddedAetherGatewayExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    gateway(context);
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == EmbeddedAetherGateway.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    return gateway(extensionContext);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context)
      throws Exception {
    EmbeddedAetherGateway gw = gateway(context);
    for (Class<?> c = testInstance.getClass();
        c != null && c != Object.class;
        c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == EmbeddedAetherGateway.class
            && !Modifier.isStatic(f.getModifiers())
            && !Modifier.isFinal(f.getModifiers())) {
          f.setAccessible(true);
          if (f.get(testInstance) == null) {
            f.set(testInstance, gw);
          }
        }
      }
    }
  }

  private static EmbeddedAetherGateway gateway(ExtensionContext context) {
    EmbeddedAetherGatewayTest config =
        context
            .getTestClass()
            .flatMap(c -> AnnotationSupport.findAnnotation(c, EmbeddedAetherGatewayTest.class))
            .orElse(null);
    boolean shared = config != null && config.shared();
    ExtensionContext owner = shared ? context.getRoot() : classContext(context);
    String key = shared ? KEY + "-shared" : KEY;
    // The store closes AutoCloseable values when its context ends (end of class or of the run).
    return owner
        .getStore(NAMESPACE)
        .computeIfAbsent(key, k -> start(config), EmbeddedAetherGateway.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && c.getTestMethod().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static EmbeddedAetherGateway start(@Nullable EmbeddedAetherGatewayTest config) {
    EmbeddedAetherGateway.Builder b = EmbeddedAetherGateway.builder();
    boolean inProcess = config == null || config.inProcess();
    PolicyMode mode = config == null ? PolicyMode.PERMISSIVE : config.policyMode();
    if (inProcess) {
      b.inProcessName("aether-embedded-" + UUID.randomUUID());
    }
    return b.policyMode(mode).start();
  }
}
