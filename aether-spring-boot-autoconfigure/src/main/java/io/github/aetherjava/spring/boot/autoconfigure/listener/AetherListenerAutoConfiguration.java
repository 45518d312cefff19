/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherProperties;
import io.github.aetherjava.spring.client.AetherInboundFlowControl;
import io.github.aetherjava.spring.listener.AetherArgumentResolver;
import io.github.aetherjava.spring.listener.AetherListenerAnnotationBeanPostProcessor;
import io.github.aetherjava.spring.listener.AetherListenerContainerFactory;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import io.github.aetherjava.spring.listener.AetherListenerErrorHandler;
import io.github.aetherjava.spring.listener.AetherListenerRecoverer;
import io.github.aetherjava.spring.listener.AetherMessageConverters;
import io.github.aetherjava.spring.listener.LoggingAetherListenerErrorHandler;
import io.github.aetherjava.spring.listener.TaskContextArgumentResolver;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.validation.SmartValidator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration for annotated Aether listeners: the annotation post-processor, the endpoint
 * registry, the container factory ({@code aether.listener.*}: concurrency, back-pressure, retry,
 * dead-letter topic), the payload converter, the handler method factory (validating {@code @Valid}
 * payloads when a validator exists) and the default error handler.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass({AetherClient.class, InvocableHandlerMethod.class})
@Import({
  AetherListenerAutoConfiguration.JacksonConverterConfiguration.class,
  AetherListenerAutoConfiguration.DefaultConverterConfiguration.class
})
public final class AetherListenerAutoConfiguration {

  /** Name of Boot's bean-validation validator, preferred when several validators exist. */
  private static final String DEFAULT_VALIDATOR_BEAN_NAME = "defaultValidator";

  @Bean
  @ConditionalOnMissingBean
  static AetherListenerAnnotationBeanPostProcessor aetherListenerAnnotationBeanPostProcessor() {
    return new AetherListenerAnnotationBeanPostProcessor();
  }

  @Bean(name = AetherListenerAnnotationBeanPostProcessor.REGISTRY_BEAN_NAME)
  @ConditionalOnMissingBean
  AetherListenerEndpointRegistry aetherListenerEndpointRegistry(AetherProperties properties) {
    return new AetherListenerEndpointRegistry(properties.getListener().getShutdownTimeout());
  }

  @Bean(name = AetherListenerAnnotationBeanPostProcessor.HANDLER_METHOD_FACTORY_BEAN_NAME)
  @ConditionalOnMissingBean(
      name = AetherListenerAnnotationBeanPostProcessor.HANDLER_METHOD_FACTORY_BEAN_NAME)
  DefaultMessageHandlerMethodFactory aetherMessageHandlerMethodFactory(
      @Qualifier(AetherListenerAnnotationBeanPostProcessor.MESSAGE_CONVERTER_BEAN_NAME)
          MessageConverter converter,
      BeanFactory beanFactory,
      ObjectProvider<SmartValidator> validators) {
    DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
    // @Valid payloads are checked when a bean validator exists (jakarta.validation on the
    // classpath); plain Validator beans such as the properties classes are not payload validators.
    SmartValidator validator = validators.getIfUnique();
    if (validator == null && beanFactory.containsBean(DEFAULT_VALIDATOR_BEAN_NAME)) {
      validator = beanFactory.getBean(DEFAULT_VALIDATOR_BEAN_NAME, SmartValidator.class);
    }
    if (validator != null) {
      factory.setValidator(validator);
    }
    factory.setMessageConverter(converter);
    factory.setConversionService(DefaultConversionService.getSharedInstance());
    factory.setCustomArgumentResolvers(
        List.of(new AetherArgumentResolver(), new TaskContextArgumentResolver()));
    factory.setBeanFactory(beanFactory);
    return factory;
  }

  @Bean(name = AetherListenerContainerFactory.DEFAULT_BEAN_NAME)
  @ConditionalOnMissingBean(name = AetherListenerContainerFactory.DEFAULT_BEAN_NAME)
  AetherListenerContainerFactory aetherListenerContainerFactory(
      AetherProperties properties,
      @Qualifier(AetherAutoConfiguration.TASK_EXECUTOR_BEAN_NAME) Executor aetherTaskExecutor,
      AetherInboundFlowControl flowControl,
      ObjectProvider<AetherListenerRecoverer> recoverer) {
    AetherProperties.Listener listener = properties.getListener();
    AetherListenerContainerFactory factory =
        new AetherListenerContainerFactory(aetherTaskExecutor, flowControl);
    factory.setConcurrency(listener.getConcurrency());
    factory.setMaxBacklog(listener.getMaxBacklog());
    AetherProperties.ListenerRetry retry = listener.getRetry();
    if (retry.getMaxRetries() > 0) {
      factory.setRetryPolicy(
          RetryPolicy.builder()
              .maxRetries(retry.getMaxRetries())
              .delay(retry.getDelay())
              .multiplier(retry.getMultiplier())
              .maxDelay(retry.getMaxDelay())
              .build());
    }
    factory.setRecoverer(recoverer.getIfUnique());
    factory.setDeadLetterTopic(listener.getDeadLetterTopic());
    return factory;
  }

  @Bean(name = AetherListenerAnnotationBeanPostProcessor.ERROR_HANDLER_BEAN_NAME)
  @ConditionalOnMissingBean(AetherListenerErrorHandler.class)
  LoggingAetherListenerErrorHandler aetherListenerErrorHandler() {
    return new LoggingAetherListenerErrorHandler();
  }

  /** Payload converter using the application's Jackson 3 {@link JsonMapper} for JSON. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JsonMapper.class)
  static class JacksonConverterConfiguration {

    @Bean(name = AetherListenerAnnotationBeanPostProcessor.MESSAGE_CONVERTER_BEAN_NAME)
    @ConditionalOnMissingBean(
        name = AetherListenerAnnotationBeanPostProcessor.MESSAGE_CONVERTER_BEAN_NAME)
    MessageConverter aetherMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
      JsonMapper mapper = jsonMapper.getIfAvailable();
      return AetherMessageConverters.create(
          (mapper != null)
              ? new JacksonJsonMessageConverter(mapper)
              : new JacksonJsonMessageConverter());
    }
  }

  /** Payload converter without JSON support, when Jackson is absent. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
  static class DefaultConverterConfiguration {

    @Bean(name = AetherListenerAnnotationBeanPostProcessor.MESSAGE_CONVERTER_BEAN_NAME)
    @ConditionalOnMissingBean(
        name = AetherListenerAnnotationBeanPostProcessor.MESSAGE_CONVERTER_BEAN_NAME)
    MessageConverter aetherMessageConverter() {
      return AetherMessageConverters.create(null);
    }
  }
}
