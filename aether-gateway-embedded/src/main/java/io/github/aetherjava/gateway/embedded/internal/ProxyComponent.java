/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.ProxyError;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.ProxyHttpRequest;
import io.github.aetherjava.proto.v1.ProxyHttpResponse;
import io.github.aetherjava.proto.v1.ResolvedAuthorityInfo;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The service proxy as the real gateway routes it: {@code ProxyHttpRequest} from any principal to a
 * target topic under a gateway wire id, {@code ProxyHttpResponse} and body chunks back under the
 * caller's own id, both directions pinned with a TTL. The gateway only routes: HTTP is executed by
 * whoever serves the target, and timeouts are the caller's and the service's business.
 */
final class ProxyComponent implements Dispatcher.Component {

  /** Largest inline request body the gateway accepts (bigger bodies must be chunked). */
  static final int MAX_INLINE_BODY = 8 * 1024 * 1024;

  /** Inbound {@code proxy_chain_depth} at which a request is refused. */
  static final int MAX_CHAIN_DEPTH = 8;

  /** Pin lifetime when the request sets no timeout, and the refresh on every chunk. */
  static final Duration DEFAULT_PIN_TTL = Duration.ofSeconds(60);

  /** Added to the request's own timeout so late chunks still find their pin. */
  static final Duration PIN_SLACK = Duration.ofSeconds(30);

  static final String WIRE_ID_PREFIX = "_aether/wire/";

  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  /** Routing state of one proxied request, keyed by its wire id. */
  private static final class Pin {
    final String wireId;
    final String originalId;
    final Session caller;
    final String callerTopic;
    final String service;
    volatile long expiresAtMillis;

    Pin(
        String wireId,
        String originalId,
        Session caller,
        String callerTopic,
        String service,
        long expiresAtMillis) {
      this.wireId = wireId;
      this.originalId = originalId;
      this.caller = caller;
      this.callerTopic = callerTopic;
      this.service = service;
      this.expiresAtMillis = expiresAtMillis;
    }

    String forwardKey() {
      return forwardKey(callerTopic, originalId);
    }

    static String forwardKey(String callerTopic, String originalId) {
      // '@' occurs in no identity topic, so caller scopes never collide
      return callerTopic + "@" + originalId;
    }
  }

  private final Router router;
  private final SessionRegistry registry;
  private final Policy policy;
  private final Clock clock;
  private final Map<String, Pin> pins = new ConcurrentHashMap<>();
  private final Map<String, String> forward = new ConcurrentHashMap<>();

  private final AuthorityComponent authority;

  ProxyComponent(
      Router router,
      SessionRegistry registry,
      Policy policy,
      Clock clock,
      ScheduledExecutorService scheduler,
      AuthorityComponent authority) {
    this.authority = authority;
    this.router = router;
    this.registry = registry;
    this.policy = policy;
    this.clock = clock;
    registry.onRelease(this::sessionEnded);
    scheduler.scheduleWithFixedDelay(
        this::sweep, SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.PROXY_HTTP_REQUEST,
        (s, f) -> request(s, f.getProxyHttpRequest()));
    dispatcher.on(
        UpstreamMessage.PayloadCase.PROXY_HTTP_BODY_CHUNK,
        (s, f) -> chunk(s, f.getProxyHttpBodyChunk()));
    dispatcher.on(
        UpstreamMessage.PayloadCase.PROXY_HTTP_RESPONSE,
        (s, f) -> response(s, f.getProxyHttpResponse()));
  }

  /** Requests currently pinned (for tests). */
  int pinned() {
    return pins.size();
  }

