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
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.converter.MessageConverter;

/**
 * Auto-configuration of an {@link AetherTemplate} bean ({@value #TEMPLATE_BEAN_NAME}) when the
 * context holds exactly one client that can send; with several clients, build one template per
 * client ({@code new AetherTemplate(client, converter)}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = {AetherAutoConfiguration.class, AetherListenerAutoConfiguration.class})
@ConditionalOnClass({AetherClient.class, MessageConverter.class})
@ConditionalOnSingleCandidate(MessageSender.class)
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
}
