/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.spring.listener.AetherListenerInvocation;
import io.github.aetherjava.spring.observation.AetherObservationDocumentation.ListenerHighCardinalityKeyNames;
import io.github.aetherjava.spring.observation.AetherObservationDocumentation.ListenerLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * Default {@link AetherListenerObservationConvention}: name {@code aether.listener}, contextual
 * name {@code "<listener id> receive"}.
 *
 * @since 0.1.0
 */
public class DefaultAetherListenerObservationConvention
    implements AetherListenerObservationConvention {

  /** Shared instance. */
  public static final DefaultAetherListenerObservationConvention INSTANCE =
      new DefaultAetherListenerObservationConvention();

  @Override
  public String getName() {
    return "aether.listener";
  }

  @Override
  public String getContextualName(AetherListenerObservationContext context) {
    return context.getInvocation().listenerId() + " receive";
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(AetherListenerObservationContext context) {
    AetherListenerInvocation invocation = context.getInvocation();
    String messageType =
        (invocation.incomingMessage() != null)
            ? invocation.incomingMessage().messageType().name().toLowerCase(Locale.ROOT)
            : "none";
    return KeyValues.of(
        ListenerLowCardinalityKeyNames.LISTENER_ID.withValue(invocation.listenerId()),
        ListenerLowCardinalityKeyNames.LISTENER_KIND.withValue(
            invocation.kind().name().toLowerCase(Locale.ROOT)),
        ListenerLowCardinalityKeyNames.PRINCIPAL.withValue(
            invocation.client().kind().name().toLowerCase(Locale.ROOT)),
        ListenerLowCardinalityKeyNames.MESSAGE_TYPE.withValue(messageType));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(AetherListenerObservationContext context) {
    AetherListenerInvocation invocation = context.getInvocation();
    KeyValues values =
        KeyValues.of(
            ListenerHighCardinalityKeyNames.IDENTITY.withValue(invocation.client().identity()));
    if (invocation.incomingMessage() != null) {
      values =
          values.and(
              ListenerHighCardinalityKeyNames.SOURCE_TOPIC.withValue(
                  invocation.incomingMessage().sourceTopic()));
    }
    return values;
  }
}
