/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grant lifecycle against the embedded gateway: exchange, derive, renew, cascade revocation. */
class AuthorityGrantsTest {

  private static final Duration T = Duration.ofSeconds(10);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private AetherClientOptions options;

  @BeforeEach
  void start() {
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("authority-" + UUID.randomUUID())
            .policyMode(PolicyMode.PERMISSIVE)
            .credentialsPolicy(CredentialsPolicy.dev())
            .start();
    closeables.add(gw);
    options =
        AetherClientOptions.builder()
            .address(gw.inProcessAddress())
            .credentials(Credentials.none())
            .build();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private <C extends AetherClient> C connect(C client) throws Exception {
    closeables.add(client);
    client.connect().get(10, TimeUnit.SECONDS);
    return client;
  }

  private static <V> V get(CompletableFuture<V> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected a failed future, got " + e, e);
    }
    throw new AssertionError("expected a failed future, but it succeeded");
  }

  private static GrantSpec.Builder spec(int level, Duration life) {
    Instant now = Instant.now();
    return GrantSpec.builder(level, now.plus(life), now.plus(life.multipliedBy(4)));
  }

  private static String session(AetherClient c) {
    return c.connectionInfo().map(ConnectionInfo::sessionId).orElseThrow();
  }

  @Test
  void lifecycleWithCascadeRevocationPushedToTheDelegate() throws Exception {
    UserClient alice = connect(UserClient.builder(options).userId("alice").windowId("w1").build());
    ServiceClient svc =
        connect(ServiceClient.builder(options).implementation("billing").specifier("1").build());
    AgentClient agent =
        connect(
            AgentClient.builder(options)
                .workspace("prod")
                .implementation("worker")
                .specifier("a1")
                .build());
    List<GrantRevocation> svcPushes = new CopyOnWriteArrayList<>();
    List<GrantRevocation> agentPushes = new CopyOnWriteArrayList<>();
    svc.authority().onRevocation(svcPushes::add);
    agent.authority().onRevocation(agentPushes::add);

    AuthorityGrant root =
        get(
            svc.authority()
                .exchange(
                    session(alice),
                    spec(30, Duration.ofMinutes(10)).workspaceScope("prod").delegable(2).build(),
                    T));
    assertThat(root.subject()).isEqualTo(new PrincipalRef("user", "alice"));
    assertThat(root.delegate()).isEqualTo(new PrincipalRef("service", svc.identity()));
    assertThat(root.rootGrantId()).isEqualTo(root.grantId());
    assertThat(root.audienceType()).isEqualTo("session");
    assertThat(root.audienceId()).isEqualTo(session(alice));
    assertThat(root.validWhileAudienceActive()).isTrue();
    assertThat(root.metadata()).containsEntry("exchange_mode", "trusted_exchange");

    PrincipalRef agentRef = new PrincipalRef("agent", agent.identity());
    GrantSpec childSpec =
        spec(20, Duration.ofMinutes(5))
            .workspaceScope("prod")
            .audience("agent", agent.identity())
            .build();
    AuthorityGrant child = get(svc.authority().derive(root.grantId(), agentRef, childSpec, T));
    assertThat(child.parentGrantId()).isEqualTo(root.grantId());
    assertThat(child.rootGrantId()).isEqualTo(root.grantId());
    assertThat(child.subject()).isEqualTo(root.subject());
    assertThat(child.delegate()).isEqualTo(agentRef);

    // same parent, target and audience: reused, not minted again
    AuthorityGrant reused =
        get(svc.authority().deriveForTarget(root.grantId(), agentRef, childSpec, T));
    assertThat(reused.grantId()).isEqualTo(child.grantId());

    assertThat(get(agent.authority().get(child.grantId(), T)).grantId()).isEqualTo(child.grantId());
    assertThat(get(agent.authority().listMine(false, T)))
        .extracting(AuthorityGrant::grantId)
        .containsExactly(child.grantId());
    assertThat(get(alice.authority().listOnMe(false, T)))
        .extracting(AuthorityGrant::grantId)
        .containsExactly(child.grantId(), root.grantId());

    ResolvedAuthority resolved =
        get(agent.authority().resolve(child.grantId(), new PrincipalRef("user", "alice"), T));
    assertThat(resolved.actor()).isEqualTo(agentRef);
    assertThat(resolved.subject()).isEqualTo(new PrincipalRef("user", "alice"));
    assertThat(resolved.workspaceScope()).containsExactly("prod");

    AuthorityGrant renewed = get(svc.authority().renew(root.grantId(), Duration.ofMinutes(20), T));
    assertThat(renewed.renewedAt()).isNotNull();
    assertThat(renewed.expiresAt()).isAfter(root.expiresAt());

    AuthorityGrant revoked = get(svc.authority().revoke(root.grantId(), T));
    assertThat(revoked.revoked()).isTrue();
    await().atMost(T).until(() -> !agentPushes.isEmpty() && !svcPushes.isEmpty());
    assertThat(agentPushes.get(0).grantId()).isEqualTo(child.grantId());
    assertThat(agentPushes.get(0).rootGrantId()).isEqualTo(root.grantId());
    assertThat(agentPushes.get(0).cascade()).isTrue();
    assertThat(svcPushes.get(0).grantId()).isEqualTo(root.grantId());
    assertThat(svcPushes.get(0).cascade()).isFalse();

    Throwable stale = failure(agent.authority().get(child.grantId(), T));
    assertThat(stale).isInstanceOf(AuthorityGrantException.class);
    assertThat(((AuthorityGrantException) stale).reason())
        .isEqualTo(FailureReason.PERMISSION_DENIED);
    assertThat(((AuthorityGrantException) stale).gatewayError())
        .contains("authority grant revoked");
    assertThat(get(agent.authority().listMine(false, T))).isEmpty();
    assertThat(get(agent.authority().listMine(true, T))).hasSize(1);
  }

