/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvCounterResult;
import io.github.aetherjava.client.kv.KvEntry;
import io.github.aetherjava.client.kv.KvPage;
import io.github.aetherjava.client.kv.KvScope;
import io.github.aetherjava.client.kv.KvSetAddResult;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.kv.KvValue;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link KvClient} over the client's stream. */
public final class KvClientImpl implements KvClient {

  private final ClientCore core;
  private final PrincipalKind kind;
  private final String workspace;
  private final String implementation;
  private final String specifier;
  private final @Nullable AuthorizationContext authorization;

  /**
   * @param core connection
   * @param kind caller's principal type
   * @param workspace caller's workspace ("" if workspace-less)
   * @param implementation caller's implementation ("" if none)
   * @param specifier caller's specifier ("" if none, e.g. a pool worker)
   */
  public KvClientImpl(
      ClientCore core,
      PrincipalKind kind,
      String workspace,
      String implementation,
      String specifier) {
    this(core, kind, workspace, implementation, specifier, null);
  }

  private KvClientImpl(
      ClientCore core,
      PrincipalKind kind,
      String workspace,
      String implementation,
      String specifier,
      @Nullable AuthorizationContext authorization) {
    this.core = core;
    this.kind = kind;
    this.workspace = workspace;
    this.implementation = implementation;
    this.specifier = specifier;
    this.authorization = authorization;
  }

  @Override
  public KvClient withAuthorization(AuthorizationContext authorization) {
    return new KvClientImpl(
        core,
        kind,
        workspace,
        implementation,
        specifier,
        Arguments.notNull(authorization, "authorization"));
  }

  @Override
  public @Nullable AuthorizationContext authorization() {
    return authorization;
  }

  @Override
  public Duration defaultTimeout() {
    return core.options().requestTimeout();
  }

  @Override
  public CompletableFuture<KvValue> get(KvTarget target, String key, Duration timeout) {
    return call(
        KVOperation.OpType.GET,
        target,
        key,
        b -> {},
        timeout,
        r -> new KvValue(key, r.getValue().toByteArray()));
  }

  @Override
  public CompletableFuture<Void> put(
      KvTarget target, String key, byte[] value, Duration ttl, Duration timeout) {
    return call(
        KVOperation.OpType.PUT,
        target,
        key,
        b -> b.setValue(bytes(value, "value")).setTtl(ttlSeconds(ttl)),
        timeout,
        r -> null);
  }

  @Override
  public CompletableFuture<Void> putAndForget(
      KvTarget target, String key, byte[] value, Duration ttl) {
    return forget(
        KVOperation.OpType.PUT,
        target,
        key,
        b -> b.setValue(bytes(value, "value")).setTtl(ttlSeconds(ttl)));
  }

  @Override
  public CompletableFuture<Void> delete(KvTarget target, String key, Duration timeout) {
    return call(KVOperation.OpType.DELETE, target, key, b -> {}, timeout, r -> null);
  }

  @Override
  public CompletableFuture<Void> deleteAndForget(KvTarget target, String key) {
    return forget(KVOperation.OpType.DELETE, target, key, b -> {});
  }

  @Override
  public CompletableFuture<KvPage> list(
      KvTarget target, String prefix, int limit, @Nullable String cursor, Duration timeout) {
    if (limit < 0) {
      return CompletableFuture.failedFuture(new InvalidArgumentException("limit must be >= 0"));
    }
    return call(
        KVOperation.OpType.LIST,
        target,
        prefix,
        b -> {
          b.setLimit(limit);
          if (cursor != null) {
            b.setCursor(cursor);
          }
        },
        timeout,
        r -> {
          // keys come unordered; kv_map carries the values
          Map<String, ByteString> values = r.getKvMapMap();
          TreeMap<String, byte[]> sorted = new TreeMap<>();
          r.getKeysList()
              .forEach(k -> sorted.put(k, values.getOrDefault(k, ByteString.EMPTY).toByteArray()));
          values.forEach((k, v) -> sorted.putIfAbsent(k, v.toByteArray()));
          List<KvEntry> entries = new ArrayList<>(sorted.size());
          sorted.forEach((k, v) -> entries.add(new KvEntry(k, v)));
          String next = r.getNextCursor().isEmpty() ? null : r.getNextCursor();
          return new KvPage(entries, next, r.getHasMore());
        });
  }

  @Override
  public CompletableFuture<Long> increment(KvTarget target, String key, Duration timeout) {
    return call(
        KVOperation.OpType.INCREMENT, target, key, b -> {}, timeout, KVResponse::getCounterValue);
  }

  @Override
  public CompletableFuture<Long> decrement(KvTarget target, String key, Duration timeout) {
    return call(
        KVOperation.OpType.DECREMENT, target, key, b -> {}, timeout, KVResponse::getCounterValue);
  }

