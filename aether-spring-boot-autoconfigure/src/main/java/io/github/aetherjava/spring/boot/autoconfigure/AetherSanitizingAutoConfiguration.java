/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks Aether credentials in the {@code configprops} and {@code env} actuator endpoints even when
 * they are configured to show values ({@code management.endpoint.*.show-values=ALWAYS}).
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class AetherSanitizingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "aetherSanitizingFunction")
  SanitizingFunction aetherSanitizingFunction() {
    return AetherSanitizingAutoConfiguration::sanitize;
  }

  static SanitizableData sanitize(SanitizableData data) {
    String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    boolean credential =
        key.startsWith("aether.credentials.")
            || key.endsWith("apikey")
            || key.endsWith("tasktoken")
            || key.endsWith("credentials.token")
            || key.equals("token");
    return credential ? data.withSanitizedValue() : data;
  }
}
