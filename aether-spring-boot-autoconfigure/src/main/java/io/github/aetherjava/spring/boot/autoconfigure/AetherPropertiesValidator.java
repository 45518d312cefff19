/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.InvalidArgumentException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;

/**
 * Static checks of {@link AetherProperties}. Field names are relative to {@code aether}, so Boot's
 * bind-validation failure analyzer reports {@code aether.agent.workspace} and so on.
 */
final class AetherPropertiesValidator {

  // "::" separates the parts of a topic and an identity; whitespace is never valid in either.
  private static final Pattern IDENTIFIER = Pattern.compile("[^\\s:]+(:[^\\s:]+)*");

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\s:\\[\\]/]+):(\\d{1,5})");

  private static final Duration MIN_KEEPALIVE_TIME = Duration.ofSeconds(10);

  // One upstream frame may not exceed 4 MiB, so a payload can never be larger.
  private static final DataSize MAX_FRAME = DataSize.ofMegabytes(4);

  private AetherPropertiesValidator() {}

  static void validate(AetherProperties properties, Errors errors) {
    validateAddress(properties.getAddress(), errors);
    positive(errors, "connectTimeout", properties.getConnectTimeout());
    positive(errors, "requestTimeout", properties.getRequestTimeout());
    validateTls(properties.getTls(), errors);
    validateCredentials(properties.getCredentials(), errors);
    validateReconnect(properties.getReconnect(), errors);
    if (properties.getKeepalive().getTime().compareTo(MIN_KEEPALIVE_TIME) < 0) {
      // gRPC servers answer too-frequent pings with GOAWAY (ENHANCE_YOUR_CALM).
      errors.rejectValue("keepalive.time", "aether.range", "must be at least 10s");
    }
    sizeInRange(errors, "maxPayloadSize", properties.getMaxPayloadSize(), MAX_FRAME);
    sizeInRange(
        errors,
        "maxInboundMessageSize",
        properties.getMaxInboundMessageSize(),
        DataSize.ofBytes(Integer.MAX_VALUE));
    positive(errors, "keepalive.timeout", properties.getKeepalive().getTimeout());
    if (properties.getBuffer().getMaxSends() < 0) {
      errors.rejectValue("buffer.maxSends", "aether.negative", "must not be negative");
    }
    if (properties.getBuffer().getMaxSize().isNegative()) {
      errors.rejectValue("buffer.maxSize", "aether.negative", "must not be negative");
    }
    validatePrincipals(properties, errors);
    validateListener(properties.getListener(), errors);
    if (properties.getReadyTimeout().isNegative()) {
      errors.rejectValue("readyTimeout", "aether.negative", "must not be negative");
    }
    if (properties.getOutageWarnAfter().isNegative()) {
      errors.rejectValue("outageWarnAfter", "aether.negative", "must not be negative");
    }
    validateRetry(properties.getRetry(), errors);
    AetherProperties.Delivery delivery = properties.getDelivery();
    if (!(delivery.getPacingRate() >= 0) || Double.isInfinite(delivery.getPacingRate())) {
      errors.rejectValue(
          "delivery.pacingRate", "aether.range", "must be a finite number >= 0 (0 = off)");
    }
    if (delivery.getPacingBurst() < 1) {
      errors.rejectValue("delivery.pacingBurst", "aether.range", "must be at least 1");
    }
  }

  private static void validateAddress(@Nullable String address, Errors errors) {
    if (address == null) {
      return;
    }
    if (address.startsWith("in-process:")) {
      if (address.length() == "in-process:".length()) {
        errors.rejectValue(
            "address", "aether.address", "must name the in-process server after 'in-process:'");
      }
      return;
    }
    if (address.indexOf(',') < 0 && !address.startsWith("dns:")) {
      var matcher = HOST_PORT.matcher(address);
      if (!matcher.matches()) {
        errors.rejectValue(
            "address",
            "aether.address",
            "must be 'host:port', 'host1:port1,host2:port2', 'dns:///host:port' or"
                + " 'in-process:name'");
        return;
      }
      int port = Integer.parseInt(matcher.group(2));
      if (port < 1 || port > 65535) {
        errors.rejectValue("address", "aether.address", "port must be between 1 and 65535");
      }
      return;
    }
    try {
      AetherClientOptions.forAddress(address);
    } catch (InvalidArgumentException ex) {
      errors.rejectValue("address", "aether.address", String.valueOf(ex.getMessage()));
    }
  }

  private static void validateTls(AetherProperties.Tls tls, Errors errors) {
    if (tls.getBundle() != null
        && (tls.getTrustCertificates() != null
            || tls.getCertificate() != null
            || tls.getPrivateKey() != null)) {
      errors.rejectValue(
          "tls.bundle",
          "aether.tls",
          "must not be combined with tls.trust-certificates, tls.certificate or tls.private-key");
    }
    if ((tls.getCertificate() == null) != (tls.getPrivateKey() == null)) {
      errors.rejectValue(
          (tls.getCertificate() == null) ? "tls.certificate" : "tls.privateKey",
          "aether.tls",
          "tls.certificate and tls.private-key must be set together");
    }
  }

  private static void validateCredentials(AetherProperties.Credentials credentials, Errors errors) {
    notBlank(errors, "credentials.apiKey", credentials.getApiKey());
    notBlank(errors, "credentials.token", credentials.getToken());
    notBlank(errors, "credentials.taskToken", credentials.getTaskToken());
    notBlank(errors, "credentials.tenant", credentials.getTenant());
  }

  private static void notBlank(Errors errors, String field, @Nullable String value) {
    if (value != null && value.isBlank()) {
      // An unset environment variable often ends up as an empty value; fail instead of sending it.
      errors.rejectValue(field, "aether.blank", "must not be blank when set");
    }
  }

  private static void validateReconnect(AetherProperties.Reconnect reconnect, Errors errors) {
    positive(errors, "reconnect.initialDelay", reconnect.getInitialDelay());
    if (reconnect.getMaxDelay().compareTo(reconnect.getInitialDelay()) < 0) {
      errors.rejectValue(
          "reconnect.maxDelay", "aether.range", "must not be less than reconnect.initial-delay");
    }
    if (reconnect.getMultiplier() < 1.0) {
      errors.rejectValue("reconnect.multiplier", "aether.range", "must be at least 1");
    }
    if (reconnect.getJitter() < 0.0 || reconnect.getJitter() > 1.0) {
      errors.rejectValue("reconnect.jitter", "aether.range", "must be between 0 and 1");
    }
    if (reconnect.getMaxAttempts() < 0) {
      errors.rejectValue(
          "reconnect.maxAttempts", "aether.negative", "must not be negative (0 means no limit)");
    }
  }

  private static void validatePrincipals(AetherProperties properties, Errors errors) {
    AetherProperties.Agent agent = properties.getAgent();
    if (agent.getImplementation() != null) {
      identifier(errors, "agent.implementation", agent.getImplementation(), true);
      identifier(errors, "agent.workspace", agent.getWorkspace(), true);
      identifier(errors, "agent.specifier", agent.getSpecifier(), true);
    } else {
      requiresImplementation(errors, "agent", agent.getWorkspace(), agent.getSpecifier());
    }
    AetherProperties.Task task = properties.getTask();
    if (task.getImplementation() != null) {
      identifier(errors, "task.implementation", task.getImplementation(), true);
      identifier(errors, "task.workspace", task.getWorkspace(), true);
      identifier(errors, "task.uniqueSpecifier", task.getUniqueSpecifier(), false);
    } else {
      requiresImplementation(errors, "task", task.getWorkspace(), task.getUniqueSpecifier());
    }
    AetherProperties.User user = properties.getUser();
    if (user.getUserId() != null) {
      identifier(errors, "user.userId", user.getUserId(), true);
      identifier(errors, "user.windowId", user.getWindowId(), false);
      identifier(errors, "user.workspace", user.getWorkspace(), false);
    } else if (user.getWindowId() != null || user.getWorkspace() != null) {
      errors.rejectValue(
          "user.userId", "aether.required", "must be set when other aether.user properties are");
    }
    AetherProperties.Orchestrator orchestrator = properties.getOrchestrator();
    if (orchestrator.getImplementation() != null) {
      identifier(errors, "orchestrator.implementation", orchestrator.getImplementation(), true);
      identifier(errors, "orchestrator.specifier", orchestrator.getSpecifier(), false);
    } else {
      requiresImplementation(errors, "orchestrator", orchestrator.getSpecifier());
    }
    AetherProperties.Bridge bridge = properties.getBridge();
    if (bridge.getImplementation() != null) {
      identifier(errors, "bridge.implementation", bridge.getImplementation(), true);
      identifier(errors, "bridge.specifier", bridge.getSpecifier(), true);
    } else {
      requiresImplementation(errors, "bridge", bridge.getSpecifier());
    }
    AetherProperties.Service service = properties.getService();
    if (service.getImplementation() != null) {
      identifier(errors, "service.implementation", service.getImplementation(), true);
      identifier(errors, "service.specifier", service.getSpecifier(), true);
    } else {
      requiresImplementation(errors, "service", service.getSpecifier());
    }
  }

  private static void requiresImplementation(
      Errors errors, String section, @Nullable String... others) {
    for (String other : others) {
      if (other != null) {
        errors.rejectValue(
            section + ".implementation",
            "aether.required",
            "must be set when other aether." + section + " properties are");
        return;
      }
    }
  }

  private static void validateListener(AetherProperties.Listener listener, Errors errors) {
    if (listener.getShutdownTimeout().isNegative()) {
      errors.rejectValue("listener.shutdownTimeout", "aether.negative", "must not be negative");
    }
    if (listener.getConcurrency() < 1) {
      errors.rejectValue("listener.concurrency", "aether.range", "must be at least 1");
    }
    if (listener.getMaxBacklog() < 1) {
      errors.rejectValue("listener.maxBacklog", "aether.range", "must be at least 1");
    }
    if (listener.getRetry().getMaxRetries() < 0) {
      errors.rejectValue("listener.retry.maxRetries", "aether.negative", "must not be negative");
    }
    if (listener.getRetry().getDelay().isNegative()) {
      errors.rejectValue("listener.retry.delay", "aether.negative", "must not be negative");
    }
    if (listener.getRetry().getMultiplier() < 1.0) {
      errors.rejectValue("listener.retry.multiplier", "aether.range", "must be at least 1");
    }
    if (listener.getExecutor().getMaxThreads() < 1) {
      errors.rejectValue("listener.executor.maxThreads", "aether.range", "must be at least 1");
    }
    if (listener.getExecutor().getQueueCapacity() < 0) {
      errors.rejectValue(
          "listener.executor.queueCapacity", "aether.negative", "must not be negative");
    }
  }

  private static void validateRetry(AetherProperties.Retry retry, Errors errors) {
    if (retry.getMaxRetries() < 0) {
      errors.rejectValue("retry.maxRetries", "aether.negative", "must not be negative");
    }
    positive(errors, "retry.delay", retry.getDelay());
    if (retry.getMultiplier() < 1.0) {
      errors.rejectValue("retry.multiplier", "aether.range", "must be at least 1");
    }
    if (retry.getMaxDelay().compareTo(retry.getDelay()) < 0) {
      errors.rejectValue("retry.maxDelay", "aether.range", "must not be less than retry.delay");
    }
  }

  private static void identifier(
      Errors errors, String field, @Nullable String value, boolean required) {
    if (value == null) {
      if (required) {
        errors.rejectValue(field, "aether.required", "must be set");
      }
      return;
    }
    if (!IDENTIFIER.matcher(value).matches() || value.contains("::")) {
      errors.rejectValue(
          field, "aether.identifier", "must not be blank or contain whitespace or '::'");
    }
  }

  private static void sizeInRange(Errors errors, String field, DataSize value, DataSize max) {
    if (value.toBytes() < 1 || value.compareTo(max) > 0) {
      errors.rejectValue(field, "aether.range", "must be between 1B and " + max);
    }
  }

  private static void positive(Errors errors, String field, Duration value) {
    if (value.isZero() || value.isNegative()) {
      errors.rejectValue(field, "aether.positive", "must be positive");
    }
  }
}
