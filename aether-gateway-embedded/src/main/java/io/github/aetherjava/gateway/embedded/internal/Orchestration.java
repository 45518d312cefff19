/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.TaskClass;
import io.github.aetherjava.proto.v1.TaskInfo;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Lazy start: a message or task for an offline registered agent creates an {@code agent_startup}
 * task, which goes to a connected orchestrator supporting the agent's profile together with a task
 * token. The agent that connects with that token marks the task running; its clean close (EOF)
 * completes it, a drop only stamps the disconnect time.
 */
final class Orchestration implements Dispatcher.Component, Dispatcher.SessionListener {

  static final String STARTUP_TYPE = "agent_startup";

  /** Launch parameter carrying the task token the launched agent connects with. */
  static final String AUTH_TOKEN_PARAM = "auth_token";

  /** Credential key a token-authenticated worker presents. */
  static final String TOKEN_CREDENTIAL = "token";

  private static final String DEFAULT_SPECIFIER = "default";

  /** A task token: who may connect with it, for which task. */
  private record Grant(String identity, String taskId) {}

  private final TaskStore store;
  private final TaskNotifier notifier;
  private final TaskDelivery delivery;
  private final SessionRegistry sessions;
  private final AgentRegistry agents;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, List<String>> orchestratorProfiles = new ConcurrentHashMap<>();
  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> boundTasks = new ConcurrentHashMap<>();

  Orchestration(
      TaskStore store,
      TaskNotifier notifier,
      TaskDelivery delivery,
      SessionRegistry sessions,
      AgentRegistry agents,
      Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.delivery = delivery;
    this.sessions = sessions;
    this.agents = agents;
    this.clock = clock;
  }

  /** Task events to subscribers (authority requests relay theirs through it). */
  TaskNotifier notifier() {
    return notifier;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.observe(UpstreamMessage.PayloadCase.SEND, (s, f) -> sent(s, f.getSend()));
    dispatcher.addSessionListener(this);
  }

