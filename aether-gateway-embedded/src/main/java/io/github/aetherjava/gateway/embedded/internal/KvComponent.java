/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.ConfigSnapshot;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVResponse;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code KVOperation}: the real gateway's scope-to-namespace mapping, operations and failure
 * shapes, and the exclusive-scope maps of the connect-time {@code ConfigSnapshot}.
 */
final class KvComponent implements Dispatcher.Component {

  private static final Logger log = LoggerFactory.getLogger(KvComponent.class);

  static final int MAX_KEY = 256;
  static final int MAX_VALUE = 1024 * 1024;
  static final int DEFAULT_LIST_LIMIT = 100;
  static final int SNAPSHOT_LIMIT = 100;

  /** LIST pages stay below this size so they fit the 16 MiB outbound frame limit. */
  static final long MAX_LIST_BYTES = 15L * 1024 * 1024;

  private final KvStore store;
  private final Policy policy;
  private final Clock clock;
  private final AuthorityComponent authority;

  KvComponent(KvStore store, Policy policy, Clock clock, AuthorityComponent authority) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
    this.authority = authority;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.KV_OP, (s, f) -> handle(s, f.getKvOp()));
  }

  /**
   * An operation failure; {@code withResponse} = the real gateway also sends {@code
   * KVResponse{success:false}}.
   */
  private static final class KvFailure extends Exception {
    private static final long serialVersionUID = 1L;

    KvFailure(String message) {
      super(message, null, false, false);
    }
  }

  private void handle(Session session, KVOperation op) {
    Identity id = session.identity();
    String requestId = op.getRequestId();
    String ws = op.getWorkspace().isEmpty() ? session.workspace() : op.getWorkspace();

    if (op.getOp() == KVOperation.OpType.PUT && op.getValue().size() > MAX_VALUE) {
      // As AetherLite's value quota: only the error, no KVResponse.
      reply(
          session,
          Frames.error(
              "ERR_QUOTA_001",
              "quota exceeded for kv_value_size in workspace '"
                  + ws
                  + "': current "
                  + op.getValue().size()
                  + ", limit "
                  + MAX_VALUE,
              requestId));
      return;
    }
    io.github.aetherjava.proto.v1.@org.jspecify.annotations.Nullable ACLAuthorityGrantInfo
        onBehalf = null;
    if (op.hasAuthorization()) {
      try {
        onBehalf = authority.authorize(session, op.getAuthorization());
      } catch (GrantStore.GrantException e) {
        log.debug("{}: KV refused: invalid authorization context: {}", id.key(), e.getMessage());
        reply(
            session,
            Frames.error("ERR_PERMISSION_DENIED", "invalid authorization context", requestId));
        failedResponse(session, requestId);
        return;
      }
    }
    // Type and scope-configuration rejections come before the operation runs: error only, no
    // KVResponse.
    if (!mayUseKv(id.type())) {
      log.debug(
          "{}: KV refused: only agents, tasks, services, the metrics bridge, and the workflow engine can "
              + "access KV store",
          id.key());
      kvError(session, requestId);
      return;
    }
    String namespace;
    try {
      namespace = namespace(op.getScope(), id.implementation(), id.specifier(), op.getUserId(), ws);
    } catch (KvFailure e) {
      log.debug("{}: KV refused: invalid scope config: {}", id.key(), e.getMessage());
      kvError(session, requestId);
      return;
    }
    try {
      KVResponse.Builder r = execute(session, op, namespace, ws, onBehalf);
      reply(
          session,
          DownstreamMessage.newBuilder().setKv(r.setSuccess(true).setRequestId(requestId)).build());
    } catch (KvFailure e) {
      log.debug("{}: KV {} failed: {}", id.key(), op.getOp(), e.getMessage());
      failedResponse(session, requestId);
      kvError(session, requestId);
    }
  }

  /**
   * Sends {@code frame} once the store has made the operation as durable as its policy promises;
   * every KV answer goes this way, so a client's answers keep their order.
   */
  private void reply(Session session, DownstreamMessage frame) {
    store.afterDurable(() -> session.send(frame));
  }

  private void failedResponse(Session session, String requestId) {
    if (!requestId.isEmpty()) {
      reply(
          session,
          DownstreamMessage.newBuilder()
              .setKv(KVResponse.newBuilder().setSuccess(false).setRequestId(requestId))
              .build());
    }
  }

  private void kvError(Session session, String requestId) {
    reply(session, Frames.error("KV_ERROR", "internal error processing KV operation", requestId));
  }

  static boolean mayUseKv(PrincipalType t) {
    return switch (t) {
      case PRINCIPAL_AGENT,
          PRINCIPAL_TASK,
          PRINCIPAL_SERVICE,
          PRINCIPAL_WORKFLOW_ENGINE,
          PRINCIPAL_METRICS_BRIDGE ->
          true;
      default -> false;
    };
  }

  private static String clean(String component) {
    return component.replace(':', '_').replace('|', '_');
  }

  private static boolean exclusive(KVOperation.Scope scope) {
    return switch (scope) {
      case GLOBAL_EXCLUSIVE, WORKSPACE_EXCLUSIVE, USER, USER_WORKSPACE -> true;
      default -> false;
    };
  }

  /**
   * The storage namespace of {@code scope} for the given owner, validating what the scope needs.
   */
  static String namespace(
      KVOperation.Scope scope, String impl, String spec, String userId, String ws)
      throws KvFailure {
    switch (scope) {
      case WORKSPACE, WORKSPACE_EXCLUSIVE, SCOPE_UNSPECIFIED -> {
        if (ws.isEmpty()) {
          throw new KvFailure("workspace scope requires a workspace");
        }
      }
      case USER, USER_SHARED -> {
        if (userId.isEmpty()) {
          throw new KvFailure("user scope requires a user ID");
        }
      }
      case USER_WORKSPACE, USER_WORKSPACE_SHARED -> {
        if (userId.isEmpty() || ws.isEmpty()) {
          throw new KvFailure("user-workspace scope requires both user ID and workspace");
        }
      }
      case GLOBAL, GLOBAL_EXCLUSIVE -> {
        // no requirement
      }
      default -> throw new KvFailure("unknown scope: " + scope);
    }
    if (exclusive(scope) && (impl.isEmpty() || spec.isEmpty())) {
      throw new KvFailure("exclusive scopes require non-empty agent implementation and specifier");
    }
    String agent = "kv:agent:" + clean(impl) + "|" + clean(spec);
    String u = clean(userId);
    String w = clean(ws);
    return switch (scope) {
      case GLOBAL -> "kv:global";
      case WORKSPACE, SCOPE_UNSPECIFIED -> "kv:ws:" + w;
      case USER -> agent + ":user:" + u;
      case USER_WORKSPACE -> agent + ":user:" + u + ":ws:" + w;
      case GLOBAL_EXCLUSIVE -> agent + ":global";
      case WORKSPACE_EXCLUSIVE -> agent + ":ws:" + w;
      case USER_SHARED -> "kv:user:" + u;
      case USER_WORKSPACE_SHARED -> "kv:user:" + u + ":ws:" + w;
      default -> throw new KvFailure("unknown scope: " + scope);
    };
  }

  private static void checkKey(String key) throws KvFailure {
    if (key.isEmpty()) {
      throw new KvFailure("key cannot be empty");
    }
    if (key.length() > MAX_KEY) {
      throw new KvFailure("key exceeds maximum length of 256 characters");
    }
  }

  private long expiry(long ttlSeconds, long now) {
    return ttlSeconds > 0 ? now + ttlSeconds * 1000 : 0;
  }

  private KVResponse.Builder execute(
      Session session,
      KVOperation op,
      String namespace,
      String ws,
      io.github.aetherjava.proto.v1.@org.jspecify.annotations.Nullable ACLAuthorityGrantInfo
          onBehalf)
      throws KvFailure {
    String denial = policy.kvDenial(session.identity(), op, onBehalf, ws);
    if (denial != null) {
      throw new KvFailure(denial);
    }
    long now = clock.millis();
    String key = op.getKey();
    String full = namespace + ":" + key;
    KVResponse.Builder r = KVResponse.newBuilder();
    switch (op.getOp()) {
      case GET -> {
        checkKey(key);
        KvStore.Entry e = store.get(full, now);
        if (e != null) {
          r.setValue(ByteString.copyFrom(e.value()));
        }
      }
      case PUT -> {
        checkKey(key);
        byte[] v = op.getValue().toByteArray();
        long exp = expiry(op.getTtl(), now);
        store.update(full, now, cur -> KvStore.Update.put(new KvStore.Entry(v, exp), Boolean.TRUE));
      }
      case DELETE -> {
        checkKey(key);
        store.update(full, now, cur -> KvStore.Update.delete(Boolean.TRUE));
      }
      case LIST -> list(op, namespace, now, r);
      case INCREMENT, DECREMENT -> {
        checkKey(key);
        long delta = op.getOp() == KVOperation.OpType.INCREMENT ? 1 : -1;
        long ttl = op.getOp() == KVOperation.OpType.INCREMENT ? op.getTtl() : 0;
        r.setCounterValue(counter(full, now, cur -> cur + delta, ttl).value());
      }
      case INCREMENT_IF, DECREMENT_IF -> {
        checkKey(key);
        long delta = op.getDeltaValue() == 0 ? 1 : op.getDeltaValue();
        if (delta < 0) {
          throw new KvFailure(op.getOp() + " delta must be non-negative, got " + delta);
        }
        boolean up = op.getOp() == KVOperation.OpType.INCREMENT_IF;
        long guard = op.getGuardValue();
        Guarded g = guarded(full, now, up, delta, guard);
        r.setCounterValue(g.value()).setApplied(g.applied());
      }
      case SET_NX -> {
        checkKey(key);
        byte[] v = op.getValue().toByteArray();
        long exp = expiry(op.getTtl(), now);
        boolean applied =
            store.update(
                full,
                now,
                cur ->
                    cur == null
                        ? KvStore.Update.put(new KvStore.Entry(v, exp), true)
                        : KvStore.Update.keep(false));
        r.setApplied(applied);
      }
      case COMPARE_AND_SET -> {
        checkKey(key);
        byte[] expected = op.getExpectedValue().toByteArray();
        byte[] v = op.getValue().toByteArray();
        long exp = expiry(op.getTtl(), now);
        boolean applied =
            store.update(
                full,
                now,
                cur ->
                    cur != null && Arrays.equals(cur.value(), expected)
                        ? KvStore.Update.put(new KvStore.Entry(v, exp), true)
                        : KvStore.Update.keep(false));
        r.setApplied(applied);
      }
      case COMPARE_AND_DELETE -> {
        checkKey(key);
        byte[] expected = op.getExpectedValue().toByteArray();
        boolean applied =
            store.update(
                full,
                now,
                cur ->
                    cur != null && Arrays.equals(cur.value(), expected)
                        ? KvStore.Update.delete(true)
                        : KvStore.Update.keep(false));
        r.setApplied(applied);
      }
      case SET_ADD -> {
        checkKey(key);
        String member = op.getValue().toStringUtf8();
        long ttl = op.getTtl();
        long[] card = new long[1];
        boolean added =
            setUpdate(
                full,
                now,
                cur -> {
                  List<String> members =
                      cur == null
                          ? new ArrayList<>()
                          : new ArrayList<>(JsonStringSet.decode(cur.value()));
                  if (members.contains(member)) {
                    card[0] = members.size();
                    return KvStore.Update.keep(false);
                  }
                  members.add(member);
                  card[0] = members.size();
                  long exp = ttl > 0 ? now + ttl * 1000 : cur == null ? 0 : cur.expiresAtMillis();
                  return KvStore.Update.put(
                      new KvStore.Entry(JsonStringSet.encode(members), exp), true);
                });
        r.setApplied(added).setCounterValue(card[0]);
      }
      case SET_CARD -> {
        checkKey(key);
        KvStore.Entry e = store.get(full, now);
        try {
          r.setCounterValue(e == null ? 0 : JsonStringSet.decode(e.value()).size());
        } catch (IllegalArgumentException ex) {
          throw new KvFailure("set-card on " + key + ": " + ex.getMessage());
        }
      }
      case PURGE_IDENTITY -> r.setCounterValue(purge(session, op, ws, now));
      default -> throw new KvFailure("unknown KV operation");
    }
    return r;
  }

  private <T> T setUpdate(
      String full, long now, Function<KvStore.@Nullable Entry, KvStore.Update<T>> fn)
      throws KvFailure {
    try {
      return store.update(full, now, fn);
    } catch (IllegalArgumentException e) {
      throw new KvFailure("set-add: " + e.getMessage());
    }
  }

  private void list(KVOperation op, String namespace, long now, KVResponse.Builder r)
      throws KvFailure {
    String prefix = op.getKey();
    if (prefix.length() > MAX_KEY) {
      throw new KvFailure("key prefix exceeds maximum length of 256 characters");
    }
    int limit = op.getLimit() <= 0 ? DEFAULT_LIST_LIMIT : op.getLimit();
    String base = namespace + ":";
    String after = null;
    if (!op.getCursor().isEmpty()) {
      try {
        after =
            base
                + new String(Base64.getUrlDecoder().decode(op.getCursor()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new KvFailure("invalid cursor");
      }
    }
    // One extra entry tells whether another page exists; the cursor is the last key returned, so
    // nothing is skipped.
    List<KvStore.KeyEntry> page = store.scan(base + prefix, after, limit + 1, now);
    boolean more = page.size() > limit;
    if (more) {
      page = page.subList(0, limit);
    }
    String last = null;
    long bytes = 0;
    for (KvStore.KeyEntry e : page) {
      String k = e.key().substring(base.length());
      // Each key travels twice (keys and kv_map); stop before the response outgrows the frame
      // limit.
      bytes += 2L * k.length() + e.entry().value().length + 16;
      if (last != null && bytes > MAX_LIST_BYTES) {
        more = true;
        break;
      }
      r.addKeys(k).putKvMap(k, ByteString.copyFrom(e.entry().value()));
      last = k;
    }
    r.setHasMore(more);
    if (more && last != null) {
      r.setNextCursor(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private record Counter(long value) {}

  private record Guarded(long value, boolean applied) {}

  private static long parseCounter(KvStore.@Nullable Entry e) {
    if (e == null) {
      return 0;
    }
    String s = new String(e.value(), StandardCharsets.UTF_8).strip();
    return Long.parseLong(s);
  }

  private Counter counter(String full, long now, LongUnaryOperator f, long ttl) throws KvFailure {
    try {
      return store.update(
          full,
          now,
          cur -> {
            long next = f.applyAsLong(parseCounter(cur));
            long exp = cur == null ? 0 : cur.expiresAtMillis();
            if (ttl > 0 && next == 1) {
              exp = now + ttl * 1000;
            }
            byte[] v = Long.toString(next).getBytes(StandardCharsets.UTF_8);
            return KvStore.Update.put(new KvStore.Entry(v, exp), new Counter(next));
          });
    } catch (NumberFormatException e) {
      throw new KvFailure("value is not an integer");
    }
  }

  private Guarded guarded(String full, long now, boolean up, long delta, long guard)
      throws KvFailure {
    try {
      return store.update(
          full,
          now,
          cur -> {
            long value = parseCounter(cur);
            long next = up ? value + delta : value - delta;
            boolean ok = up ? next <= guard : next >= guard;
            if (!ok) {
              return KvStore.Update.keep(new Guarded(value, false));
            }
            long exp = cur == null ? 0 : cur.expiresAtMillis();
            byte[] v = Long.toString(next).getBytes(StandardCharsets.UTF_8);
            return KvStore.Update.put(new KvStore.Entry(v, exp), new Guarded(next, true));
          });
    } catch (NumberFormatException e) {
      throw new KvFailure("value is not an integer");
    }
  }

  private long purge(Session session, KVOperation op, String ws, long now) throws KvFailure {
    String target = op.getTargetIdentity();
    if (target.isEmpty()) {
      throw new KvFailure("purge_identity requires target_identity");
    }
    String[] owner = implAndSpec(target);
    String ns = namespace(op.getScope(), owner[0], owner[1], op.getUserId(), ws);
    String prefix = ns + ":" + op.getKey();
    long deleted = 0;
    while (true) {
      List<KvStore.KeyEntry> batch = store.scan(prefix, null, 1000, now);
      if (batch.isEmpty()) {
        return deleted;
      }
      for (KvStore.KeyEntry e : batch) {
        if (store.update(
            e.key(),
            now,
            cur -> cur == null ? KvStore.Update.keep(false) : KvStore.Update.delete(true))) {
          deleted++;
        }
      }
    }
  }

  /**
   * Implementation and specifier of a canonical identity string (what owns exclusive namespaces).
   */
  private static String[] implAndSpec(String identity) throws KvFailure {
    String[] p = identity.split(Identity.SEP, -1);
    return switch (p[0]) {
      case "ag", "tu" -> {
        if (p.length != 4) {
          throw new KvFailure("invalid target_identity " + GoQuote.quote(identity));
        }
        yield new String[] {p[2], p[3]};
      }
      case "ta" -> {
        if (p.length < 3 || p.length > 4) {
          throw new KvFailure("invalid target_identity " + GoQuote.quote(identity));
        }
        yield new String[] {p[2], ""};
      }
      case "sv", "br", "orc" -> {
        if (p.length != 3) {
          throw new KvFailure("invalid target_identity " + GoQuote.quote(identity));
        }
        yield new String[] {p[1], p[2]};
      }
      case "us" -> {
        if (p.length != 3) {
          throw new KvFailure("invalid target_identity " + GoQuote.quote(identity));
        }
        yield new String[] {"", p[2]};
      }
      case "wfe", "metrics" -> new String[] {"", ""};
      default -> throw new KvFailure("invalid target_identity " + GoQuote.quote(identity));
    };
  }

  /**
   * The connect-time snapshot: up to 100 keys of each exclusive scope of the connecting agent or
   * task.
   */
  ConfigSnapshot snapshot(Session session) {
    Identity id = session.identity();
    ConfigSnapshot.Builder b = ConfigSnapshot.newBuilder();
    if (id.implementation().isEmpty() || id.specifier().isEmpty()) {
      return b.build();
    }
    long now = clock.millis();
    String agent = "kv:agent:" + clean(id.implementation()) + "|" + clean(id.specifier());
    if (!id.workspace().isEmpty()) {
      String base = agent + ":ws:" + clean(id.workspace()) + ":";
      for (KvStore.KeyEntry e : store.scan(base, null, SNAPSHOT_LIMIT, now)) {
        b.putWorkspaceExclusiveKv(
            e.key().substring(base.length()), ByteString.copyFrom(e.entry().value()));
      }
    }
    String base = agent + ":global:";
    for (KvStore.KeyEntry e : store.scan(base, null, SNAPSHOT_LIMIT, now)) {
      b.putGlobalExclusiveKv(
          e.key().substring(base.length()), ByteString.copyFrom(e.entry().value()));
    }
    return b.build();
  }
}