  @Override
  public CompletableFuture<Void> incrementAndForget(KvTarget target, String key) {
    return forget(KVOperation.OpType.INCREMENT, target, key, b -> {});
  }

  @Override
  public CompletableFuture<KvCounterResult> incrementIf(
      KvTarget target, String key, long delta, long ceiling, Duration timeout) {
    return guarded(KVOperation.OpType.INCREMENT_IF, target, key, delta, ceiling, timeout);
  }

  @Override
  public CompletableFuture<KvCounterResult> decrementIf(
      KvTarget target, String key, long delta, long floor, Duration timeout) {
    return guarded(KVOperation.OpType.DECREMENT_IF, target, key, delta, floor, timeout);
  }

  private CompletableFuture<KvCounterResult> guarded(
      KVOperation.OpType op,
      KvTarget target,
      String key,
      long delta,
      long guard,
      Duration timeout) {
    if (delta < 0) {
      return CompletableFuture.failedFuture(new InvalidArgumentException("delta must be >= 0"));
    }
    return call(
        op,
        target,
        key,
        b -> b.setDeltaValue(delta).setGuardValue(guard),
        timeout,
        r -> new KvCounterResult(r.getCounterValue(), r.getApplied()));
  }

  @Override
  public CompletableFuture<Boolean> setNx(
      KvTarget target, String key, byte[] value, Duration ttl, Duration timeout) {
    return call(
        KVOperation.OpType.SET_NX,
        target,
        key,
        b -> b.setValue(bytes(value, "value")).setTtl(ttlSeconds(ttl)),
        timeout,
        KVResponse::getApplied);
  }

  @Override
  public CompletableFuture<Boolean> compareAndSet(
      KvTarget target,
      String key,
      byte[] expected,
      byte[] newValue,
      Duration ttl,
      Duration timeout) {
    return call(
        KVOperation.OpType.COMPARE_AND_SET,
        target,
        key,
        b ->
            b.setExpectedValue(bytes(expected, "expected"))
                .setValue(bytes(newValue, "newValue"))
                .setTtl(ttlSeconds(ttl)),
        timeout,
        KVResponse::getApplied);
  }

  @Override
  public CompletableFuture<Boolean> compareAndDelete(
      KvTarget target, String key, byte[] expected, Duration timeout) {
    return call(
        KVOperation.OpType.COMPARE_AND_DELETE,
        target,
        key,
        b -> b.setExpectedValue(bytes(expected, "expected")),
        timeout,
        KVResponse::getApplied);
  }

  @Override
  public CompletableFuture<KvSetAddResult> setAdd(
      KvTarget target, String key, byte[] member, Duration timeout) {
    return call(
        KVOperation.OpType.SET_ADD,
        target,
        key,
        b -> b.setValue(bytes(member, "member")),
        timeout,
        r -> new KvSetAddResult(r.getApplied(), r.getCounterValue()));
  }

  @Override
  public CompletableFuture<Long> setCard(KvTarget target, String key, Duration timeout) {
    return call(
        KVOperation.OpType.SET_CARD, target, key, b -> {}, timeout, KVResponse::getCounterValue);
  }

  @Override
  public CompletableFuture<Long> purgeIdentity(
      KvTarget target, String targetIdentity, String prefix, Duration timeout) {
    if (targetIdentity.isEmpty()) {
      return CompletableFuture.failedFuture(
          new InvalidArgumentException("targetIdentity must not be empty"));
    }
    return call(
        KVOperation.OpType.PURGE_IDENTITY,
        target,
        prefix,
        b -> b.setTargetIdentity(targetIdentity),
        timeout,
        KVResponse::getCounterValue);
  }

  // ------------------------------------------------------------------ plumbing

  private interface Customizer {
    void apply(KVOperation.Builder b);
  }

  private <T> CompletableFuture<T> call(
      KVOperation.OpType op,
      KvTarget target,
      String key,
      Customizer custom,
      Duration timeout,
      Function<KVResponse, @Nullable T> decode) {
    return call(op, target, key, custom, timeout, decode, false);
  }

