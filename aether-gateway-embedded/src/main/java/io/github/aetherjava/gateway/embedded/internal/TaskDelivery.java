/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.TaskAssignment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Hands tasks to workers: a targeted task to its agent, a pool task to exactly one worker (the less
 * busy of two randomly picked agents of the implementation in the task's workspace, else a service
 * of that implementation), and what waited for an agent when it connects. Every hand-over is an
 * atomic claim in the {@link TaskStore}, so a task is assigned once however many workers race for
 * it.
 */
final class TaskDelivery {

  private final TaskStore store;
  private final TaskNotifier notifier;
  private final SessionRegistry sessions;
  private final Clock clock;

  TaskDelivery(TaskStore store, TaskNotifier notifier, SessionRegistry sessions, Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Sends the assignment of task {@code taskId} to {@code worker}. */
  void send(Session worker, String taskId, Map<String, String> launchParams) {
    TaskAssignment a =
        store.read(
            taskId,
            row -> {
              TaskAssignment.Builder b =
                  TaskAssignment.newBuilder()
                      .setTaskId(row.id)
                      .setTaskType(row.type)
                      .setTaskClass(row.taskClass)
                      .setAssignedTo(worker.identity().key())
                      .putAllMetadata(row.metadata)
                      .setAssignedAt(clock.instant().getEpochSecond())
                      .setPayload(row.payload);
              if (!row.profile.isEmpty()) {
                b.setProfile(row.profile)
                    .setTargetImplementation(row.targetImplementation)
                    .setWorkspace(row.workspace)
                    .setSpecifier(row.specifier)
                    .putAllLaunchParams(row.launchParams)
                    .putAllLaunchParams(launchParams);
              }
              if (row.waitSpec != null && row.waitSpec.hasHibernation()) {
                b.setCheckpointKey(row.waitSpec.getHibernation().getCheckpointKey())
                    .setResumeSessionId(row.waitSpec.getHibernation().getResumeSessionId());
              }
              return b.build();
            });
    if (a != null) {
      worker.send(DownstreamMessage.newBuilder().setTaskAssignment(a).build());
    }
  }

  /**
   * Assigns the matching task to {@code worker} if it is still unclaimed, tells the creator and
   * sends the assignment; false if someone else got it first.
   */
  boolean assign(Session worker, Predicate<TaskStore.Task> unclaimed) {
    TaskStore.Change c = store.assignFirst(unclaimed, worker.identity().key());
    if (c == null) {
      return false;
    }
    notifier.changed(c);
    send(worker, c.task().getTaskId(), Map.of());
    return true;
  }

  /** Offers a pending pool task to one online worker; false if none took it. */
  boolean offerPool(String taskId, String workspace, String implementation) {
    Session worker = leastBusy(poolWorkers(workspace, implementation));
    return worker != null
        && assign(worker, t -> t.id.equals(taskId) && t.pool && t.state == TaskState.PENDING);
  }

  /** Hands a newly connected agent the targeted tasks queued for it and pending pool tasks. */
  void onAgentConnected(Session agent) {
    String key = agent.identity().key();
    while (assign(agent, t -> t.state == TaskState.PENDING && t.queuedFor.equals(key))) {
      // one task per claim, oldest first
    }
    String ws = agent.identity().workspace();
    String impl = agent.identity().implementation();
    while (assign(
        agent,
        t ->
            t.pool
                && t.state == TaskState.PENDING
                && t.workspace.equals(ws)
                && t.targetImplementation.equals(impl))) {
      // every waiting pool task of this implementation
    }
  }

  private List<Session> poolWorkers(String workspace, String implementation) {
    List<Session> agents = new ArrayList<>();
    List<Session> services = new ArrayList<>();
    for (Session s : sessions.all()) {
      Identity id = s.identity();
      // a worker still in its handshake picks pending tasks up when it is connected
      if (!s.isStarted() || s.isTerminated() || !id.implementation().equals(implementation)) {
        continue;
      }
      if (id.type() == PrincipalType.PRINCIPAL_AGENT && id.workspace().equals(workspace)) {
        agents.add(s);
      } else if (id.type() == PrincipalType.PRINCIPAL_SERVICE) {
        services.add(s);
      }
    }
    return agents.isEmpty() ? services : agents;
  }

  /** Power of two choices: the less busy of two random candidates spreads work evenly. */
  private @Nullable Session leastBusy(List<Session> candidates) {
    if (candidates.isEmpty()) {
      return null;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Session a = candidates.get(random.nextInt(candidates.size()));
    Session b = candidates.get(random.nextInt(candidates.size()));
    return load(b) < load(a) ? b : a;
  }

  private int load(Session worker) {
    return store.activeFor(worker.identity().key());
  }
}
