/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.checkpoint;

import io.github.aetherjava.client.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Checkpoints of this client's identity (the gateway stores them under the full canonical identity,
 * so a non-unique task cannot reload them after reconnecting). Keys default to {@value
 * #DEFAULT_KEY}. Failures complete the future exceptionally at once with a {@link
 * io.github.aetherjava.client.GatewayErrorException}; default timeout 5 s.
 *
 * <pre>{@code
 * agent.checkpoint().save("state", bytes, CheckpointTtl.of(Duration.ofHours(1))).join();
 * Checkpoint cp = agent.checkpoint().load("state").join();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface CheckpointClient {

  /** Key used when none is given. */
  String DEFAULT_KEY = "default";

  /**
   * @return timeout of the overloads without one
   */
  Duration defaultTimeout();

  /**
   * @param key key (empty = {@value #DEFAULT_KEY})
   * @param data bytes
   * @param ttl expiry
   * @param timeout timeout
   * @return save time
   */
  CompletableFuture<CheckpointSaveResult> save(
      String key, byte[] data, CheckpointTtl ttl, Duration timeout);

  /**
   * @param key key
   * @param data bytes
   * @param ttl expiry
   * @return save time
   */
  default CompletableFuture<CheckpointSaveResult> save(String key, byte[] data, CheckpointTtl ttl) {
    return save(key, data, ttl, defaultTimeout());
  }

  /**
   * Saves with the gateway's default expiry.
   *
   * @param key key
   * @param data bytes
   * @return save time
   */
  default CompletableFuture<CheckpointSaveResult> save(String key, byte[] data) {
    return save(key, data, CheckpointTtl.serverDefault(), defaultTimeout());
  }

  /**
   * @param key key
   * @param text UTF-8 text
   * @return save time
   */
  default CompletableFuture<CheckpointSaveResult> save(String key, String text) {
    return Arguments.check(
        () -> save(key, Arguments.notNull(text, "text").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Saves under {@value #DEFAULT_KEY}.
   *
   * @param data bytes
   * @return save time
   */
  default CompletableFuture<CheckpointSaveResult> save(byte[] data) {
    return save(DEFAULT_KEY, data);
  }

  /**
   * @param key key (empty = {@value #DEFAULT_KEY})
   * @param timeout timeout
   * @return the checkpoint (empty and not present when absent)
   */
  CompletableFuture<Checkpoint> load(String key, Duration timeout);

  /**
   * @param key key
   * @return the checkpoint
   */
  default CompletableFuture<Checkpoint> load(String key) {
    return load(key, defaultTimeout());
  }

  /**
   * @return the {@value #DEFAULT_KEY} checkpoint
   */
  default CompletableFuture<Checkpoint> load() {
    return load(DEFAULT_KEY);
  }

  /**
   * @param timeout timeout
   * @return keys of this identity's checkpoints
   */
  CompletableFuture<List<String>> list(Duration timeout);

  /**
   * @return keys of this identity's checkpoints
   */
  default CompletableFuture<List<String>> list() {
    return list(defaultTimeout());
  }

  /**
   * @param key key (a missing key is fine)
   * @param timeout timeout
   * @return completes when deleted
   */
  CompletableFuture<Void> delete(String key, Duration timeout);

  /**
   * @param key key
   * @return completes when deleted
   */
  default CompletableFuture<Void> delete(String key) {
    return delete(key, defaultTimeout());
  }
}
