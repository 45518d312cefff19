/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.SendPacing;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.GatewayTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Connection settings shared by every client type. Immutable; build with {@link #builder()}, derive
 * with {@link #toBuilder()}. Values are validated in {@link Builder#build()}.
 *
 * @since 0.1.0
 */
public final class AetherClientOptions {

  /** Default gateway address. */
  public static final String DEFAULT_ADDRESS = "localhost:50051";

  /** Default time to wait for the {@code ConnectionAck} of one connection attempt. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** Default timeout of request/response operations (KV, checkpoints). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** Default keepalive ping interval (the gateway refuses pings more often than every 10 s). */
  public static final Duration DEFAULT_KEEP_ALIVE_TIME = Duration.ofSeconds(30);

  /** Default keepalive ping timeout. */
  public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(10);

  /** Smallest keepalive interval the gateway tolerates. */
  public static final Duration MIN_KEEP_ALIVE_TIME = Duration.ofSeconds(10);

  /** Default inbound message limit: the gateway sends frames up to 16 MiB. */
  public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Largest upstream frame the gateway accepts (4 MiB). */
  public static final int MAX_UPSTREAM_FRAME_BYTES = 4 * 1024 * 1024;

  /** Default largest {@code SendMessage} payload (the gateway's default limit, 1 MiB). */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

  /** Default maximum number of buffered sends. */
  public static final int DEFAULT_MAX_BUFFERED_SENDS = 10_000;

  /** Default maximum bytes of buffered sends. */
  public static final long DEFAULT_MAX_BUFFERED_BYTES = 16L * 1024 * 1024;

  /** Default number of inbound frames requested ahead of the handlers (flow-control window). */
  public static final int DEFAULT_INBOUND_WINDOW = 32;

  private final String address;
  private final Credentials credentials;
  private final @Nullable TlsOptions tls;
  private final ReconnectPolicy reconnect;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration keepAliveTime;
  private final Duration keepAliveTimeout;
  private final boolean keepAliveWithoutCalls;
  private final int maxInboundMessageBytes;
  private final int maxPayloadBytes;
  private final @Nullable Executor callbackExecutor;
  private final int maxBufferedSends;
  private final long maxBufferedBytes;
  private final OverflowPolicy overflowPolicy;
  private final int inboundWindow;
  private final List<ClientObserver> observers;
  private final Map<String, String> headers;
  private final @Nullable AetherChannelPool channelPool;
  private final DeliveryMode deliveryMode;
  private final SendPacing sendPacing;

  private AetherClientOptions(Builder b) {
    this.address = b.address;
    this.credentials = b.credentials;
    this.tls = b.tls;
    this.reconnect = b.reconnect;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.keepAliveTime = b.keepAliveTime;
    this.keepAliveTimeout = b.keepAliveTimeout;
    this.keepAliveWithoutCalls = b.keepAliveWithoutCalls;
    this.maxInboundMessageBytes = b.maxInboundMessageBytes;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.callbackExecutor = b.callbackExecutor;
    this.maxBufferedSends = b.maxBufferedSends;
    this.maxBufferedBytes = b.maxBufferedBytes;
    this.overflowPolicy = b.overflowPolicy;
    this.inboundWindow = b.inboundWindow;
    this.observers = List.copyOf(b.observers);
    this.headers = Map.copyOf(b.headers);
    this.channelPool = b.channelPool;
    this.deliveryMode = b.deliveryMode;
    this.sendPacing = b.sendPacing;
  }

  /**
   * @return a builder with defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param address gateway address
   * @return default options for that address
   */
  public static AetherClientOptions forAddress(String address) {
    return builder().address(address).build();
  }

  /**
   * @return a builder initialised from these options
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.address = address;
    b.credentials = credentials;
    b.tls = tls;
    b.reconnect = reconnect;
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.keepAliveTime = keepAliveTime;
    b.keepAliveTimeout = keepAliveTimeout;
    b.keepAliveWithoutCalls = keepAliveWithoutCalls;
    b.maxInboundMessageBytes = maxInboundMessageBytes;
    b.maxPayloadBytes = maxPayloadBytes;
    b.callbackExecutor = callbackExecutor;
    b.maxBufferedSends = maxBufferedSends;
    b.maxBufferedBytes = maxBufferedBytes;
    b.overflowPolicy = overflowPolicy;
    b.inboundWindow = inboundWindow;
    b.observers.addAll(observers);
    b.headers.putAll(headers);
    b.channelPool = channelPool;
    b.deliveryMode = deliveryMode;
    b.sendPacing = sendPacing;
    return b;
  }

  /**
   * @return {@code host:port}, a comma-separated list of {@code host:port}, a {@code dns:///}
   *     target or {@code in-process:<name>}
   */
  public String address() {
    return address;
  }

  /**
   * @return credentials sent in {@code InitConnection}
   */
  public Credentials credentials() {
    return credentials;
  }

  /**
   * @return TLS settings, or null for plaintext
   */
  public @Nullable TlsOptions tls() {
    return tls;
  }

  /**
   * @return reconnect policy
   */
  public ReconnectPolicy reconnect() {
    return reconnect;
  }

  /**
   * @return time allowed for one attempt to be acknowledged
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * @return default timeout of request/response operations
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * @return keepalive ping interval
   */
  public Duration keepAliveTime() {
    return keepAliveTime;
  }

  /**
   * @return keepalive ping timeout
   */
  public Duration keepAliveTimeout() {
    return keepAliveTimeout;
  }

  /**
   * @return whether to ping without active calls
   */
  public boolean keepAliveWithoutCalls() {
    return keepAliveWithoutCalls;
  }

  /**
   * @return inbound frame size limit in bytes
   */
  public int maxInboundMessageBytes() {
    return maxInboundMessageBytes;
  }

  /**
   * @return largest message payload accepted by the send helpers
   */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /**
   * @return executor for handlers and listeners, or null for the default (virtual threads if
   *     available)
   */
  public @Nullable Executor callbackExecutor() {
    return callbackExecutor;
  }

  /**
   * @return outbound buffer limit (count)
   */
  public int maxBufferedSends() {
    return maxBufferedSends;
  }

  /**
   * @return outbound buffer limit (bytes)
   */
  public long maxBufferedBytes() {
    return maxBufferedBytes;
  }

  /**
   * @return what happens when the outbound buffer is full
   */
  public OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  /**
   * @return inbound frames requested ahead of the handlers
   */
  public int inboundWindow() {
    return inboundWindow;
  }

  /**
   * @return instrumentation observers
   */
  public List<ClientObserver> observers() {
    return observers;
  }

  /**
   * @return extra gRPC headers sent when opening the stream (e.g. {@code aether-extensions})
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @return pool to share channels between clients, or null for one channel per client
   */
  public @Nullable AetherChannelPool channelPool() {
    return channelPool;
  }

  /**
   * @return what a send's future promises (default {@link DeliveryMode#AT_MOST_ONCE})
   */
  public DeliveryMode deliveryMode() {
    return deliveryMode;
  }

  /**
   * @return client-side pacing of messages and progress reports (default {@link SendPacing#off()})
   */
  public SendPacing sendPacing() {
    return sendPacing;
  }

  @Override
  public String toString() {
    return "AetherClientOptions[address="
        + address
        + ", credentials="
        + credentials
        + ", tls="
        + tls
        + ", reconnect="
        + reconnect
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", keepAliveTime="
        + keepAliveTime
        + ", keepAliveTimeout="
        + keepAliveTimeout
        + ", maxBufferedSends="
        + maxBufferedSends
        + ", maxBufferedBytes="
        + maxBufferedBytes
        + ", overflowPolicy="
        + overflowPolicy
        + ", deliveryMode="
        + deliveryMode
        + ", sendPacing="
        + sendPacing
        + ", headers="
        + headers.keySet()
        + "]";
  }

  /** Builder for {@link AetherClientOptions}. */
  public static final class Builder {
    private String address = DEFAULT_ADDRESS;
    private Credentials credentials = Credentials.none();
    private @Nullable TlsOptions tls;
    private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration keepAliveTime = DEFAULT_KEEP_ALIVE_TIME;
    private Duration keepAliveTimeout = DEFAULT_KEEP_ALIVE_TIMEOUT;
    private boolean keepAliveWithoutCalls = true;
    private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_MESSAGE_BYTES;
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private @Nullable Executor callbackExecutor;
    private int maxBufferedSends = DEFAULT_MAX_BUFFERED_SENDS;
    private long maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES;
    private OverflowPolicy overflowPolicy = OverflowPolicy.FAIL;
    private int inboundWindow = DEFAULT_INBOUND_WINDOW;
    private final List<ClientObserver> observers = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable AetherChannelPool channelPool;
    private DeliveryMode deliveryMode = DeliveryMode.AT_MOST_ONCE;
    private SendPacing sendPacing = SendPacing.off();

    private Builder() {}

    /**
     * @param address where the gateway is: {@code host:port}; several instances as {@code
     *     host1:port1,host2:port2} (the client uses the first that answers and moves to another
     *     when its instance dies); a gRPC {@code dns:///host:port} target (every address the name
     *     resolves to, re-resolved on reconnect); or {@code in-process:<name>}
     * @return this
     */
    public Builder address(String address) {
      this.address = Arguments.notNull(address, "address");
      return this;
    }

    /**
     * @param credentials credentials
     * @return this
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Arguments.notNull(credentials, "credentials");
      return this;
    }

    /**
     * @param tls TLS settings, or null for plaintext
     * @return this
     */
    public Builder tls(@Nullable TlsOptions tls) {
      this.tls = tls;
      return this;
    }

    /**
     * @param reconnect reconnect policy
     * @return this
     */
    public Builder reconnect(ReconnectPolicy reconnect) {
      this.reconnect = Arguments.notNull(reconnect, "reconnect");
      return this;
    }

    /**
     * @param timeout time allowed for one attempt to be acknowledged
     * @return this
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Arguments.notNull(timeout, "connectTimeout");
      return this;
    }

    /**
     * @param timeout default timeout of request/response operations
     * @return this
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Arguments.notNull(timeout, "requestTimeout");
      return this;
    }

    /**
     * @param time keepalive ping interval (≥ 10 s)
     * @return this
     */
    public Builder keepAliveTime(Duration time) {
      this.keepAliveTime = Arguments.notNull(time, "keepAliveTime");
      return this;
    }

    /**
     * @param timeout keepalive ping timeout
     * @return this
     */
    public Builder keepAliveTimeout(Duration timeout) {
      this.keepAliveTimeout = Arguments.notNull(timeout, "keepAliveTimeout");
      return this;
    }

    /**
     * @param withoutCalls whether to ping without active calls
     * @return this
     */
    public Builder keepAliveWithoutCalls(boolean withoutCalls) {
      this.keepAliveWithoutCalls = withoutCalls;
      return this;
    }

    /**
     * @param bytes inbound frame size limit
     * @return this
     */
    public Builder maxInboundMessageBytes(int bytes) {
      this.maxInboundMessageBytes = bytes;
      return this;
    }

    /**
     * @param bytes largest message payload accepted by the send helpers (≤ 4 MiB framing limit)
     * @return this
     */
    public Builder maxPayloadBytes(int bytes) {
      this.maxPayloadBytes = bytes;
      return this;
    }

    /**
     * @param executor executor for handlers and listeners; null for the default
     * @return this
     */
    public Builder callbackExecutor(@Nullable Executor executor) {
      this.callbackExecutor = executor;
      return this;
    }

    /**
     * @param count outbound buffer limit (count), ≥ 1
     * @return this
     */
    public Builder maxBufferedSends(int count) {
      this.maxBufferedSends = count;
      return this;
    }

    /**
     * @param bytes outbound buffer limit (bytes), ≥ 1
     * @return this
     */
    public Builder maxBufferedBytes(long bytes) {
      this.maxBufferedBytes = bytes;
      return this;
    }

    /**
     * @param policy what happens when the outbound buffer is full
     * @return this
     */
    public Builder overflowPolicy(OverflowPolicy policy) {
      this.overflowPolicy = Arguments.notNull(policy, "overflowPolicy");
      return this;
    }

    /**
     * @param frames inbound frames requested ahead of the handlers, ≥ 1
     * @return this
     */
    public Builder inboundWindow(int frames) {
      this.inboundWindow = frames;
      return this;
    }

    /**
     * @param observer instrumentation observer
     * @return this
     */
    public Builder addObserver(ClientObserver observer) {
      this.observers.add(Arguments.notNull(observer, "observer"));
      return this;
    }

    /**
     * @param name gRPC header name (lower case)
     * @param value header value
     * @return this
     */
    public Builder header(String name, String value) {
      this.headers.put(Arguments.notNull(name, "name"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @param pool pool to share channels between clients of one JVM; null for one channel per
     *     client
     * @return this
     */
    public Builder channelPool(@Nullable AetherChannelPool pool) {
      this.channelPool = pool;
      return this;
    }

    /**
     * @param mode what a send's future promises; {@link DeliveryMode#CONFIRMED} for at-least-once
     *     delivery across dead connections and rate limits
     * @return this
     */
    public Builder deliveryMode(DeliveryMode mode) {
      this.deliveryMode = Arguments.notNull(mode, "deliveryMode");
      return this;
    }

    /**
     * @param pacing client-side pacing of messages and progress reports; {@link SendPacing#off()}
     *     for none
     * @return this
     */
    public Builder sendPacing(SendPacing pacing) {
      this.sendPacing = Arguments.notNull(pacing, "sendPacing");
      return this;
    }

    /**
     * @return the options
     * @throws InvalidArgumentException if a value is out of range
     */
    public AetherClientOptions build() {
      GatewayTarget.parse(address);
      positive(connectTimeout, "connectTimeout");
      positive(requestTimeout, "requestTimeout");
      positive(keepAliveTimeout, "keepAliveTimeout");
      if (keepAliveTime.compareTo(MIN_KEEP_ALIVE_TIME) < 0) {
        throw new InvalidArgumentException(
            "keepAliveTime must be >= 10 s (the gateway answers faster pings"
                + " with GOAWAY too_many_pings)");
      }
      if (maxInboundMessageBytes < 1024 * 1024) {
        throw new InvalidArgumentException("maxInboundMessageBytes must be >= 1 MiB");
      }
      if (maxPayloadBytes < 1 || maxPayloadBytes > MAX_UPSTREAM_FRAME_BYTES - 64 * 1024) {
        throw new InvalidArgumentException("maxPayloadBytes must be in [1, 4 MiB - 64 KiB]");
      }
      if (maxBufferedSends < 1 || maxBufferedBytes < 1) {
        throw new InvalidArgumentException("maxBufferedSends and maxBufferedBytes must be >= 1");
      }
      if (inboundWindow < 1) {
        throw new InvalidArgumentException("inboundWindow must be >= 1");
      }
      return new AetherClientOptions(this);
    }

    private static void positive(Duration d, String name) {
      if (d.isZero() || d.isNegative()) {
        throw new InvalidArgumentException(name + " must be positive");
      }
    }
  }
}
