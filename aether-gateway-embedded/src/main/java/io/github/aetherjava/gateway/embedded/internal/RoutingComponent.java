/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.IncomingMessage;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.Metric;
import io.github.aetherjava.proto.v1.MetricEntry;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code SendMessage} (the real gateway's routing pipeline, in its order) and {@code
 * SwitchWorkspace}.
 */
final class RoutingComponent implements Dispatcher.Component {

  static final int MAX_PAYLOAD = 1024 * 1024;
  private static final int MAX_METRIC_ENTRIES = 1024;
  private static final int MAX_METRIC_METADATA = 64;
  private static final Set<String> PREFIXES =
      Set.of(
          "ag", "tu", "ta", "tb", "us", "uw", "uu", "ga", "gu", "pg", "tk", "event", "metric", "br",
          "sv");

  private final Router router;
  private final SessionRegistry registry;
  private final Policy policy;
  private final AuthorityComponent authority;

  RoutingComponent(
      Router router, SessionRegistry registry, Policy policy, AuthorityComponent authority) {
    this.router = router;
    this.registry = registry;
    this.policy = policy;
    this.authority = authority;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.SEND, (s, f) -> send(s, f.getSend()));
    dispatcher.on(
        UpstreamMessage.PayloadCase.SWITCH_WORKSPACE,
        (s, f) -> switchWorkspace(s, f.getSwitchWorkspace().getNewWorkspaceId()));
  }

  /**
   * Subscriptions every principal gets at connect (identity topic first is attached by the caller).
   */
  void subscribeAtConnect(Session session) {
    Identity id = session.identity();
    switch (id.type()) {
      case PRINCIPAL_AGENT -> {
        router.subscribe(session, "ga" + Identity.SEP + id.workspace());
        router.subscribe(session, "pg" + Identity.SEP + id.workspace());
      }
      case PRINCIPAL_TASK -> {
        if (id.isNonUniqueTask()) {
          router.subscribe(
              session, "tb" + Identity.SEP + id.workspace() + Identity.SEP + id.implementation());
        }
      }
      case PRINCIPAL_USER -> {
        router.subscribe(session, "pg" + Identity.SEP + "us" + Identity.SEP + id.id());
        router.subscribe(session, "uu" + Identity.SEP + id.id());
      }
      default -> {
        // Orchestrators, WFE, metrics bridge, bridges and services only consume their identity
        // topic.
      }
    }
    if (!id.ownTopic().isEmpty()) {
      router.attachDurable(session, id.ownTopic());
    }
  }

  private void switchWorkspace(Session session, String ws) {
    Identity id = session.identity();
    if (id.type() != PrincipalType.PRINCIPAL_USER) {
      session.send(Frames.error("ERR_INVALID_PRINCIPAL", "only users can switch workspaces"));
      return;
    }
    String old = session.workspace();
    if (old.equals(ws)) {
      return;
    }
    if (!old.isEmpty()) {
      router.unsubscribe(session, "gu" + Identity.SEP + old);
      router.unsubscribe(session, "uw" + Identity.SEP + id.id() + Identity.SEP + old);
      router.unsubscribe(session, "pg" + Identity.SEP + old);
    }
    session.workspace(ws);
    if (!ws.isEmpty()) {
      router.subscribe(session, "gu" + Identity.SEP + ws);
      router.subscribe(session, "uw" + Identity.SEP + id.id() + Identity.SEP + ws);
      router.subscribe(session, "pg" + Identity.SEP + ws);
    }
  }

  private void send(Session session, SendMessage msg) {
    Identity sender = session.identity();
    String senderWs = session.workspace();
    String topic = msg.getTargetTopic();

    String topicProblem = topicProblem(topic);
    if (topicProblem != null) {
      session.send(Frames.error("ERR_INVALID_TOPIC", "invalid target topic: " + topicProblem));
      return;
    }

    // event::/metric:: fan-in rewrite; the rest of the pipeline (and its error texts) sees the
    // rewritten topic.
    String declaredWs = "";
    String prefix = Policy.prefix(topic);
    if ((prefix.equals("event") || prefix.equals("metric")) && !Router.isReceiverTopic(topic)) {
      String rest = topic.substring(prefix.length() + Identity.SEP.length());
      declaredWs = rest.equals("*") || rest.isEmpty() ? senderWs : rest;
      topic = prefix + Identity.SEP + "receiver0";
    }
    String appWs = msg.getAppWorkspace().isEmpty() ? declaredWs : msg.getAppWorkspace();

    if (prefix.equals("sv")) {
      String[] parts = topic.split(Identity.SEP, -1);
      if (parts.length == 2) {
        Session target = registry.anyService(parts[1]);
        if (target == null) {
          session.send(
              Frames.error(
                  "ERR_SV_UNAVAILABLE",
                  "no healthy " + topic + " instances available",
                  true,
                  0,
                  ""));
          return;
        }
        topic = target.identity().ownTopic();
      }
    }

    if (msg.getPayload().size() > MAX_PAYLOAD) {
      session.send(
          Frames.error(
              "ERR_PAYLOAD_TOO_LARGE",
              "message payload size "
                  + msg.getPayload().size()
                  + " exceeds maximum of "
                  + MAX_PAYLOAD
                  + " bytes"));
      return;
    }

    Policy.RateLimiter limiter = session.rateLimiter();
    if (limiter != null && !limiter.tryAcquire()) {
      session.send(Frames.error("ERR_RATE_LIMITED", "message rate limit exceeded", true, 10, ""));
      return;
    }

    if (!policy.withinMessageQuota(senderWs, sender.key())) {
      policy.quotaRejected();
      session.send(
          Frames.error(
              "ERR_QUOTA_001",
              "quota exceeded for message_rate in workspace '"
                  + senderWs
                  + "' (identity: "
                  + sender.key()
                  + "): current "
                  + (Policy.MESSAGE_QUOTA + 1)
                  + ", limit "
                  + Policy.MESSAGE_QUOTA,
              true,
              Policy.QUOTA_WINDOW_MILLIS,
              ""));
      return;
    }

    String denied = "not authorized to send to topic " + topic;
    if (prefix.equals("event") || prefix.equals("metric")) {
      String broadcastDenial =
          policy.crossWorkspaceBroadcastDenial(sender, senderWs, declaredWs, topic);
      if (broadcastDenial != null) {
        session.send(Frames.error("ERR_PERMISSION_DENIED", broadcastDenial));
        return;
      }
    }
    if (!Policy.matrixAllows(sender.type(), topic)) {
      session.send(Frames.error("ERR_PERMISSION_DENIED", denied));
      return;
    }

    boolean negativeMetric = false;
    if (msg.getMessageType() == MessageType.METRIC) {
      Metric metric;
      try {
        metric = Metric.parseFrom(msg.getPayload());
      } catch (InvalidProtocolBufferException e) {
        session.send(
            Frames.error(
                "ERR_METRIC_INVALID",
                "metric payload is not a valid Metric proto: " + e.getMessage()));
        return;
      }
      String problem = metricProblem(metric);
      if (problem != null) {
        int colon = problem.indexOf('|');
        session.send(Frames.error(problem.substring(0, colon), problem.substring(colon + 1)));
        return;
      }
      negativeMetric = metric.getEntriesList().stream().anyMatch(e -> e.getQty() < 0);
    }

    @org.jspecify.annotations.Nullable ACLAuthorityGrantInfo onBehalf = null;
    if (msg.hasAuthorization()) {
      try {
        onBehalf = authority.authorize(session, msg.getAuthorization());
      } catch (GrantStore.GrantException e) {
        // the real gateway hides the reason from the sender
        session.send(
            Frames.error("ERR_PERMISSION_DENIED", "not authorized to send to topic " + topic));
        return;
      }
    }

    if (policy.sendDenial(sender, senderWs, topic) != null) {
      session.send(Frames.error("ERR_PERMISSION_DENIED", denied));
      return;
    }

    if (negativeMetric && !policy.allowsNegativeMetric(sender)) {
      session.send(
          Frames.error(
              "ERR_METRIC_NEGATIVE_FORBIDDEN",
              "negative metric deltas require additional authorization"));
      return;
    }

    String effectiveWs = !appWs.isEmpty() ? appWs : senderWs;
    IncomingMessage.Builder incoming =
        IncomingMessage.newBuilder()
            .setSourceTopic(sender.topic())
            .setPayload(msg.getPayload())
            .setMessageType(msg.getMessageType())
            .setWorkspace(effectiveWs);
    if (onBehalf != null) {
      // gateway-set, so a receiver can trust whom the message was sent for
      incoming.setOnBehalfSubject(onBehalf.getSubject());
    }
    DownstreamMessage frame = DownstreamMessage.newBuilder().setMsg(incoming).build();
    router.publish(topic, frame, session);
  }

  static @org.jspecify.annotations.Nullable String topicProblem(String topic) {
    int len = topic.getBytes(StandardCharsets.UTF_8).length;
    if (len == 0 || len > 256) {
      return "topic length must be 1-256 characters";
    }
    int sep = topic.indexOf(Identity.SEP);
    if (sep <= 0 || !PREFIXES.contains(topic.substring(0, sep))) {
      return "invalid topic prefix";
    }
    return null;
  }

  /** "CODE|message" for an invalid metric, or null. */
  private static @org.jspecify.annotations.Nullable String metricProblem(Metric m) {
    if (m.getEntriesCount() == 0) {
      return "ERR_METRIC_EMPTY|metric must include at least one entry";
    }
    if (m.getEntriesCount() > MAX_METRIC_ENTRIES) {
      return "ERR_METRIC_EMPTY|metric exceeds maximum of " + MAX_METRIC_ENTRIES + " entries";
    }
    if (m.getMetadataCount() > MAX_METRIC_METADATA) {
      return "ERR_METRIC_INVALID|metric metadata exceeds maximum of "
          + MAX_METRIC_METADATA
          + " keys";
    }
    for (int i = 0; i < m.getEntriesCount(); i++) {
      MetricEntry e = m.getEntries(i);
      if (e.getName().isEmpty()) {
        return "ERR_METRIC_INVALID_ENTRY|metric entry " + i + " has empty name";
      }
      if (!Double.isFinite(e.getQty())) {
        return "ERR_METRIC_INVALID_ENTRY|metric entry "
            + i
            + " ("
            + GoQuote.quote(e.getName())
            + ") has non-finite qty";
      }
    }
    return null;
  }
}
