/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BridgeClient;
import io.github.aetherjava.client.MetricsBridgeClient;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.spring.client.AetherClientLifecycle;
import io.github.aetherjava.spring.client.AetherInboundFlowControl;
import io.github.aetherjava.spring.client.AetherRetry;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Auto-configuration for Aether clients: one client bean per configured principal section, the
 * shared {@link AetherClientOptions}, the handler executor and the connection lifecycle.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass(AetherClient.class)
@EnableConfigurationProperties(AetherProperties.class)
public final class AetherAutoConfiguration {

  /** Name of the executor bean that runs handlers and listeners. */
  public static final String TASK_EXECUTOR_BEAN_NAME = "aetherTaskExecutor";

  @Bean
  @ConditionalOnMissingBean(AetherConnectionDetails.class)
  PropertiesAetherConnectionDetails aetherConnectionDetails(
      AetherProperties properties,
      ResourceLoader resourceLoader,
      ObjectProvider<SslBundles> sslBundles) {
    return new PropertiesAetherConnectionDetails(
        properties, resourceLoader, sslBundles.getIfAvailable());
  }

  @Bean
  @ConditionalOnMissingBean
  AetherClientOptions aetherClientOptions(
      AetherProperties properties,
      AetherConnectionDetails connectionDetails,
      @Qualifier(TASK_EXECUTOR_BEAN_NAME) Executor aetherTaskExecutor,
      ObjectProvider<AetherClientOptionsCustomizer> customizers) {
    try {
      AetherClientOptions.Builder builder =
          AetherClientOptions.builder()
              .address(connectionDetails.getAddress())
              .credentials(connectionDetails.getCredentials())
              .tls(connectionDetails.getTls())
              .reconnect(reconnectPolicy(properties))
              .connectTimeout(properties.getConnectTimeout())
              .requestTimeout(properties.getRequestTimeout())
              .keepAliveTime(properties.getKeepalive().getTime())
              .keepAliveTimeout(properties.getKeepalive().getTimeout())
              .maxPayloadBytes((int) properties.getMaxPayloadSize().toBytes())
              .maxInboundMessageBytes((int) properties.getMaxInboundMessageSize().toBytes())
              .maxBufferedSends(properties.getBuffer().getMaxSends())
              .maxBufferedBytes(properties.getBuffer().getMaxSize().toBytes())
              .overflowPolicy(properties.getBuffer().getOverflowPolicy())
              .deliveryMode(properties.getDelivery().getMode())
              .sendPacing(properties.getDelivery().pacing())
              .callbackExecutor(aetherTaskExecutor);
      customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
      return builder.build();
    } catch (InvalidAetherConfigurationException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      throw new InvalidAetherConfigurationException("aether", ex.getMessage(), ex);
    }
  }

  private static ReconnectPolicy reconnectPolicy(AetherProperties properties) {
    AetherProperties.Reconnect reconnect = properties.getReconnect();
    return ReconnectPolicy.builder()
        .enabled(reconnect.isEnabled())
        .initialDelay(reconnect.getInitialDelay())
        .maxDelay(reconnect.getMaxDelay())
        .multiplier(reconnect.getMultiplier())
        .jitter(reconnect.getJitter())
        .maxAttempts(reconnect.getMaxAttempts())
        // Without fail-fast, a gateway that is down at startup is just an outage to ride out.
        .retryInitialConnect(!properties.isFailFast())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  AetherClientLifecycle aetherClientLifecycle(
      AetherProperties properties,
      ListableBeanFactory beanFactory,
      AetherInboundFlowControl flowControl,
      ObjectProvider<AetherListenerEndpointRegistry> listenerRegistry) {
    Supplier<Map<String, AetherClient>> clients =
        () -> beanFactory.getBeansOfType(AetherClient.class, false, false);
    AetherClientLifecycle.Settings settings =
        new AetherClientLifecycle.Settings(
            properties.isConnectOnStartup(),
            properties.isFailFast(),
            properties.getConnectTimeout(),
            properties.getReadyTimeout(),
            properties.getListener().getShutdownTimeout(),
            properties.getListener().getShutdownTimeout().plus(properties.getRequestTimeout()),
            properties.getOutageWarnAfter());
    AetherClientLifecycle.ListenerDrain listeners =
        new AetherClientLifecycle.ListenerDrain() {
          @Override
          public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
            AetherListenerEndpointRegistry registry = listenerRegistry.getIfAvailable();
            return (registry == null) || registry.awaitIdle(deadlineNanos);
          }

          @Override
          public int inFlight() {
            AetherListenerEndpointRegistry registry = listenerRegistry.getIfAvailable();
            return (registry != null) ? registry.inFlight() : 0;
          }
        };
    return new AetherClientLifecycle(clients, settings, flowControl, listeners);
  }

  @Bean
  @ConditionalOnMissingBean
  AetherInboundFlowControl aetherInboundFlowControl() {
    return new AetherInboundFlowControl();
  }

