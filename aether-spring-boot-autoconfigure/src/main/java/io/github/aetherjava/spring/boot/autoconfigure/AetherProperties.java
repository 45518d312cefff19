/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.client.OverflowPolicy;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.SendPacing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for Aether, bound to the {@code aether} prefix.
 *
 * <p>The connection settings ({@code aether.address}, {@code aether.tls.*}, {@code
 * aether.credentials.*}, reconnect, keepalive, timeouts and buffer limits) are shared by every
 * client. Each principal section ({@code aether.agent.*}, {@code aether.task.*}, ...) creates one
 * client bean when it is configured, so an application can run as several principals at once.
 *
 * <p>The class validates itself when bound (Boot applies {@link Validator} targets), so an invalid
 * value fails startup with a message naming the property rather than with an exception from the
 * transport.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether")
public class AetherProperties implements Validator {

  /**
   * Address of the Aether gateway: "host:port", several instances as "host1:port1,host2:port2",
   * "dns:///host:port", or "in-process:name". When unset, an embedded gateway is started if
   * aether-gateway-embedded is on the classpath, else localhost:50051 is used.
   */
  private @Nullable String address;

  /** Whether to connect every client when the application context starts. */
  private boolean connectOnStartup = true;

  /**
   * Whether startup fails when the first connection attempt of a client fails. When false, the
   * client keeps reconnecting in the background and health reports the outage.
   */
  private boolean failFast = false;

  /** Maximum time to wait for the handshake of a connection attempt. */
  private Duration connectTimeout = Duration.ofSeconds(30);

  /** Default deadline for request/response operations (KV, checkpoints, tasks, admin). */
  private Duration requestTimeout = Duration.ofSeconds(5);

  /** Maximum size of the payload of one outgoing message. */
  private DataSize maxPayloadSize = DataSize.ofMegabytes(1);

  /** Maximum size of one incoming frame from the gateway. */
  private DataSize maxInboundMessageSize = DataSize.ofMegabytes(16);

  private final Tls tls = new Tls();

  private final Credentials credentials = new Credentials();

  private final Reconnect reconnect = new Reconnect();

  private final Keepalive keepalive = new Keepalive();

  private final Buffer buffer = new Buffer();

  private final Delivery delivery = new Delivery();

  private final Agent agent = new Agent();

  private final Task task = new Task();

  private final User user = new User();

  private final Orchestrator orchestrator = new Orchestrator();

  private final Bridge bridge = new Bridge();

  private final Service service = new Service();

  private final WorkflowEngine workflowEngine = new WorkflowEngine();

  private final MetricsBridge metricsBridge = new MetricsBridge();

  /**
   * How long startup waits for the clients to be ready when not failing fast, so they are connected
   * before the web server takes traffic; after it the application starts anyway and the clients
   * keep connecting in the background. Zero does not wait.
   */
  private Duration readyTimeout = Duration.ofSeconds(10);

  /**
   * How long a client may be disconnected before the outage is logged at WARN (checked at each
   * reconnect attempt); the recovery is logged at INFO with the outage length.
   */
  private Duration outageWarnAfter = Duration.ofSeconds(10);

  private final Listener listener = new Listener();

  private final Retry retry = new Retry();

  private final Observation observation = new Observation();

  public @Nullable String getAddress() {
    return this.address;
  }

  public void setAddress(@Nullable String address) {
    this.address = address;
  }

  public boolean isConnectOnStartup() {
    return this.connectOnStartup;
  }

  public void setConnectOnStartup(boolean connectOnStartup) {
    this.connectOnStartup = connectOnStartup;
  }

  public boolean isFailFast() {
    return this.failFast;
  }

  public void setFailFast(boolean failFast) {
    this.failFast = failFast;
  }

