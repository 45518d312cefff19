/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageSender;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.spring.client.AetherInboundFlowControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.Lifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.backoff.BackOff;

/**
 * Runs one {@link AetherListenerEndpoint} on one client: registers a handler with the client while
 * running, filters, invokes the listener method through its interceptors, sends replies and routes
 * failures through retry to the recoverer or error handler.
 *
 * <p>Message, task-assignment and progress listeners run on their own serial lanes over the shared
 * listener executor, {@link Settings#concurrency()} of them, chosen by source topic, so messages
 * from one source topic keep their order while different topics run in parallel, and the client's
 * dispatcher is free at once for {@code @OnConfig} and connection-event listeners (which run on the
 * dispatcher itself, in arrival order). When more than {@link Settings#maxBacklog()} invocations
 * are waiting, the container holds the client's inbound window ({@link AetherInboundFlowControl})
 * until half of them are done, so a slow listener pushes back on the gateway instead of growing
 * memory.
 *
 * @since 0.1.0
 */
public class AetherListenerContainer implements Lifecycle {

  private static final Log logger = LogFactory.getLog(AetherListenerContainer.class);

  private final AetherListenerEndpoint endpoint;

  private final String clientName;

  private final AetherClient client;

  private final InvocableHandlerMethod handlerMethod;

  private final AetherListenerErrorHandler errorHandler;

  private final List<AetherListenerInterceptor> interceptors;

  private final MessageConverter replyConverter;

  private final Settings settings;

  private final @Nullable KeyedLanes lanes;

  private final @Nullable RetryTemplate retryTemplate;

  private final ReentrantLock lock = new ReentrantLock();

  private final Condition idle = this.lock.newCondition();

  // guarded by lock: invocations accepted and not finished (waiting in a lane or running)
  private int inFlight;

  // guarded by lock
  private boolean holdingInbound;

  private volatile @Nullable Registration registration;

  /**
   * Create a new container running every invocation on the client's dispatcher, one at a time,
   * without retry.
   *
   * @param endpoint the endpoint
   * @param clientName bean name of the client
   * @param client the client
   * @param handlerMethod the invocable listener method
   * @param errorHandler the error handler
   * @param interceptors the interceptors, outermost first
   * @param replyConverter converts return values to reply payloads
   */
  public AetherListenerContainer(
      AetherListenerEndpoint endpoint,
      String clientName,
      AetherClient client,
      InvocableHandlerMethod handlerMethod,
      AetherListenerErrorHandler errorHandler,
      List<AetherListenerInterceptor> interceptors,
      MessageConverter replyConverter) {
    this(
        endpoint,
        clientName,
        client,
        handlerMethod,
        errorHandler,
        interceptors,
        replyConverter,
        Settings.inline());
  }

  /**
   * Create a new container.
   *
   * @param endpoint the endpoint
   * @param clientName bean name of the client
   * @param client the client
   * @param handlerMethod the invocable listener method
   * @param errorHandler the error handler, used when {@link Settings#recoverer()} is {@code null}
   * @param interceptors the interceptors, outermost first
   * @param replyConverter converts return values to reply payloads
   * @param settings concurrency, back-pressure and error-handling settings
   */
  public AetherListenerContainer(
      AetherListenerEndpoint endpoint,
      String clientName,
      AetherClient client,
      InvocableHandlerMethod handlerMethod,
      AetherListenerErrorHandler errorHandler,
      List<AetherListenerInterceptor> interceptors,
      MessageConverter replyConverter,
      Settings settings) {
    this.endpoint = endpoint;
    this.clientName = clientName;
    this.client = client;
    this.handlerMethod = handlerMethod;
    this.errorHandler = errorHandler;
    this.interceptors = List.copyOf(interceptors);
    this.replyConverter = replyConverter;
    this.settings = settings;
    boolean control =
        endpoint.kind() == AetherListenerKind.CONFIG
            || endpoint.kind() == AetherListenerKind.CONNECTION_EVENT;
    Executor executor = settings.executor();
    this.lanes =
        (control || executor == null) ? null : new KeyedLanes(executor, settings.concurrency());
    RetryPolicy retryPolicy = settings.retryPolicy();
    this.retryTemplate =
        (retryPolicy != null) ? new RetryTemplate(new FatalAware(retryPolicy)) : null;
  }

  /**
   * Return the listener id.
   *
   * @return the id
   */
  public String getListenerId() {
    return this.endpoint.id();
  }