  private void request(Session session, ProxyHttpRequest req) {
    String requestId = req.getRequestId();
    if (req.getBody().size() > MAX_INLINE_BODY) {
      fail(
          session,
          requestId,
          ProxyError.Kind.PAYLOAD_TOO_LARGE,
          "request body size "
              + req.getBody().size()
              + " exceeds maximum of "
              + MAX_INLINE_BODY
              + " bytes");
      return;
    }
    if (req.getProxyChainDepth() >= MAX_CHAIN_DEPTH) {
      fail(
          session,
          requestId,
          ProxyError.Kind.ACL_DENIED,
          "proxy_chain_depth_exceeded: inbound="
              + req.getProxyChainDepth()
              + " cap="
              + MAX_CHAIN_DEPTH);
      return;
    }
    String target = req.getTargetTopic();
    String[] parts = target.split(Identity.SEP, -1);
    if (parts.length == 2 && parts[0].equals("sv")) {
      Session instance = registry.anyService(parts[1]);
      if (instance == null) {
        fail(
            session,
            requestId,
            ProxyError.Kind.SIDECAR_UNAVAILABLE,
            "no healthy sv" + Identity.SEP + parts[1] + " instances available");
        return;
      }
      target = instance.identity().ownTopic();
    }
    String topicProblem = RoutingComponent.topicProblem(target);
    if (topicProblem != null) {
      fail(session, requestId, ProxyError.Kind.ACL_DENIED, "invalid target topic: " + topicProblem);
      return;
    }
    Identity sender = session.identity();
    @org.jspecify.annotations.Nullable ACLAuthorityGrantInfo onBehalf = null;
    if (req.hasAuthorization()) {
      try {
        onBehalf = authority.authorize(session, req.getAuthorization());
      } catch (GrantStore.GrantException e) {
        fail(session, requestId, ProxyError.Kind.ACL_DENIED, e.getMessage());
        return;
      }
    }
    if (policy.sendDenial(sender, session.workspace(), target) != null) {
      fail(
          session,
          requestId,
          ProxyError.Kind.ACL_DENIED,
          "not authorized to send to topic " + target);
      return;
    }

    String wireId = WIRE_ID_PREFIX + UUID.randomUUID();
    ProxyHttpRequest.Builder out =
        req.toBuilder()
            .setRequestId(wireId)
            .setTargetTopic(target)
            .setProxyChainDepth(req.getProxyChainDepth() + 1)
            .clearHeaders();
    req.getHeadersMap()
        .forEach(
            (k, v) -> {
              String lower = k.toLowerCase(Locale.ROOT);
              if (!lower.startsWith("x-auth-") && !lower.startsWith("x-aether-")) {
                out.putHeaders(k, v);
              }
            });
    mintHeaders(out, sender, session.workspace());
    if (onBehalf != null) {
      mintOnBehalfHeaders(out, onBehalf);
      // the audience need not resolve the grant again
      out.setAuthorization(
          req.getAuthorization().toBuilder()
              .setResolved(
                  ResolvedAuthorityInfo.newBuilder()
                      .setRootSubject(onBehalf.getRootSubject())
                      .setAudienceType(onBehalf.getAudienceType())
                      .setAudienceId(onBehalf.getAudienceId())
                      .setMaxAccessLevel(onBehalf.getMaxAccessLevel())
                      .addAllWorkspaceScope(onBehalf.getWorkspaceScopeList())
                      .setExpiresAtMs(onBehalf.getExpiresAt() * 1000)));
    }

    Pin pin =
        new Pin(
            wireId,
            requestId,
            session,
            sender.topic(),
            target,
            clock.millis() + pinTtl(req.getTimeoutMs()).toMillis());
    pins.put(wireId, pin);
    if (!requestId.isEmpty()) {
      forward.put(pin.forwardKey(), wireId);
    }
    router.publish(
        target, DownstreamMessage.newBuilder().setProxyHttpRequest(out).build(), session);
  }

