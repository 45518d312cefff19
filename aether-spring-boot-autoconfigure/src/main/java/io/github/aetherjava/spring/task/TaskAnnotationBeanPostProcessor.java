/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.task;

import io.github.aetherjava.client.BaseOrchestrator;
import io.github.aetherjava.client.LaunchRequest;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.client.workflow.WorkflowOperationType;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.client.workflow.WorkflowResult;
import io.github.aetherjava.spring.annotation.OnAgentLaunch;
import io.github.aetherjava.spring.annotation.OnWorkflowOperation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@link OnWorkflowOperation @OnWorkflowOperation} and {@link OnAgentLaunch @OnAgentLaunch}
 * bean methods and, once every singleton exists (before the clients connect), serves them on the
 * application's {@link WorkflowEngineClient} and {@link OrchestratorClient}.
 *
 * @since 0.1.0
 */
public class TaskAnnotationBeanPostProcessor
    implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, DisposableBean {

  private record Target(Object bean, Method method) {}

  private final List<Target> launchers = new ArrayList<>();
  private final Map<WorkflowOperationType, Target> operations =
      new EnumMap<>(WorkflowOperationType.class);
  private @Nullable Target fallbackOperation;
  private @Nullable BeanFactory beanFactory;
  private @Nullable BaseOrchestrator orchestrator;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    Class<?> type = AopUtils.getTargetClass(bean);
    Map<Method, OnWorkflowOperation> ops =
        MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<OnWorkflowOperation>)
                m -> AnnotatedElementUtils.findMergedAnnotation(m, OnWorkflowOperation.class));
    ops.forEach(
        (method, annotation) -> {
          Target t = new Target(bean, AopUtils.selectInvocableMethod(method, bean.getClass()));
          if (annotation.value().length == 0) {
            if (fallbackOperation != null) {
              throw new IllegalStateException(
                  "two @OnWorkflowOperation methods serve every operation: "
                      + fallbackOperation.method()
                      + " and "
                      + method);
            }
            fallbackOperation = t;
          }
          for (WorkflowOperationType op : annotation.value()) {
            Target previous = operations.putIfAbsent(op, t);
            if (previous != null) {
              throw new IllegalStateException(
                  "two @OnWorkflowOperation methods serve "
                      + op
                      + ": "
                      + previous.method()
                      + " and "
                      + method);
            }
          }
        });
    MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<OnAgentLaunch>)
                m -> AnnotatedElementUtils.findMergedAnnotation(m, OnAgentLaunch.class))
        .keySet()
        .forEach(
            m ->
                launchers.add(
                    new Target(bean, AopUtils.selectInvocableMethod(m, bean.getClass()))));
    return bean;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!(beanFactory instanceof ListableBeanFactory factory)) {
      return;
    }
    if (!operations.isEmpty() || fallbackOperation != null) {
      WorkflowEngineClient engine =
          single(factory, WorkflowEngineClient.class, "@OnWorkflowOperation");
      engine.onWorkflowOperation(this::serve);
    }
    if (launchers.size() > 1) {
      throw new IllegalStateException(
          "more than one @OnAgentLaunch method: "
              + launchers.stream().map(t -> t.method().toString()).toList());
    }
    if (launchers.size() == 1) {
      Target launcher = launchers.get(0);
      OrchestratorClient client = single(factory, OrchestratorClient.class, "@OnAgentLaunch");
      orchestrator =
          new BaseOrchestrator(client) {
            @Override
            protected void launchTask(LaunchRequest request) throws Exception {
              invoke(launcher, request);
            }
          };
    }
  }

  @Override
  public void destroy() {
    if (orchestrator != null) {
      // the client is a bean with its own lifecycle: only the launch pool stops here
      orchestrator.shutdownLaunches();
    }
  }

  private static <T> T single(ListableBeanFactory factory, Class<T> type, String annotation) {
    Map<String, T> beans = factory.getBeansOfType(type);
    if (beans.size() != 1) {
      throw new IllegalStateException(
          annotation
              + " methods need exactly one "
              + type.getSimpleName()
              + " bean, found "
              + beans.keySet());
    }
    return beans.values().iterator().next();
  }

  private WorkflowResult serve(WorkflowRequest request) throws Exception {
    Target t = operations.getOrDefault(request.type(), fallbackOperation);
    if (t == null) {
      return WorkflowResult.failed("unsupported workflow operation " + request.type());
    }
    Object result = invoke(t, request);
    if (result == null) {
      return new WorkflowResult(true, "", "", new byte[0], 0);
    }
    if (result instanceof WorkflowResult r) {
      return r;
    }
    if (result instanceof byte[] bytes) {
      return new WorkflowResult(true, "", "", bytes, 0);
    }
    return new WorkflowResult(true, "", "", result.toString().getBytes(StandardCharsets.UTF_8), 0);
  }

  private static @Nullable Object invoke(Target t, Object argument) throws Exception {
    Method m = t.method();
    ReflectionUtils.makeAccessible(m);
    Object[] args = m.getParameterCount() == 0 ? new Object[0] : new Object[] {argument};
    try {
      return m.invoke(t.bean(), args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}
