/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A progress update the gateway delivers (republished {@code ProgressReport}s on {@code pg::{ws}}
 * or {@code pg::us::{user}}, and gateway-synthesised task status updates).
 *
 * @param source sender topic (or the gateway id for synthesised task updates)
 * @param taskId task id
 * @param state free-form state
 * @param completion 0..1, or -1 when indeterminate
 * @param summary summary text
 * @param step current step, or null
 * @param timestamp gateway time of the update
 * @param workspace workspace of the progress stream
 * @param requestId correlation id of the report, or empty
 * @param metadata metadata
 * @param recipient recipient topic, or empty for everyone on the stream
 * @param kind wire name of the progress kind, e.g. {@code PROGRESS_KIND_TASK}
 * @since 0.1.0
 */
public record ProgressUpdate(
    String source,
    String taskId,
    String state,
    double completion,
    String summary,
    Progress.@Nullable Step step,
    Instant timestamp,
    String workspace,
    String requestId,
    Map<String, String> metadata,
    String recipient,
    String kind) {

  /** Copies the metadata. */
  public ProgressUpdate {
    metadata = Map.copyOf(metadata);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static ProgressUpdate fromProto(io.github.aetherjava.proto.v1.ProgressUpdate p) {
    Progress.Step step =
        p.hasStep()
            ? new Progress.Step(
                p.getStep().getName(),
                p.getStep().getDetail(),
                p.getStep().getSequence(),
                p.getStep().getTotalSteps(),
                p.getStep().getStepType())
            : null;
    return new ProgressUpdate(
        p.getSource(),
        p.getTaskId(),
        p.getState(),
        p.getCompletion(),
        p.getSummary(),
        step,
        Instant.ofEpochMilli(p.getTimestampMs()),
        p.getWorkspace(),
        p.getRequestId(),
        p.getMetadataMap(),
        p.getRecipient(),
        p.getKind() == io.github.aetherjava.proto.v1.ProgressKind.UNRECOGNIZED
            ? "PROGRESS_KIND_UNSPECIFIED"
            : p.getKind().name());
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.ProgressUpdate toProto() {
    io.github.aetherjava.proto.v1.ProgressUpdate.Builder b =
        io.github.aetherjava.proto.v1.ProgressUpdate.newBuilder()
            .setSource(source)
            .setTaskId(taskId)
            .setState(state)
            .setCompletion(completion)
            .setSummary(summary)
            .setTimestampMs(timestamp.toEpochMilli())
            .setWorkspace(workspace)
            .setRequestId(requestId)
            .putAllMetadata(metadata)
            .setRecipient(recipient)
            .setKind(io.github.aetherjava.proto.v1.ProgressKind.valueOf(kind));
    if (step != null) {
      b.setStep(
          io.github.aetherjava.proto.v1.ProgressStep.newBuilder()
              .setName(step.name())
              .setDetail(step.detail())
              .setSequence(step.sequence())
              .setTotalSteps(step.totalSteps())
              .setStepType(step.stepType()));
    }
    return b.build();
  }
}
