/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.spring.observation.AetherObservationDocumentation.RequestHighCardinalityKeyNames;
import io.github.aetherjava.spring.observation.AetherObservationDocumentation.RequestLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * Default {@link AetherRequestObservationConvention}: name {@code aether.request}, contextual name
 * {@code "aether <operation>"}.
 *
 * @since 0.1.0
 */
public class DefaultAetherRequestObservationConvention
    implements AetherRequestObservationConvention {

  /** Shared instance. */
  public static final DefaultAetherRequestObservationConvention INSTANCE =
      new DefaultAetherRequestObservationConvention();

  @Override
  public String getName() {
    return "aether.request";
  }

  @Override
  public String getContextualName(AetherRequestObservationContext context) {
    return "aether " + context.getOperation();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(AetherRequestObservationContext context) {
    return KeyValues.of(
        RequestLowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
        RequestLowCardinalityKeyNames.PRINCIPAL.withValue(
            context.getClient().kind().name().toLowerCase(Locale.ROOT)),
        RequestLowCardinalityKeyNames.OUTCOME.withValue(outcome(context.getError())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(AetherRequestObservationContext context) {
    return KeyValues.of(
        RequestHighCardinalityKeyNames.IDENTITY.withValue(context.getClient().identity()));
  }

  private static String outcome(@org.jspecify.annotations.Nullable Throwable error) {
    if (error == null) {
      return "success";
    }
    return (error instanceof AetherException aetherError
            && aetherError.reason() == FailureReason.TIMEOUT)
        ? "timeout"
        : "error";
  }
}
