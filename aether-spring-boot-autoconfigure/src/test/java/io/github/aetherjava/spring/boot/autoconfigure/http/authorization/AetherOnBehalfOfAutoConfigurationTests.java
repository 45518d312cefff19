/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.GrantSpec;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.InvalidAetherConfigurationException;
import io.github.aetherjava.spring.boot.autoconfigure.http.AetherHttpAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.http.AetherWebClientAutoConfiguration;
import io.github.aetherjava.spring.http.AetherAuthorizationResolver;
import io.github.aetherjava.spring.http.AetherHttp;
import io.github.aetherjava.spring.http.AetherWebClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

class AetherOnBehalfOfAutoConfigurationTests {

  private EmbeddedAetherGateway gw;
  private UserClient alice;
  private ServiceClient echo;
  private String callerIdentity;
  private AuthorityGrant grant;

  @BeforeEach
  void start() throws Exception {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("obo-http-" + UUID.randomUUID())
            .start();
    AetherClientOptions options =
        AetherClientOptions.builder().address(gw.inProcessAddress()).build();
    alice = UserClient.builder(options).userId("alice").windowId("w1").build();
    alice.connect().get(10, TimeUnit.SECONDS);
    echo = ServiceClient.builder(options).implementation("echo").specifier("1").build();
    echo.connect().get(10, TimeUnit.SECONDS);
    echo.serve(
        r ->
            ProxyResponse.text(
                200,
                r.header("X-Auth-Authority-Mode").orElse("")
                    + " "
                    + r.header("X-Auth-User-ID").orElse("")
                    + " "
                    + r.header("X-Auth-Grant-ID").orElse("")));
    // the application's client, as the context below will build it
    try (ServiceClient probe =
        ServiceClient.builder(options).implementation("web").specifier("one").build()) {
      callerIdentity = probe.identity();
    }
    Instant now = Instant.now();
    AuthorityGrant root =
        alice
            .authority()
            .exchange(
                "",
                GrantSpec.builder(20, now.plusSeconds(600), now.plusSeconds(1200))
                    .delegable(1)
                    .build(),
                Duration.ofSeconds(10))
            .get(10, TimeUnit.SECONDS);
    grant =
        alice
            .authority()
            .derive(
                root.grantId(),
                new PrincipalRef("service", callerIdentity),
                GrantSpec.builder(20, now.plusSeconds(300), now.plusSeconds(600))
                    .audience("service", callerIdentity)
                    .build(),
                Duration.ofSeconds(10))
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    RequestContextHolder.resetRequestAttributes();
    echo.close();
    alice.close();
    gw.close();
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class,
                AetherOnBehalfOfAutoConfiguration.class,
                AetherHttpAutoConfiguration.class,
                AetherWebClientAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues(
            "aether.address=" + gw.inProcessAddress(),
            "aether.service.implementation=web",
            "aether.service.specifier=one");
  }

  private String who(AetherHttp http) {
    return http.restClient(echo.identity()).get().uri("/who").retrieve().body(String.class);
  }

