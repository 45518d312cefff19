/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Builds Spring HTTP clients that call a principal through the Aether service proxy: {@code
 * aetherHttp.restClient("sv::memorylayer").get().uri("/v1/memories/{id}", id).retrieve()...}. The
 * base URL is {@value #BASE_URL}; only paths and queries matter. The auto-configured bean uses the
 * application's client and observation registry; the static methods serve plain code. {@code
 * WebClient}s come from {@link AetherWebClients}, so applications without WebFlux can use this.
 * Each call carries the authorization context an {@link AetherAuthorizationResolver} supplies (the
 * bean built from {@code aether.http.on-behalf-of.*}), or the one given to {@link
 * #withAuthorization}.
 *
 * @since 0.1.0
 */
public final class AetherHttp {

  /** Base URL of every client built here (the host is never used). */
  public static final String BASE_URL = "http://aether";

  private final Supplier<AetherClient> client;
  private final FetchOptions options;
  private final @Nullable ObservationRegistry observations;
  private final AetherAuthorizationResolver authorization;

  /**
   * @param client the client whose stream carries the requests
   * @param options defaults for every fetch
   * @param observations registry for RestClient/WebClient observations, or null for none
   */
  public AetherHttp(
      AetherClient client, FetchOptions options, @Nullable ObservationRegistry observations) {
    this(supplierOf(client), options, observations);
  }

  /**
   * @param client resolves the client whose stream carries the requests, on first use (so an
   *     application with several clients fails only if it uses this without choosing one)
   * @param options defaults for every fetch
   * @param observations registry for RestClient/WebClient observations, or null for none
   */
  public AetherHttp(
      Supplier<AetherClient> client,
      FetchOptions options,
      @Nullable ObservationRegistry observations) {
    this(client, options, observations, AetherAuthorizationResolver.none());
  }

  /**
   * @param client resolves the client whose stream carries the requests, on first use
   * @param options defaults for every fetch
   * @param observations registry for RestClient/WebClient observations, or null for none
   * @param authorization asked for the authorization context of each call (for example on behalf of
   *     the current user)
   */
  public AetherHttp(
      Supplier<AetherClient> client,
      FetchOptions options,
      @Nullable ObservationRegistry observations,
      AetherAuthorizationResolver authorization) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.observations = observations;
    this.authorization = Objects.requireNonNull(authorization, "authorization");
  }

  private static Supplier<AetherClient> supplierOf(AetherClient client) {
    Objects.requireNonNull(client, "client");
    return () -> client;
  }

  /**
   * @param other another client (an application with several principals picks the caller here)
   * @return a factory with the same defaults whose requests travel on {@code other}'s stream
   */
  public AetherHttp using(AetherClient other) {
    return new AetherHttp(supplierOf(other), options, observations, authorization);
  }

  /**
   * @param context the authorization of every call, e.g. {@code grant.onBehalfOf()}
   * @return a factory with the same defaults and caller whose clients make every call under {@code
   *     context} instead of asking this factory's resolver
   */
  public AetherHttp withAuthorization(AuthorizationContext context) {
    return new AetherHttp(
        client, options, observations, AetherAuthorizationResolver.fixed(context));
  }

  /** The resolver asked for each call's authorization context. */
  AetherAuthorizationResolver authorization() {
    return authorization;
  }

  /** The observation registry of the clients built here, or null for none. */
  @Nullable ObservationRegistry observations() {
    return observations;
  }

  /**
   * @param target target topic
   * @return a fetch with this factory's defaults
   */
  public AetherFetch fetch(String target) {
    return client.get().fetch(target, options);
  }

  /**
   * @param target target topic, e.g. {@code sv::memorylayer} or {@code sv::memorylayer::default}
   * @return a {@code RestClient} builder preset with the proxy and base URL, to customise further
   */
  public RestClient.Builder restClientBuilder(String target) {
    RestClient.Builder b = restClientBuilder(fetch(target), options.timeout(), authorization);
    if (observations != null) {
      b.observationRegistry(observations);
    }
    return b;
  }

  /**
   * @param target target topic
   * @return a {@code RestClient} calling {@code target}
   */
  public RestClient restClient(String target) {
    return restClientBuilder(target).build();
  }

  /**
   * @param target target topic
   * @return a {@code RestTemplate} calling {@code target}
   */
  public RestTemplate restTemplate(String target) {
    RestTemplate t = restTemplate(fetch(target), options.timeout(), authorization);
    if (observations != null) {
      t.setObservationRegistry(observations);
    }
    return t;
  }

  /**
   * @param client the client whose stream carries the requests
   * @param target target topic
   * @return a {@code RestClient} calling {@code target} with default fetch options
   */
  public static RestClient restClient(AetherClient client, String target) {
    return restClientBuilder(client.fetch(target), null, AetherAuthorizationResolver.none())
        .build();
  }

  /**
   * @param client the client whose stream carries the requests
   * @param target target topic
   * @return a {@code RestTemplate} calling {@code target} with default fetch options
   */
  public static RestTemplate restTemplate(AetherClient client, String target) {
    return restTemplate(client.fetch(target), null, AetherAuthorizationResolver.none());
  }

  private static RestClient.Builder restClientBuilder(
      AetherFetch fetch, @Nullable Duration t, AetherAuthorizationResolver authorization) {
    return RestClient.builder()
        .baseUrl(BASE_URL)
        .requestFactory(new AetherClientHttpRequestFactory(fetch, t, authorization));
  }

  private static RestTemplate restTemplate(
      AetherFetch fetch, @Nullable Duration t, AetherAuthorizationResolver authorization) {
    RestTemplate template =
        new RestTemplate(new AetherClientHttpRequestFactory(fetch, t, authorization));
    template.setUriTemplateHandler(
        new org.springframework.web.util.DefaultUriBuilderFactory(BASE_URL));
    return template;
  }
}