  @Test
  void refusalsCarryTheGatewayText() throws Exception {
    UserClient alice = connect(UserClient.builder(options).userId("alice").windowId("w1").build());
    ServiceClient svc =
        connect(ServiceClient.builder(options).implementation("billing").specifier("1").build());

    // a service has no session of its own to exchange for
    Throwable noSource =
        failure(svc.authority().exchange("", spec(20, Duration.ofMinutes(1)).build(), T));
    assertThat(noSource)
        .isInstanceOf(AuthorityGrantException.class)
        .hasMessageContaining("source_session_id is required for non-user actors");

    AuthorityGrant own =
        get(alice.authority().exchange("", spec(20, Duration.ofMinutes(10)).build(), T));
    assertThat(own.metadata()).containsEntry("exchange_mode", "self");
    assertThat(own.mayDelegate()).isFalse();

    // not delegable: deriving from it is refused
    Throwable cannot =
        failure(
            alice
                .authority()
                .derive(
                    own.grantId(),
                    new PrincipalRef("service", svc.identity()),
                    spec(10, Duration.ofMinutes(1)).audience("service", svc.identity()).build(),
                    T));
    assertThat(cannot).hasMessageContaining("authority grant cannot delegate further");

    Throwable missing = failure(alice.authority().get("no-such-grant", T));
    assertThat(((AuthorityGrantException) missing).reason()).isEqualTo(FailureReason.NOT_FOUND);

    // a stranger neither sees nor revokes someone else's grant
    Throwable foreign = failure(svc.authority().revoke(own.grantId(), T));
    assertThat(foreign).hasMessageContaining("not authorized to use authority grant");
    assertThat(get(alice.authority().get(own.grantId(), T)).revoked()).isFalse();

    BatchExchangeResult batch =
        get(
            alice
                .authority()
                .batchExchange(
                    List.of("", "not-a-session"),
                    List.of(
                        spec(10, Duration.ofMinutes(1)).build(),
                        spec(10, Duration.ofMinutes(1)).build()),
                    false,
                    T));
    assertThat(batch.grants()).hasSize(1);
    assertThat(batch.allSucceeded()).isFalse();
    assertThat(batch.error()).startsWith("index 1: ");
  }

