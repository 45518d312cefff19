/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.annotation.OnConfig;
import io.github.aetherjava.spring.annotation.OnConnectionEvent;
import io.github.aetherjava.spring.annotation.OnProgress;
import io.github.aetherjava.spring.annotation.OnTaskAssignment;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds {@link AetherListener @AetherListener}, {@link OnConfig @OnConfig}, {@link
 * OnTaskAssignment @OnTaskAssignment}, {@link OnProgress @OnProgress} and {@link
 * OnConnectionEvent @OnConnectionEvent} methods on beans and, once every singleton exists,
 * registers an {@link AetherListenerContainer} per endpoint with the {@link
 * AetherListenerEndpointRegistry} (the spring-kafka {@code
 * KafkaListenerAnnotationBeanPostProcessor} pattern).
 *
 * @since 0.1.0
 */
public class AetherListenerAnnotationBeanPostProcessor
    implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

  /** Bean name of the {@link AetherListenerEndpointRegistry}. */
  public static final String REGISTRY_BEAN_NAME = "aetherListenerEndpointRegistry";

  /** Bean name of the default {@link MessageHandlerMethodFactory}. */
  public static final String HANDLER_METHOD_FACTORY_BEAN_NAME = "aetherMessageHandlerMethodFactory";

  /** Bean name of the {@link MessageConverter} used for payloads and replies. */
  public static final String MESSAGE_CONVERTER_BEAN_NAME = "aetherMessageConverter";

  /** Bean name of the default {@link AetherListenerErrorHandler}. */
  public static final String ERROR_HANDLER_BEAN_NAME = "aetherListenerErrorHandler";

  private static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(
          AetherListener.class,
          OnConfig.class,
          OnTaskAssignment.class,
          OnProgress.class,
          OnConnectionEvent.class);

  private final List<Pending> pending = new ArrayList<>();

  private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

  private final AtomicInteger counter = new AtomicInteger();

  private @Nullable ConfigurableListableBeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
    Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
    this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    Class<?> targetClass = AopUtils.getTargetClass(bean);
    if (this.nonAnnotatedClasses.contains(targetClass)) {
      return bean;
    }
    Map<Method, List<Annotation>> annotated =
        MethodIntrospector.selectMethods(
            targetClass,
            (MethodIntrospector.MetadataLookup<List<Annotation>>)
                (method) -> {
                  List<Annotation> found = new ArrayList<>();
                  for (Class<? extends Annotation> type : ANNOTATIONS) {
                    Annotation annotation =
                        AnnotatedElementUtils.findMergedAnnotation(method, type);
                    if (annotation != null) {
                      found.add(annotation);
                    }
                  }
                  return found.isEmpty() ? null : found;
                });
    if (annotated.isEmpty()) {
      this.nonAnnotatedClasses.add(targetClass);
      return bean;
    }
    annotated.forEach(
        (method, annotations) -> {
          Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
          for (Annotation annotation : annotations) {
            synchronized (this.pending) {
              this.pending.add(new Pending(bean, beanName, invocable, annotation));
            }
          }
        });
    return bean;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ConfigurableListableBeanFactory factory = beanFactory();
    AetherListenerEndpointRegistrar registrar = new AetherListenerEndpointRegistrar();
    List<Pending> toRegister;
    synchronized (this.pending) {
      toRegister = new ArrayList<>(this.pending);
      this.pending.clear();
    }
    Map<String, AetherClient> clients =
        new LinkedHashMap<>(factory.getBeansOfType(AetherClient.class));
    for (Pending item : toRegister) {
      for (AetherListenerEndpoint endpoint : toEndpoints(item, clients)) {
        registrar.registerEndpoint(endpoint);
      }
    }
    factory
        .getBeanProvider(AetherListenerConfigurer.class)
        .orderedStream()
        .forEach((configurer) -> configurer.configureAetherListeners(registrar));
    if (registrar.getEndpoints().isEmpty()) {
      return;
    }
    AetherListenerEndpointRegistry registry =
        factory.getBean(REGISTRY_BEAN_NAME, AetherListenerEndpointRegistry.class);
    MessageHandlerMethodFactory handlerMethodFactory =
        (registrar.getMessageHandlerMethodFactory() != null)
            ? registrar.getMessageHandlerMethodFactory()
            : factory.getBean(HANDLER_METHOD_FACTORY_BEAN_NAME, MessageHandlerMethodFactory.class);
    MessageConverter converter =
        factory.getBean(MESSAGE_CONVERTER_BEAN_NAME, MessageConverter.class);
    AetherListenerErrorHandler defaultErrorHandler =
        (registrar.getErrorHandler() != null)
            ? registrar.getErrorHandler()
            : defaultErrorHandler(factory);
    List<AetherListenerInterceptor> interceptors =
        factory.getBeanProvider(AetherListenerInterceptor.class).orderedStream().toList();
    for (AetherListenerEndpoint endpoint : registrar.getEndpoints()) {
      String clientName = resolveClientName(endpoint.clientName(), clients, endpoint.id());
      AetherClient client = clients.get(clientName);
      Assert.state(client != null, () -> "No Aether client named '" + clientName + "'");
      AetherListenerErrorHandler errorHandler =
          (endpoint.errorHandler() != null)
              ? factory.getBean(endpoint.errorHandler(), AetherListenerErrorHandler.class)
              : defaultErrorHandler;
      AetherListenerContainerFactory containerFactory = containerFactory(factory, endpoint);
      InvocableHandlerMethod handlerMethod =
          handlerMethodFactory.createInvocableHandlerMethod(endpoint.bean(), endpoint.method());
      AetherListenerContainer container =
          (containerFactory != null)
              ? containerFactory.createContainer(
                  endpoint,
                  clientName,
                  client,
                  handlerMethod,
                  errorHandler,
                  interceptors,
                  converter)
              : new AetherListenerContainer(
                  endpoint,
                  clientName,
                  client,
                  handlerMethod,
                  errorHandler,
                  interceptors,
                  converter);
      registry.registerListenerContainer(container, endpoint.autoStartup());
    }
  }

  private static @Nullable AetherListenerContainerFactory containerFactory(
      ConfigurableListableBeanFactory factory, AetherListenerEndpoint endpoint) {
    if (endpoint.containerFactory() != null) {
      return factory.getBean(endpoint.containerFactory(), AetherListenerContainerFactory.class);
    }
    if (factory.containsBean(AetherListenerContainerFactory.DEFAULT_BEAN_NAME)) {
      return factory.getBean(
          AetherListenerContainerFactory.DEFAULT_BEAN_NAME, AetherListenerContainerFactory.class);
    }
    return null;
  }

  private static AetherListenerErrorHandler defaultErrorHandler(
      ConfigurableListableBeanFactory factory) {
    if (factory.containsBean(ERROR_HANDLER_BEAN_NAME)) {
      return factory.getBean(ERROR_HANDLER_BEAN_NAME, AetherListenerErrorHandler.class);
    }
    return new LoggingAetherListenerErrorHandler();
  }

  private List<AetherListenerEndpoint> toEndpoints(
      Pending item, Map<String, AetherClient> clients) {
    Annotation annotation = item.annotation();
    Method method = item.method();
    String sendTo = sendTo(method);
    if (annotation instanceof AetherListener listener) {
      return List.of(
          new AetherListenerEndpoint(
              id(listener.id(), item),
              AetherListenerKind.MESSAGE,
              item.bean(),
              method,
              emptyToNull(resolve(listener.client())),
              new HashSet<>(Arrays.asList(listener.messageType())),
              pattern(listener.sourceTopic(), item),
              null,
              Set.of(),
              sendTo,
              emptyToNull(resolve(listener.errorHandler())),
              autoStartup(listener.autoStartup()),
              emptyToNull(resolve(listener.containerFactory())),
              concurrency(listener.concurrency(), item),
              emptyToNull(resolve(listener.deadLetterTopic()))));
    }
    if (annotation instanceof OnConfig onConfig) {
      return List.of(
          simple(
              id(onConfig.id(), item),
              AetherListenerKind.CONFIG,
              item,
              onConfig.client(),
              emptyToNull(resolve(onConfig.key()))));
    }
    if (annotation instanceof OnTaskAssignment onTask) {
      return List.of(
          simple(
              id(onTask.id(), item),
              AetherListenerKind.TASK_ASSIGNMENT,
              item,
              onTask.client(),
              null));
    }
    if (annotation instanceof OnProgress onProgress) {
      return List.of(
          simple(
              id(onProgress.id(), item),
              AetherListenerKind.PROGRESS,
              item,
              onProgress.client(),
              null));
    }
    OnConnectionEvent onEvent = (OnConnectionEvent) annotation;
    String baseId = id(onEvent.id(), item);
    Set<AetherConnectionEvent.Type> types = new HashSet<>(Arrays.asList(onEvent.value()));
    List<String> clientNames =
        StringUtils.hasText(onEvent.client())
            ? List.of(resolve(onEvent.client()))
            : List.copyOf(clients.keySet());
    // Without a client attribute, connection events of every client are delivered.
    return clientNames.stream()
        .map(
            (clientName) ->
                new AetherListenerEndpoint(
                    (clientNames.size() == 1) ? baseId : baseId + "#" + clientName,
                    AetherListenerKind.CONNECTION_EVENT,
                    item.bean(),
                    method,
                    clientName,
                    Set.of(),
                    null,
                    null,
                    types,
                    null,
                    null,
                    true))
        .toList();
  }

  private AetherListenerEndpoint simple(
      String id, AetherListenerKind kind, Pending item, String client, @Nullable String configKey) {
    return new AetherListenerEndpoint(
        id,
        kind,
        item.bean(),
        item.method(),
        emptyToNull(resolve(client)),
        Set.of(),
        null,
        configKey,
        Set.of(),
        null,
        null,
        autoStartup(""));
  }

  private String id(String declared, Pending item) {
    String resolved = resolve(declared);
    if (StringUtils.hasText(resolved)) {
      return resolved;
    }
    return item.beanName() + "." + item.method().getName() + "#" + this.counter.getAndIncrement();
  }

  private @Nullable Pattern pattern(String sourceTopic, Pending item) {
    String resolved = resolve(sourceTopic);
    if (!StringUtils.hasText(resolved)) {
      return null;
    }
    try {
      return Pattern.compile(resolved);
    } catch (PatternSyntaxException ex) {
      throw new IllegalStateException(
          "Invalid sourceTopic pattern '" + resolved + "' on " + item.method(), ex);
    }
  }

  private @Nullable String sendTo(Method method) {
    SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(method, SendTo.class);
    if (sendTo == null || sendTo.value().length == 0) {
      return null;
    }
    Assert.state(
        sendTo.value().length == 1, () -> "@SendTo on " + method + " must name exactly one topic");
    return resolve(sendTo.value()[0]);
  }

  private int concurrency(String declared, Pending item) {
    String resolved = resolve(declared).trim();
    if (resolved.isEmpty()) {
      return 0;
    }
    try {
      int value = Integer.parseInt(resolved);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException ex) {
      // reported below
    }
    throw new IllegalStateException(
        "Invalid concurrency '"
            + resolved
            + "' on "
            + item.method()
            + ": use a number of at least 1");
  }

  private boolean autoStartup(String declared) {
    String value =
        resolve(StringUtils.hasText(declared) ? declared : "${aether.listener.auto-startup:true}");
    return Boolean.parseBoolean(value.trim());
  }

  private static String resolveClientName(
      @Nullable String declared, Map<String, AetherClient> clients, String id) {
    if (declared != null) {
      if (!clients.containsKey(declared)) {
        throw new IllegalStateException(
            "Aether listener '"
                + id
                + "' names client '"
                + declared
                + "', but the Aether clients are "
                + clients.keySet());
      }
      return declared;
    }
    if (clients.size() == 1) {
      return clients.keySet().iterator().next();
    }
    if (clients.isEmpty()) {
      throw new IllegalStateException(
          "Aether listener '"
              + id
              + "' needs a client, but none is configured: set one of aether.agent.*, aether.service.*, ...");
    }
    throw new IllegalStateException(
        "Aether listener '"
            + id
            + "' must choose one of the Aether clients "
            + clients.keySet()
            + " with its 'client' attribute");
  }

  private String resolve(String value) {
    String resolved = beanFactory().resolveEmbeddedValue(value);
    return (resolved != null) ? resolved : value;
  }

  private static @Nullable String emptyToNull(String value) {
    return StringUtils.hasText(value) ? value : null;
  }

  private ConfigurableListableBeanFactory beanFactory() {
    Assert.state(this.beanFactory != null, "BeanFactory not set");
    return this.beanFactory;
  }

  private record Pending(Object bean, String beanName, Method method, Annotation annotation) {}
}
