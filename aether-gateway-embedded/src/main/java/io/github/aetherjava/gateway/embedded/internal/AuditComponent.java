/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.AuditEntry;
import io.github.aetherjava.proto.v1.AuditQuery;
import io.github.aetherjava.proto.v1.AuditQueryResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.SubmitAuditEventRequest;
import io.github.aetherjava.proto.v1.SubmitAuditEventResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code SubmitAuditEvent} and {@code AuditQuery}. Submissions are validated as on the real
 * gateway: only the client event types, the caller's own workspace unless it holds {@code
 * capability/audit_submit}, at most {@link #RATE_PER_SECOND} per principal; rejections are typed
 * responses. The actor always comes from the session. Queries need {@code admin/audit}.
 */
final class AuditComponent implements Dispatcher.Component {

  /** Event types a client may submit. */
  static final Set<String> CLIENT_EVENT_TYPES = Set.of("message", "kv", "task", "custom");

  /** Submissions per second per principal. */
  static final double RATE_PER_SECOND = 100;

  /** Principals tracked by the rate limit before the table is reset. */
  static final int MAX_LIMITERS = 10_000;

  private static final String REDACTED = "[REDACTED]";

  private final AuditLog log;
  private final AdminGate gate;
  private final Clock clock;
  private final Map<String, Policy.RateLimiter> limiters = new ConcurrentHashMap<>();

  AuditComponent(AuditLog log, AdminGate gate, Clock clock) {
    this.log = log;
    this.gate = gate;
    this.clock = clock;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.SUBMIT_AUDIT_EVENT,
        (s, f) -> submit(s, f.getSubmitAuditEvent()));
    dispatcher.on(UpstreamMessage.PayloadCase.AUDIT_QUERY, (s, f) -> query(s, f.getAuditQuery()));
  }

  private void submit(Session session, SubmitAuditEventRequest req) {
    SubmitAuditEventResponse.Builder r =
        SubmitAuditEventResponse.newBuilder().setClientRequestId(req.getClientRequestId());
    String type = req.getEventType();
    String ws = req.getWorkspace().isEmpty() ? session.workspace() : req.getWorkspace();
    if (!CLIENT_EVENT_TYPES.contains(type)) {
      reply(
          session,
          r.setSuccess(false)
              .setErrorCode("ERR_AUDIT_TYPE_FORBIDDEN")
              .setErrorMessage(
                  "event_type \""
                      + type
                      + "\" is not allowed; use one of message, kv, task, custom"));
      return;
    }
    if (!ws.equals(session.workspace()) && !gate.hasCapability(session, "audit_submit")) {
      reply(
          session,
          r.setSuccess(false)
              .setErrorCode("ERR_PERMISSION_DENIED")
              .setErrorMessage(
                  "cross-workspace audit submission requires capability/audit_submit on the"
                      + " target workspace"));
      return;
    }
    if (limiters.size() > MAX_LIMITERS) {
      // bounded memory: a full bucket is what a fresh limiter starts with anyway
      limiters.clear();
    }
    Policy.RateLimiter limiter =
        limiters.computeIfAbsent(
            session.identity().key(),
            k -> new Policy.RateLimiter(RATE_PER_SECOND, RATE_PER_SECOND, clock));
    if (!limiter.tryAcquire()) {
      reply(
          session,
          r.setSuccess(false)
              .setErrorCode("ERR_AUDIT_RATE_LIMITED")
              .setErrorMessage("audit submission rate limit exceeded"));
      return;
    }
    Identity id = session.identity();
    log.append(
        AuditEntry.newBuilder()
            .setEventType(type)
            .setActorType(AclRules.principalType(id.type()))
            .setActorId(AclRules.principalId(id))
            .setResourceType(req.getResourceType())
            .setResourceId(req.getResourceId())
            .setOperation(req.getOperation())
            .setWorkspace(ws)
            .setSessionId(session.id())
            .setGatewayId("embedded")
            .setSuccess(req.getSuccess())
            .setErrorMessage(req.getErrorMessage())
            .setMetadataJson(json(req.getMetadataMap()))
            .setSource("client"));
    reply(session, r.setSuccess(true));
  }

  private void query(Session session, AuditQuery q) {
    AuditQueryResponse.Builder r = AuditQueryResponse.newBuilder().setRequestId(q.getRequestId());
    if (!gate.allowsAdmin(session, "audit", AclRules.READ)) {
      r.setSuccess(false).setError("insufficient permissions for audit query");
    } else {
      List<AuditEntry> entries = log.query(q);
      r.setSuccess(true).addAllEntries(entries).setTotalCount(entries.size());
    }
    session.send(DownstreamMessage.newBuilder().setAuditResponse(r).build());
  }

  private static String json(Map<String, String> metadata) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(quote(e.getKey()))
          .append(':')
          .append(quote(credentialLike(e.getKey()) ? REDACTED : e.getValue()));
    }
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static boolean credentialLike(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("token")
        || k.contains("secret")
        || k.contains("password")
        || k.contains("api_key")
        || k.contains("apikey")
        || k.contains("authorization")
        || k.contains("credential");
  }

  private static void reply(Session session, SubmitAuditEventResponse.Builder r) {
    session.send(DownstreamMessage.newBuilder().setSubmitAuditEventResponse(r).build());
  }
}