  @Test
  void onBehalfOfSendShowsTheSubjectToTheReceiver() throws Exception {
    UserClient alice = connect(UserClient.builder(options).userId("alice").windowId("w1").build());
    ServiceClient svc =
        connect(ServiceClient.builder(options).implementation("billing").specifier("1").build());
    AgentClient agent =
        connect(
            AgentClient.builder(options)
                .workspace("prod")
                .implementation("worker")
                .specifier("a1")
                .build());
    List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    agent.onMessage(received::add);
    List<GatewayError> errors = new CopyOnWriteArrayList<>();
    svc.onError(errors::add);

    AuthorityGrant grant =
        get(svc.authority().exchange(session(alice), spec(20, Duration.ofMinutes(10)).build(), T));
    get(
        svc.send(
            agent.identity(), "for alice".getBytes(UTF_8), MessageType.OPAQUE, grant.onBehalfOf()));
    get(
        svc.send(
            agent.identity(),
            "as myself".getBytes(UTF_8),
            MessageType.OPAQUE,
            AuthorizationContext.direct()));
    await().atMost(T).until(() -> received.size() == 2);
    assertThat(received.get(0).onBehalfOf()).isEqualTo(new PrincipalRef("user", "alice"));
    assertThat(received.get(1).onBehalfOf()).isNull();

    // a grant for someone else, or a revoked one, is refused and nothing is delivered
    get(
        svc.send(
            agent.identity(),
            "spoofed".getBytes(UTF_8),
            MessageType.OPAQUE,
            AuthorizationContext.onBehalfOf(new PrincipalRef("user", "bob"), grant.grantId())));
    get(alice.authority().revoke(grant.grantId(), T));
    get(svc.send(agent.identity(), "late".getBytes(UTF_8), MessageType.OPAQUE, grant.onBehalfOf()));
    await().atMost(T).until(() -> errors.size() == 2);
    assertThat(errors)
        .allSatisfy(
            e -> {
              assertThat(e.code()).isEqualTo("ERR_PERMISSION_DENIED");
              assertThat(e.message())
                  .isEqualTo("not authorized to send to topic " + agent.identity());
            });
    get(svc.send(agent.identity(), "marker".getBytes(UTF_8), MessageType.OPAQUE));
    await().atMost(T).until(() -> received.size() == 3);
    assertThat(received.get(2).payloadAsString()).isEqualTo("marker");
    assertThatThrownBy(
            () -> AuthorizationContext.onBehalfOf(new PrincipalRef("user", "alice"), " "))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("grantId");
  }

  @Test
  void onBehalfOfProxyRequestCarriesTheSubjectToTheServingSide() throws Exception {
    UserClient alice = connect(UserClient.builder(options).userId("alice").windowId("w1").build());
    ServiceClient svc =
        connect(ServiceClient.builder(options).implementation("billing").specifier("1").build());
    ServiceClient memory =
        connect(ServiceClient.builder(options).implementation("memory").specifier("1").build());
    memory.serve(
        r ->
            ProxyResponse.text(
                200,
                r.header("X-Auth-Authority-Mode").orElse("")
                    + " "
                    + r.header("X-Auth-User-ID").orElse("")
                    + " "
                    + r.header("X-Auth-Actor-ID").orElse("")
                    + " "
                    + r.header("X-Auth-Max-Access-Level").orElse("-")));

    AuthorityGrant grant =
        get(svc.authority().exchange(session(alice), spec(20, Duration.ofMinutes(10)).build(), T));
    ProxyResponse obo =
        get(
            svc.fetch(memory.identity())
                .fetch(
                    ProxyRequest.builder("GET", "/me").authorization(grant.onBehalfOf()).build()));
    assertThat(obo.bodyAsString()).isEqualTo("on_behalf_of alice " + svc.identity() + " 20");
    ProxyResponse direct = get(svc.fetch(memory.identity()).fetch(ProxyRequest.get("/me")));
    assertThat(direct.bodyAsString()).startsWith("direct ");

    // a forged subject never reaches the serving side
    Throwable forged =
        failure(
            svc.fetch(memory.identity())
                .fetch(
                    ProxyRequest.builder("GET", "/me")
                        .authorization(
                            AuthorizationContext.onBehalfOf(
                                new PrincipalRef("user", "bob"), grant.grantId()))
                        .build()));
    assertThat(forged).isInstanceOf(ProxyException.class);
    assertThat(((ProxyException) forged).kind()).isEqualTo(ProxyErrorKind.ACL_DENIED);
    assertThat(forged).hasMessageContaining("subject does not match");
  }

  @Test
  void badArgumentsAreRefusedBeforeSending() throws Exception {
    UserClient alice = connect(UserClient.builder(options).userId("alice").windowId("w1").build());
    assertThatThrownBy(() -> GrantSpec.builder(0, Instant.now(), Instant.now()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("maxAccessLevel");
    assertThatThrownBy(() -> GrantSpec.builder(10, Instant.now().plusSeconds(60), Instant.now()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("renewableUntil");
    assertThat(failure(alice.authority().get(" ", T)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("grantId");
    assertThat(failure(alice.authority().renew("g", Duration.ZERO, T)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("extension");
    assertThat(failure(alice.authority().listMine(false, Duration.ZERO)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("timeout");
  }
}