  public Duration getConnectTimeout() {
    return this.connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getRequestTimeout() {
    return this.requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public DataSize getMaxPayloadSize() {
    return this.maxPayloadSize;
  }

  public void setMaxPayloadSize(DataSize maxPayloadSize) {
    this.maxPayloadSize = maxPayloadSize;
  }

  public DataSize getMaxInboundMessageSize() {
    return this.maxInboundMessageSize;
  }

  public void setMaxInboundMessageSize(DataSize maxInboundMessageSize) {
    this.maxInboundMessageSize = maxInboundMessageSize;
  }

  public Tls getTls() {
    return this.tls;
  }

  public Credentials getCredentials() {
    return this.credentials;
  }

  public Reconnect getReconnect() {
    return this.reconnect;
  }

  public Keepalive getKeepalive() {
    return this.keepalive;
  }

  public Delivery getDelivery() {
    return this.delivery;
  }

  public Buffer getBuffer() {
    return this.buffer;
  }

  public Agent getAgent() {
    return this.agent;
  }

  public Task getTask() {
    return this.task;
  }

  public User getUser() {
    return this.user;
  }

  public Orchestrator getOrchestrator() {
    return this.orchestrator;
  }

  public Bridge getBridge() {
    return this.bridge;
  }

  public Service getService() {
    return this.service;
  }

  public WorkflowEngine getWorkflowEngine() {
    return this.workflowEngine;
  }

  public MetricsBridge getMetricsBridge() {
    return this.metricsBridge;
  }

  public Duration getReadyTimeout() {
    return this.readyTimeout;
  }

  public void setReadyTimeout(Duration readyTimeout) {
    this.readyTimeout = readyTimeout;
  }

  public Duration getOutageWarnAfter() {
    return this.outageWarnAfter;
  }

  public void setOutageWarnAfter(Duration outageWarnAfter) {
    this.outageWarnAfter = outageWarnAfter;
  }

  public Listener getListener() {
    return this.listener;
  }

  public Retry getRetry() {
    return this.retry;
  }

  public Observation getObservation() {
    return this.observation;
  }

  @Override
  public boolean supports(Class<?> clazz) {
    return AetherProperties.class.isAssignableFrom(clazz);
  }

  @Override
  public void validate(Object target, Errors errors) {
    AetherPropertiesValidator.validate((AetherProperties) target, errors);
  }

  /** Transport security settings. Either an SSL bundle or PEM locations may be used, not both. */
  public static class Tls {

    /**
     * Whether to use TLS for the gateway connection. Implied when a bundle or a PEM location is
     * set.
     */
    private boolean enabled;

    /** Name of the SSL bundle (spring.ssl.bundle.*) to use for the gateway connection. */
    private @Nullable String bundle;

    /**
     * Location of the PEM-encoded CA certificates used to verify the gateway. The JVM's default
     * trust store is used when unset.
     */
    private @Nullable String trustCertificates;

    /** Location of the PEM-encoded client certificate chain, for mutual TLS. */
    private @Nullable String certificate;

    /** Location of the PEM-encoded private key of the client certificate, for mutual TLS. */
    private @Nullable String privateKey;

    /**
     * Server name to verify the gateway certificate against, when it differs from the host of the
     * address.
     */
    private @Nullable String serverName;

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public @Nullable String getBundle() {
      return this.bundle;
    }

    public void setBundle(@Nullable String bundle) {
      this.bundle = bundle;
    }

    public @Nullable String getTrustCertificates() {
      return this.trustCertificates;
    }

    public void setTrustCertificates(@Nullable String trustCertificates) {
      this.trustCertificates = trustCertificates;
    }

    public @Nullable String getCertificate() {
      return this.certificate;
    }

    public void setCertificate(@Nullable String certificate) {
      this.certificate = certificate;
    }

    public @Nullable String getPrivateKey() {
      return this.privateKey;
    }

    public void setPrivateKey(@Nullable String privateKey) {
      this.privateKey = privateKey;
    }

    public @Nullable String getServerName() {
      return this.serverName;
    }

    public void setServerName(@Nullable String serverName) {
      this.serverName = serverName;
    }

    /**
     * Whether any TLS setting asks for a secured connection.
     *
     * @return whether TLS is in use
     */
    public boolean isActive() {
      return this.enabled
          || this.bundle != null
          || this.trustCertificates != null
          || this.certificate != null;
    }
  }

  /** Credentials presented during the handshake. Values are never shown by actuator endpoints. */
  public static class Credentials {

    /** API key sent to the gateway. */
    private @Nullable String apiKey;

    /** Bearer token sent to the gateway. */
    private @Nullable String token;

    /** Task token, for processes launched by an orchestrator as a task. */
    private @Nullable String taskToken;

    /** Tenant identifier, for multi-tenant gateways. */
    private @Nullable String tenant;

    public @Nullable String getApiKey() {
      return this.apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    public @Nullable String getToken() {
      return this.token;
    }

    public void setToken(@Nullable String token) {
      this.token = token;
    }

    public @Nullable String getTaskToken() {
      return this.taskToken;
    }

    public void setTaskToken(@Nullable String taskToken) {
      this.taskToken = taskToken;
    }

    public @Nullable String getTenant() {
      return this.tenant;
    }

    public void setTenant(@Nullable String tenant) {
      this.tenant = tenant;
    }

    @Override
    public String toString() {
      // Never print secrets, not even by accident in a debugger or a log line.
      return "Credentials[apiKey="
          + mask(this.apiKey)
          + ", token="
          + mask(this.token)
          + ", taskToken="
          + mask(this.taskToken)
          + ", tenant="
          + this.tenant
          + "]";
    }

    private static String mask(@Nullable String value) {
      return (value != null) ? "******" : "null";
    }
  }

  /** Reconnection of the bidirectional stream after a recoverable failure. */
  public static class Reconnect {

    /** Whether to reconnect automatically after a recoverable failure. */
    private boolean enabled = true;

    /** Delay before the first reconnection attempt. */
    private Duration initialDelay = Duration.ofSeconds(1);

    /** Maximum delay between two reconnection attempts. */
    private Duration maxDelay = Duration.ofSeconds(30);

    /** Multiplier applied to the delay after each failed attempt. */
    private double multiplier = 2.0;

    /** Random jitter applied to each delay, as a fraction of it (between 0 and 1). */
    private double jitter = 0.25;

    /** Maximum number of consecutive reconnection attempts, 0 for no limit. */
    private int maxAttempts = 0;

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getInitialDelay() {
      return this.initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    public Duration getMaxDelay() {
      return this.maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public double getMultiplier() {
      return this.multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public double getJitter() {
      return this.jitter;
    }

    public void setJitter(double jitter) {
      this.jitter = jitter;
    }

    public int getMaxAttempts() {
      return this.maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }
  }

  /** HTTP/2 keepalive pings on the gateway connection. */
  public static class Keepalive {

    /** Interval between keepalive pings when the connection is idle. */
    private Duration time = Duration.ofSeconds(30);

    /** Time to wait for a keepalive acknowledgement before the connection is considered broken. */
    private Duration timeout = Duration.ofSeconds(10);

    public Duration getTime() {
      return this.time;
    }

    public void setTime(Duration time) {
      this.time = time;
    }

    public Duration getTimeout() {
      return this.timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** What a send's future promises, and client-side send pacing. */
  public static class Delivery {

    /**
     * What a send's future promises: at-most-once (complete when written) or confirmed (complete
     * when the gateway processed it; unconfirmed sends are replayed after a reconnect, rate-limited
     * ones retried).
     */
    private DeliveryMode mode = DeliveryMode.AT_MOST_ONCE;

    /** Client-side pacing of messages and progress reports, per second; 0 turns pacing off. */
    private double pacingRate = 0;

    /** Pacing burst (token bucket size) when pacing-rate is above 0. */
    private int pacingBurst = 10;

    public DeliveryMode getMode() {
      return this.mode;
    }

    public void setMode(DeliveryMode mode) {
      this.mode = mode;
    }

    public double getPacingRate() {
      return this.pacingRate;
    }

    public void setPacingRate(double pacingRate) {
      this.pacingRate = pacingRate;
    }

    public int getPacingBurst() {
      return this.pacingBurst;
    }

    public void setPacingBurst(int pacingBurst) {
      this.pacingBurst = pacingBurst;
    }

    /**
     * @return the pacing these settings describe
     */
    public SendPacing pacing() {
      return this.pacingRate == 0
          ? SendPacing.off()
          : SendPacing.of(this.pacingRate, this.pacingBurst);
    }
  }

  /** Outbound buffer holding sends made while the client is not connected. */
  public static class Buffer {

    /** Maximum number of buffered sends. */
    private int maxSends = 10_000;

    /** Maximum total size of buffered sends. */
    private DataSize maxSize = DataSize.ofMegabytes(16);

    /** What to do with a send when the buffer is full. */
    private OverflowPolicy overflowPolicy = OverflowPolicy.FAIL;

    public int getMaxSends() {
      return this.maxSends;
    }

    public void setMaxSends(int maxSends) {
      this.maxSends = maxSends;
    }

    public DataSize getMaxSize() {
      return this.maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
      this.maxSize = maxSize;
    }

    public OverflowPolicy getOverflowPolicy() {
      return this.overflowPolicy;
    }

    public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
      this.overflowPolicy = overflowPolicy;
    }
  }

  /** Agent principal. A client bean is created when the implementation is set. */
  public static class Agent {

    /** Workspace the agent belongs to. */
    private @Nullable String workspace;

    /** Agent implementation name. */
    private @Nullable String implementation;

    /** Agent instance specifier. */
    private @Nullable String specifier;

    public @Nullable String getWorkspace() {
      return this.workspace;
    }

    public void setWorkspace(@Nullable String workspace) {
      this.workspace = workspace;
    }

    public @Nullable String getImplementation() {
      return this.implementation;
    }

    public void setImplementation(@Nullable String implementation) {
      this.implementation = implementation;
    }

    public @Nullable String getSpecifier() {
      return this.specifier;
    }

    public void setSpecifier(@Nullable String specifier) {
      this.specifier = specifier;
    }
  }

  /** Task principal. A client bean is created when the implementation is set. */
  public static class Task {

    /** Workspace the task runs in. */
    private @Nullable String workspace;

    /** Task implementation name. */
    private @Nullable String implementation;

    /** Unique specifier of the task instance. Assigned by the gateway when unset. */
    private @Nullable String uniqueSpecifier;

    public @Nullable String getWorkspace() {
      return this.workspace;
    }

    public void setWorkspace(@Nullable String workspace) {
      this.workspace = workspace;
    }

    public @Nullable String getImplementation() {
      return this.implementation;
    }

    public void setImplementation(@Nullable String implementation) {
      this.implementation = implementation;
    }

    public @Nullable String getUniqueSpecifier() {
      return this.uniqueSpecifier;
    }

    public void setUniqueSpecifier(@Nullable String uniqueSpecifier) {
      this.uniqueSpecifier = uniqueSpecifier;
    }
  }

  /** User principal. A client bean is created when the user id is set. */
  public static class User {

    /** Identifier of the user. */
    private @Nullable String userId;

    /** Identifier of the user's window or tab, to tell several sessions of one user apart. */
    private @Nullable String windowId;

    /** Workspace to switch to after connecting. */
    private @Nullable String workspace;

    public @Nullable String getUserId() {
      return this.userId;
    }

    public void setUserId(@Nullable String userId) {
      this.userId = userId;
    }

    public @Nullable String getWindowId() {
      return this.windowId;
    }

    public void setWindowId(@Nullable String windowId) {
      this.windowId = windowId;
    }

    public @Nullable String getWorkspace() {
      return this.workspace;
    }

    public void setWorkspace(@Nullable String workspace) {
      this.workspace = workspace;
    }
  }

  /** Orchestrator principal. A client bean is created when the implementation is set. */
  public static class Orchestrator {

    /** Orchestrator implementation name. */
    private @Nullable String implementation;

    /** Orchestrator instance specifier. */
    private @Nullable String specifier;

    /** Task profiles this orchestrator can launch. */
    private List<String> supportedProfiles = new ArrayList<>();

    public @Nullable String getImplementation() {
      return this.implementation;
    }

    public void setImplementation(@Nullable String implementation) {
      this.implementation = implementation;
    }

    public @Nullable String getSpecifier() {
      return this.specifier;
    }

    public void setSpecifier(@Nullable String specifier) {
      this.specifier = specifier;
    }

    public List<String> getSupportedProfiles() {
      return this.supportedProfiles;
    }

    public void setSupportedProfiles(List<String> supportedProfiles) {
      this.supportedProfiles = supportedProfiles;
    }
  }

  /**
   * Bridge principal (e.g. a chat platform integration). A client bean is created when the
   * implementation is set.
   */
  public static class Bridge {

    /** Bridge implementation name. */
    private @Nullable String implementation;

    /** Bridge instance specifier. */
    private @Nullable String specifier;

    public @Nullable String getImplementation() {
      return this.implementation;
    }

    public void setImplementation(@Nullable String implementation) {
      this.implementation = implementation;
    }

    public @Nullable String getSpecifier() {
      return this.specifier;
    }

    public void setSpecifier(@Nullable String specifier) {
      this.specifier = specifier;
    }
  }

  /** Service principal. A client bean is created when the implementation is set. */
  public static class Service {

    /** Service implementation name. */
    private @Nullable String implementation;

    /** Service instance specifier. */
    private @Nullable String specifier;

    /**
     * Whether this instance stays out of the implementation's consumer pool and only receives
     * messages addressed to its specifier.
     */
    private boolean noPoolConsumer;

    public @Nullable String getImplementation() {
      return this.implementation;
    }

    public void setImplementation(@Nullable String implementation) {
      this.implementation = implementation;
    }

    public @Nullable String getSpecifier() {
      return this.specifier;
    }

    public void setSpecifier(@Nullable String specifier) {
      this.specifier = specifier;
    }

    public boolean isNoPoolConsumer() {
      return this.noPoolConsumer;
    }

    public void setNoPoolConsumer(boolean noPoolConsumer) {
      this.noPoolConsumer = noPoolConsumer;
    }
  }

  /** Workflow engine principal. */
  public static class WorkflowEngine {

    /** Whether to connect as the workflow engine. */
    private boolean enabled;

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** Metrics bridge principal. */
  public static class MetricsBridge {

    /** Whether to connect as the metrics bridge. */
    private boolean enabled;

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** Annotated listener methods and the executor they run on. */
  public static class Listener {

    /** Whether annotated listeners start automatically with the application context. */
    private boolean autoStartup = true;

    /**
     * Maximum time to wait on shutdown for every message already received to be handled: the
     * clients stop taking new frames, finish what arrived, then disconnect.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(10);

    /**
     * Number of lanes each message listener runs on; messages from one source topic always share a
     * lane, so their order is kept.
     */
    private int concurrency = 1;

    /**
     * Waiting invocations per listener at which the client stops taking frames until half of them
     * are done.
     */
    private int maxBacklog = 256;

    /**
     * Topic that messages are published to when their listener failed for good; none when unset
     * (the error handler logs them).
     */
    private @Nullable String deadLetterTopic;

    @NestedConfigurationProperty private final Executor executor = new Executor();

    @NestedConfigurationProperty private final ListenerRetry retry = new ListenerRetry();

    public int getConcurrency() {
      return this.concurrency;
    }

    public void setConcurrency(int concurrency) {
      this.concurrency = concurrency;
    }

    public int getMaxBacklog() {
      return this.maxBacklog;
    }

    public void setMaxBacklog(int maxBacklog) {
      this.maxBacklog = maxBacklog;
    }

    public @Nullable String getDeadLetterTopic() {
      return this.deadLetterTopic;
    }

    public void setDeadLetterTopic(@Nullable String deadLetterTopic) {
      this.deadLetterTopic = deadLetterTopic;
    }

    public ListenerRetry getRetry() {
      return this.retry;
    }

    public boolean isAutoStartup() {
      return this.autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
      this.autoStartup = autoStartup;
    }

    public Duration getShutdownTimeout() {
      return this.shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }

    public Executor getExecutor() {
      return this.executor;
    }
  }

  /** Retries of a failed listener invocation (Spring Framework core retry). */
  public static class ListenerRetry {

    /** Retries after the first attempt; 0 disables retry. */
    private long maxRetries;

    /** Delay before the first retry. */
    private Duration delay = Duration.ofSeconds(1);

    /** Factor the delay grows by per retry. */
    private double multiplier = 2.0;

    /** Longest delay between retries. */
    private Duration maxDelay = Duration.ofSeconds(30);

    public long getMaxRetries() {
      return this.maxRetries;
    }

    public void setMaxRetries(long maxRetries) {
      this.maxRetries = maxRetries;
    }

    public Duration getDelay() {
      return this.delay;
    }

    public void setDelay(Duration delay) {
      this.delay = delay;
    }

    public double getMultiplier() {
      return this.multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public Duration getMaxDelay() {
      return this.maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }
  }

  /** Bounded executor used for handler dispatch when virtual threads are not enabled. */
  public static class Executor {

    /** Maximum number of handler threads. */
    private int maxThreads = 8;

    /** Capacity of the queue in front of the handler threads. */
    private int queueCapacity = 1_000;

    /** Prefix for the names of handler threads. */
    private String threadNamePrefix = "aether-handler-";

    public int getMaxThreads() {
      return this.maxThreads;
    }

    public void setMaxThreads(int maxThreads) {
      this.maxThreads = maxThreads;
    }

    public int getQueueCapacity() {
      return this.queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    public String getThreadNamePrefix() {
      return this.threadNamePrefix;
    }

    public void setThreadNamePrefix(String threadNamePrefix) {
      this.threadNamePrefix = threadNamePrefix;
    }
  }

  /** Retries of KV, checkpoint and task calls on recoverable errors. */
  public static class Retry {

    /** Whether to retry KV, checkpoint and task calls that fail with a recoverable error. */
    private boolean enabled;

    /** Maximum number of retries after the first attempt. */
    private int maxRetries = 3;

    /** Delay before the first retry. */
    private Duration delay = Duration.ofMillis(200);

    /** Multiplier applied to the delay after each retry. */
    private double multiplier = 2.0;

    /** Maximum delay between two retries. */
    private Duration maxDelay = Duration.ofSeconds(5);

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getMaxRetries() {
      return this.maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
    }

    public Duration getDelay() {
      return this.delay;
    }

    public void setDelay(Duration delay) {
      this.delay = delay;
    }

    public double getMultiplier() {
      return this.multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public Duration getMaxDelay() {
      return this.maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }
  }

  /** Micrometer observations of listener invocations and outbound requests. */
  public static class Observation {

    /**
     * Whether to create observations for listener invocations and outbound requests when an
     * ObservationRegistry is available.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
