/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks Aether credentials in the {@code configprops} and {@code env} actuator endpoints even when
 * they are configured to show values ({@code management.endpoint.*.show-values=ALWAYS}), in every
 * spelling: configuration properties ({@code aether.credentials.api-key}, {@code
 * aether.clients.<name>.credentials.token}), system properties, environment variables ({@code
 * AETHER_CREDENTIALS_TOKEN}), and credentials passed as command-line arguments, which show up
 * inside other values such as {@code sun.java.command} or {@code JAVA_TOOL_OPTIONS}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class AetherSanitizingAutoConfiguration {

  private static final String SANITIZED = SanitizableData.SANITIZED_VALUE;

  /** A credential assignment inside a longer value, such as a command line. */
  private static final Pattern INLINE_CREDENTIAL =
      Pattern.compile(
          "(?i)(aether[._-](?:[^\\s=:]*[._-])?(?:credentials[._-][^\\s=:]*|api[._-]?key|task[._-]?token)[=:])"
              + "(\"[^\"]*\"|'[^']*'|\\S+)");

  @Bean
  @ConditionalOnMissingBean(name = "aetherSanitizingFunction")
  SanitizingFunction aetherSanitizingFunction() {
    return AetherSanitizingAutoConfiguration::sanitize;
  }

  static SanitizableData sanitize(SanitizableData data) {
    if (isCredential(data.getKey())) {
      return data.withSanitizedValue();
    }
    if (data.getValue() instanceof String value) {
      Matcher matcher = INLINE_CREDENTIAL.matcher(value);
      if (matcher.find()) {
        return data.withValue(
            matcher.replaceAll((match) -> Matcher.quoteReplacement(match.group(1)) + SANITIZED));
      }
    }
    return data;
  }

  /**
   * Whether a key names an Aether credential, in any relaxed-binding spelling: dashes dropped,
   * underscores (environment variables) read as dots, case ignored.
   */
  static boolean isCredential(String key) {
    String canonical = key.toLowerCase(Locale.ROOT).replace("-", "").replace('_', '.');
    if (canonical.startsWith("aether.")
        && (canonical.contains(".credentials.")
            || canonical.endsWith(".apikey")
            || canonical.endsWith(".api.key")
            || canonical.endsWith(".tasktoken")
            || canonical.endsWith(".task.token"))) {
      return true;
    }
    return canonical.endsWith("credentials.token")
        || canonical.endsWith("apikey")
        || canonical.endsWith("tasktoken")
        || canonical.equals("token");
  }
}
