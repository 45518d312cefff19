/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every spelling of an Aether credential is masked, and nothing else is. */
class AetherSanitizingTests {

  private static final String SECRET = "s3cr3t-value";

  private static Object sanitize(PropertySource<?> source, String key, Object value) {
    return AetherSanitizingAutoConfiguration.sanitize(new SanitizableData(source, key, value))
        .getValue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AETHER_CREDENTIALS_TOKEN",
        "AETHER_CREDENTIALS_API_KEY",
        "AETHER_CREDENTIALS_APIKEY",
        "AETHER_CREDENTIALS_TASK_TOKEN",
        "AETHER_CREDENTIALS_TENANT",
        "AETHER_CLIENTS_BILLING_CREDENTIALS_TOKEN",
        "aether_credentials_token"
      })
  void environmentVariablesAreMasked(String name) {
    SystemEnvironmentPropertySource env =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, SECRET));
    assertThat(sanitize(env, name, SECRET)).isEqualTo(SanitizableData.SANITIZED_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aether.credentials.token",
        "aether.credentials.api-key",
        "aether.credentials.apiKey",
        "aether.credentials.task-token",
        "aether.credentials.taskToken",
        "aether.clients.billing.credentials.api-key",
        "AETHER.CREDENTIALS.TOKEN"
      })
  void systemAndConfigurationPropertiesAreMasked(String name) {
    MapPropertySource system =
        new MapPropertySource(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of(name, SECRET));
    assertThat(sanitize(system, name, SECRET)).isEqualTo(SanitizableData.SANITIZED_VALUE);
    // configprops: no property source, the bound property path
    assertThat(sanitize(null, name, SECRET)).isEqualTo(SanitizableData.SANITIZED_VALUE);
  }

  @Test
  void credentialsOnTheCommandLineAreMaskedInsideSunJavaCommand() {
    String command =
        "com.example.App --server.port=8080 --aether.credentials.token="
            + SECRET
            + " --AETHER_CREDENTIALS_API_KEY="
            + SECRET
            + "2 --aether.clients.billing.credentials.task-token=\""
            + SECRET
            + "3\" --aether.address=gw:50051";
    Object sanitized = sanitize(null, "sun.java.command", command);
    assertThat(sanitized)
        .asString()
        .doesNotContain(SECRET)
        .contains("--aether.credentials.token=******")
        .contains("--AETHER_CREDENTIALS_API_KEY=******")
        .contains("--server.port=8080", "--aether.address=gw:50051", "com.example.App");
  }

  @Test
  void javaOptionsVariablesAreMaskedInline() {
    String options = "-Xmx512m -Daether.credentials.api-key=" + SECRET + " -Dother=1";
    assertThat(sanitize(null, "JAVA_TOOL_OPTIONS", options))
        .isEqualTo("-Xmx512m -Daether.credentials.api-key=****** -Dother=1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"aether.address", "aether.agent.implementation", "AETHER_ADDRESS", "server.port"})
  void otherPropertiesAreLeftAlone(String name) {
    assertThat(sanitize(null, name, "gw:50051")).isEqualTo("gw:50051");
  }
}