  /**
   * @param blocking the caller waits for the future at once and shows it to no one: it completes on
   *     the thread that reads the response, without a hand-off
   */
  private <T> CompletableFuture<T> call(
      KVOperation.OpType op,
      KvTarget target,
      String key,
      Customizer custom,
      Duration timeout,
      Function<KVResponse, @Nullable T> decode,
      boolean blocking) {
    String operation = "kv." + opName(op);
    RequestObservation observation = core.observe(operation);
    KVOperation.Builder b;
    try {
      b = base(op, target, key);
      custom.apply(b);
      Arguments.positive(timeout, "timeout");
    } catch (InvalidArgumentException e) {
      observation.onComplete(e);
      return CompletableFuture.failedFuture(e);
    }
    String requestId = core.nextRequestId();
    b.setRequestId(requestId);
    UpstreamMessage frame = UpstreamMessage.newBuilder().setKvOp(b).build();
    String context = operation + " '" + key + "' (" + target.scope().canonicalName() + ")";
    boolean idempotent =
        op == KVOperation.OpType.GET
            || op == KVOperation.OpType.LIST
            || op == KVOperation.OpType.SET_CARD;
    PendingRequests.Decoder<T> decoder =
        m -> {
          KVResponse r = m.getKv();
          if (!r.getSuccess()) {
            throw new GatewayErrorException(
                "KV_ERROR",
                context
                    + " failed (the gateway reports no detail;"
                    + " see its logs or the ACL for this scope)",
                false,
                Duration.ZERO);
          }
          return decode.apply(r);
        };
    Function<Throwable, Throwable> mapError = e -> RequestErrors.withContext(e, context);
    return blocking
        ? core.requestInline(
            operation, requestId, frame, timeout, idempotent, decoder, mapError, observation)
        : core.request(
            operation, requestId, frame, timeout, idempotent, decoder, mapError, observation);
  }

  @Override
  public KvValue getBlocking(KvTarget target, String key) {
    return Await.result(
        call(
            KVOperation.OpType.GET,
            target,
            key,
            b -> {},
            defaultTimeout(),
            r -> new KvValue(key, r.getValue().toByteArray()),
            true),
        "kv.get");
  }

  @Override
  public void putBlocking(KvTarget target, String key, byte[] value) {
    Await.result(
        call(
            KVOperation.OpType.PUT,
            target,
            key,
            b -> b.setValue(bytes(value, "value")).setTtl(0),
            defaultTimeout(),
            r -> null,
            true),
        "kv.put");
  }

  private static ByteString bytes(byte @Nullable [] value, String name) {
    return ByteString.copyFrom(Arguments.notNull(value, name));
  }

  private CompletableFuture<Void> forget(
      KVOperation.OpType op, KvTarget target, String key, Customizer custom) {
    try {
      KVOperation.Builder b = base(op, target, key);
      custom.apply(b);
      return core.enqueue(UpstreamMessage.newBuilder().setKvOp(b).build(), null);
    } catch (InvalidArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private KVOperation.Builder base(
      KVOperation.OpType op, @Nullable KvTarget checkedTarget, @Nullable String checkedKey) {
    KvTarget target = Arguments.notNull(checkedTarget, "target");
    String key = Arguments.notNull(checkedKey, op == KVOperation.OpType.LIST ? "prefix" : "key");
    boolean prefixOp = op == KVOperation.OpType.LIST || op == KVOperation.OpType.PURGE_IDENTITY;
    if (!prefixOp && key.isEmpty()) {
      throw new InvalidArgumentException("key must not be empty");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new InvalidArgumentException("key must be at most " + MAX_KEY_LENGTH + " characters");
    }
    if (kind == PrincipalKind.USER
        || kind == PrincipalKind.ORCHESTRATOR
        || kind == PrincipalKind.BRIDGE) {
      throw new InvalidArgumentException(kind + " clients may not use the KV store");
    }
    KvScope scope = target.scope();
    KVOperation.Builder b =
        KVOperation.newBuilder().setOp(op).setScope(scope.toProto()).setKey(key);
    if (authorization != null) {
      b.setAuthorization(authorization.toProto());
    }
    if (scope.needsUser()) {
      if (target.userId() == null) {
        throw new InvalidArgumentException("scope " + scope.canonicalName() + " needs a user id");
      }
      b.setUserId(Identifiers.validate(target.userId(), "userId"));
    } else if (target.userId() != null) {
      b.setUserId(Identifiers.validate(target.userId(), "userId"));
    }
    String ws = target.workspace();
    if (ws != null) {
      b.setWorkspace(Identifiers.validate(ws, "workspace"));
    } else if (scope.needsWorkspace() && workspace.isEmpty()) {
      throw new InvalidArgumentException(
          "scope "
              + scope.canonicalName()
              + " needs a workspace: "
              + kind
              + " clients have none, pass one with KvTarget.inWorkspace(...)");
    }
    if (scope.isExclusive() && (implementation.isEmpty() || specifier.isEmpty())) {
      throw new InvalidArgumentException(
          "exclusive scope "
              + scope.canonicalName()
              + " needs the caller's implementation and specifier; "
              + kind
              + (kind == PrincipalKind.TASK ? " pool workers" : " clients")
              + " have none");
    }
    return b;
  }

  private static long ttlSeconds(@Nullable Duration checkedTtl) {
    Duration ttl = Arguments.notNull(checkedTtl, "ttl");
    if (ttl.isNegative()) {
      throw new InvalidArgumentException("ttl must not be negative");
    }
    return ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
  }

  private static String opName(KVOperation.OpType op) {
    // kv.get, kv.put, kv.increment_if ... -> camel case like the API
    String[] parts = op.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