  /** Mints a task token for {@code identity} bound to {@code taskId}. */
  String mintToken(String identity, String taskId) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = "att_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new Grant(identity, taskId));
    return token;
  }

  /** The task a token-authenticated session works on, or null. */
  @Nullable String boundTask(Session session) {
    return boundTasks.get(session.id());
  }

  /** Forgets every token of a task (it finished). */
  void revokeTokens(String taskId) {
    tokens.values().removeIf(g -> g.taskId().equals(taskId));
  }

  /** True if {@code implementation} is in the agent registry. */
  boolean isRegistered(String implementation) {
    return agents.get(implementation).isPresent();
  }

  /**
   * Starts the agent {@code ag::{ws}::{impl}::{spec}} unless a startup task for it is active;
   * returns false if the implementation is not registered.
   */
  boolean trigger(
      String workspace,
      String implementation,
      String specifier,
      String targetTopic,
      String creator,
      Map<String, String> overrides) {
    AgentRegistrationInfo reg = agents.get(implementation).orElse(null);
    if (reg == null) {
      return false;
    }
    String spec = specifier;
    if (spec.isEmpty()) {
      spec = overrides.getOrDefault("specifier", reg.getLaunchParamsOrDefault("specifier", ""));
    }
    if (spec.isEmpty()) {
      spec = DEFAULT_SPECIFIER;
    }
    String s = spec;
    TaskStore.Task startup;
    synchronized (store) {
      boolean active =
          !store
              .find(
                  t ->
                      t.type.equals(STARTUP_TYPE)
                          && !t.state.isFinished()
                          && t.workspace.equals(workspace)
                          && t.targetImplementation.equals(implementation)
                          && t.specifier.equals(s))
              .isEmpty();
      if (active) {
        return true;
      }
      startup = store.newTask(STARTUP_TYPE, workspace, creator);
      Map<String, String> params = new LinkedHashMap<>(reg.getLaunchParamsMap());
      params.putAll(overrides);
      startup.launchParams = Map.copyOf(params);
      startup.profile = params.getOrDefault(AgentRegistry.PROFILE_PARAM, "");
      startup.targetImplementation = implementation;
      startup.specifier = s;
      startup.targetTopic = targetTopic;
      startup.taskClass = TaskClass.TASK_CLASS_INTERACTIVE;
      startup.metadata.put("trigger", "message_routing");
      startup.metadata.put("target_topic", targetTopic);
      startup.metadata.put("trigger_timestamp_ms", Long.toString(clock.millis()));
      store.add(startup);
    }
    dispatchStartups();
    return true;
  }

  /**
   * An administrator's {@code LAUNCH} of {@code ag::{ws}::{impl}::{spec}}: the id of its active
   * startup task, created now unless one is already running; null if the implementation is not
   * registered.
   */
  @Nullable String launch(
      String workspace, String implementation, String specifier, String creator) {
    String topic = String.join(Identity.SEP, "ag", workspace, implementation, specifier);
    if (!trigger(workspace, implementation, specifier, topic, creator, Map.of())) {
      return null;
    }
    return store
        .find(
            r ->
                r.type.equals(STARTUP_TYPE)
                    && !r.state.isFinished()
                    && r.workspace.equals(workspace)
                    && r.targetImplementation.equals(implementation)
                    && r.specifier.equals(specifier))
        .stream()
        .findFirst()
        .map(TaskInfo::getTaskId)
        .orElse(null);
  }

  /** Sends every unassigned startup task to a connected orchestrator serving its profile. */
  private void dispatchStartups() {
    for (var t : store.find(r -> r.type.equals(STARTUP_TYPE) && r.state == TaskState.PENDING)) {
      String profile = store.read(t.getTaskId(), r -> r.profile);
      Session orchestrator = orchestratorFor(profile == null ? "" : profile);
      if (orchestrator == null) {
        continue;
      }
      TaskStore.Change c =
          store.assignFirst(
              r -> r.id.equals(t.getTaskId()) && r.state == TaskState.PENDING,
              orchestrator.identity().key());
      if (c == null) {
        continue;
      }
      notifier.changed(c);
      String agent =
          store.read(
              t.getTaskId(),
              r ->
                  "ag"
                      + Identity.SEP
                      + r.workspace
                      + Identity.SEP
                      + r.targetImplementation
                      + Identity.SEP
                      + r.specifier);
      String token = mintToken(agent == null ? "" : agent, t.getTaskId());
      delivery.send(orchestrator, t.getTaskId(), Map.of(AUTH_TOKEN_PARAM, token));
    }
  }

  private @Nullable Session orchestratorFor(String profile) {
    for (Map.Entry<String, List<String>> e : orchestratorProfiles.entrySet()) {
      if (e.getValue().contains(profile)) {
        Session s = sessions.byIdentity(e.getKey());
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  /** A send to an offline {@code ag::}/{@code tu::} target starts its agent. */
  private void sent(Session sender, SendMessage msg) {
    String topic = msg.getTargetTopic();
    String[] parts = topic.split(Identity.SEP, -1);
    if (parts.length != 4 || !(parts[0].equals("ag") || parts[0].equals("tu"))) {
      return;
    }
    if (!Policy.matrixAllows(sender.identity().type(), topic)
        || sessions.byIdentity(topic) != null) {
      return;
    }
    trigger(parts[1], parts[2], parts[3], topic, sender.identity().key(), Map.of());
  }

  @Override
  public void connected(Session session, InitConnection init) {
    Identity id = session.identity();
    String token = init.getCredentialsMap().getOrDefault(TOKEN_CREDENTIAL, "");
    Grant grant = token.isEmpty() ? null : tokens.get(token);
    String taskId = grant != null && grant.identity().equals(id.key()) ? grant.taskId() : null;
    if (taskId == null && id.type() == PrincipalType.PRINCIPAL_AGENT) {
      // like the real gateway: an agent that connects without the token still takes over the
      // startup task launched for it
      taskId = pendingStartupFor(id);
    }
    if (taskId != null) {
      boundTasks.put(session.id(), taskId);
      TaskStore.Change c = store.moveIfOpen(taskId, TaskState.RUNNING, "worker connected");
      if (c != null) {
        notifier.changed(c);
      }
    }
    if (id.type() == PrincipalType.PRINCIPAL_ORCHESTRATOR) {
      orchestratorProfiles.put(
          id.key(), List.copyOf(init.getOrchestrator().getSupportedProfilesList()));
      dispatchStartups();
    } else if (id.type() == PrincipalType.PRINCIPAL_AGENT) {
      delivery.onAgentConnected(session);
    }
  }

  private @Nullable String pendingStartupFor(Identity agent) {
    return store
        .find(
            t ->
                t.type.equals(STARTUP_TYPE)
                    && !t.state.isFinished()
                    && t.state != TaskState.RUNNING
                    && t.workspace.equals(agent.workspace())
                    && t.targetImplementation.equals(agent.implementation())
                    && t.specifier.equals(agent.specifier()))
        .stream()
        .map(io.github.aetherjava.proto.v1.TaskInfo::getTaskId)
        .findFirst()
        .orElse(null);
  }

  @Override
  public void disconnected(Session session, boolean clientClosedCleanly) {
    Identity id = session.identity();
    if (id.type() == PrincipalType.PRINCIPAL_ORCHESTRATOR) {
      orchestratorProfiles.remove(id.key());
    }
    String taskId = boundTasks.remove(session.id());
    if (taskId == null) {
      return;
    }
    if (clientClosedCleanly) {
      TaskStore.Change c = store.moveIfOpen(taskId, TaskState.COMPLETED, "worker closed");
      if (c != null) {
        notifier.changed(c);
      }
      revokeTokens(taskId);
    } else {
      store.markDisconnected(taskId);
    }
  }
}
