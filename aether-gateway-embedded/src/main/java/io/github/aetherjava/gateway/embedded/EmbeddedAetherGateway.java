/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import io.github.aetherjava.gateway.embedded.internal.AgentRegistry;
import io.github.aetherjava.gateway.embedded.internal.GatewayCore;
import io.github.aetherjava.gateway.embedded.internal.GatewaySettings;
import io.github.aetherjava.gateway.embedded.internal.Policy;
import io.github.aetherjava.gateway.embedded.internal.Session;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Aether gateway running inside this JVM. It implements {@code aether.v1.AetherGateway/Connect}
 * with the real gateway's handshake, identity locks, routing, offline queues, KV store and
 * checkpoints, so clients and tests can run without the Go server. See {@code
 * docs/embedded-gateway.md} for where it deliberately differs.
 *
 * <pre>{@code
 * try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().start()) {
 *   String address = gw.address(); // "127.0.0.1:<port>"
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} is graceful: every session first receives {@code
 * Signal{GRACEFUL_DISCONNECT, "server shutting down"}}.
 */
public final class EmbeddedAetherGateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedAetherGateway.class);

  /** Default of {@link Builder#maxStoredTopics(int)}. */
  public static final int DEFAULT_MAX_STORED_TOPICS = 100_000;

  /** Default of {@link Builder#maxStoredBytes(long)}: 256 MiB. */
  public static final long DEFAULT_MAX_STORED_BYTES = 256L * 1024 * 1024;

  /** Default of {@link Builder#messageRetention(Duration)}: 24 h, as AetherLite. */
  public static final Duration DEFAULT_MESSAGE_RETENTION = Duration.ofHours(24);

  /** Default of {@link Builder#commitInterval(Duration)}. */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  /** Default of {@link Builder#kvSweepInterval(Duration)}. */
  public static final Duration DEFAULT_KV_SWEEP_INTERVAL = Duration.ofSeconds(1);

  /** Heap charged per stored message beyond its size, see {@link Builder#maxStoredBytes(long)}. */
  public static final int STORED_MESSAGE_OVERHEAD_BYTES = 256;

  /** Heap charged per topic holding messages, see {@link Builder#maxStoredBytes(long)}. */
  public static final int STORED_TOPIC_OVERHEAD_BYTES = 512;

  /** Name of the gRPC service, also registered as SERVING in the health service. */
  public static final String SERVICE_NAME = "aether.v1.AetherGateway";

  private final GatewayCore core;
  private final @Nullable Server tcpServer;
  private final @Nullable Server inProcessServer;
  private final @Nullable String inProcessName;
  private final HealthStatusManager health;
  private final Duration drainTimeout;
  private volatile boolean closed;

  private EmbeddedAetherGateway(
      GatewayCore core,
      @Nullable Server tcp,
      @Nullable Server inProcess,
      @Nullable String inProcessName,
      HealthStatusManager health,
      Duration drainTimeout) {
    this.core = core;
    this.tcpServer = tcp;
    this.inProcessServer = inProcess;
    this.inProcessName = inProcessName;
    this.health = health;
    this.drainTimeout = drainTimeout;
  }

  /**
   * A builder with the defaults: loopback TCP on a random port, dev credentials, permissive policy,
   * in memory.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The bound TCP port. */
  public int port() {
    Server s = tcpServer;
    if (s == null) {
      throw new IllegalStateException("TCP transport is disabled for this gateway");
    }
    return ((InetSocketAddress) s.getListenSockets().get(0)).getPort();
  }

  /** {@code "127.0.0.1:<port>"}, the address TCP clients connect to. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** {@code "in-process:<name>"}, the address of the in-process transport. */
  public String inProcessAddress() {
    if (inProcessName == null) {
      throw new IllegalStateException(
          "in-process transport is not enabled; set Builder.inProcessName(name)");
    }
    return "in-process:" + inProcessName;
  }

  /** The in-process server name, if the in-process transport is enabled. */
  public @Nullable String inProcessName() {
    return inProcessName;
  }

  /**
   * Kicks a session like the real gateway's admin API: the client receives {@code
   * Signal{FORCE_DISCONNECT, "disconnected by administrator"}} and the stream ends with {@code
   * CANCELLED}.
   *
   * @return false if no live session has that id
   */
  public boolean disconnect(String sessionId) {
    return core.disconnect(sessionId);
  }

  /** Canonical identity strings of all connected sessions, sorted. */
  public Set<String> connectedIdentities() {
    Set<String> out = new TreeSet<>();
    for (Session s : core.registry().all()) {
      if (!s.isTerminated()) {
        out.add(s.identity().key());
      }
    }
    return out;
  }

  /** All connected sessions, sorted by identity. */
  public List<SessionInfo> sessions() {
    return core.registry().all().stream()
        .filter(s -> !s.isTerminated())
        .map(this::info)
        .sorted(Comparator.comparing(SessionInfo::identity))
        .toList();
  }

  private SessionInfo info(Session s) {
    return new SessionInfo(
        s.id(),
        s.identity().key(),
        s.identity().type(),
        s.workspace(),
        s.resumed(),
        s.reconnectionCount(),
        s.connectedAt(),
        s.queuedFrames(),
        core.router().backlog(s.identity().ownTopic()),
        s.backpressureDrops(),
        s.inboundPaused());
  }

  /** Messages stored for an identity topic (offline or slow consumer) and not yet delivered. */
  public int topicBacklog(String topic) {
    return core.router().backlog(topic);
  }

  /** Messages dropped from an identity topic because its bound was reached. */
  public long droppedMessages(String topic) {
    return core.router().dropped(topic);
  }

  /** Every identity topic with a non-empty backlog and its size. */
  public Map<String, Integer> backlogs() {
    return core.backlogs();
  }

  /** Message-store, KV-expiry and quota counters. */
  public StorageStats storageStats() {
    return core.storageStats();
  }

  /** Frames dropped so far because sessions did not keep up (summed over connected sessions). */
  public long backpressureDrops() {
    return core.registry().all().stream().mapToLong(Session::backpressureDrops).sum();
  }

  /**
   * Registers an agent implementation in the agent registry, as an administrator would, so a
   * message or a targeted task for one of its offline agents starts it through an orchestrator that
   * supports {@code profile}.
   *
   * @param implementation the agent implementation
   * @param profile the orchestrator profile that can launch it
   * @param launchParams default launch parameters handed to the orchestrator
   */
  public void registerAgent(
      String implementation, String profile, Map<String, String> launchParams) {
    core.agents()
        .register(
            io.github.aetherjava.proto.v1.AgentRegistrationInfo.newBuilder()
                .setImplementation(implementation)
                .setOrchestratorProfile(profile)
                .putAllLaunchParams(launchParams)
                .putLaunchParams(AgentRegistry.PROFILE_PARAM, profile)
                .build());
  }

  /** Policy mode in force. */
  public PolicyMode policyMode() {
    return core.settings().policyMode();
  }

  /** Data directory of the file-backed stores, or null when everything is in memory. */
  public @Nullable Path dataDirectory() {
    return core.settings().dataDirectory();
  }

  /**
   * Shuts down gracefully: stops accepting new streams, sends every session {@code
   * Signal{GRACEFUL_DISCONNECT, "server shutting down"}} while still processing what its client
   * sends, waits up to the drain timeout for the clients to half-close, ends the remaining streams
   * with {@code UNAVAILABLE "server shutting down"}, then stops the transports and closes the
   * stores.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    health.enterTerminalState();
    // Stop accepting streams first, so clients reconnecting after GRACEFUL_DISCONNECT cannot land
    // here again.
    for (Server s : new Server[] {tcpServer, inProcessServer}) {
      if (s != null) {
        s.shutdown();
      }
    }
    core.shutdownSessions(drainTimeout);
    for (Server s : new Server[] {tcpServer, inProcessServer}) {
      if (s != null) {
        try {
          // Sessions are over; what remains are idle or half-open connections (e.g. a stalled TLS
          // handshake),
          // which must not hold up close() for long.
          if (!s.awaitTermination(1, TimeUnit.SECONDS)) {
            s.shutdownNow();
            s.awaitTermination(5, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          s.shutdownNow();
        }
      }
    }
    core.close();
    log.info("event=stopped");
  }

  /** Configures and starts an {@link EmbeddedAetherGateway}. Not thread-safe. */
  public static final class Builder {
    private int port;
    private boolean tcp = true;
    private @Nullable String inProcessName;
    private @Nullable TlsConfig tls;
    private CredentialsPolicy credentials = CredentialsPolicy.dev();
    private PolicyMode policyMode = PolicyMode.PERMISSIVE;
    private @Nullable Path dataDirectory;
    private Clock clock = Clock.systemUTC();
    private Duration initTimeout = Duration.ofSeconds(30);
    private int sessionQueueCapacity = 1024;
    private int offlineQueueCapacity = 10_000;
    private long offlineQueueMaxBytes = 64L * 1024 * 1024;
    private Duration checkpointDefaultTtl = Duration.ZERO;
    private @Nullable Duration maxConnectionAge;
    private Duration drainTimeout = Duration.ofSeconds(10);
    private int senderPushbackThreshold = 1000;
    private int maxStoredTopics = DEFAULT_MAX_STORED_TOPICS;
    private long maxStoredBytes = DEFAULT_MAX_STORED_BYTES;
    private Duration messageRetention = DEFAULT_MESSAGE_RETENTION;
    private DurabilityPolicy durability = DurabilityPolicy.BATCHED;
    private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
    private Duration kvSweepInterval = DEFAULT_KV_SWEEP_INTERVAL;
    private double rateLimitPerSecond = Double.NaN;

    private Builder() {}

    /**
     * Gateway-wide bound on identity topics holding undelivered messages (default {@value
     * #DEFAULT_MAX_STORED_TOPICS}). Beyond it the oldest stored message, whichever topic holds it,
     * is removed first and counted in {@link StorageStats#droppedByTotalBound()}.
     */
    public Builder maxStoredTopics(int topics) {
      if (topics < 1) {
        throw new IllegalArgumentException("maxStoredTopics must be at least 1, got " + topics);
      }
      this.maxStoredTopics = topics;
      return this;
    }

    /**
     * Gateway-wide bound on the heap held by undelivered messages (default 256 MiB), counted as
     * their serialized size plus {@value #STORED_MESSAGE_OVERHEAD_BYTES} bytes per message and
     * {@value #STORED_TOPIC_OVERHEAD_BYTES} per topic. Beyond it the oldest stored message goes
     * first.
     */
    public Builder maxStoredBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxStoredBytes must be positive, got " + bytes);
      }
      this.maxStoredBytes = bytes;
      return this;
    }

    /**
     * Age after which an undelivered message is removed (default 24 h, AetherLite's message
     * retention), counted in {@link StorageStats#expiredMessages()}.
     */
    public Builder messageRetention(Duration age) {
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("messageRetention must be positive, got " + age);
      }
      this.messageRetention = age;
      return this;
    }

    /** When file-store changes reach the disk; default {@link DurabilityPolicy#BATCHED}. */
    public Builder durability(DurabilityPolicy policy) {
      this.durability = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How often {@link DurabilityPolicy#BATCHED} commits to disk (default 100 ms). */
    public Builder commitInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("commitInterval must be positive, got " + interval);
      }
      this.commitInterval = interval;
      return this;
    }

    /**
     * How often expired KV entries and checkpoints are removed (default 1 s); reads never return
     * expired entries in between.
     */
    public Builder kvSweepInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("kvSweepInterval must be positive, got " + interval);
      }
      this.kvSweepInterval = interval;
      return this;
    }

    /**
     * Per-connection token bucket for messages and progress reports: {@code perSecond} tokens a
     * second, burst twice that; over it a send gets {@code ERR_RATE_LIMITED}. 0 turns it off.
     * Default: 100 under {@link PolicyMode#LITE_PARITY} (AetherLite's limit), off under {@link
     * PolicyMode#PERMISSIVE}.
     */
    public Builder rateLimit(double perSecond) {
      if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException(
            "rateLimit must be a finite number >= 0, got " + perSecond);
      }
      this.rateLimitPerSecond = perSecond;
      return this;
    }

    /**
     * Backlog (messages) of a <em>connected</em> consumer's identity topic at which the gateway
     * stops reading from the senders that publish to it, until the backlog has halved (default
     * 1000). gRPC flow control then slows the senders down instead of messages being dropped.
     * Offline consumers never pause senders: their messages are stored up to {@link
     * #offlineQueueCapacity(int)}.
     */
    public Builder senderPushbackThreshold(int messages) {
      if (messages < 2) {
        throw new IllegalArgumentException(
            "senderPushbackThreshold must be at least 2, got " + messages);
      }
      this.senderPushbackThreshold = messages;
      return this;
    }

    /**
     * How long {@link EmbeddedAetherGateway#close()} waits for clients to half-close after
     * GRACEFUL_DISCONNECT before ending their streams; default 10 s as on the real gateway. Frames
     * clients write meanwhile are still processed.
     */
    public Builder shutdownDrainTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(
            "shutdownDrainTimeout must not be negative, got " + timeout);
      }
      this.drainTimeout = timeout;
      return this;
    }

    /** TCP port on 127.0.0.1; 0 (default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Enables (default) or disables the TCP transport; at least one transport must remain. */
    public Builder tcp(boolean enabled) {
      this.tcp = enabled;
      return this;
    }

    /**
     * Also serves the gRPC in-process transport under {@code name} (client address {@code
     * in-process:name}).
     */
    public Builder inProcessName(String name) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("in-process name must not be blank");
      }
      this.inProcessName = name;
      return this;
    }

    /** Serves TCP over TLS (optionally requiring client certificates). */
    public Builder tls(TlsConfig tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** Credential handling; default {@link CredentialsPolicy#dev()}. */
    public Builder credentialsPolicy(CredentialsPolicy policy) {
      this.credentials = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Authorisation strictness; default {@link PolicyMode#PERMISSIVE}. */
    public Builder policyMode(PolicyMode mode) {
      this.policyMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Keeps KV data, checkpoints and undelivered messages in files under {@code dir} (survive a
     * restart).
     */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Time source for TTLs and timestamps (tests pass a controllable clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a new stream may take to send {@code InitConnection}; default 30 s as on the real
     * gateway.
     */
    public Builder initTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("initTimeout must be positive, got " + timeout);
      }
      this.initTimeout = timeout;
      return this;
    }

    /** Bound of each session's response queue and broadcast queue, in frames (default 1024). */
    public Builder sessionQueueCapacity(int frames) {
      if (frames < 1) {
        throw new IllegalArgumentException(
            "sessionQueueCapacity must be at least 1, got " + frames);
      }
      this.sessionQueueCapacity = frames;
      return this;
    }

    /**
     * Bound of each identity topic's stored backlog, in messages (default 10,000; oldest dropped
     * first).
     */
    public Builder offlineQueueCapacity(int messages) {
      if (messages < 1) {
        throw new IllegalArgumentException(
            "offlineQueueCapacity must be at least 1, got " + messages);
      }
      this.offlineQueueCapacity = messages;
      return this;
    }

    /** Bound of each identity topic's stored backlog, in bytes (default 64 MiB). */
    public Builder offlineQueueMaxBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("offlineQueueMaxBytes must be positive, got " + bytes);
      }
      this.offlineQueueMaxBytes = bytes;
      return this;
    }

    /**
     * TTL applied to checkpoint SAVE requests with ttl -1; default zero (never expire, as in
     * AetherLite).
     */
    public Builder checkpointDefaultTtl(Duration ttl) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("checkpointDefaultTtl must not be negative, got " + ttl);
      }
      this.checkpointDefaultTtl = ttl;
      return this;
    }

    /**
     * Closes TCP connections after this age (GOAWAY), as the real gateway does after 2 h, so client
     * reconnect logic can be exercised. Default: never.
     */
    public Builder maxConnectionAge(Duration age) {
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("maxConnectionAge must be positive, got " + age);
      }
      this.maxConnectionAge = age;
      return this;
    }

    /**
     * Starts the gateway.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public EmbeddedAetherGateway start() {
      if (!tcp && inProcessName == null) {
        throw new IllegalStateException("no transport: enable TCP or set an in-process name");
      }
      GatewaySettings settings =
          new GatewaySettings(
              credentials,
              policyMode,
              dataDirectory,
              clock,
              initTimeout,
              sessionQueueCapacity,
              offlineQueueCapacity,
              offlineQueueMaxBytes,
              checkpointDefaultTtl,
              Math.min(senderPushbackThreshold, offlineQueueCapacity),
              maxStoredTopics,
              maxStoredBytes,
              messageRetention,
              durability,
              commitInterval,
              kvSweepInterval,
              Double.isNaN(rateLimitPerSecond)
                  ? (policyMode == PolicyMode.LITE_PARITY ? Policy.RATE_PER_SECOND : 0)
                  : rateLimitPerSecond);
      GatewayCore core = new GatewayCore(settings);
      HealthStatusManager health = new HealthStatusManager();
      health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
      health.setStatus(SERVICE_NAME, HealthCheckResponse.ServingStatus.SERVING);
      ServerServiceDefinition connect =
          ServerInterceptors.intercept(core.service(), core.interceptor());
      Server tcpServer = null;
      Server inProcess = null;
      try {
        if (tcp) {
          NettyServerBuilder b =
              NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port), credentials())
                  .maxInboundMessageSize(GatewaySettings.TRANSPORT_MAX_INBOUND_BYTES)
                  .keepAliveTime(30, TimeUnit.SECONDS)
                  .keepAliveTimeout(10, TimeUnit.SECONDS)
                  .permitKeepAliveTime(10, TimeUnit.SECONDS)
                  .permitKeepAliveWithoutCalls(true)
                  .maxConcurrentCallsPerConnection(1000)
                  .addService(connect)
                  .addService(health.getHealthService());
          if (maxConnectionAge != null) {
            b.maxConnectionAge(maxConnectionAge.toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionAgeGrace(5, TimeUnit.SECONDS);
          }
          tcpServer = b.build().start();
        }
        if (inProcessName != null) {
          inProcess =
              InProcessServerBuilder.forName(inProcessName)
                  .maxInboundMessageSize(GatewaySettings.TRANSPORT_MAX_INBOUND_BYTES)
                  .addService(connect)
                  .addService(health.getHealthService())
                  .build()
                  .start();
        }
      } catch (IOException | RuntimeException e) {
        if (tcpServer != null) {
          tcpServer.shutdownNow();
        }
        core.close();
        if (e instanceof IOException io) {
          throw new UncheckedIOException(
              "cannot start embedded Aether gateway on port " + port, io);
        }
        throw (RuntimeException) e;
      }
      EmbeddedAetherGateway gw =
          new EmbeddedAetherGateway(
              core, tcpServer, inProcess, inProcessName, health, drainTimeout);
      log.info(
          "event=started tcp={} inProcess={} policy={} dataDir={} durability={}",
          tcpServer != null ? gw.address() : "-",
          inProcess != null ? inProcessName : "-",
          policyMode,
          dataDirectory != null ? dataDirectory : "-",
          durability);
      return gw;
    }

    private ServerCredentials credentials() throws IOException {
      TlsConfig t = tls;
      if (t == null) {
        return InsecureServerCredentials.create();
      }
      TlsServerCredentials.Builder b =
          TlsServerCredentials.newBuilder()
              .keyManager(
                  new ByteArrayInputStream(t.certificateChain()),
                  new ByteArrayInputStream(t.privateKey()));
      byte[] ca = t.clientCa();
      if (ca != null) {
        b.trustManager(new ByteArrayInputStream(ca));
      }
      b.clientAuth(
          switch (t.clientAuth()) {
            case NONE -> TlsServerCredentials.ClientAuth.NONE;
            case OPTIONAL -> TlsServerCredentials.ClientAuth.OPTIONAL;
            case REQUIRE -> TlsServerCredentials.ClientAuth.REQUIRE;
          });
      return b.build();
    }
  }
}
