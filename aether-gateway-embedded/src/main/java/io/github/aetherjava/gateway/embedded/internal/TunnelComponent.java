/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.TunnelAck;
import io.github.aetherjava.proto.v1.TunnelClose;
import io.github.aetherjava.proto.v1.TunnelData;
import io.github.aetherjava.proto.v1.TunnelOpen;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Tunnels as the real gateway routes them: a {@code TunnelOpen} is pinned under a gateway wire id
 * and reaches the target as {@code TunnelData} seq 0 carrying the marshalled open; data, acks and
 * closes then travel between the two pinned sessions, each side seeing its own id. The gateway only
 * routes and caps live tunnels per workspace: credits, idle timeouts and the open's {@code
 * max_bytes} are enforced by the two ends (the real gateway's own byte cap defaults to unlimited).
 */
final class TunnelComponent implements Dispatcher.Component {

  /** Live tunnels allowed per workspace, the real gateway's default. */
  static final int MAX_TUNNELS_PER_WORKSPACE = 256;

  private static final String WIRE_ID_PREFIX = ProxyComponent.WIRE_ID_PREFIX;

  /** Routing state of one tunnel, keyed by its wire id. */
  private static final class Pin {
    final String wireId;
    final String originalId;
    final Session caller;
    final String callerTopic;
    final String service;
    final String workspace;

    Pin(
        String wireId,
        String originalId,
        Session caller,
        String callerTopic,
        String service,
        String workspace) {
      this.wireId = wireId;
      this.originalId = originalId;
      this.caller = caller;
      this.callerTopic = callerTopic;
      this.service = service;
      this.workspace = workspace;
    }

    String forwardKey() {
      return forwardKey(callerTopic, originalId);
    }

    static String forwardKey(String callerTopic, String originalId) {
      return callerTopic + "@" + originalId;
    }
  }

  /** A pin seen from the sender of a frame; a stranger is neither of the tunnel's two ends. */
  private record Leg(Pin pin, boolean fromCaller, boolean stranger) {}

  private final Router router;
  private final SessionRegistry registry;
  private final Policy policy;
  private final Map<String, Pin> pins = new ConcurrentHashMap<>();
  private final Map<String, String> forward = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perWorkspace = new ConcurrentHashMap<>();

  TunnelComponent(Router router, SessionRegistry registry, Policy policy) {
    this.router = router;
    this.registry = registry;
    this.policy = policy;
    registry.onRelease(this::sessionEnded);
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.TUNNEL_OPEN, (s, f) -> open(s, f.getTunnelOpen()));
    dispatcher.on(UpstreamMessage.PayloadCase.TUNNEL_DATA, (s, f) -> data(s, f.getTunnelData()));
    dispatcher.on(UpstreamMessage.PayloadCase.TUNNEL_ACK, (s, f) -> ack(s, f.getTunnelAck()));
    dispatcher.on(UpstreamMessage.PayloadCase.TUNNEL_CLOSE, (s, f) -> close(s, f.getTunnelClose()));
  }

  /** Tunnels currently pinned (for tests). */
  int live() {
    return pins.size();
  }

  private void open(Session session, TunnelOpen open) {
    String tunnelId = open.getTunnelId();
    if (tunnelId.isEmpty()) {
      closeTo(session, "", TunnelClose.Reason.ERROR, "tunnel_id is required");
      return;
    }
    String workspace = session.workspace();
    AtomicInteger count = perWorkspace.computeIfAbsent(workspace, k -> new AtomicInteger());
    if (count.get() >= MAX_TUNNELS_PER_WORKSPACE) {
      refuseCap(session, tunnelId);
      return;
    }
    if (open.getProxyChainDepth() >= ProxyComponent.MAX_CHAIN_DEPTH) {
      closeTo(
          session,
          tunnelId,
          TunnelClose.Reason.ERROR,
          "ACL_DENIED: proxy_chain_depth_exceeded: inbound="
              + open.getProxyChainDepth()
              + " cap="
              + ProxyComponent.MAX_CHAIN_DEPTH);
      return;
    }
    String target = open.getTargetTopic();
    String[] parts = target.split(Identity.SEP, -1);
    if (parts.length == 2 && parts[0].equals("sv")) {
      Session instance = registry.anyService(parts[1]);
      if (instance == null) {
        closeTo(
            session,
            tunnelId,
            TunnelClose.Reason.ERROR,
            "SIDECAR_UNAVAILABLE: no healthy sv"
                + Identity.SEP
                + parts[1]
                + " instances available");
        return;
      }
      target = instance.identity().ownTopic();
    }
    String topicProblem = RoutingComponent.topicProblem(target);
    if (topicProblem != null) {
      closeTo(
          session,
          tunnelId,
          TunnelClose.Reason.ERROR,
          "ACL_DENIED: invalid target topic: " + topicProblem);
      return;
    }
    Identity sender = session.identity();
    if (policy.sendDenial(sender, workspace, target) != null) {
      closeTo(
          session,
          tunnelId,
          TunnelClose.Reason.ERROR,
          "ACL_DENIED: not authorized to send to topic " + target);
      return;
    }
    // checked first for upstream's order of refusals; reserved here so racing opens cannot pass it
    if (count.getAndUpdate(n -> n < MAX_TUNNELS_PER_WORKSPACE ? n + 1 : n)
        >= MAX_TUNNELS_PER_WORKSPACE) {
      refuseCap(session, tunnelId);
      return;
    }
    String wireId = WIRE_ID_PREFIX + UUID.randomUUID();
    Pin pin = new Pin(wireId, tunnelId, session, sender.topic(), target, workspace);
    String previous = forward.put(pin.forwardKey(), wireId);
    if (previous != null) {
      // a caller reusing a live id replaces that tunnel, as a re-pin does upstream
      Pin old = pins.get(previous);
      if (old != null) {
        unpin(old);
      }
    }
    pins.put(wireId, pin);
    TunnelOpen routed =
        open.toBuilder()
            .setTunnelId(wireId)
            .setTargetTopic(target)
            .setProxyChainDepth(open.getProxyChainDepth() + 1)
            .build();
    router.publish(
        target,
        DownstreamMessage.newBuilder()
            .setTunnelData(
                TunnelData.newBuilder()
                    .setTunnelId(wireId)
                    .setSeq(0)
                    .setData(routed.toByteString()))
            .build(),
        session);
  }

  private void data(Session session, TunnelData data) {
    String id = data.getTunnelId();
    if (id.isEmpty()) {
      return;
    }
    Leg leg = leg(session, id);
    if (leg == null) {
      closeTo(session, id, TunnelClose.Reason.PEER_RESET, "tunnel pin expired or unknown");
      return;
    }
    if (leg.stranger) {
      return; // a reset to a session that is not an end would surprise an unrelated client
    }
    Pin pin = leg.pin;
    if (!peerConnected(pin, leg.fromCaller)) {
      unpin(pin);
      closeTo(session, id, TunnelClose.Reason.PEER_RESET, "tunnel peer disconnected");
      return;
    }
    forwardTo(
        pin,
        leg.fromCaller,
        session,
        DownstreamMessage.newBuilder()
            .setTunnelData(data.toBuilder().setTunnelId(idFor(pin, leg.fromCaller)))
            .build());
  }

  private void ack(Session session, TunnelAck ack) {
    String id = ack.getTunnelId();
    Leg leg = id.isEmpty() ? null : leg(session, id);
    if (leg == null || leg.stranger) {
      return; // acks are hints: nowhere to land is not worth a reset
    }
    forwardTo(
        leg.pin,
        leg.fromCaller,
        session,
        DownstreamMessage.newBuilder()
            .setTunnelAck(ack.toBuilder().setTunnelId(idFor(leg.pin, leg.fromCaller)))
            .build());
  }

  private void close(Session session, TunnelClose close) {
    String id = close.getTunnelId();
    Leg leg = id.isEmpty() ? null : leg(session, id);
    if (leg == null || leg.stranger) {
      return;
    }
    unpin(leg.pin);
    forwardTo(
        leg.pin,
        leg.fromCaller,
        session,
        DownstreamMessage.newBuilder()
            .setTunnelClose(close.toBuilder().setTunnelId(idFor(leg.pin, leg.fromCaller)))
            .build());
  }

  /** The pin a frame from {@code session} with {@code id} belongs to, or null when none exists. */
  private @Nullable Leg leg(Session session, String id) {
    if (id.startsWith(WIRE_ID_PREFIX)) {
      Pin pin = pins.get(id);
      if (pin == null) {
        return null;
      }
      String own = session.identity().ownTopic();
      return new Leg(pin, false, own.isEmpty() || !own.equals(pin.service));
    }
    String wireId = forward.get(Pin.forwardKey(session.identity().topic(), id));
    Pin pin = wireId == null ? null : pins.get(wireId);
    return pin == null ? null : new Leg(pin, true, false);
  }

  private static String idFor(Pin pin, boolean fromCaller) {
    return fromCaller ? pin.wireId : pin.originalId;
  }

  private boolean peerConnected(Pin pin, boolean fromCaller) {
    if (fromCaller) {
      return liveSession(pin.service) != null;
    }
    return !pin.caller.isTerminated();
  }

  private void forwardTo(Pin pin, boolean fromCaller, Session sender, DownstreamMessage frame) {
    if (fromCaller) {
      router.publish(pin.service, frame, sender);
      return;
    }
    String own = pin.caller.identity().ownTopic();
    if (own.isEmpty()) {
      pin.caller.send(frame);
    } else {
      router.publish(own, frame, sender);
    }
  }

  /** Resets, towards the survivor, every tunnel the ended session was an end of. */
  private void sessionEnded(Session ended) {
    String own = ended.identity().ownTopic();
    for (Pin pin : pins.values()) {
      if (pin.caller == ended) {
        unpin(pin);
        Session service = liveSession(pin.service);
        if (service != null) {
          service.send(closeFrame(pin.wireId, "tunnel peer disconnected"));
        }
      } else if (!own.isEmpty() && pin.service.equals(own)) {
        unpin(pin);
        if (!pin.caller.isTerminated()) {
          pin.caller.send(closeFrame(pin.originalId, "tunnel peer disconnected"));
        }
      }
    }
  }

  private static DownstreamMessage closeFrame(String id, String detail) {
    return DownstreamMessage.newBuilder()
        .setTunnelClose(
            TunnelClose.newBuilder()
                .setTunnelId(id)
                .setReason(TunnelClose.Reason.PEER_RESET)
                .setDetail(detail))
        .build();
  }

  private @Nullable Session liveSession(String topic) {
    for (Session s : registry.all()) {
      if (!s.isTerminated() && s.identity().ownTopic().equals(topic)) {
        return s;
      }
    }
    return null;
  }

  private static void refuseCap(Session session, String tunnelId) {
    closeTo(
        session,
        tunnelId,
        TunnelClose.Reason.QUOTA,
        "workspace tunnel cap " + MAX_TUNNELS_PER_WORKSPACE + " reached");
  }

  private static void closeTo(
      Session session, String id, TunnelClose.Reason reason, String detail) {
    session.send(
        DownstreamMessage.newBuilder()
            .setTunnelClose(
                TunnelClose.newBuilder().setTunnelId(id).setReason(reason).setDetail(detail))
            .build());
  }

  private void unpin(Pin pin) {
    if (pins.remove(pin.wireId, pin)) {
      forward.remove(pin.forwardKey(), pin.wireId);
      AtomicInteger count = perWorkspace.get(pin.workspace);
      if (count != null) {
        count.decrementAndGet();
      }
    }
  }
}