  @Test
  void withoutPropertiesCallsAreMadeUnderTheCallersOwnAuthority() {
    runner()
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(AetherAuthorizationResolver.class);
              assertThat(context.getBean(AetherAuthorizationResolver.class).resolve("sv::x"))
                  .isNull();
              assertThat(who(context.getBean(AetherHttp.class))).startsWith("direct ");
            });
  }

  @Test
  void aFixedSubjectAndGrantMakeEveryCallOnBehalfOfThatUser() {
    runner()
        .withPropertyValues(
            "aether.http.on-behalf-of.subject-id=alice",
            "aether.http.on-behalf-of.grant-id=" + grant.grantId())
        .run(
            (context) -> {
              String expected = "on_behalf_of alice " + grant.grantId();
              assertThat(who(context.getBean(AetherHttp.class))).isEqualTo(expected);
              assertThat(
                      context
                          .getBean(AetherHttp.class)
                          .restTemplate(echo.identity())
                          .getForObject("/who", String.class))
                  .isEqualTo(expected);
              assertThat(
                      context
                          .getBean(AetherWebClients.class)
                          .webClient(echo.identity())
                          .get()
                          .uri("/who")
                          .retrieve()
                          .bodyToMono(String.class)
                          .block(Duration.ofSeconds(10)))
                  .isEqualTo(expected);
            });
  }

  @Test
  void theCurrentRequestsAttributeWinsOverTheFixedSubject() {
    runner()
        .withPropertyValues(
            "aether.http.on-behalf-of.subject-id=nobody",
            "aether.http.on-behalf-of.grant-id=unused")
        .run(
            (context) -> {
              MapRequestAttributes request = new MapRequestAttributes();
              request.setAttribute(
                  AetherAuthorizationResolver.REQUEST_ATTRIBUTE,
                  grant.onBehalfOf(),
                  RequestAttributes.SCOPE_REQUEST);
              RequestContextHolder.setRequestAttributes(request);
              assertThat(who(context.getBean(AetherHttp.class)))
                  .isEqualTo("on_behalf_of alice " + grant.grantId());
              RequestContextHolder.resetRequestAttributes();
              assertThat(context.getBean(AetherAuthorizationResolver.class).resolve("sv::x"))
                  .isEqualTo(
                      AuthorizationContext.onBehalfOf(
                          new PrincipalRef("user", "nobody"), "unused"));
            });
  }

  @Test
  void theRequestAttributeCanBeSwitchedOff() {
    runner()
        .withPropertyValues("aether.http.on-behalf-of.request-attribute=false")
        .run(
            (context) -> {
              MapRequestAttributes request = new MapRequestAttributes();
              request.setAttribute(
                  AetherAuthorizationResolver.REQUEST_ATTRIBUTE,
                  grant.onBehalfOf(),
                  RequestAttributes.SCOPE_REQUEST);
              RequestContextHolder.setRequestAttributes(request);
              assertThat(context.getBean(AetherAuthorizationResolver.class).resolve("sv::x"))
                  .isNull();
            });
  }

  @Test
  void aSubjectWithoutAGrantFailsStartupNamingTheMissingProperty() {
    runner()
        .withPropertyValues("aether.http.on-behalf-of.subject-id=alice")
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidAetherConfigurationException.class)
                    .hasMessageContaining("aether.http.on-behalf-of.grant-id"));
  }

  @Test
  void anApplicationResolverReplacesTheDefaultAndAetherHttpUsesIt() {
    runner()
        .withUserConfiguration(OwnResolver.class)
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(AetherAuthorizationResolver.class)
                  .getBean(AetherAuthorizationResolver.class)
                  .isSameAs(context.getBean(OwnResolver.class).resolver);
              assertThat(who(context.getBean(AetherHttp.class))).startsWith("direct ");
              OwnResolver.context = grant.onBehalfOf();
              try {
                assertThat(who(context.getBean(AetherHttp.class)))
                    .isEqualTo("on_behalf_of alice " + grant.grantId());
              } finally {
                OwnResolver.context = null;
              }
            });
  }

  @Test
  void withAuthorizationOverridesTheResolverForOneFactory() {
    runner()
        .run(
            (context) ->
                assertThat(
                        who(
                            context
                                .getBean(AetherHttp.class)
                                .withAuthorization(grant.onBehalfOf())))
                    .isEqualTo("on_behalf_of alice " + grant.grantId()));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnResolver {
    static volatile @Nullable AuthorizationContext context;
    final AetherAuthorizationResolver resolver = target -> context;

    @Bean
    AetherAuthorizationResolver ownResolver() {
      return resolver;
    }
  }

  /** Request attributes without a servlet container, as a web request would bind them. */
  private static final class MapRequestAttributes implements RequestAttributes {
    private final Map<String, Object> values = new HashMap<>();

    @Override
    public @Nullable Object getAttribute(String name, int scope) {
      return values.get(name);
    }

    @Override
    public void setAttribute(String name, Object value, int scope) {
      values.put(name, value);
    }

    @Override
    public void removeAttribute(String name, int scope) {
      values.remove(name);
    }

    @Override
    public String[] getAttributeNames(int scope) {
      return Collections.list(Collections.enumeration(values.keySet())).toArray(new String[0]);
    }

    @Override
    public void registerDestructionCallback(String name, Runnable callback, int scope) {
      // nothing is destroyed in this test
    }

    @Override
    public @Nullable Object resolveReference(String key) {
      return null;
    }

    @Override
    public String getSessionId() {
      return "test";
    }

    @Override
    public Object getSessionMutex() {
      return this;
    }
  }
}