  /**
   * Return the endpoint this container runs.
   *
   * @return the endpoint
   */
  public AetherListenerEndpoint getEndpoint() {
    return this.endpoint;
  }

  /**
   * Return the bean name of the client this container listens on.
   *
   * @return the client bean name
   */
  public String getClientName() {
    return this.clientName;
  }

  /**
   * Return the number of lanes invocations run on in parallel (1 when they run on the client's
   * dispatcher).
   *
   * @return the concurrency
   */
  public int getConcurrency() {
    KeyedLanes current = this.lanes;
    return (current != null) ? current.concurrency() : 1;
  }

  /**
   * Return the number of listener invocations accepted and not finished: waiting in a lane or
   * running.
   *
   * @return the in-flight count
   */
  public int getInFlight() {
    this.lock.lock();
    try {
      return this.inFlight;
    } finally {
      this.lock.unlock();
    }
  }

  @Override
  public void start() {
    this.lock.lock();
    try {
      if (this.registration == null) {
        this.registration = register();
      }
    } finally {
      this.lock.unlock();
    }
  }

  @Override
  public void stop() {
    Registration current;
    this.lock.lock();
    try {
      current = this.registration;
      this.registration = null;
    } finally {
      this.lock.unlock();
    }
    if (current != null) {
      current.close();
    }
  }

  @Override
  public boolean isRunning() {
    return this.registration != null;
  }