  @Bean
  @ConditionalOnMissingBean
  AetherRetry aetherRetry(AetherProperties properties) {
    AetherProperties.Retry retry = properties.getRetry();
    return AetherRetry.of(
        retry.isEnabled(),
        retry.getMaxRetries(),
        retry.getDelay(),
        retry.getMultiplier(),
        retry.getMaxDelay());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "aether.agent", name = "implementation")
  AgentClient aetherAgentClient(AetherClientOptions options, AetherProperties properties) {
    AetherProperties.Agent agent = properties.getAgent();
    return build(
        "aether.agent",
        () ->
            AgentClient.builder(options)
                .workspace(required(agent.getWorkspace()))
                .implementation(required(agent.getImplementation()))
                .specifier(required(agent.getSpecifier()))
                .build());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "aether.task", name = "implementation")
  TaskClient aetherTaskClient(AetherClientOptions options, AetherProperties properties) {
    AetherProperties.Task task = properties.getTask();
    return build(
        "aether.task",
        () -> {
          TaskClient.Builder builder =
              TaskClient.builder(options)
                  .workspace(required(task.getWorkspace()))
                  .implementation(required(task.getImplementation()));
          if (task.getUniqueSpecifier() != null) {
            builder.uniqueSpecifier(task.getUniqueSpecifier());
          }
          return builder.build();
        });
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "aether.user", name = "user-id")
  UserClient aetherUserClient(AetherClientOptions options, AetherProperties properties) {
    AetherProperties.User user = properties.getUser();
    return build(
        "aether.user",
        () -> {
          UserClient.Builder builder =
              UserClient.builder(options).userId(required(user.getUserId()));
          if (user.getWindowId() != null) {
            builder.windowId(user.getWindowId());
          }
          if (user.getWorkspace() != null) {
            builder.workspace(user.getWorkspace());
          }
          return builder.build();
        });
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "aether.orchestrator", name = "implementation")
  OrchestratorClient aetherOrchestratorClient(
      AetherClientOptions options, AetherProperties properties) {
    AetherProperties.Orchestrator orchestrator = properties.getOrchestrator();
    return build(
        "aether.orchestrator",
        () -> {
          OrchestratorClient.Builder builder =
              OrchestratorClient.builder(options)
                  .implementation(required(orchestrator.getImplementation()))
                  .supportedProfiles(orchestrator.getSupportedProfiles().toArray(new String[0]));
          if (orchestrator.getSpecifier() != null) {
            builder.specifier(orchestrator.getSpecifier());
          }
          return builder.build();
        });
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "aether.bridge", name = "implementation")
  BridgeClient aetherBridgeClient(AetherClientOptions options, AetherProperties properties) {
    AetherProperties.Bridge bridge = properties.getBridge();
    return build(
        "aether.bridge",
        () ->
            BridgeClient.builder(options)
                .implementation(required(bridge.getImplementation()))
                .specifier(required(bridge.getSpecifier()))
                .build());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "aether.service", name = "implementation")
  ServiceClient aetherServiceClient(AetherClientOptions options, AetherProperties properties) {
    AetherProperties.Service service = properties.getService();
    return build(
        "aether.service",
        () ->
            ServiceClient.builder(options)
                .implementation(required(service.getImplementation()))
                .specifier(required(service.getSpecifier()))
                .noPoolConsumer(service.isNoPoolConsumer())
                .build());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty("aether.workflow-engine.enabled")
  WorkflowEngineClient aetherWorkflowEngineClient(AetherClientOptions options) {
    return build("aether.workflow-engine", () -> WorkflowEngineClient.builder(options).build());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty("aether.metrics-bridge.enabled")
  MetricsBridgeClient aetherMetricsBridgeClient(AetherClientOptions options) {
    return build("aether.metrics-bridge", () -> MetricsBridgeClient.builder(options).build());
  }

  private static <T> T build(String section, Supplier<T> factory) {
    try {
      return factory.get();
    } catch (RuntimeException ex) {
      // Identifier checks in the client builders report here; name the section, not gRPC.
      throw new InvalidAetherConfigurationException(section, String.valueOf(ex.getMessage()), ex);
    }
  }

  private static String required(@Nullable String value) {
    if (value == null) {
      // Unreachable after property validation; kept so the builder never sees null.
      throw new IllegalArgumentException("required value is not set");
    }
    return value;
  }

  /**
   * Virtual-thread handler executor, used when {@code spring.threads.virtual.enabled=true} on Java
   * 21+.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnThreading(Threading.VIRTUAL)
  static class VirtualThreadExecutorConfiguration {

    @Bean(name = TASK_EXECUTOR_BEAN_NAME)
    @ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
    SimpleAsyncTaskExecutor aetherTaskExecutor(AetherProperties properties) {
      SimpleAsyncTaskExecutor executor =
          new SimpleAsyncTaskExecutor(properties.getListener().getExecutor().getThreadNamePrefix());
      executor.setVirtualThreads(true);
      return executor;
    }
  }

  /**
   * Bounded platform-thread handler executor, configured under {@code aether.listener.executor}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnThreading(Threading.PLATFORM)
  static class PlatformThreadExecutorConfiguration {

    @Bean(name = TASK_EXECUTOR_BEAN_NAME, destroyMethod = "shutdown")
    @ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
    ThreadPoolExecutor aetherTaskExecutor(AetherProperties properties) {
      AetherProperties.Executor settings = properties.getListener().getExecutor();
      BlockingQueue<Runnable> queue =
          (settings.getQueueCapacity() > 0)
              ? new ArrayBlockingQueue<>(settings.getQueueCapacity())
              : new SynchronousQueue<>();
      // A plain JDK pool rather than ThreadPoolTaskExecutor: Spring's executor lifecycle pauses
      // on context close, before the listeners have drained.
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              settings.getMaxThreads(),
              settings.getMaxThreads(),
              60,
              TimeUnit.SECONDS,
              queue,
              new CustomizableThreadFactory(settings.getThreadNamePrefix()));
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }
}
