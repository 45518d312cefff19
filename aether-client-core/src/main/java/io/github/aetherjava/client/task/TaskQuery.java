/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.github.aetherjava.proto.v1.TaskFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters and paging for {@link TaskOperations#queryTasks}. Without a workspace the gateway lists
 * the caller's workspace (every workspace for a user that has not switched into one). Results come
 * newest change first; pass {@link TaskPage#nextPageToken()} to {@link Builder#pageToken} for the
 * next page.
 *
 * <pre>{@code
 * TaskPage page = tasks.queryTasks(TaskQuery.builder().status(TaskStatus.RUNNING).limit(50).build()).join();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TaskQuery {

  /** Page size the gateway uses when none is given. */
  public static final int DEFAULT_LIMIT = 100;

  /** Largest page the gateway serves. */
  public static final int MAX_LIMIT = 1000;

  private final TaskFilter filter;

  private TaskQuery(TaskFilter filter) {
    this.filter = filter;
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return every task the caller may list (first page)
   */
  public static TaskQuery all() {
    return builder().build();
  }

  /**
   * @return the wire filter
   */
  public TaskFilter toProto() {
    return filter;
  }

  @Override
  public String toString() {
    return "TaskQuery[" + filter.toString().replace('\n', ' ').trim() + "]";
  }

  /** Builder for {@link TaskQuery}. */
  public static final class Builder {
    private final TaskFilter.Builder b = TaskFilter.newBuilder();
    private final List<TaskStatus> statuses = new ArrayList<>();

    private Builder() {}

    /**
     * @param status a status to include (repeatable; none = every status)
     * @return this
     */
    public Builder status(TaskStatus status) {
      statuses.add(Arguments.notNull(status, "status"));
      return this;
    }

    /**
     * @param status a status to leave out (repeatable)
     * @return this
     */
    public Builder excludeStatus(TaskStatus status) {
      b.addExcludeStatuses(Arguments.notNull(status, "status").toProto());
      return this;
    }

    /**
     * @param workspace workspace to list
     * @return this
     */
    public Builder workspace(String workspace) {
      b.setWorkspace(Arguments.notNull(workspace, "workspace"));
      return this;
    }

    /**
     * @param taskType task type
     * @return this
     */
    public Builder taskType(String taskType) {
      b.setTaskType(Arguments.notNull(taskType, "taskType"));
      return this;
    }

    /**
     * @param taskClass task class
     * @return this
     */
    public Builder taskClass(TaskClass taskClass) {
      b.setTaskClass(Arguments.notNull(taskClass, "taskClass").toProto());
      return this;
    }

    /**
     * @param taskClass a class to leave out (repeatable)
     * @return this
     */
    public Builder excludeTaskClass(TaskClass taskClass) {
      b.addExcludeTaskClasses(Arguments.notNull(taskClass, "taskClass").toProto());
      return this;
    }

    /**
     * @param parentTaskId children of this task
     * @param includeDescendants also their descendants
     * @return this
     */
    public Builder parentTaskId(String parentTaskId, boolean includeDescendants) {
      b.setParentTaskId(Arguments.notNull(parentTaskId, "parentTaskId"))
          .setIncludeDescendants(includeDescendants);
      return this;
    }

    /**
     * @param contextId context id
     * @return this
     */
    public Builder contextId(String contextId) {
      b.setContextId(Arguments.notNull(contextId, "contextId"));
      return this;
    }

    /**
     * @param correlationId correlation id
     * @return this
     */
    public Builder correlationId(String correlationId) {
      b.setCorrelationId(Arguments.notNull(correlationId, "correlationId"));
      return this;
    }

    /**
     * @param rootTaskId root of the task tree
     * @return this
     */
    public Builder rootTaskId(String rootTaskId) {
      b.setRootTaskId(Arguments.notNull(rootTaskId, "rootTaskId"));
      return this;
    }

    /**
     * @param creatorIdentity identity that created the tasks
     * @return this
     */
    public Builder creator(String creatorIdentity) {
      b.setCreatorActor(
          PrincipalRef.newBuilder().setPrincipalId(Arguments.notNull(creatorIdentity, "creator")));
      return this;
    }

    /**
     * @param subjectType on-behalf-of subject type
     * @param subjectId subject id
     * @return this
     */
    public Builder subject(String subjectType, String subjectId) {
      b.setSubjectType(Arguments.notNull(subjectType, "subjectType"))
          .setSubjectId(Arguments.notNull(subjectId, "subjectId"));
      return this;
    }

    /**
     * @param authorityMode authority mode
     * @return this
     */
    public Builder authorityMode(String authorityMode) {
      b.setAuthorityMode(Arguments.notNull(authorityMode, "authorityMode"));
      return this;
    }

    /**
     * @param grantId authority grant
     * @return this
     */
    public Builder authorityGrantId(String grantId) {
      b.setAuthorityGrantId(Arguments.notNull(grantId, "authorityGrantId"));
      return this;
    }

    /**
     * @param grantId root authority grant
     * @return this
     */
    public Builder rootAuthorityGrantId(String grantId) {
      b.setRootAuthorityGrantId(Arguments.notNull(grantId, "rootAuthorityGrantId"));
      return this;
    }

    /**
     * @param after only tasks whose status changed after this time
     * @return this
     */
    public Builder statusChangedAfter(Instant after) {
      b.setStatusTimestampAfterUnixMs(Arguments.notNull(after, "after").toEpochMilli());
      return this;
    }

    /**
     * @param priority exactly this priority
     * @return this
     */
    public Builder priority(TaskPriority priority) {
      b.setPriority(Arguments.notNull(priority, "priority").toProto());
      return this;
    }

    /**
     * @param priority at least this priority
     * @return this
     */
    public Builder minPriority(TaskPriority priority) {
      b.setMinPriority(Arguments.notNull(priority, "minPriority").toProto());
      return this;
    }

    /**
     * @param limit page size, 1 to {@value TaskQuery#MAX_LIMIT}
     * @return this
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new InvalidArgumentException(
            "limit must be between 1 and " + MAX_LIMIT + ": " + limit);
      }
      b.setLimit(limit);
      return this;
    }

    /**
     * @param offset rows to skip
     * @return this
     */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new InvalidArgumentException("offset must not be negative: " + offset);
      }
      b.setOffset(offset);
      return this;
    }

    /**
     * @param pageToken {@link TaskPage#nextPageToken()} of the previous page
     * @return this
     */
    public Builder pageToken(String pageToken) {
      b.setPageToken(Arguments.notNull(pageToken, "pageToken"));
      return this;
    }

    /**
     * @return the query
     */
    public TaskQuery build() {
      TaskFilter.Builder copy = b.clone().clearStatuses();
      statuses.forEach(s -> copy.addStatuses(s.toProto()));
      return new TaskQuery(copy.build());
    }
  }
}
