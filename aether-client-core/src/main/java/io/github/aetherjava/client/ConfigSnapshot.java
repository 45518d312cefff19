/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration the gateway sends to agents and tasks right after the {@code ConnectionAck}.
 *
 * @param taskContext startup-task context (task_id, workspace, user, launch params prefixed {@code
 *     lp.}, …); empty unless the agent was launched by orchestration
 * @param workspaceExclusiveKv the caller's workspace-exclusive KV entries (up to 100)
 * @param globalExclusiveKv the caller's global-exclusive KV entries (up to 100)
 * @param legacyKv deprecated field 1 ({@code kv}); the current gateway leaves it empty
 * @param legacyGlobalKv deprecated field 2 ({@code global_kv}); the current gateway leaves it empty
 * @since 0.1.0
 */
public record ConfigSnapshot(
    Map<String, String> taskContext,
    Map<String, byte[]> workspaceExclusiveKv,
    Map<String, byte[]> globalExclusiveKv,
    Map<String, byte[]> legacyKv,
    Map<String, byte[]> legacyGlobalKv) {

  /** An empty snapshot. */
  public static final ConfigSnapshot EMPTY =
      new ConfigSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  /** Copies the maps and their byte values so the record is immutable. */
  public ConfigSnapshot {
    taskContext = Map.copyOf(taskContext);
    workspaceExclusiveKv = copy(workspaceExclusiveKv);
    globalExclusiveKv = copy(globalExclusiveKv);
    legacyKv = copy(legacyKv);
    legacyGlobalKv = copy(legacyGlobalKv);
  }

  /**
   * @return the caller's per-agent workspace-scoped KV entries (values are copies)
   */
  @Override
  public Map<String, byte[]> workspaceExclusiveKv() {
    return copy(workspaceExclusiveKv);
  }

  /**
   * @return the caller's per-agent tenant-wide KV entries (values are copies)
   */
  @Override
  public Map<String, byte[]> globalExclusiveKv() {
    return copy(globalExclusiveKv);
  }

  /**
   * @return the deprecated {@code kv} map (values are copies; the gateway no longer fills it)
   */
  @Override
  public Map<String, byte[]> legacyKv() {
    return copy(legacyKv);
  }

  /**
   * @return the deprecated {@code global_kv} map (values are copies; the gateway no longer fills
   *     it)
   */
  @Override
  public Map<String, byte[]> legacyGlobalKv() {
    return copy(legacyGlobalKv);
  }

  private static Map<String, byte[]> copy(Map<String, byte[]> map) {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v.clone()));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * @param key workspace-exclusive key
   * @return its value decoded as UTF-8
   */
  public Optional<String> workspaceExclusiveString(String key) {
    return Optional.ofNullable(workspaceExclusiveKv.get(key))
        .map(v -> new String(v, StandardCharsets.UTF_8));
  }

  /**
   * @param key global-exclusive key
   * @return its value decoded as UTF-8
   */
  public Optional<String> globalExclusiveString(String key) {
    return Optional.ofNullable(globalExclusiveKv.get(key))
        .map(v -> new String(v, StandardCharsets.UTF_8));
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.ConfigSnapshot toProto() {
    io.github.aetherjava.proto.v1.ConfigSnapshot.Builder b =
        io.github.aetherjava.proto.v1.ConfigSnapshot.newBuilder().putAllTaskContext(taskContext);
    workspaceExclusiveKv.forEach((k, v) -> b.putWorkspaceExclusiveKv(k, ByteString.copyFrom(v)));
    globalExclusiveKv.forEach((k, v) -> b.putGlobalExclusiveKv(k, ByteString.copyFrom(v)));
    return b.build();
  }

  /**
   * @param proto wire form
   * @return value
   */
  @SuppressWarnings("deprecation") // the legacy maps are exposed for completeness
  public static ConfigSnapshot fromProto(io.github.aetherjava.proto.v1.ConfigSnapshot proto) {
    return new ConfigSnapshot(
        proto.getTaskContextMap(),
        bytes(proto.getWorkspaceExclusiveKvMap()),
        bytes(proto.getGlobalExclusiveKvMap()),
        bytes(proto.getKvMap()),
        bytes(proto.getGlobalKvMap()));
  }

  private static Map<String, byte[]> bytes(Map<String, ByteString> in) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, v.toByteArray()));
    return out;
  }
}
