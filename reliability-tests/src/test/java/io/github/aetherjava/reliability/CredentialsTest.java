/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.SECRET_PREFIX;
import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AuthenticationException;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.PermissionDeniedException;
import io.github.aetherjava.client.TlsOptions;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded gateway's API-key policy, seen through the client: each refusal carries the real
 * gateway's status and text, is terminal (no reconnect loop that would trip the auth throttle), and
 * never contains a secret. Secrets also never appear in {@code toString()} of options, credentials,
 * TLS options or clients.
 */
@Order(100)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialsTest {

  static final String AGENT_KEY = SECRET_PREFIX + "agent-key-7f3a";
  static final String OTHER_WS_KEY = SECRET_PREFIX + "other-ws-key-91c2";
  static final String USER_KEY = SECRET_PREFIX + "user-key-44d0";
  static final String BOUND_KEY = SECRET_PREFIX + "bound-key-e5b8";
  static final String WRONG_KEY = SECRET_PREFIX + "wrong-key-0000";
  static final String TOKEN = SECRET_PREFIX + "bearer-token-aa11";

  EmbeddedAetherGateway gw;

  @BeforeAll
  void start() {
    gw =
        EmbeddedAetherGateway.builder()
            .credentialsPolicy(
                CredentialsPolicy.apiKeys(
                    ApiKey.of(AGENT_KEY, PrincipalType.PRINCIPAL_AGENT).forWorkspaces("rel"),
                    ApiKey.of(OTHER_WS_KEY, PrincipalType.PRINCIPAL_AGENT).forWorkspaces("other-*"),
                    ApiKey.of(USER_KEY, PrincipalType.PRINCIPAL_USER),
                    ApiKey.of(BOUND_KEY, PrincipalType.PRINCIPAL_AGENT)
                        .forPrincipal("ag::rel::rel::someone-else")))
            .start();
  }

  @AfterAll
  void stop() {
    gw.close();
  }

  /** name, client factory, exact exception type (null = accepted), exact message. */
  static Stream<Arguments> policy() {
    return Stream.of(
        row("right key", t -> t.agentWith(Credentials.apiKey(AGENT_KEY)), null, null),
        row(
            "no key",
            t -> t.agentWith(Credentials.none()),
            AuthenticationException.class,
            "cannot connect to {addr}: UNAUTHENTICATED anonymous connection as Agent requires a matching API key"
                + " credential"),
        row(
            "wrong key",
            t -> t.agentWith(Credentials.apiKey(WRONG_KEY)),
            AuthenticationException.class,
            "cannot connect to {addr}: UNAUTHENTICATED credential authentication failed: invalid API key: key is"
                + " not known to this gateway"),
        row(
            "key for another workspace",
            t -> t.agentWith(Credentials.apiKey(OTHER_WS_KEY)),
            PermissionDeniedException.class,
            "cannot connect to {addr}: PERMISSION_DENIED API key not authorized for workspace rel"),
        row(
            "key for another principal type",
            t -> t.agentWith(Credentials.apiKey(USER_KEY)),
            PermissionDeniedException.class,
            "cannot connect to {addr}: PERMISSION_DENIED API key principal type mismatch: key=User, claimed=Agent"),
        row(
            "key bound to another principal",
            t -> t.agentWith(Credentials.apiKey(BOUND_KEY)),
            PermissionDeniedException.class,
            "cannot connect to {addr}: PERMISSION_DENIED API key principal id"
                + " mismatch: key=ag::rel::rel::someone-else, claimed=ag::rel::rel::keyed"),
        row(
            "user key for a user",
            t ->
                UserClient.builder(t.opts(Credentials.apiKey(USER_KEY)))
                    .userId("alice")
                    .windowId("w1")
                    .build(),
            null,
            null),
        row(
            "bearer token is not an API key",
            t -> t.agentWith(Credentials.bearerToken(TOKEN)),
            AuthenticationException.class,
            "cannot connect to {addr}: UNAUTHENTICATED anonymous connection as"
                + " Agent requires a matching API key credential"));
  }

  AetherClientOptions opts(Credentials c) {
    return options(gw.address()).credentials(c).build();
  }

  AetherClient agentWith(Credentials c) {
    return agent(opts(c), "keyed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policy")
  void apiKeyPolicy(
      String name,
      Function<CredentialsTest, AetherClient> factory,
      @Nullable Class<? extends AetherException> type,
      @Nullable String message) {
    try (AetherClient c = factory.apply(this)) {
      assertThat(c.toString()).doesNotContain(SECRET_PREFIX);
      assertThat(c.options().toString()).doesNotContain(SECRET_PREFIX);
      assertThat(c.options().credentials().toString()).doesNotContain(SECRET_PREFIX);
      if (type == null) {
        assertThat(c.connectBlocking().sessionId()).isNotEmpty();
        return;
      }
      assertThatThrownBy(c::connectBlocking)
          .isExactlyInstanceOf(type)
          .hasMessage(java.util.Objects.requireNonNull(message).replace("{addr}", gw.address()))
          .satisfies(e -> assertThat(((AetherException) e).isRecoverable()).isFalse())
          .satisfies(e -> assertThat(Secrets.fullText(e)).doesNotContain(SECRET_PREFIX));
      assertThat(c.state()).as("refusals are terminal").isEqualTo(ConnectionState.CLOSED);
      assertThat(String.valueOf(c.status())).doesNotContain(SECRET_PREFIX);
    }
  }

  @Test
  void secretsNeverAppearInToString() {
    Pki.Issued ca = Pki.ca("tostring-ca");
    Pki.Issued client = Pki.client(ca, "ag::rel::rel::x");
    Credentials all =
        Credentials.apiKey(AGENT_KEY)
            .and(Credentials.bearerToken(TOKEN))
            .and(Credentials.taskToken(SECRET_PREFIX + "task-token"))
            .and(Credentials.of(Map.of("api_key", SECRET_PREFIX + "raw-map-key")));
    TlsOptions tls =
        TlsOptions.builder()
            .trustRoots(ca.certPem())
            .clientCertificate(client.certPem(), client.keyPem())
            .build();
    AetherClientOptions o =
        options("127.0.0.1:1")
            .credentials(all)
            .tls(tls)
            .header("authorization", "Bearer " + SECRET_PREFIX + "header-token")
            .build();
    String body = Secrets.pemBody(client.keyPem());
    for (Object x : new Object[] {all, tls, o, agent(o, "x")}) {
      assertThat(x.toString())
          .as(x.getClass().getSimpleName())
          .doesNotContain(SECRET_PREFIX)
          .doesNotContain(body)
          .doesNotContain("PRIVATE KEY");
    }
    // the keys are still listed, so a user can see which credentials are configured
    assertThat(all.toString()).contains("x-api-key").contains("authorization");
  }

  private static Arguments row(
      String name,
      Function<CredentialsTest, AetherClient> f,
      @Nullable Class<? extends AetherException> type,
      @Nullable String message) {
    return Arguments.of(name, f, type, message);
  }
}
