/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.task;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.task.TaskOperations;
import io.github.aetherjava.client.workflow.WorkflowOperations;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.task.TaskAnnotationBeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Tasks, orchestration and workflow operations: a {@link TaskOperations} and a {@link
 * WorkflowOperations} bean for an application with one client, and the wiring of
 * {@code @OnWorkflowOperation} and {@code @OnAgentLaunch} bean methods.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass(AetherClient.class)
public final class AetherTaskAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  static TaskAnnotationBeanPostProcessor aetherTaskAnnotationBeanPostProcessor() {
    return new TaskAnnotationBeanPostProcessor();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(AetherClient.class)
  TaskOperations aetherTaskOperations(AetherClient client) {
    return client.tasks();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(AetherClient.class)
  WorkflowOperations aetherWorkflowOperations(AetherClient client) {
    return client.workflow();
  }
}
