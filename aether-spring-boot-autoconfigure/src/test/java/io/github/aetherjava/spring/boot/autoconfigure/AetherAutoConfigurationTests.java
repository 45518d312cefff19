/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.MetricsBridgeClient;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.OverflowPolicy;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.client.AetherClientLifecycle;
import io.github.aetherjava.spring.client.AetherRetry;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

class AetherAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherAutoConfiguration.class, AetherSanitizingAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues("aether.address=127.0.0.1:1", "aether.connect-on-startup=false");

  @Test
  void noPrincipalConfiguredCreatesNoClient() {
    this.runner.run(
        (context) -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(AetherClient.class);
          assertThat(context).hasSingleBean(AetherClientOptions.class);
          assertThat(context).hasSingleBean(AetherClientLifecycle.class);
          assertThat(context).hasSingleBean(AetherRetry.class);
        });
  }

  @Test
  void defaultAddressIsLocalhostWithoutEmbeddedGateway() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AetherAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .run(
            (context) ->
                assertThat(context.getBean(AetherClientOptions.class).address())
                    .isEqualTo(AetherClientOptions.DEFAULT_ADDRESS));
  }

  @Test
  void agentSectionCreatesAgentClient() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(AgentClient.class);
              AgentClient agent = context.getBean("aetherAgentClient", AgentClient.class);
              assertThat(agent.identity()).isEqualTo("ag::prod::impl::s1");
              assertThat(agent.state()).isEqualTo(ConnectionState.IDLE);
              assertThat(agent.options().address()).isEqualTo("127.0.0.1:1");
            });
  }

  @Test
  void severalPrincipalsAtOnce() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1",
            "aether.task.workspace=prod",
            "aether.task.implementation=job",
            "aether.user.user-id=alice",
            "aether.user.window-id=tab-1",
            "aether.orchestrator.implementation=k8s",
            "aether.orchestrator.supported-profiles=default,gpu",
            "aether.service.implementation=search",
            "aether.service.specifier=1",
            "aether.workflow-engine.enabled=true",
            "aether.metrics-bridge.enabled=true")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .hasSingleBean(AgentClient.class)
                  .hasSingleBean(TaskClient.class)
                  .hasSingleBean(UserClient.class)
                  .hasSingleBean(OrchestratorClient.class)
                  .hasSingleBean(ServiceClient.class)
                  .hasSingleBean(WorkflowEngineClient.class)
                  .hasSingleBean(MetricsBridgeClient.class);
              assertThat(context.getBeansOfType(AetherClient.class)).hasSize(7);
              assertThat(context.getBean(ServiceClient.class).identity()).contains("search");
            });
  }

  @Test
  void propertiesAreAppliedToOptions() {
    this.runner
        .withPropertyValues(
            "aether.credentials.api-key=secret",
            "aether.credentials.tenant=t1",
            "aether.request-timeout=7s",
            "aether.keepalive.time=45s",
            "aether.buffer.max-sends=5",
            "aether.buffer.max-size=1MB",
            "aether.buffer.overflow-policy=drop-oldest",
            "aether.reconnect.max-attempts=3",
            "aether.max-payload-size=2MB")
        .run(
            (context) -> {
              AetherClientOptions options = context.getBean(AetherClientOptions.class);
              assertThat(options.credentials())
                  .isEqualTo(Credentials.apiKey("secret").and(Credentials.tenant("t1")));
              assertThat(options.requestTimeout()).hasSeconds(7);
              assertThat(options.keepAliveTime()).hasSeconds(45);
              assertThat(options.maxBufferedSends()).isEqualTo(5);
              assertThat(options.maxBufferedBytes()).isEqualTo(1024 * 1024);
              assertThat(options.overflowPolicy()).isEqualTo(OverflowPolicy.DROP_OLDEST);
              assertThat(options.reconnect().maxAttempts()).isEqualTo(3);
              assertThat(options.reconnect().retryInitialConnect()).isTrue();
              assertThat(options.maxPayloadBytes()).isEqualTo(2 * 1024 * 1024);
              assertThat(options.callbackExecutor())
                  .isSameAs(context.getBean("aetherTaskExecutor"));
            });
  }

  @Test
  void failFastDisablesInitialConnectRetry() {
    this.runner
        .withPropertyValues("aether.fail-fast=true")
        .run(
            (context) ->
                assertThat(
                        context
                            .getBean(AetherClientOptions.class)
                            .reconnect()
                            .retryInitialConnect())
                    .isFalse());
  }

  @Test
  void customizersAreApplied() {
    ClientObserver observer = new ClientObserver() {};
    this.runner
        .withBean(
            AetherClientOptionsCustomizer.class, () -> (builder) -> builder.addObserver(observer))
        .run(
            (context) ->
                assertThat(context.getBean(AetherClientOptions.class).observers())
                    .contains(observer));
  }

  @Test
  void userDefinedClientBacksOff() {
    this.runner
        .withUserConfiguration(CustomAgentConfiguration.class)
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(AgentClient.class);
              assertThat(context.getBean(AgentClient.class).identity())
                  .isEqualTo("ag::custom::impl::s9");
            });
  }

  @Test
  void platformThreadsUseBoundedExecutor() {
    this.runner
        .withPropertyValues("aether.listener.executor.max-threads=3")
        .run(
            (context) -> {
              Executor executor = context.getBean("aetherTaskExecutor", Executor.class);
              assertThat(executor).isInstanceOf(ThreadPoolExecutor.class);
              assertThat(((ThreadPoolExecutor) executor).getMaximumPoolSize()).isEqualTo(3);
            });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void virtualThreadsWhenEnabledOnJava21() {
    this.runner
        .withPropertyValues("spring.threads.virtual.enabled=true")
        .run(
            (context) ->
                assertThat(context.getBean("aetherTaskExecutor"))
                    .isInstanceOf(SimpleAsyncTaskExecutor.class));
  }

  @Test
  @EnabledForJreRange(max = JRE.JAVA_20)
  void virtualThreadsFallBackToBoundedPoolBeforeJava21() {
    this.runner
        .withPropertyValues("spring.threads.virtual.enabled=true")
        .run(
            (context) ->
                assertThat(context.getBean("aetherTaskExecutor"))
                    .isInstanceOf(ThreadPoolExecutor.class));
  }

  @Test
  void invalidIdentifierFailsNamingTheProperty() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod::x",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1")
        .run(
            (context) -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("agent.workspace")
                  .hasMessageContaining("'::'");
            });
  }

  @Test
  void missingRequiredPartFailsNamingTheProperty() {
    this.runner
        .withPropertyValues("aether.agent.implementation=impl", "aether.agent.workspace=prod")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("agent.specifier"));
  }

  @Test
  void invalidAddressFailsNamingTheProperty() {
    this.runner
        .withPropertyValues("aether.address=not an address")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("address")
                    .hasMessageContaining("host:port"));
  }

  @Test
  void invalidRangesFailNamingTheProperty() {
    this.runner
        .withPropertyValues("aether.reconnect.jitter=2", "aether.keepalive.time=1s")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("reconnect.jitter")
                    .hasMessageContaining("keepalive.time"));
  }

  @Test
  void blankCredentialFailsNamingTheProperty() {
    this.runner
        .withPropertyValues("aether.credentials.api-key=")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("credentials.apiKey")
                    .hasMessageContaining("must not be blank"));
  }

  @Test
  void unreadablePemFailsWithAnalyzableException() {
    this.runner
        .withPropertyValues("aether.tls.trust-certificates=classpath:missing.pem")
        .run(
            (context) -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              FailureAnalysis analysis = new AetherFailureAnalyzer().analyze(failure);
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription()).contains("aether.tls.trust-certificates");
              assertThat(analysis.getAction()).contains("aether.tls.trust-certificates");
            });
  }

  @Test
  void credentialsAreSanitized() {
    this.runner.run(
        (context) -> {
          SanitizingFunction function = context.getBean(SanitizingFunction.class);
          assertThat(
                  function
                      .apply(new SanitizableData(null, "aether.credentials.api-key", "secret"))
                      .getValue())
              .isEqualTo(SanitizableData.SANITIZED_VALUE);
          assertThat(
                  function
                      .apply(new SanitizableData(null, "credentials.taskToken", "secret"))
                      .getValue())
              .isEqualTo(SanitizableData.SANITIZED_VALUE);
          assertThat(function.apply(new SanitizableData(null, "aether.address", "gw:1")).getValue())
              .isEqualTo("gw:1");
        });
  }

  @Test
  void credentialsAreNeverPrinted() {
    AetherProperties.Credentials credentials = new AetherProperties.Credentials();
    credentials.setApiKey("top-secret");
    assertThat(credentials.toString()).doesNotContain("top-secret");
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomAgentConfiguration {

    @Bean(destroyMethod = "close")
    AgentClient customAgent(AetherClientOptions options) {
      return AgentClient.builder(options)
          .workspace("custom")
          .implementation("impl")
          .specifier("s9")
          .build();
    }
  }
}
