/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.clients;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BridgeClient;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.MetricsBridgeClient;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherProperties;
import io.github.aetherjava.spring.boot.autoconfigure.InvalidAetherConfigurationException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers one client bean per {@code aether.clients.<name>} entry, named after the key and typed
 * as its concrete client class, so it gets the lifecycle, listeners, health and metrics like the
 * single-principal clients. Each is built from the shared {@link AetherClientOptions} bean with its
 * own address and credentials when set.
 *
 * @since 0.1.0
 */
public class AetherNamedClientsRegistrar
    implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

  private static final String PREFIX = "aether.clients";

  private @Nullable Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (this.environment == null) {
      return;
    }
    Map<String, AetherNamedClientsProperties.NamedClient> clients =
        Binder.get(this.environment)
            .bind(
                PREFIX,
                Bindable.mapOf(String.class, AetherNamedClientsProperties.NamedClient.class))
            .orElse(Map.of());
    BeanFactory beanFactory = (BeanFactory) registry;
    clients.forEach(
        (name, client) -> {
          String section = PREFIX + "." + name;
          Class<? extends AetherClient> type = type(section, client.getType());
          RootBeanDefinition definition = new RootBeanDefinition(type);
          definition.setInstanceSupplier(
              () -> build(section, client, beanFactory.getBean(AetherClientOptions.class)));
          definition.setDestroyMethodName("close");
          registry.registerBeanDefinition(name, definition);
        });
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

  private static Class<? extends AetherClient> type(String section, @Nullable String type) {
    return switch (normalize(section, type)) {
      case "agent" -> AgentClient.class;
      case "task" -> TaskClient.class;
      case "user" -> UserClient.class;
      case "orchestrator" -> OrchestratorClient.class;
      case "bridge" -> BridgeClient.class;
      case "service" -> ServiceClient.class;
      case "workflowengine" -> WorkflowEngineClient.class;
      case "metricsbridge" -> MetricsBridgeClient.class;
      default ->
          throw new InvalidAetherConfigurationException(
              section + ".type",
              "must be one of agent, task, user, orchestrator, bridge, service, workflow-engine,"
                  + " metrics-bridge, was '"
                  + type
                  + "'",
              null);
    };
  }

  private static String normalize(String section, @Nullable String type) {
    if (type == null || type.isBlank()) {
      throw new InvalidAetherConfigurationException(
          section + ".type", "must be set (agent, service, user, ...)", null);
    }
    return type.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  static AetherClient build(
      String section, AetherNamedClientsProperties.NamedClient client, AetherClientOptions shared) {
    try {
      AetherClientOptions.Builder builder = shared.toBuilder();
      if (client.getAddress() != null && !client.getAddress().isBlank()) {
        builder.address(client.getAddress().trim());
      }
      Credentials credentials = credentials(client.getCredentials());
      if (credentials != null) {
        builder.credentials(credentials);
      }
      AetherClientOptions options = builder.build();
      return switch (normalize(section, client.getType())) {
        case "agent" ->
            AgentClient.builder(options)
                .workspace(required(section, "workspace", client.getWorkspace()))
                .implementation(required(section, "implementation", client.getImplementation()))
                .specifier(required(section, "specifier", client.getSpecifier()))
                .build();
        case "task" -> {
          TaskClient.Builder task =
              TaskClient.builder(options)
                  .workspace(required(section, "workspace", client.getWorkspace()))
                  .implementation(required(section, "implementation", client.getImplementation()));
          if (client.getUniqueSpecifier() != null) {
            task.uniqueSpecifier(client.getUniqueSpecifier());
          }
          yield task.build();
        }
        case "user" -> {
          UserClient.Builder user =
              UserClient.builder(options).userId(required(section, "user-id", client.getUserId()));
          if (client.getWindowId() != null) {
            user.windowId(client.getWindowId());
          }
          if (client.getWorkspace() != null) {
            user.workspace(client.getWorkspace());
          }
          yield user.build();
        }
        case "orchestrator" -> {
          OrchestratorClient.Builder orchestrator =
              OrchestratorClient.builder(options)
                  .implementation(required(section, "implementation", client.getImplementation()))
                  .supportedProfiles(client.getSupportedProfiles().toArray(new String[0]));
          if (client.getSpecifier() != null) {
            orchestrator.specifier(client.getSpecifier());
          }
          yield orchestrator.build();
        }
        case "bridge" ->
            BridgeClient.builder(options)
                .implementation(required(section, "implementation", client.getImplementation()))
                .specifier(required(section, "specifier", client.getSpecifier()))
                .build();
        case "service" ->
            ServiceClient.builder(options)
                .implementation(required(section, "implementation", client.getImplementation()))
                .specifier(required(section, "specifier", client.getSpecifier()))
                .noPoolConsumer(client.isNoPoolConsumer())
                .build();
        case "workflowengine" -> WorkflowEngineClient.builder(options).build();
        default -> MetricsBridgeClient.builder(options).build();
      };
    } catch (InvalidAetherConfigurationException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      // identifier and address checks of the client builders: name the section
      throw new InvalidAetherConfigurationException(section, String.valueOf(ex.getMessage()), ex);
    }
  }

  private static @Nullable Credentials credentials(AetherProperties.Credentials properties) {
    Credentials result = null;
    if (properties.getApiKey() != null) {
      result = Credentials.apiKey(properties.getApiKey());
    }
    if (properties.getToken() != null) {
      Credentials token = Credentials.bearerToken(properties.getToken());
      result = (result != null) ? result.and(token) : token;
    }
    if (properties.getTaskToken() != null) {
      Credentials task = Credentials.taskToken(properties.getTaskToken());
      result = (result != null) ? result.and(task) : task;
    }
    if (properties.getTenant() != null) {
      Credentials tenant = Credentials.tenant(properties.getTenant());
      result = (result != null) ? result.and(tenant) : tenant;
    }
    return result;
  }

  private static String required(String section, String property, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidAetherConfigurationException(section + "." + property, "must be set", null);
    }
    return value;
  }
}