  /**
   * Wait until no invocation is in progress.
   *
   * @param deadlineNanos deadline as a {@link System#nanoTime()} value
   * @return whether the container is idle
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    this.lock.lock();
    try {
      while (this.inFlight > 0) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        this.idle.awaitNanos(remaining);
      }
      return true;
    } finally {
      this.lock.unlock();
    }
  }

  private Registration register() {
    return switch (this.endpoint.kind()) {
      case MESSAGE -> this.client.onMessage(this::onMessage);
      case CONFIG -> this.client.onConfig(this::onConfig);
      case TASK_ASSIGNMENT ->
          this.client.onTaskAssignment((assignment) -> dispatch(assignment, baseHeaders(), null));
      case PROGRESS -> this.client.onProgress((update) -> dispatch(update, baseHeaders(), null));
      case CONNECTION_EVENT -> this.client.addConnectionListener(new EventAdapter());
    };
  }

  private void onMessage(IncomingMessage message) {
    if (!this.endpoint.accepts(message.messageType(), message.sourceTopic())) {
      return;
    }
    Map<String, Object> headers = baseHeaders();
    headers.put(AetherHeaders.SOURCE_TOPIC, message.sourceTopic());
    headers.put(AetherHeaders.MESSAGE_TYPE, message.messageType());
    headers.put(AetherHeaders.WORKSPACE, message.workspace());
    headers.put(AetherHeaders.RECEIVED_AT, message.receivedAt());
    headers.put(AetherHeaders.RAW_MESSAGE, message);
    if (message.onBehalfOf() != null) {
      headers.put(AetherHeaders.ON_BEHALF_OF, message.onBehalfOf());
      headers.put(AetherHeaders.ON_BEHALF_OF_ID, message.onBehalfOf().id());
    }
    dispatch(message.payload(), headers, message);
  }

  private void onConfig(ConfigSnapshot snapshot) {
    String key = this.endpoint.configKey();
    if (key == null) {
      dispatch(snapshot, baseHeaders(), null);
      return;
    }
    byte[] value = snapshot.workspaceExclusiveKv().get(key);
    if (value == null) {
      value = snapshot.globalExclusiveKv().get(key);
    }
    if (value != null) {
      Map<String, Object> headers = baseHeaders();
      headers.put(AetherHeaders.CONFIG_KEY, key);
      dispatch(value, headers, null);
    }
  }

  private void onConnectionEvent(AetherConnectionEvent event) {
    if (this.endpoint.connectionEvents().isEmpty()
        || this.endpoint.connectionEvents().contains(event.type())) {
      dispatch(event, baseHeaders(), null);
    }
  }

  private Map<String, Object> baseHeaders() {
    Map<String, Object> headers = new HashMap<>();
    headers.put(AetherHeaders.CLIENT, this.clientName);
    headers.put(AetherHeaders.CLIENT_IDENTITY, this.client.identity());
    headers.put(AetherHeaders.CLIENT_INSTANCE, this.client);
    headers.put(AetherHeaders.LISTENER_ID, this.endpoint.id());
    return headers;
  }

  private void dispatch(
      Object payload, Map<String, Object> headers, @Nullable IncomingMessage incoming) {
    boolean hold = false;
    this.lock.lock();
    try {
      this.inFlight++;
      if (this.lanes != null
          && !this.holdingInbound
          && this.inFlight >= this.settings.maxBacklog()) {
        this.holdingInbound = true;
        hold = true;
      }
    } finally {
      this.lock.unlock();
    }
    if (hold) {
      this.settings.flowControl().hold(this.client, this);
    }
    KeyedLanes current = this.lanes;
    if (current == null) {
      process(payload, headers, incoming);
    } else {
      current.execute(
          (incoming != null) ? incoming.sourceTopic() : this.endpoint.kind(),
          () -> process(payload, headers, incoming));
    }
  }

  private void process(
      Object payload, Map<String, Object> headers, @Nullable IncomingMessage incoming) {
    Message<?> message = MessageBuilder.createMessage(payload, new MessageHeaders(headers));
    try {
      AetherListenerInvocation invocation =
          new AetherListenerInvocation(
              this.endpoint.id(),
              this.endpoint.kind(),
              this.clientName,
              this.client,
              this.endpoint.method(),
              message,
              incoming);
      Object result;
      try {
        result = invokeWithRetry(invocation);
      } catch (Exception ex) {
        result = handleError(message, ex);
      }
      if (result != null && incoming != null) {
        reply(result, incoming);
      }
    } catch (RuntimeException ex) {
      // Last line of defence: nothing a listener does may break the client's dispatch loop.
      logger.error("Aether listener '" + this.endpoint.id() + "' could not complete", ex);
    } finally {
      finished();
    }
  }

  private void finished() {
    boolean release = false;
    this.lock.lock();
    try {
      this.inFlight--;
      if (this.holdingInbound && this.inFlight <= this.settings.maxBacklog() / 2) {
        this.holdingInbound = false;
        release = true;
      }
      if (this.inFlight == 0) {
        this.idle.signalAll();
      }
    } finally {
      this.lock.unlock();
    }
    if (release) {
      this.settings.flowControl().release(this.client, this);
    }
  }

  private @Nullable Object invokeWithRetry(AetherListenerInvocation invocation) throws Exception {
    RetryTemplate retry = this.retryTemplate;
    if (retry == null) {
      return invoke(invocation, 0);
    }
    try {
      return retry.execute(
          () -> {
            try {
              return invoke(invocation, 0);
            } catch (MessageConversionException | MethodArgumentResolutionException ex) {
              // The same payload converts the same way next time: do not retry.
              throw new NotRetryable(ex);
            }
          });
    } catch (RetryException ex) {
      Throwable last = ex.getCause();
      if (last instanceof NotRetryable notRetryable) {
        throw notRetryable.getCause();
      }
      if (last instanceof Exception exception) {
        throw exception;
      }
      throw ex;
    }
  }

  private @Nullable Object invoke(AetherListenerInvocation invocation, int index) throws Exception {
    if (index == this.interceptors.size()) {
      return this.handlerMethod.invoke(invocation.message());
    }
    return this.interceptors.get(index).intercept(invocation, () -> invoke(invocation, index + 1));
  }

  private @Nullable Object handleError(Message<?> message, Exception ex) {
    AetherListenerExecutionException failure =
        (ex instanceof AetherListenerExecutionException listenerEx)
            ? listenerEx
            : new AetherListenerExecutionException(
                this.endpoint.id(),
                "Listener method '" + this.endpoint.method().getName() + "' threw an exception",
                ex);
    AetherListenerRecoverer recoverer = this.settings.recoverer();
    if (recoverer != null) {
      try {
        recoverer.recover(message, failure);
      } catch (RuntimeException recovererEx) {
        logger.error(
            "Recoverer of Aether listener '" + this.endpoint.id() + "' failed", recovererEx);
      }
      return null;
    }
    try {
      return this.errorHandler.handleError(message, failure);
    } catch (RuntimeException handlerEx) {
      logger.error(
          "Error handler of Aether listener '" + this.endpoint.id() + "' failed", handlerEx);
      return null;
    }
  }

  private void reply(Object result, IncomingMessage incoming) {
    String topic =
        (this.endpoint.sendTo() != null) ? this.endpoint.sendTo() : incoming.sourceTopic();
    byte[] payload = toBytes(result);
    MessageType type = incoming.messageType();
    send(topic, payload, type)
        .whenComplete(
            (ignored, ex) -> {
              if (ex != null) {
                logger.warn(
                    "Aether listener '"
                        + this.endpoint.id()
                        + "' could not send its reply to '"
                        + topic
                        + "': "
                        + ex.getMessage());
              }
            });
  }

  private CompletableFuture<Void> send(String topic, byte[] payload, MessageType type) {
    if (this.client instanceof MessageSender sender) {
      return sender.send(topic, payload, type);
    }
    return CompletableFuture.failedFuture(
        new IllegalStateException(
            "Client '" + this.clientName + "' (" + this.client.kind() + ") cannot send messages"));
  }

  private byte[] toBytes(Object result) {
    return AetherMessageConverters.toBytes(result, this.replyConverter);
  }

  @Override
  public String toString() {
    return "AetherListenerContainer["
        + this.endpoint.id()
        + ", kind="
        + this.endpoint.kind()
        + ", client="
        + this.clientName
        + ", running="
        + isRunning()
        + "]";
  }

  /**
   * How a container runs its invocations.
   *
   * @param executor executor the lanes run on, or {@code null} to run every invocation on the
   *     client's dispatcher
   * @param concurrency number of lanes (messages from one source topic always share a lane)
   * @param maxBacklog waiting invocations at which the client's inbound window is held
   * @param retryPolicy retries of a failed invocation, or {@code null} for none; conversion and
   *     validation failures are never retried
   * @param recoverer called when an invocation failed for good, or {@code null} for the error
   *     handler
   * @param flowControl holds the client's inbound window while the backlog is full
   */
  public record Settings(
      @Nullable Executor executor,
      int concurrency,
      int maxBacklog,
      @Nullable RetryPolicy retryPolicy,
      @Nullable AetherListenerRecoverer recoverer,
      AetherInboundFlowControl flowControl) {

    /** Validate the settings. */
    public Settings {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
      }
      if (maxBacklog < 1) {
        throw new IllegalArgumentException("maxBacklog must be at least 1, was " + maxBacklog);
      }
    }

