/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.gateway.embedded.StorageStats;
import io.github.aetherjava.proto.v1.Signal;
import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Wires the gateway's parts together; the public {@code EmbeddedAetherGateway} adds the transports.
 */
public final class GatewayCore implements AutoCloseable {

  private final GatewaySettings settings;
  private final SessionRegistry registry = new SessionRegistry();
  private final Router router;
  private final Policy policy;
  private final Dispatcher dispatcher = new Dispatcher();
  private final AgentRegistry agents;
  private final GatewayService service;
  private final ScheduledExecutorService scheduler;
  private final MessageJournal journal;
  private final @Nullable MvFileStore fileStore;
  private final KvStore kvStore;
  private final KvStore checkpointKv;
  private final TokenStore tokens;
  private volatile boolean closing;

  /** How often messages older than the retention age are looked for. */
  static final long RETENTION_SWEEP_MILLIS = 1000;

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
    this.fileStore =
        dir == null
            ? null
            : MvFileStore.open(dir, settings.durability(), settings.commitInterval());
    this.journal = fileStore == null ? MessageJournal.none() : new MvMessageJournal(fileStore);
    long now = settings.clock().millis();
    this.router =
        new Router(
            settings.offlineQueueCapacity(),
            settings.offlineQueueMaxBytes(),
            settings.senderPushbackThreshold(),
            journal,
            new Retention(
                settings.maxStoredTopics(),
                settings.maxStoredBytes(),
                settings.messageRetention().toMillis()),
            settings.clock(),
            settings.policyMode() == PolicyMode.LITE_PARITY,
            settings.maxStoredTopics(),
            settings.maxStoredBytes());
    AclRules acl = new AclRules(settings.clock());
    this.policy =
        new Policy(settings.policyMode(), settings.clock(), settings.rateLimitPerSecond(), acl);
    this.agents = new AgentRegistry(settings.clock());
    this.tokens = new TokenStore(settings.clock());
    AuthorityComponent authority =
        new AuthorityComponent(new GrantStore(settings.clock()), registry, policy, acl);
    authority.register(dispatcher);
    RoutingComponent routing = new RoutingComponent(router, registry, policy, authority);
    routing.register(dispatcher);

    this.kvStore = fileStore == null ? KvStore.inMemory() : new MvKvStore(fileStore, "kv", now);
    KvComponent kv = new KvComponent(kvStore, policy, settings.clock(), authority);
    kv.register(dispatcher);

    this.checkpointKv =
        fileStore == null ? KvStore.inMemory() : new MvKvStore(fileStore, "checkpoints", now);
    CheckpointStore checkpoints = CheckpointStore.over(checkpointKv);
    new CheckpointComponent(checkpoints, settings.clock(), settings.checkpointDefaultTtl())
        .register(dispatcher);
    new ProgressComponent(router, settings.clock()).register(dispatcher);
    AdminGate adminGate = new AdminGate(policy, acl);
    new ConnectionStatusComponent(registry, adminGate).register(dispatcher);
    new WorkflowRelayComponent(registry, scheduler).register(dispatcher);
    new ProxyComponent(router, registry, policy, settings.clock(), scheduler, authority)
        .register(dispatcher);
    new TunnelComponent(router, registry, policy).register(dispatcher);
    Orchestration orchestration =
        TaskComponent.install(
            dispatcher, router, registry, agents, policy, settings.clock(), authority);
    new AuthorityRequestComponent(
            authority.store(), authority, settings.clock(), orchestration.notifier())
        .register(dispatcher);

    new AclComponent(adminGate).register(dispatcher);
    new TokenComponent(tokens, adminGate).register(dispatcher);
    new WorkspaceComponent(registry, adminGate, settings.clock()).register(dispatcher);
    new AgentRegistryComponent(agents, registry, adminGate, orchestration).register(dispatcher);
    new SessionAdminComponent(registry, adminGate, settings.clock()).register(dispatcher);
    new AuditComponent(new AuditLog(settings.clock()), adminGate, settings.clock())
        .register(dispatcher);

    scheduler.scheduleWithFixedDelay(
        this::expireMessages,
        RETENTION_SWEEP_MILLIS,
        RETENTION_SWEEP_MILLIS,
        TimeUnit.MILLISECONDS);
    long sweep = settings.kvSweepInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::sweepKv, sweep, sweep, TimeUnit.MILLISECONDS);

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
            fileStore == null ? s -> {} : fileStore::throttle,
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

  /** The agent registry (implementations that may be started on demand). */
  public AgentRegistry agents() {
    return agents;
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

  /** Most expired KV entries removed per store in one sweep, so a sweep never holds it long. */
  static final int KV_SWEEP_BATCH = 10_000;

  private void sweepKv() {
    try {
      long now = settings.clock().millis();
      kvStore.sweep(now, KV_SWEEP_BATCH);
      checkpointKv.sweep(now, KV_SWEEP_BATCH);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(GatewayCore.class).warn("KV expiry sweep failed", e);
    }
  }

  private void expireMessages() {
    try {
      router.expireOld();
      policy.forgetIdleQuotas();
    } catch (RuntimeException e) {
      // A failing sweep must not cancel the schedule.
      LoggerFactory.getLogger(GatewayCore.class).warn("message retention sweep failed", e);
    }
  }

  /** Message-store, expiry and quota counters. */
  public StorageStats storageStats() {
    Retention r = router.retention();
    return new StorageStats(
        r.topics(),
        r.messages(),
        r.bytes(),
        r.droppedByTopicBound(),
        r.droppedByTotalBound(),
        r.expired(),
        kvStore.swept() + checkpointKv.swept(),
        policy.quotaRejections());
  }

  public Map<String, Integer> backlogs() {
    return router.backlogs();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    kvStore.close();
    checkpointKv.close();
    journal.close();
    if (fileStore != null) {
      fileStore.close();
    }
  }
}
