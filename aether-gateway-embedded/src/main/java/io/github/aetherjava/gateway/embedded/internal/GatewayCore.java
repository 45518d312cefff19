/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.Signal;
import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Wires the gateway's parts together; the public {@code EmbeddedAetherGateway} adds the transports.
 */
public final class GatewayCore implements AutoCloseable {

  private final GatewaySettings settings;
  private final SessionRegistry registry = new SessionRegistry();
  private final Router router;
  private final Policy policy;
  private final Dispatcher dispatcher = new Dispatcher();
  private final GatewayService service;
  private final ScheduledExecutorService scheduler;
  private final MessageJournal journal;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final TokenStore tokens;
  private final AgentRegistry agentRegistry;
  private volatile boolean closing;

  /** Status of streams ended (or refused) because the gateway is shutting down. */
  static final Status SHUTTING_DOWN = Status.UNAVAILABLE.withDescription("server shutting down");

  public GatewayCore(GatewaySettings settings) {
    this.settings = settings;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "aether-embedded-gateway-timer");
              t.setDaemon(true);
              return t;
            });
    Path dir = settings.dataDirectory();
    this.journal =
        dir == null ? MessageJournal.none() : new FileMessageJournal(dir.resolve("messages.log"));
    this.router =
        new Router(
            settings.offlineQueueCapacity(),
            settings.offlineQueueMaxBytes(),
            settings.senderPushbackThreshold(),
            journal);
    this.policy = new Policy(settings.policyMode(), settings.clock());
    this.tokens = new TokenStore(settings.clock());
    this.agentRegistry = new AgentRegistry(settings.clock());
    RoutingComponent routing = new RoutingComponent(router, registry, policy);
    routing.register(dispatcher);

    KvStore kvStore = dir == null ? KvStore.inMemory() : KvStore.file(dir.resolve("kv.log"));
    closeables.add(kvStore);
    KvComponent kv = new KvComponent(kvStore, policy, settings.clock());
    kv.register(dispatcher);

    CheckpointStore checkpoints =
        CheckpointStore.over(
            dir == null ? KvStore.inMemory() : KvStore.file(dir.resolve("checkpoints.log")));
    closeables.add(checkpoints);
    new CheckpointComponent(checkpoints, settings.clock(), settings.checkpointDefaultTtl())
        .register(dispatcher);
    new ProgressComponent(router, settings.clock()).register(dispatcher);
    AdminGate adminGate = new AdminGate(policy, new AclRules(settings.clock()));
    new ConnectionStatusComponent(registry, adminGate).register(dispatcher);
    new WorkflowRelayComponent(registry, scheduler).register(dispatcher);
    new AclComponent(adminGate).register(dispatcher);
    new TokenComponent(tokens, adminGate).register(dispatcher);
    new WorkspaceComponent(registry, adminGate, settings.clock()).register(dispatcher);
    new AgentRegistryComponent(agentRegistry, registry, adminGate).register(dispatcher);
    new SessionAdminComponent(registry, adminGate, settings.clock()).register(dispatcher);
    new AuditComponent(new AuditLog(settings.clock()), adminGate, settings.clock())
        .register(dispatcher);

    this.service =
        new GatewayService(
            settings,
            registry,
            router,
            routing,
            dispatcher,
            scheduler,
            kv::snapshot,
            policy,
            this::closing,
            tokens::authenticate);
  }

  /** The Connect service. */
  public BindableService service() {
    return service;
  }

  /** Interceptor every transport must install in front of {@link #service()}. */
  public ServerInterceptor interceptor() {
    return GatewayService.extensionsHeaderInterceptor();
  }

  public SessionRegistry registry() {
    return registry;
  }

  /** The agent registry (admin operations and lazy start share it). */
  public AgentRegistry agentRegistry() {
    return agentRegistry;
  }

  public Router router() {
    return router;
  }

  public GatewaySettings settings() {
    return settings;
  }

  /** Kicks a session like the real admin API: FORCE_DISCONNECT, then the stream ends. */
  public boolean disconnect(String sessionId) {
    Session s = registry.bySessionId(sessionId);
    if (s == null || s.isTerminated()) {
      return false;
    }
    s.signalAndTerminate(
        Signal.SignalType.FORCE_DISCONNECT,
        "disconnected by administrator",
        Status.CANCELLED.withDescription("session disconnected by administrator"));
    return true;
  }

  /**
   * Starts a graceful shutdown: new handshakes are refused and every session gets
   * GRACEFUL_DISCONNECT but keeps being served, so frames its client already wrote are still
   * processed. Then waits up to {@code drain} for the clients to half-close and ends whatever is
   * left.
   */
  public void shutdownSessions(java.time.Duration drain) {
    closing = true;
    for (Session s : registry.beginShutdown()) {
      s.signal(Signal.SignalType.GRACEFUL_DISCONNECT, "server shutting down");
    }
    try {
      registry.awaitEmpty(drain.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Session s : registry.all()) {
      s.terminate(SHUTTING_DOWN);
    }
  }

  /** True once {@link #shutdownSessions} has begun. */
  public boolean closing() {
    return closing;
  }

  public Map<String, Integer> backlogs() {
    return router.backlogs();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(GatewayCore.class).warn("closing {} failed", c, e);
      }
    }
    journal.close();
  }
}
