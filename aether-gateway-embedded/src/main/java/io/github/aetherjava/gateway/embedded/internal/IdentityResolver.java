/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.grpc.Status;
import io.grpc.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Turns an {@link InitConnection} into an {@link Identity}, applying the real gateway's identifier
 * rules.
 */
public final class IdentityResolver {

  /** Longest identifier token in UTF-8 bytes. */
  public static final int MAX_TOKEN_BYTES = 128;

  private IdentityResolver() {}

  /**
   * Resolves and validates the identity claimed by {@code init}.
   *
   * @throws StatusException {@code INVALID_ARGUMENT "invalid identity: ..."} when the claim is
   *     unusable
   */
  public static Identity resolve(InitConnection init) throws StatusException {
    String ws = "";
    String impl = "";
    String spec = "";
    String id = "";
    PrincipalType type;
    switch (init.getClientTypeCase()) {
      case AGENT -> {
        type = PrincipalType.PRINCIPAL_AGENT;
        ws = init.getAgent().getWorkspace();
        impl = init.getAgent().getImplementation();
        spec = init.getAgent().getSpecifier();
      }
      case TASK -> {
        type = PrincipalType.PRINCIPAL_TASK;
        ws = init.getTask().getWorkspace();
        impl = init.getTask().getImplementation();
        spec = init.getTask().getUniqueSpecifier();
        if (spec.isEmpty()) {
          id = UUID.randomUUID().toString();
        }
      }
      case USER -> {
        type = PrincipalType.PRINCIPAL_USER;
        id = init.getUser().getUserId();
        spec = init.getUser().getWindowId();
      }
      case ORCHESTRATOR -> {
        type = PrincipalType.PRINCIPAL_ORCHESTRATOR;
        impl = init.getOrchestrator().getImplementation();
        spec = init.getOrchestrator().getSpecifier();
        if (spec.isEmpty()) {
          spec = UUID.randomUUID().toString().substring(0, 8);
        }
      }
      case WORKFLOW_ENGINE -> type = PrincipalType.PRINCIPAL_WORKFLOW_ENGINE;
      case METRICS_BRIDGE -> type = PrincipalType.PRINCIPAL_METRICS_BRIDGE;
      case BRIDGE -> {
        type = PrincipalType.PRINCIPAL_BRIDGE;
        impl = init.getBridge().getImplementation();
        spec = init.getBridge().getSpecifier();
      }
      case SERVICE -> {
        type = PrincipalType.PRINCIPAL_SERVICE;
        impl = init.getService().getImplementation();
        spec = init.getService().getSpecifier();
      }
      default -> throw invalid("unknown principal type");
    }
    // Same order and kinds as the real gateway; empty values are accepted (clients must send
    // complete ids).
    check(ws, "workspace");
    check(impl, "impl");
    check(spec, "specifier");
    check(id, "id");
    return build(type, ws, impl, spec, id);
  }

  /** Builds an identity from already validated parts. */
  public static Identity build(PrincipalType type, String ws, String impl, String spec, String id) {
    String sep = Identity.SEP;
    return switch (type) {
      case PRINCIPAL_AGENT -> {
        String k = "ag" + sep + ws + sep + impl + sep + spec;
        yield new Identity(type, ws, impl, spec, id, k, k, k);
      }
      case PRINCIPAL_TASK -> {
        String k =
            spec.isEmpty()
                ? "ta" + sep + ws + sep + impl + sep + id
                : "tu" + sep + ws + sep + impl + sep + spec;
        yield new Identity(type, ws, impl, spec, id, k, k, k);
      }
      case PRINCIPAL_USER -> {
        String k = "us" + sep + id + sep + spec;
        yield new Identity(type, "", "", spec, id, k, k, k);
      }
      case PRINCIPAL_ORCHESTRATOR ->
          new Identity(type, "", impl, spec, "", "orc" + sep + impl + sep + spec, "", "");
      case PRINCIPAL_WORKFLOW_ENGINE ->
          new Identity(type, "", "", "", "", "wfe::shard0", "event::receiver0", "event::receiver0");
      case PRINCIPAL_METRICS_BRIDGE ->
          new Identity(
              type, "", "", "", "", "metrics::shard0", "metric::receiver0", "metric::receiver0");
      case PRINCIPAL_BRIDGE -> {
        String k = "br" + sep + impl + sep + spec;
        yield new Identity(type, "", impl, spec, "", k, k, k);
      }
      case PRINCIPAL_SERVICE -> {
        String k = "sv" + sep + impl + sep + spec;
        yield new Identity(type, "", impl, spec, "", k, k, k);
      }
      default -> throw new IllegalArgumentException("unsupported principal type " + type);
    };
  }

  private static void check(String value, String kind) throws StatusException {
    if (value.isEmpty()) {
      return;
    }
    String why = tokenProblem(value, kind);
    if (why != null) {
      throw invalid(why);
    }
  }

  /**
   * Returns why {@code value} is not a valid identifier token, in the real gateway's wording, or
   * null if it is.
   */
  public static @org.jspecify.annotations.Nullable String tokenProblem(String value, String kind) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return "invalid " + kind + ": must not be empty";
    }
    if (bytes.length > MAX_TOKEN_BYTES) {
      return "invalid " + kind + ": length " + bytes.length + " exceeds maximum " + MAX_TOKEN_BYTES;
    }
    String quoted = GoQuote.quote(value);
    if (value.contains("::")) {
      return "invalid " + kind + " " + quoted + ": contains reserved separator \"::\"";
    }
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c == '*') {
        return "invalid "
            + kind
            + " "
            + quoted
            + ": contains forbidden character '*' (NATS wildcard)";
      } else if (c == '>') {
        return "invalid "
            + kind
            + " "
            + quoted
            + ": contains forbidden character '>' (NATS wildcard)";
      } else if (c == ' ') {
        return "invalid " + kind + " " + quoted + ": contains whitespace";
      } else if (c == 0x7F) {
        return "invalid " + kind + " " + quoted + ": contains DEL control character (0x7F)";
      } else if (c < 0x20) {
        return "invalid "
            + kind
            + " "
            + quoted
            + ": contains control character 0x"
            + String.format("%02X", c);
      }
    }
    return null;
  }

  private static StatusException invalid(String why) {
    return Status.INVALID_ARGUMENT.withDescription("invalid identity: " + why).asException();
  }
}
