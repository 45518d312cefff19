/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ProgressReport;
import io.github.aetherjava.proto.v1.ProgressUpdate;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Clock;

/**
 * {@code ProgressReport} → {@code ProgressUpdate} on the progress lanes ({@code pg::{ws}}, or
 * {@code pg::us::{user}} when addressed to a user), with the real gateway's per-subscriber filter:
 * no self-echo, and a non-empty recipient only reaches that topic (a bare {@code us::{user}}
 * reaches every window of the user).
 */
final class ProgressComponent implements Dispatcher.Component {

  private final Router router;
  private final Clock clock;

  ProgressComponent(Router router, Clock clock) {
    this.router = router;
    this.clock = clock;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.PROGRESS, (s, f) -> report(s, f.getProgress()));
  }

  private void report(Session session, ProgressReport report) {
    Identity sender = session.identity();
    switch (sender.type()) {
      case PRINCIPAL_AGENT, PRINCIPAL_TASK, PRINCIPAL_SERVICE -> {
        // allowed
      }
      default -> {
        session.send(
            Frames.error(
                "ERR_INVALID_PRINCIPAL", "only agents, tasks, and services can report progress"));
        return;
      }
    }
    Policy.RateLimiter limiter = session.rateLimiter();
    if (limiter != null && !limiter.tryAcquire()) {
      session.send(Frames.error("ERR_RATE_LIMITED", "progress rate limit exceeded", true, 10, ""));
      return;
    }
    String recipient = report.getRecipient();
    String[] parts = recipient.split(Identity.SEP, -1);
    boolean toUser = parts.length >= 2 && parts[0].equals("us");
    String lane =
        toUser
            ? "pg" + Identity.SEP + "us" + Identity.SEP + parts[1]
            : "pg" + Identity.SEP + session.workspace();
    String source = sender.topic();
    DownstreamMessage frame =
        DownstreamMessage.newBuilder()
            .setProgressUpdate(
                ProgressUpdate.newBuilder()
                    .setSource(source)
                    .setTaskId(report.getTaskId())
                    .setState(report.getState())
                    .setCompletion(report.getCompletion())
                    .setSummary(report.getSummary())
                    .setStep(report.getStep())
                    .setTimestampMs(clock.millis())
                    .setWorkspace(session.workspace())
                    .setRequestId(report.getRequestId())
                    .putAllMetadata(report.getMetadataMap())
                    .setRecipient(recipient)
                    .setKind(report.getKind()))
            .build();
    boolean bareUser = toUser && parts.length == 2;
    router.publishLane(
        lane,
        frame,
        s -> {
          String topic = s.identity().topic();
          if (topic.equals(source)) {
            return false;
          }
          if (recipient.isEmpty() || recipient.equals(topic)) {
            return true;
          }
          return bareUser && topic.startsWith(recipient + Identity.SEP);
        });
  }
}