  /** The trusted headers the real gateway mints for a direct-mode caller. */
  private static void mintHeaders(ProxyHttpRequest.Builder out, Identity sender, String ws) {
    String type = Identity.typeName(sender.type());
    String id = sender.type() == PrincipalType.PRINCIPAL_USER ? sender.id() : sender.topic();
    out.putHeaders("x-aether-actor-topic", sender.topic());
    out.putHeaders("X-Aether-Caller-Topic", sender.topic());
    out.putHeaders("X-Auth-Tenant-ID", ws);
    // no ACL service here: every caller gets READWRITE, what AetherLite's dev mode mints
    out.putHeaders("X-Auth-Workspace-Access", "20");
    out.putHeaders("X-Auth-User-ID", id);
    out.putHeaders("X-Auth-Principal-Type", type);
    out.putHeaders("X-Auth-Actor-Type", type);
    out.putHeaders("X-Auth-Actor-ID", id);
    out.putHeaders("X-Auth-Authority-Mode", "direct");
  }

  /** The real gateway's on-behalf-of header set: the subject as user, the caller as actor. */
  private static void mintOnBehalfHeaders(ProxyHttpRequest.Builder out, ACLAuthorityGrantInfo g) {
    out.putHeaders("X-Auth-User-ID", g.getSubject().getPrincipalId());
    out.putHeaders("X-Auth-Principal-Type", g.getSubject().getPrincipalType());
    out.putHeaders("X-Auth-Workspace-Access", Integer.toString(g.getMaxAccessLevel()));
    out.putHeaders("X-Auth-Authority-Mode", "on_behalf_of");
    out.putHeaders("X-Auth-Grant-ID", g.getGrantId());
    out.putHeaders("X-Auth-Subject-Type", g.getSubject().getPrincipalType());
    out.putHeaders("X-Auth-Subject-ID", g.getSubject().getPrincipalId());
    out.putHeaders("X-Auth-Root-Subject-Type", g.getRootSubject().getPrincipalType());
    out.putHeaders("X-Auth-Root-Subject-ID", g.getRootSubject().getPrincipalId());
    out.putHeaders("X-Auth-Audience-Type", g.getAudienceType());
    out.putHeaders("X-Auth-Audience-ID", g.getAudienceId());
    out.putHeaders("X-Auth-Max-Access-Level", Integer.toString(g.getMaxAccessLevel()));
    if (g.getWorkspaceScopeCount() > 0) {
      out.putHeaders("X-Auth-Workspace-Scope", String.join(",", g.getWorkspaceScopeList()));
    }
  }

  private void chunk(Session session, ProxyHttpBodyChunk chunk) {
    String id = chunk.getRequestId();
    if (id.isEmpty()) {
      return;
    }
    if (chunk.getIsRequest()) {
      String wireId = forward.get(Pin.forwardKey(session.identity().topic(), id));
      Pin pin = wireId == null ? null : live(wireId);
      if (pin == null) {
        fail(session, id, ProxyError.Kind.SIDECAR_UNAVAILABLE, "request pin expired or unknown");
        return;
      }
      refresh(pin, DEFAULT_PIN_TTL);
      router.publish(
          pin.service,
          DownstreamMessage.newBuilder()
              .setProxyHttpBodyChunk(chunk.toBuilder().setRequestId(pin.wireId))
              .build(),
          session);
      return;
    }
    Pin pin = live(id);
    if (pin == null) {
      return; // the caller is gone or already has its fin
    }
    // unpinned before the caller can see its last frame, so anything it sends after it finds no pin
    if (chunk.getFin()) {
      unpin(pin);
    } else {
      refresh(pin, DEFAULT_PIN_TTL);
    }
    deliverToCaller(
        pin,
        DownstreamMessage.newBuilder()
            .setProxyHttpBodyChunk(chunk.toBuilder().setRequestId(pin.originalId))
            .build(),
        session);
  }

