/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.github.aetherjava.client.proxy.ServeOptions;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.http.AetherAuthorizationResolver;
import io.github.aetherjava.spring.http.AetherHttp;
import io.github.aetherjava.spring.http.AetherLoopbackForwarder;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the service proxy for Spring's HTTP clients: an {@link AetherHttp} bean
 * over the application's client ({@code aetherHttp.restClient("sv::memorylayer")}; with several
 * clients, the one named by {@code aether.http.client-bean} or the {@code @Primary} one), and, with
 * {@code aether.http.serve.enabled=true}, forwarding of proxied requests to the service principal
 * to the application's own web server over loopback once it is ready.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
    after = AetherAutoConfiguration.class,
    afterName =
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({AetherClient.class, RestClient.class})
@ConditionalOnBean(AetherClient.class)
@EnableConfigurationProperties(AetherHttpProperties.class)
public final class AetherHttpAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AetherHttp aetherHttp(
      ListableBeanFactory beans,
      ObjectProvider<AetherClient> clients,
      AetherHttpProperties properties,
      ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<AetherAuthorizationResolver> authorization) {
    FetchOptions options =
        FetchOptions.builder()
            .timeout(properties.getTimeout())
            .backendName(properties.getBackendName())
            .streamIdleTimeout(properties.getStreamIdleTimeout())
            .maxResponseBodyBytes(properties.getMaxResponseBodySize().toBytes())
            .build();
    String named = properties.getClientBean();
    Supplier<AetherClient> caller =
        () -> {
          if (!named.isEmpty()) {
            return beans.getBean(named, AetherClient.class);
          }
          AetherClient only = clients.getIfUnique();
          if (only == null) {
            throw new IllegalStateException(
                "AetherHttp needs one client to call from, but there are several ("
                    + String.join(", ", beans.getBeanNamesForType(AetherClient.class))
                    + "): set aether.http.client-bean, mark one @Primary, or use"
                    + " aetherHttp.using(client)");
          }
          return only;
        };
    return new AetherHttp(
        caller,
        options,
        observations.getIfUnique(),
        authorization.getIfAvailable(AetherAuthorizationResolver::none));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty("aether.http.serve.enabled")
  @ConditionalOnSingleCandidate(ServiceClient.class)
  AetherHttpServing aetherHttpServing(
      ServiceClient client, AetherHttpProperties properties, Environment environment) {
    AetherHttpProperties.Serve serve = properties.getServe();
    ServeOptions options =
        ServeOptions.builder()
            .allowedPaths(serve.getAllowedPaths())
            .maxConcurrency(serve.getMaxConcurrency())
            .maxQueued(serve.getMaxQueued())
            .build();
    return new AetherHttpServing(client, options, serve.getPort(), environment);
  }

  /**
   * Starts forwarding proxied requests to the application's web server once the application is
   * ready (its port is known then), and stops when the context closes.
   */
  public static final class AetherHttpServing
      implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Log LOG = LogFactory.getLog(AetherHttpServing.class);

    private final AetherClient client;
    private final ServeOptions options;
    private final int port;
    private final Environment environment;
    private @Nullable Registration registration;

    AetherHttpServing(
        AetherClient client, ServeOptions options, int port, Environment environment) {
      this.client = client;
      this.options = options;
      this.port = port;
      this.environment = environment;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
      if (registration != null) {
        return;
      }
      int target = port > 0 ? port : environment.getProperty("local.server.port", Integer.class, 0);
      if (target <= 0) {
        LOG.error(
            "aether.http.serve.enabled is set but no web server port is known: "
                + "set aether.http.serve.port or run a web server; proxied requests are not served");
        return;
      }
      registration = client.serve(new AetherLoopbackForwarder(target), options);
      LOG.info(client.identity() + " serves proxied requests from 127.0.0.1:" + target);
    }

    /**
     * @return true once proxied requests are being forwarded
     */
    public synchronized boolean isServing() {
      return registration != null;
    }

    @Override
    public synchronized void destroy() {
      Registration r = registration;
      registration = null;
      if (r != null) {
        r.close();
      }
    }
  }
}
