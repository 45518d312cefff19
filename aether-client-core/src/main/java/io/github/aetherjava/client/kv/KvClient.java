/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import io.github.aetherjava.client.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's KV store, for the principals allowed to use it. Every operation is correlated by a
 * UUID request id and returns a future that completes with a typed result, or fails at once with a
 * {@link io.github.aetherjava.client.GatewayErrorException} when the gateway refuses it (failed
 * response or {@code ErrorResponse} such as {@code KV_ERROR}, {@code ERR_QUOTA_001}), with an
 * {@link io.github.aetherjava.client.AetherTimeoutException} after the timeout (default 5 s), or
 * with a {@code DISCONNECTED} {@link io.github.aetherjava.client.ConnectionException} if the stream
 * drops first. Scope parameters are validated before sending ({@link
 * io.github.aetherjava.client.InvalidArgumentException}). The {@code …AndForget} forms send without
 * waiting for an answer.
 *
 * <pre>{@code
 * KvClient kv = agent.kv();
 * kv.put(KvTarget.workspaceExclusive(), "state", "ready").join();
 * String v = kv.get(KvTarget.workspaceExclusive(), "state").join().asString();
 * long n = kv.increment(KvTarget.globalExclusive(), "runs").join();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface KvClient {

  /** Largest key length the gateway accepts. */
  int MAX_KEY_LENGTH = 256;

  /**
   * @return timeout of the overloads without one (the client's request timeout)
   */
  Duration defaultTimeout();

  /**
   * A view of this store whose operations are made under {@code authorization}, typically on behalf
   * of a user under an authority grant ({@link
   * io.github.aetherjava.client.authority.AuthorityGrant#onBehalfOf()}). The gateway then checks
   * the grant's constraints and the subject's ACL rules instead of the caller's; an invalid context
   * fails the operation with {@code ERR_PERMISSION_DENIED} "invalid authorization context". The
   * view shares this client's stream; this store is unchanged.
   *
   * <pre>{@code
   * KvClient forAlice = agent.kv().withAuthorization(grant.onBehalfOf());
   * forAlice.put(KvTarget.workspaceScope(), "draft", "hello").join();
   * }</pre>
   *
   * @param authorization the context every operation of the view carries
   * @return the view
   * @throws io.github.aetherjava.client.InvalidArgumentException if it is null
   */
  KvClient withAuthorization(io.github.aetherjava.client.AuthorizationContext authorization);

  /**
   * @return the context this store's operations carry, or null for the caller's own authority
   *     without a context on the wire
   */
  io.github.aetherjava.client.@Nullable AuthorizationContext authorization();

  // ------------------------------------------------------------------ GET

  /**
   * @param target scope and parameters
   * @param key key
   * @param timeout timeout
   * @return the value (empty when absent)
   */
  CompletableFuture<KvValue> get(KvTarget target, String key, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key key
   * @return the value (empty when absent)
   */
  default CompletableFuture<KvValue> get(KvTarget target, String key) {
    return get(target, key, defaultTimeout());
  }

  /**
   * @param key key
   * @return the {@link KvScope#GLOBAL} value
   */
  default CompletableFuture<KvValue> getGlobal(String key) {
    return get(KvTarget.global(), key);
  }

  /**
   * Blocking GET.
   *
   * @param target scope and parameters
   * @param key key
   * @return the value
   */
  default KvValue getBlocking(KvTarget target, String key) {
    return KvFutures.await(get(target, key));
  }

  // ------------------------------------------------------------------ PUT

  /**
   * @param target scope and parameters
   * @param key key
   * @param value value
   * @param ttl time to live ({@link Duration#ZERO} = none; whole seconds, rounded up)
   * @param timeout timeout
   * @return completes when stored
   */
  CompletableFuture<Void> put(
      KvTarget target, String key, byte[] value, Duration ttl, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key key
   * @param value value
   * @param ttl time to live ({@link Duration#ZERO} = none)
   * @return completes when stored
   */
  default CompletableFuture<Void> put(KvTarget target, String key, byte[] value, Duration ttl) {
    return put(target, key, value, ttl, defaultTimeout());
  }

  /**
   * @param target scope and parameters
   * @param key key
   * @param value value
   * @return completes when stored
   */
  default CompletableFuture<Void> put(KvTarget target, String key, byte[] value) {
    return put(target, key, value, Duration.ZERO, defaultTimeout());
  }

  /**
   * @param target scope and parameters
   * @param key key
   * @param value UTF-8 text
   * @return completes when stored
   */
  default CompletableFuture<Void> put(KvTarget target, String key, String value) {
    return Arguments.check(
        () -> put(target, key, Arguments.notNull(value, "value").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * @param key key
   * @param value value
   * @return completes when stored in {@link KvScope#GLOBAL}
   */
  default CompletableFuture<Void> putGlobal(String key, byte[] value) {
    return put(KvTarget.global(), key, value);
  }

  /**
   * Blocking PUT.
   *
   * @param target scope and parameters
   * @param key key
   * @param value value
   */
  default void putBlocking(KvTarget target, String key, byte[] value) {
    KvFutures.await(put(target, key, value));
  }

  /**
   * PUT without waiting for the answer (failures arrive as un-correlated gateway errors).
   *
   * @param target scope and parameters
   * @param key key
   * @param value value
   * @param ttl time to live ({@link Duration#ZERO} = none)
   * @return completes when handed to the transport
   */
  CompletableFuture<Void> putAndForget(KvTarget target, String key, byte[] value, Duration ttl);

  // ------------------------------------------------------------------ DELETE

  /**
   * @param target scope and parameters
   * @param key key (a missing key is fine)
   * @param timeout timeout
   * @return completes when deleted
   */
  CompletableFuture<Void> delete(KvTarget target, String key, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key key
   * @return completes when deleted
   */
  default CompletableFuture<Void> delete(KvTarget target, String key) {
    return delete(target, key, defaultTimeout());
  }

  /**
   * @param key key
   * @return completes when deleted from {@link KvScope#GLOBAL}
   */
  default CompletableFuture<Void> deleteGlobal(String key) {
    return delete(KvTarget.global(), key);
  }

  /**
   * DELETE without waiting for the answer.
   *
   * @param target scope and parameters
   * @param key key
   * @return completes when handed to the transport
   */
  CompletableFuture<Void> deleteAndForget(KvTarget target, String key);

  // ------------------------------------------------------------------ LIST

  /**
   * @param target scope and parameters
   * @param prefix key prefix (empty = all)
   * @param limit page size (0 = gateway default, 100)
   * @param cursor cursor from the previous page, or null for the first
   * @param timeout timeout
   * @return one page
   */
  CompletableFuture<KvPage> list(
      KvTarget target, String prefix, int limit, @Nullable String cursor, Duration timeout);

  /**
   * @param target scope and parameters
   * @param prefix key prefix
   * @param limit page size (0 = gateway default)
   * @param cursor cursor, or null
   * @return one page
   */
  default CompletableFuture<KvPage> list(
      KvTarget target, String prefix, int limit, @Nullable String cursor) {
    return list(target, prefix, limit, cursor, defaultTimeout());
  }

  /**
   * @param target scope and parameters
   * @param prefix key prefix
   * @return the first page
   */
  default CompletableFuture<KvPage> list(KvTarget target, String prefix) {
    return list(target, prefix, 0, null, defaultTimeout());
  }

  /**
   * @param prefix key prefix
   * @return the first {@link KvScope#GLOBAL} page
   */
  default CompletableFuture<KvPage> listGlobal(String prefix) {
    return list(KvTarget.global(), prefix);
  }

  // ------------------------------------------------------------------ counters

  /**
   * @param target scope and parameters
   * @param key counter key (missing = 0; stored as a decimal string)
   * @param timeout timeout
   * @return the new value
   */
  CompletableFuture<Long> increment(KvTarget target, String key, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key counter key
   * @return the new value
   */
  default CompletableFuture<Long> increment(KvTarget target, String key) {
    return increment(target, key, defaultTimeout());
  }

  /**
   * @param target scope and parameters
   * @param key counter key
   * @param timeout timeout
   * @return the new value
   */
  CompletableFuture<Long> decrement(KvTarget target, String key, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key counter key
   * @return the new value
   */
  default CompletableFuture<Long> decrement(KvTarget target, String key) {
    return decrement(target, key, defaultTimeout());
  }

  /**
   * INCREMENT without waiting for the answer.
   *
   * @param target scope and parameters
   * @param key counter key
   * @return completes when handed to the transport
   */
  CompletableFuture<Void> incrementAndForget(KvTarget target, String key);

  /**
   * Adds {@code delta} only if the result stays ≤ {@code ceiling}.
   *
   * @param target scope and parameters
   * @param key counter key
   * @param delta amount, ≥ 0 (0 means 1)
   * @param ceiling largest allowed result
   * @param timeout timeout
   * @return value and whether applied
   */
  CompletableFuture<KvCounterResult> incrementIf(
      KvTarget target, String key, long delta, long ceiling, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key counter key
   * @param delta amount, ≥ 0
   * @param ceiling largest allowed result
   * @return value and whether applied
   */
  default CompletableFuture<KvCounterResult> incrementIf(
      KvTarget target, String key, long delta, long ceiling) {
    return incrementIf(target, key, delta, ceiling, defaultTimeout());
  }

  /**
   * Subtracts {@code delta} only if the result stays ≥ {@code floor}.
   *
   * @param target scope and parameters
   * @param key counter key
   * @param delta amount, ≥ 0 (0 means 1)
   * @param floor smallest allowed result
   * @param timeout timeout
   * @return value and whether applied
   */
  CompletableFuture<KvCounterResult> decrementIf(
      KvTarget target, String key, long delta, long floor, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key counter key
   * @param delta amount, ≥ 0
   * @param floor smallest allowed result
   * @return value and whether applied
   */
  default CompletableFuture<KvCounterResult> decrementIf(
      KvTarget target, String key, long delta, long floor) {
    return decrementIf(target, key, delta, floor, defaultTimeout());
  }

  // ------------------------------------------------------------------ conditional writes

  /**
   * Writes only if the key is absent.
   *
   * @param target scope and parameters
   * @param key key
   * @param value value
   * @param ttl time to live ({@link Duration#ZERO} = none)
   * @param timeout timeout
   * @return true if written
   */
  CompletableFuture<Boolean> setNx(
      KvTarget target, String key, byte[] value, Duration ttl, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key key
   * @param value value
   * @return true if written
   */
  default CompletableFuture<Boolean> setNx(KvTarget target, String key, byte[] value) {
    return setNx(target, key, value, Duration.ZERO, defaultTimeout());
  }

  /**
   * Writes only if the current value equals {@code expected} (a missing key never matches), and
   * sets the key's time to live: the gateway replaces the expiry on every applied write, so a write
   * without TTL makes the key permanent. This is how a lease is renewed.
   *
   * @param target scope and parameters
   * @param key key
   * @param expected expected current value
   * @param newValue new value
   * @param ttl time to live of the written value ({@link Duration#ZERO} = none; whole seconds,
   *     rounded up)
   * @param timeout timeout
   * @return true if written
   */
  CompletableFuture<Boolean> compareAndSet(
      KvTarget target,
      String key,
      byte[] expected,
      byte[] newValue,
      Duration ttl,
      Duration timeout);

  /**
   * Writes only if the current value equals {@code expected} (a missing key never matches). The
   * written value has no TTL.
   *
   * @param target scope and parameters
   * @param key key
   * @param expected expected current value
   * @param newValue new value
   * @param timeout timeout
   * @return true if written
   */
  default CompletableFuture<Boolean> compareAndSet(
      KvTarget target, String key, byte[] expected, byte[] newValue, Duration timeout) {
    return compareAndSet(target, key, expected, newValue, Duration.ZERO, timeout);
  }

  /**
   * @param target scope and parameters
   * @param key key
   * @param expected expected current value
   * @param newValue new value
   * @return true if written
   */
  default CompletableFuture<Boolean> compareAndSet(
      KvTarget target, String key, byte[] expected, byte[] newValue) {
    return compareAndSet(target, key, expected, newValue, defaultTimeout());
  }

  /**
   * Deletes only if the current value equals {@code expected}.
   *
   * @param target scope and parameters
   * @param key key
   * @param expected expected current value
   * @param timeout timeout
   * @return true if deleted
   */
  CompletableFuture<Boolean> compareAndDelete(
      KvTarget target, String key, byte[] expected, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key key
   * @param expected expected current value
   * @return true if deleted
   */
  default CompletableFuture<Boolean> compareAndDelete(
      KvTarget target, String key, byte[] expected) {
    return compareAndDelete(target, key, expected, defaultTimeout());
  }

  // ------------------------------------------------------------------ sets

  /**
   * Adds a member to the set stored at {@code key}.
   *
   * @param target scope and parameters
   * @param key set key
   * @param member member
   * @param timeout timeout
   * @return whether added and the new size
   */
  CompletableFuture<KvSetAddResult> setAdd(
      KvTarget target, String key, byte[] member, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key set key
   * @param member member
   * @return whether added and the new size
   */
  default CompletableFuture<KvSetAddResult> setAdd(KvTarget target, String key, byte[] member) {
    return setAdd(target, key, member, defaultTimeout());
  }

  /**
   * @param target scope and parameters
   * @param key set key
   * @param timeout timeout
   * @return set size (0 when absent)
   */
  CompletableFuture<Long> setCard(KvTarget target, String key, Duration timeout);

  /**
   * @param target scope and parameters
   * @param key set key
   * @return set size
   */
  default CompletableFuture<Long> setCard(KvTarget target, String key) {
    return setCard(target, key, defaultTimeout());
  }

  // ------------------------------------------------------------------ purge

  /**
   * Deletes every key of another identity in a scope (needs {@code capability/kv_purge_identity}).
   *
   * @param target scope and parameters
   * @param targetIdentity canonical identity whose keys to delete, e.g. {@code ag::prod::impl::s1}
   * @param prefix optional key prefix (empty = all)
   * @param timeout timeout
   * @return number of deleted keys
   */
  CompletableFuture<Long> purgeIdentity(
      KvTarget target, String targetIdentity, String prefix, Duration timeout);

  /**
   * @param target scope and parameters
   * @param targetIdentity canonical identity
   * @param prefix optional key prefix
   * @return number of deleted keys
   */
  default CompletableFuture<Long> purgeIdentity(
      KvTarget target, String targetIdentity, String prefix) {
    return purgeIdentity(target, targetIdentity, prefix, defaultTimeout());
  }
}