  private void response(Session session, ProxyHttpResponse resp) {
    Pin pin = resp.getRequestId().isEmpty() ? null : live(resp.getRequestId());
    if (pin == null) {
      return; // unknown or expired: dropped, as upstream
    }
    if (resp.hasError() || !resp.getBodyChunked()) {
      unpin(pin);
    } else {
      refresh(pin, DEFAULT_PIN_TTL);
    }
    deliverToCaller(
        pin,
        DownstreamMessage.newBuilder()
            .setProxyHttpResponse(resp.toBuilder().setRequestId(pin.originalId))
            .build(),
        session);
  }

  /**
   * Through the caller's identity log, so a caller that reads slowly pauses the serving session
   * (push-back) instead of the log dropping chunks.
   */
  private void deliverToCaller(Pin pin, DownstreamMessage frame, @Nullable Session from) {
    String own = pin.caller.identity().ownTopic();
    if (own.isEmpty()) {
      pin.caller.send(frame);
    } else {
      router.publish(own, frame, from);
    }
  }

  /** Tells the survivor of every request the ended session took part in. */
  private void sessionEnded(Session ended) {
    String topic = ended.identity().topic();
    String own = ended.identity().ownTopic();
    for (Pin pin : pins.values()) {
      if (pin.caller == ended) {
        unpin(pin);
        Session service = liveSession(pin.service);
        if (service != null) {
          service.send(peerEnded(pin.wireId, topic, true));
          service.send(finChunk(pin.wireId, true));
        }
      } else if (!own.isEmpty() && pin.service.equals(own)) {
        unpin(pin);
        deliverToCaller(pin, peerEnded(pin.originalId, topic, false), null);
        deliverToCaller(pin, finChunk(pin.originalId, false), null);
      }
    }
  }

  private @Nullable Session liveSession(String topic) {
    for (Session s : registry.all()) {
      if (!s.isTerminated() && s.identity().ownTopic().equals(topic)) {
        return s;
      }
    }
    return null;
  }

  private static DownstreamMessage peerEnded(String id, String topic, boolean toService) {
    return DownstreamMessage.newBuilder()
        .setProxyHttpResponse(
            ProxyHttpResponse.newBuilder()
                .setRequestId(id)
                .setError(
                    ProxyError.newBuilder()
                        .setKind(ProxyError.Kind.SIDECAR_UNAVAILABLE)
                        .setMessage("peer session ended (" + topic + ")")))
        .build();
  }

  private static DownstreamMessage finChunk(String id, boolean isRequest) {
    return DownstreamMessage.newBuilder()
        .setProxyHttpBodyChunk(
            ProxyHttpBodyChunk.newBuilder().setRequestId(id).setIsRequest(isRequest).setFin(true))
        .build();
  }

  private static void fail(Session session, String requestId, ProxyError.Kind kind, String text) {
    session.send(
        DownstreamMessage.newBuilder()
            .setProxyHttpResponse(
                ProxyHttpResponse.newBuilder()
                    .setRequestId(requestId)
                    .setError(ProxyError.newBuilder().setKind(kind).setMessage(text)))
            .build());
  }

  private @Nullable Pin live(String wireId) {
    Pin pin = pins.get(wireId);
    if (pin != null && pin.expiresAtMillis <= clock.millis()) {
      unpin(pin);
      return null;
    }
    return pin;
  }

  private void refresh(Pin pin, Duration ttl) {
    pin.expiresAtMillis = Math.max(pin.expiresAtMillis, clock.millis() + ttl.toMillis());
  }

  private void unpin(Pin pin) {
    if (pins.remove(pin.wireId, pin) && !pin.originalId.isEmpty()) {
      forward.remove(pin.forwardKey(), pin.wireId);
    }
  }

  private void sweep() {
    long now = clock.millis();
    for (Pin pin : pins.values()) {
      if (pin.expiresAtMillis <= now) {
        unpin(pin);
      }
    }
  }

  static Duration pinTtl(long timeoutMs) {
    return timeoutMs <= 0 ? DEFAULT_PIN_TTL : Duration.ofMillis(timeoutMs).plus(PIN_SLACK);
  }
}
