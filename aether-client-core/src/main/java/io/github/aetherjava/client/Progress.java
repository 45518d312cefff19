/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A progress report. Build with {@link #builder(String)}; completion is 0..1, or -1 (default) for
 * indeterminate. A recipient such as {@code us::alice::tab-1} (or {@code us::alice} for every
 * window) targets one user; empty means everyone on the workspace progress stream.
 *
 * @param taskId task id
 * @param state free-form state, e.g. {@code running}
 * @param completion 0..1, or -1 when indeterminate
 * @param summary summary text
 * @param step current step, or null
 * @param recipient recipient topic ({@code ::} form) or empty
 * @param requestId caller correlation id or empty
 * @param metadata metadata
 * @since 0.1.0
 */
public record Progress(
    String taskId,
    String state,
    double completion,
    String summary,
    @Nullable Step step,
    String recipient,
    String requestId,
    Map<String, String> metadata) {

  /**
   * A step of a multi-step operation.
   *
   * @param name step name
   * @param detail detail
   * @param sequence 1-based step number
   * @param totalSteps number of steps
   * @param stepType free-form type
   */
  public record Step(String name, String detail, int sequence, int totalSteps, String stepType) {}

  /** Copies the metadata. */
  public Progress {
    metadata = Map.copyOf(metadata);
  }

  /**
   * @param taskId task id
   * @return a builder
   */
  public static Builder builder(String taskId) {
    return new Builder(taskId);
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.ProgressReport toProto() {
    io.github.aetherjava.proto.v1.ProgressReport.Builder b =
        io.github.aetherjava.proto.v1.ProgressReport.newBuilder()
            .setTaskId(taskId)
            .setState(state)
            .setCompletion(completion)
            .setSummary(summary)
            .setRecipient(recipient)
            .setRequestId(requestId)
            .putAllMetadata(metadata);
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

  /** Builder for {@link Progress}. */
  public static final class Builder {
    private final String taskId;
    private String state = "";
    private double completion = -1;
    private String summary = "";
    private @Nullable Step step;
    private String recipient = "";
    private String requestId = "";
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(String taskId) {
      this.taskId = Arguments.notNull(taskId, "taskId");
    }

    /**
     * @param state state
     * @return this
     */
    public Builder state(String state) {
      this.state = Arguments.notNull(state, "state");
      return this;
    }

    /**
     * @param completion 0..1, or -1 for indeterminate
     * @return this
     */
    public Builder completion(double completion) {
      if (completion != -1 && !(completion >= 0 && completion <= 1)) {
        throw new InvalidArgumentException("completion must be in [0, 1] or -1");
      }
      this.completion = completion;
      return this;
    }

    /**
     * @param summary summary
     * @return this
     */
    public Builder summary(String summary) {
      this.summary = Arguments.notNull(summary, "summary");
      return this;
    }

    /**
     * @param step step
     * @return this
     */
    public Builder step(Step step) {
      this.step = step;
      return this;
    }

    /**
     * @param recipient recipient topic ({@code us::alice::tab-1}, {@code us::alice}) or empty
     * @return this
     */
    public Builder recipient(String recipient) {
      this.recipient = Arguments.notNull(recipient, "recipient");
      return this;
    }

    /**
     * @param requestId correlation id
     * @return this
     */
    public Builder requestId(String requestId) {
      this.requestId = Arguments.notNull(requestId, "requestId");
      return this;
    }

    /**
     * @param key key
     * @param value value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    /**
     * @return the report
     */
    public Progress build() {
      return new Progress(taskId, state, completion, summary, step, recipient, requestId, metadata);
    }
  }
}
