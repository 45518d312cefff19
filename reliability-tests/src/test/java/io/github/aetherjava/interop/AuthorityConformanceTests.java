/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.AuthorityGrantException;
import io.github.aetherjava.client.authority.GrantRevocation;
import io.github.aetherjava.client.authority.GrantSpec;
import io.github.aetherjava.client.authority.ResolvedAuthority;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
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
import org.junit.jupiter.api.Test;

/**
 * Authority grants and on-behalf-of sends as a client observes them, run against the embedded
 * gateway in {@code LITE_PARITY} mode ({@link EmbeddedAuthorityConformanceTest}) and against
 * AetherLite ({@link RealAuthorityInteropTest}). The cases need no ACL rules: a user exchanges a
 * grant for itself and derives from it.
 */
abstract class AuthorityConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AetherClientOptions options =
      AetherClientOptions.builder().address(gatewayAddress()).build();
  private final List<AetherClient> clients = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
  }

  private <C extends AetherClient> C connected(C client) throws Exception {
    clients.add(client);
    client.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  private UserClient user(String name) throws Exception {
    return connected(UserClient.builder(options).userId(name + "-" + run).windowId("w").build());
  }

  private AgentClient agent(String specifier) throws Exception {
    return connected(
        AgentClient.builder(options)
            .workspace("authz-" + run)
            .implementation("authz-interop")
            .specifier(specifier)
            .build());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static AuthorityGrantException refusal(CompletableFuture<?> f) throws Exception {
    try {
      f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(AuthorityGrantException.class);
      return (AuthorityGrantException) e.getCause();
    }
    throw new AssertionError("expected the call to fail, but it succeeded");
  }

  private static GrantSpec.Builder spec(int level, Duration life) {
    Instant now = Instant.now();
    return GrantSpec.builder(level, now.plus(life), now.plus(life.multipliedBy(3)));
  }

  private static String session(AetherClient c) {
    return c.connectionInfo().map(ConnectionInfo::sessionId).orElseThrow();
  }

  @Test
  void aUserExchangesForItselfRenewsAndRevokes() throws Exception {
    UserClient alice = user("alice");

    AuthorityGrant g =
        get(alice.authority().exchange("", spec(20, Duration.ofMinutes(5)).build(), WAIT));
    PrincipalRef me = new PrincipalRef("user", "alice-" + run);
    assertThat(g.subject()).isEqualTo(me);
    assertThat(g.delegate()).isEqualTo(me);
    assertThat(g.rootSubject()).isEqualTo(me);
    assertThat(g.rootGrantId()).isEqualTo(g.grantId());
    assertThat(g.parentGrantId()).isNull();
    assertThat(g.audienceType()).isEqualTo("session");
    assertThat(g.audienceId()).isEqualTo(session(alice));
    assertThat(g.metadata()).containsEntry("exchange_mode", "self");
    assertThat(g.maxAccessLevel()).isEqualTo(20);

    assertThat(get(alice.authority().get(g.grantId(), WAIT)).grantId()).isEqualTo(g.grantId());
    assertThat(get(alice.authority().listOnMe(false, WAIT)))
        .extracting(AuthorityGrant::grantId)
        .contains(g.grantId());

    AuthorityGrant renewed =
        get(alice.authority().renew(g.grantId(), Duration.ofMinutes(10), WAIT));
    assertThat(renewed.expiresAt()).isAfter(g.expiresAt());
    assertThat(renewed.renewedAt()).isNotNull();

    AuthorityGrant revoked = get(alice.authority().revoke(g.grantId(), WAIT));
    assertThat(revoked.revoked()).isTrue();
    assertThat(revoked.revokedAt()).isNotNull();
    // AetherLite pushes revocations only to non-user delegates; the subject still sees the grant
    assertThat(get(alice.authority().get(g.grantId(), WAIT)).revoked()).isTrue();
    assertThat(get(alice.authority().listOnMe(false, WAIT)))
        .extracting(AuthorityGrant::grantId)
        .doesNotContain(g.grantId());
  }

  @Test
  void refusalsCarryTheGatewayTexts() throws Exception {
    UserClient alice = user("refused");
    AgentClient a = agent("refused");

    assertThat(
            refusal(a.authority().exchange("", spec(20, Duration.ofMinutes(5)).build(), WAIT))
                .gatewayError())
        .isEqualTo("source_session_id is required for non-user actors");
    AuthorityGrantException missing =
        refusal(alice.authority().get(UUID.randomUUID().toString(), WAIT));
    assertThat(missing.gatewayError()).isEqualTo("authority grant not found");
    assertThat(missing.reason()).isEqualTo(FailureReason.NOT_FOUND);

    AuthorityGrant own =
        get(alice.authority().exchange("", spec(20, Duration.ofMinutes(5)).build(), WAIT));
    GrantSpec child = spec(10, Duration.ofMinutes(1)).audience("agent", a.identity()).build();
    assertThat(
            refusal(
                    alice
                        .authority()
                        .derive(
                            own.grantId(), new PrincipalRef("agent", a.identity()), child, WAIT))
                .gatewayError())
        .isEqualTo("authority grant cannot delegate further");
    assertThat(refusal(a.authority().revoke(own.grantId(), WAIT)).gatewayError())
        .isEqualTo("not authorized to use authority grant " + own.grantId());
  }

  @Test
  void aDerivedGrantLetsTheAgentResolveSendAndCallOnBehalfOfTheUser() throws Exception {
    UserClient alice = user("obo");
    AgentClient a = agent("obo-sender");
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    alice.onMessage(inbox::add);
    List<GrantRevocation> agentPushes = new CopyOnWriteArrayList<>();
    a.authority().onRevocation(agentPushes::add);

    AuthorityGrant root =
        get(
            alice
                .authority()
                .exchange("", spec(20, Duration.ofMinutes(5)).delegable(1).build(), WAIT));
    PrincipalRef agentRef = new PrincipalRef("agent", a.identity());
    AuthorityGrant derived =
        get(
            alice
                .authority()
                .derive(
                    root.grantId(),
                    agentRef,
                    spec(20, Duration.ofMinutes(2)).audience("agent", a.identity()).build(),
                    WAIT));
    assertThat(derived.parentGrantId()).isEqualTo(root.grantId());
    assertThat(derived.rootGrantId()).isEqualTo(root.grantId());
    assertThat(derived.delegate()).isEqualTo(agentRef);
    assertThat(derived.subject()).isEqualTo(root.subject());

    ResolvedAuthority resolved =
        get(a.authority().resolve(derived.grantId(), root.subject(), WAIT));
    assertThat(resolved.subject()).isEqualTo(root.subject());
    assertThat(resolved.grantId()).isEqualTo(derived.grantId());

    get(
        a.send(
            alice.identity(), "for you".getBytes(UTF_8), MessageType.OPAQUE, derived.onBehalfOf()));
    await().atMost(WAIT).until(() -> !inbox.isEmpty());
    assertThat(inbox.get(0).onBehalfOf()).isEqualTo(root.subject());

    ServiceClient memory =
        connected(
            ServiceClient.builder(options).implementation("authz-mem").specifier(run).build());
    memory.serve(
        r ->
            ProxyResponse.text(
                200,
                r.header("X-Auth-Authority-Mode").orElse("")
                    + " "
                    + r.header("X-Auth-User-ID").orElse("")
                    + " "
                    + r.header("X-Auth-Grant-ID").orElse("")));
    ProxyResponse served =
        get(
            a.fetch(memory.identity())
                .fetch(
                    ProxyRequest.builder("GET", "/who")
                        .authorization(derived.onBehalfOf())
                        .build()));
    assertThat(served.bodyAsString())
        .isEqualTo("on_behalf_of " + root.subject().id() + " " + derived.grantId());

    get(alice.authority().revoke(root.grantId(), WAIT));
    await().atMost(WAIT).until(() -> !agentPushes.isEmpty());
    assertThat(agentPushes.get(0).grantId()).isEqualTo(derived.grantId());
    assertThat(agentPushes.get(0).rootGrantId()).isEqualTo(root.grantId());
    assertThat(agentPushes.get(0).cascade()).isTrue();
    assertThat(refusal(a.authority().resolve(derived.grantId(), root.subject(), WAIT)).reason())
        .isEqualTo(FailureReason.PERMISSION_DENIED);
  }

  @Test
  void aServiceNeedsTheExchangeCapabilityToActForAUserSession() throws Exception {
    UserClient alice = user("trusted");
    ServiceClient svc =
        connected(
            ServiceClient.builder(options).implementation("authz-svc").specifier(run).build());
    AuthorityGrantException denied =
        refusal(
            svc.authority()
                .exchange(session(alice), spec(20, Duration.ofMinutes(5)).build(), WAIT));
    assertThat(denied.gatewayError())
        .isEqualTo("not authorized to exchange authority grants from another session");
    assertThat(denied.reason()).isEqualTo(FailureReason.PERMISSION_DENIED);
    assertThat(get(alice.authority().listOnMe(false, WAIT))).isEmpty();
  }
}
