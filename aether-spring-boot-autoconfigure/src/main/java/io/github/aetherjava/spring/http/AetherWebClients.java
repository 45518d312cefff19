/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds WebFlux {@code WebClient}s that call a principal through the Aether service proxy, with
 * the defaults, caller, observation registry and authorization resolver of an {@link AetherHttp}.
 * Kept apart from {@link AetherHttp} so that an application without WebFlux on the classpath never
 * loads {@code WebClient}.
 *
 * @since 0.1.0
 */
public final class AetherWebClients {

  private final AetherHttp http;

  /**
   * @param http supplies the caller, fetch defaults and observation registry
   */
  public AetherWebClients(AetherHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /**
   * @param target target topic
   * @return a {@code WebClient} builder preset with the proxy connector and base URL
   */
  public WebClient.Builder webClientBuilder(String target) {
    WebClient.Builder b = builder(http.fetch(target), http.authorization());
    ObservationRegistry observations = http.observations();
    if (observations != null) {
      b.observationRegistry(observations);
    }
    return b;
  }

  /**
   * @param target target topic
   * @return a {@code WebClient} calling {@code target}
   */
  public WebClient webClient(String target) {
    return webClientBuilder(target).build();
  }

  /**
   * @param client the client whose stream carries the requests
   * @param target target topic
   * @return a {@code WebClient} calling {@code target} with default fetch options
   */
  public static WebClient webClient(AetherClient client, String target) {
    return builder(client.fetch(target), AetherAuthorizationResolver.none()).build();
  }

  private static WebClient.Builder builder(
      AetherFetch fetch, AetherAuthorizationResolver authorization) {
    return WebClient.builder()
        .baseUrl(AetherHttp.BASE_URL)
        .clientConnector(new AetherClientHttpConnector(fetch, authorization));
  }
}
