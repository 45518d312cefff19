/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.http.AetherHttp;
import io.github.aetherjava.spring.http.AetherWebClients;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

class AetherHttpAutoConfigurationTests {

  private EmbeddedAetherGateway gw;
  private HttpServer web;
  private AgentClient caller;

  @BeforeEach
  void start() throws Exception {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("http-it-" + UUID.randomUUID())
            .start();
    // stands in for the application's own web server
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("method="
                      + exchange.getRequestMethod()
                      + " uri="
                      + exchange.getRequestURI()
                      + " user="
                      + exchange.getRequestHeaders().getFirst("X-Auth-User-ID")
                      + " got="
                      + new String(
                          exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    web.start();
    caller =
        AgentClient.builder(AetherClientOptions.builder().address(gw.inProcessAddress()).build())
            .workspace("prod")
            .implementation("caller")
            .specifier("1")
            .build();
    caller.connect().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    caller.close();
    web.stop(0);
    gw.close();
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class,
                AetherHttpAutoConfiguration.class,
                AetherWebClientAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues(
            "aether.address=" + gw.inProcessAddress(),
            "aether.service.implementation=web",
            "aether.service.specifier=one");
  }

  private static void ready(ConfigurableApplicationContext context) {
    context.publishEvent(
        new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
  }

  @Test
  void providesAetherHttpBoundToTheClientWithTheProperties() {
    runner()
        .withPropertyValues("aether.http.timeout=7s", "aether.http.backend-name=api")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(AetherHttp.class);
              assertThat(context)
                  .doesNotHaveBean(AetherHttpAutoConfiguration.AetherHttpServing.class);
              AetherHttp http = context.getBean(AetherHttp.class);
              assertThat(http.fetch("sv::x").options().timeout()).isEqualTo(Duration.ofSeconds(7));
              assertThat(http.fetch("sv::x").options().backendName()).isEqualTo("api");
            });
  }

  @Test
  void backsOffWithoutAClientOrWhenTheUserDefinesOne() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(AetherAutoConfiguration.class, AetherHttpAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues("aether.address=" + gw.inProcessAddress())
        .run((context) -> assertThat(context).doesNotHaveBean(AetherHttp.class));
    AetherHttp mine =
        new AetherHttp(caller, io.github.aetherjava.client.proxy.FetchOptions.defaults(), null);
    runner()
        .withBean(AetherHttp.class, () -> mine)
        .run((context) -> assertThat(context.getBean(AetherHttp.class)).isSameAs(mine));
  }

  @Test
  void withSeveralClientsTheNamedOneSendsAndServingNeedsAServiceClient() {
    runner()
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1")
        .run(
            (context) -> {
              AetherHttp http = context.getBean(AetherHttp.class);
              assertThatThrownBy(() -> http.fetch("sv::x"))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining("aether.http.client-bean")
                  .hasMessageContaining("aetherAgentClient");
              assertThat(http.using(caller).fetch("sv::x").target()).isEqualTo("sv::x");
            });
    runner()
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1",
            "aether.http.client-bean=aetherAgentClient")
        .run((context) -> assertThat(context.getBean(AetherHttp.class).fetch("sv::x")).isNotNull());
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(AetherAutoConfiguration.class, AetherHttpAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues(
            "aether.address=" + gw.inProcessAddress(),
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1",
            "aether.http.serve.enabled=true")
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(AetherHttp.class)
                    .doesNotHaveBean(AetherHttpAutoConfiguration.AetherHttpServing.class));
  }

  @Test
  void worksWithoutWebFluxOnTheClasspath() {
    runner()
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class, WebClient.class))
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(AetherHttp.class)
                    .doesNotHaveBean(AetherWebClients.class));
  }

  @Test
  void offersWebClientsWhenWebFluxIsPresent() {
    runner()
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(AetherHttp.class)
                    .hasSingleBean(AetherWebClients.class));
  }

  @Test
  void servesTheApplicationsOwnEndpointsToRestClientRestTemplateAndWebClient() {
    runner()
        .withPropertyValues(
            "aether.http.serve.enabled=true",
            "aether.http.serve.port=" + web.getAddress().getPort(),
            "aether.http.serve.allowed-paths=/api/**,/missing")
        .run(
            (context) -> {
              AetherHttpAutoConfiguration.AetherHttpServing serving =
                  context.getBean(AetherHttpAutoConfiguration.AetherHttpServing.class);
              assertThat(serving.isServing()).isFalse();
              ready(context);
              assertThat(serving.isServing()).isTrue();

              RestClient rest = AetherHttp.restClient(caller, "sv::web");
              String got =
                  rest.post()
                      .uri("/api/items?x=1")
                      .header("X-Auth-User-ID", "spoofed")
                      .body("hello")
                      .retrieve()
                      .body(String.class);
              assertThat(got)
                  .isEqualTo("method=POST uri=/api/items?x=1 user=ag::prod::caller::1 got=hello");

              ResponseEntity<String> missing =
                  rest.get()
                      .uri("/missing")
                      .retrieve()
                      .onStatus(s -> true, (req, res) -> {})
                      .toEntity(String.class);
              assertThat(missing.getStatusCode().value()).isEqualTo(404);

              assertThat(
                      AetherHttp.restTemplate(caller, "sv::web::one")
                          .getForObject("/api/t", String.class))
                  .startsWith("method=GET uri=/api/t");

              String viaWebClient =
                  AetherWebClients.webClient(caller, "sv::web::one")
                      .put()
                      .uri("/api/w")
                      .bodyValue("reactive")
                      .retrieve()
                      .bodyToFlux(String.class)
                      .collectList()
                      .map(l -> String.join("", l))
                      .block(Duration.ofSeconds(10));
              assertThat(viaWebClient)
                  .isEqualTo("method=PUT uri=/api/w user=ag::prod::caller::1 got=reactive");

              assertThatThrownBy(() -> rest.get().uri("/admin").retrieve().body(String.class))
                  .isInstanceOf(ResourceAccessException.class)
                  .cause()
                  .cause()
                  .isInstanceOfSatisfying(
                      ProxyException.class,
                      e -> assertThat(e.kind()).isEqualTo(ProxyErrorKind.ACL_DENIED));
            });
  }

  @Test
  void restClientCallsAreObservedWithTheApplicationsRegistry() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    runner()
        .withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
        .withPropertyValues(
            "aether.http.serve.enabled=true",
            "aether.http.serve.port=" + web.getAddress().getPort())
        .run(
            (context) -> {
              ready(context);
              AetherHttp http = context.getBean(AetherHttp.class).using(caller);
              assertThat(
                      http.restClient("sv::web::one")
                          .get()
                          .uri("/api/o")
                          .retrieve()
                          .body(String.class))
                  .startsWith("method=GET uri=/api/o");
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo("http.client.requests")
                  .that()
                  .hasLowCardinalityKeyValue("status", "200");
            });
  }

  @Test
  void aServerThatIsDownIsReportedAsDialFailed() throws IOException {
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    runner()
        .withPropertyValues("aether.http.serve.enabled=true", "aether.http.serve.port=" + port)
        .run(
            (context) -> {
              ready(context);
              assertThatThrownBy(() -> caller.fetch("sv::web::one").get("/x"))
                  .isInstanceOfSatisfying(
                      ProxyException.class,
                      e -> assertThat(e.kind()).isEqualTo(ProxyErrorKind.DIAL_FAILED));
            });
  }
}
