/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.client.AetherInboundFlowControl;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Creates the {@link AetherListenerContainer} of each listener endpoint with shared settings:
 * concurrency, back-pressure, retry with back-off, and what happens to a message whose listener
 * failed for good (a recoverer, a dead-letter topic, or the error handler). The auto-configured
 * bean is named {@value #DEFAULT_BEAN_NAME}; declare more beans of this type and choose one per
 * listener with {@code @AetherListener(containerFactory = "...")} (the spring-kafka {@code
 * ConcurrentKafkaListenerContainerFactory} pattern).
 *
 * <pre class="code">
 * &#64;Bean
 * AetherListenerContainerFactory slowJobsFactory(
 *     &#64;Qualifier("aetherTaskExecutor") Executor executor, AetherInboundFlowControl flowControl) {
 *   AetherListenerContainerFactory factory = new AetherListenerContainerFactory(executor, flowControl);
 *   factory.setConcurrency(4);
 *   factory.setRetryPolicy(RetryPolicy.builder().maxRetries(5).delay(Duration.ofSeconds(1)).build());
 *   factory.setDeadLetterTopic("ag::ops::dead-letters::1");
 *   return factory;
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public class AetherListenerContainerFactory {

  /** Name of the auto-configured factory bean, used by listeners that do not name one. */
  public static final String DEFAULT_BEAN_NAME = "aetherListenerContainerFactory";

  /** Default number of lanes per listener. */
  public static final int DEFAULT_CONCURRENCY = 1;

  /** Default number of waiting invocations at which a container holds the inbound window. */
  public static final int DEFAULT_MAX_BACKLOG = 256;

  private final Executor executor;

  private final AetherInboundFlowControl flowControl;

  private int concurrency = DEFAULT_CONCURRENCY;

  private int maxBacklog = DEFAULT_MAX_BACKLOG;

  private @Nullable RetryPolicy retryPolicy;

  private @Nullable AetherListenerRecoverer recoverer;

  private @Nullable String deadLetterTopic;

  /**
   * Create a factory.
   *
   * @param executor executor the listener lanes run on
   * @param flowControl pauses a client's inbound window while a listener's backlog is full
   */
  public AetherListenerContainerFactory(Executor executor, AetherInboundFlowControl flowControl) {
    this.executor = executor;
    this.flowControl = flowControl;
  }

  /**
   * Set the number of lanes each listener runs on; messages from one source topic always share a
   * lane, so their order is kept. Listeners override it with {@code @AetherListener(concurrency)}.
   *
   * @param concurrency lanes per listener, at least 1
   */
  public void setConcurrency(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.concurrency = concurrency;
  }

  /**
   * Return the number of lanes per listener.
   *
   * @return the concurrency
   */
  public int getConcurrency() {
    return this.concurrency;
  }

  /**
   * Set how many invocations may wait per listener before the client stops taking frames.
   *
   * @param maxBacklog the backlog limit, at least 1
   */
  public void setMaxBacklog(int maxBacklog) {
    if (maxBacklog < 1) {
      throw new IllegalArgumentException("maxBacklog must be at least 1, was " + maxBacklog);
    }
    this.maxBacklog = maxBacklog;
  }

  /**
   * Return the backlog limit.
   *
   * @return the backlog limit
   */
  public int getMaxBacklog() {
    return this.maxBacklog;
  }

  /**
   * Set the retry policy (Spring Framework core retry, with its back-off) for failed invocations;
   * {@code null} for no retry. Payloads that cannot be converted or validated are never retried.
   *
   * @param retryPolicy the policy or {@code null}
   */
  public void setRetryPolicy(@Nullable RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
  }

  /**
   * Return the retry policy.
   *
   * @return the policy or {@code null}
   */
  public @Nullable RetryPolicy getRetryPolicy() {
    return this.retryPolicy;
  }

  /**
   * Set the recoverer called when an invocation failed for good; it replaces the error handler.
   *
   * @param recoverer the recoverer or {@code null}
   */
  public void setRecoverer(@Nullable AetherListenerRecoverer recoverer) {
    this.recoverer = recoverer;
  }

  /**
   * Return the recoverer.
   *
   * @return the recoverer or {@code null}
   */
  public @Nullable AetherListenerRecoverer getRecoverer() {
    return this.recoverer;
  }

  /**
   * Set a dead-letter topic: when no recoverer is set, messages whose listener failed for good are
   * published there ({@link DeadLetterPublishingRecoverer}).
   *
   * @param deadLetterTopic the topic or {@code null}
   */
  public void setDeadLetterTopic(@Nullable String deadLetterTopic) {
    this.deadLetterTopic =
        (deadLetterTopic != null && !deadLetterTopic.isBlank()) ? deadLetterTopic : null;
  }

  /**
   * Return the dead-letter topic.
   *
   * @return the topic or {@code null}
   */
  public @Nullable String getDeadLetterTopic() {
    return this.deadLetterTopic;
  }

  /**
   * Create the container of one endpoint. The endpoint's own concurrency and dead-letter topic win
   * over the factory's.
   *
   * @param endpoint the endpoint
   * @param clientName bean name of the client
   * @param client the client
   * @param handlerMethod the invocable listener method
   * @param errorHandler the error handler, used when there is no recoverer
   * @param interceptors the interceptors, outermost first
   * @param replyConverter converts return values to reply payloads
   * @return the container
   */
  public AetherListenerContainer createContainer(
      AetherListenerEndpoint endpoint,
      String clientName,
      AetherClient client,
      InvocableHandlerMethod handlerMethod,
      AetherListenerErrorHandler errorHandler,
      List<AetherListenerInterceptor> interceptors,
      MessageConverter replyConverter) {
    int lanes = (endpoint.concurrency() > 0) ? endpoint.concurrency() : this.concurrency;
    AetherListenerRecoverer effectiveRecoverer = this.recoverer;
    String topic = (endpoint.deadLetterTopic() != null) ? endpoint.deadLetterTopic() : null;
    if (topic != null) {
      effectiveRecoverer = new DeadLetterPublishingRecoverer(topic);
    } else if (effectiveRecoverer == null && this.deadLetterTopic != null) {
      effectiveRecoverer = new DeadLetterPublishingRecoverer(this.deadLetterTopic);
    }
    AetherListenerContainer.Settings settings =
        new AetherListenerContainer.Settings(
            this.executor,
            lanes,
            this.maxBacklog,
            this.retryPolicy,
            effectiveRecoverer,
            this.flowControl);
    return new AetherListenerContainer(
        endpoint,
        clientName,
        client,
        handlerMethod,
        errorHandler,
        interceptors,
        replyConverter,
        settings);
  }
}
