/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.docs;

import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.Topics;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.client.AetherInboundFlowControl;
import io.github.aetherjava.spring.core.AetherTemplate;
import io.github.aetherjava.spring.listener.AetherListenerContainerFactory;
import io.github.aetherjava.spring.listener.AetherListenerRecoverer;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The Java snippets of {@code docs/spring-boot.md}, compiled. {@link GuideSnippetsTest} checks that
 * every snippet marked in the guide is the code between its tags here.
 */
final class SpringBootGuideSnippets {

  private SpringBootGuideSnippets() {}

  record Invoice(String id, int amount) {}

  record Receipt(String invoiceId) {}

  record Job(String id) {}

  // tag::container-factory[]
  @Configuration(proxyBeanMethods = false)
  static class ListenerConfiguration {

    @Bean
    AetherListenerContainerFactory slowJobsFactory(
        @Qualifier(AetherAutoConfiguration.TASK_EXECUTOR_BEAN_NAME) Executor executor,
        AetherInboundFlowControl flowControl) {
      AetherListenerContainerFactory factory =
          new AetherListenerContainerFactory(executor, flowControl);
      factory.setConcurrency(4);
      factory.setRetryPolicy(
          RetryPolicy.builder().maxRetries(5).delay(Duration.ofSeconds(1)).multiplier(2).build());
      factory.setDeadLetterTopic("ag::ops::dead-letters::1");
      return factory;
    }
  }

  @Component
  static class Jobs {

    @AetherListener(containerFactory = "slowJobsFactory")
    void run(Job job) {
      // up to 4 source topics in parallel, each in order; retried, then dead-lettered
    }

    @AetherListener(id = "audit", concurrency = "2", deadLetterTopic = "ag::ops::audit-failed::1")
    void audit(String line) {}
  }

  // end::container-factory[]

  // tag::recoverer[]
  @Configuration(proxyBeanMethods = false)
  static class RecovererConfiguration {

    @Bean
    AetherListenerRecoverer parkFailures(AetherTemplate template) {
      return (message, exception) ->
          template.convertAndSend(
              "ag::ops::parking::1",
              "listener " + exception.getListenerId() + " failed: " + exception.getCause());
    }
  }

  // end::recoverer[]

  // tag::template[]
  @Service
  static class Billing {

    private final AetherTemplate template;

    Billing(AetherTemplate template) {
      this.template = template;
    }

    void bill(Invoice invoice) {
      // JSON through the listeners' converter; completes when handed to the transport
      this.template.convertAndSend(Topics.agent("prod", "ledger", "1"), invoice);
    }

    @AetherListener
    void onRequest(Invoice invoice, IncomingMessage request) {
      // the same as returning the value: back to the request's source topic and message type
      this.template.reply(request, new Receipt(invoice.id()));
    }
  }

  // end::template[]

  @SpringBootApplication
  static class MyApplication {

    public static void main(String[] args) {
      SpringApplication.run(MyApplication.class, args);
    }
  }

  // tag::test-run[]
  // src/test/java/com/example/TestMyApplication.java
  static class TestMyApplication {

    public static void main(String[] args) {
      SpringApplication.from(MyApplication::main).with(DevelopmentGateway.class).run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DevelopmentGateway {

      // a fixed port, so other local processes can join; without this bean a free port is used
      @Bean(destroyMethod = "close")
      EmbeddedAetherGateway aetherEmbeddedGateway() {
        return EmbeddedAetherGateway.builder().port(50051).start();
      }
    }
  }
  // end::test-run[]
}
