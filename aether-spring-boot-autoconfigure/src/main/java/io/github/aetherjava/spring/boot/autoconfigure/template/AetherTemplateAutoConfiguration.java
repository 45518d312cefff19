/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.template;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.MessageSender;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.listener.AetherListenerAutoConfiguration;
import io.github.aetherjava.spring.core.AetherTemplate;
import io.github.aetherjava.spring.listener.AetherListenerAnnotationBeanPostProcessor;
import io.github.aetherjava.spring.listener.AetherMessageConverters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.messaging.converter.MessageConverter;

/**
 * Auto-configuration of an {@link AetherTemplate} bean ({@value #TEMPLATE_BEAN_NAME}) when the
 * context holds exactly one client that can send and no named clients ({@code aether.clients.*});
 * with several clients, build one template per client ({@code new AetherTemplate(client,
 * converter)}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = {AetherAutoConfiguration.class, AetherListenerAutoConfiguration.class})
@ConditionalOnClass({AetherClient.class, MessageConverter.class})
@ConditionalOnSingleCandidate(MessageSender.class)
@Conditional(AetherTemplateAutoConfiguration.NoNamedClientsCondition.class)
public final class AetherTemplateAutoConfiguration {

  /** Name of the template bean. */
  public static final String TEMPLATE_BEAN_NAME = "aetherTemplate";

  @Bean(name = TEMPLATE_BEAN_NAME)
  @ConditionalOnMissingBean
  AetherTemplate aetherTemplate(
      ObjectProvider<MessageSender> sender,
      @Qualifier(AetherListenerAnnotationBeanPostProcessor.MESSAGE_CONVERTER_BEAN_NAME)
          ObjectProvider<MessageConverter> converter) {
    MessageConverter messageConverter =
        converter.getIfAvailable(AetherMessageConverters::createDefault);
    return new AetherTemplate((AetherClient) sender.getObject(), messageConverter);
  }

  /** Named clients are registered after conditions are evaluated, so look at their properties. */
  static class NoNamedClientsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean named =
          Binder.get(context.getEnvironment())
              .bind("aether.clients", Bindable.mapOf(String.class, Object.class))
              .map((clients) -> !clients.isEmpty())
              .orElse(false);
      return named
          ? ConditionOutcome.noMatch("named clients are configured under aether.clients")
          : ConditionOutcome.match("no named clients");
    }
  }
}