    static Settings inline() {
      return new Settings(null, 1, Integer.MAX_VALUE, null, null, new AetherInboundFlowControl());
    }
  }

  /** Carries a failure that must not be retried through the retry template. */
  private static final class NotRetryable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotRetryable(MessagingException cause) {
      super(cause);
    }

    @Override
    public synchronized MessagingException getCause() {
      return (MessagingException) super.getCause();
    }
  }

  /** The configured policy, except that {@link NotRetryable} failures end the retries. */
  private record FatalAware(RetryPolicy delegate) implements RetryPolicy {

    @Override
    public boolean shouldRetry(Throwable throwable) {
      return !(throwable instanceof NotRetryable) && this.delegate.shouldRetry(throwable);
    }

    @Override
    public Duration getTimeout() {
      return this.delegate.getTimeout();
    }

    @Override
    public BackOff getBackOff() {
      return this.delegate.getBackOff();
    }
  }

  private final class EventAdapter implements ConnectionListener {

    @Override
    public void onConnect(ConnectionInfo info) {
      onConnectionEvent(event(AetherConnectionEvent.Type.CONNECTED, null, null, info, null, 0));
    }

    @Override
    public void onDisconnect(DisconnectInfo info) {
      onConnectionEvent(event(AetherConnectionEvent.Type.DISCONNECTED, null, null, null, info, 0));
    }

    @Override
    public void onReconnecting(int attempt) {
      onConnectionEvent(
          event(AetherConnectionEvent.Type.RECONNECTING, null, null, null, null, attempt));
    }

    @Override
    public void onStateChanged(ConnectionState from, ConnectionState to) {
      onConnectionEvent(event(AetherConnectionEvent.Type.STATE_CHANGED, from, to, null, null, 0));
    }

    private AetherConnectionEvent event(
        AetherConnectionEvent.Type type,
        @Nullable ConnectionState from,
        @Nullable ConnectionState to,
        @Nullable ConnectionInfo info,
        @Nullable DisconnectInfo disconnect,
        int attempt) {
      return new AetherConnectionEvent(
          type,
          AetherListenerContainer.this.clientName,
          AetherListenerContainer.this.client,
          from,
          to,
          info,
          disconnect,
          attempt);
    }
  }
}
