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
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.admin.AclGrant;
import io.github.aetherjava.client.admin.AclTarget;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.AuthorityGrantException;
import io.github.aetherjava.client.authority.AuthorityRequest;
import io.github.aetherjava.client.authority.AuthorityRequestDecision;
import io.github.aetherjava.client.authority.AuthorityRequestEvent;
import io.github.aetherjava.client.authority.AuthorityRequestException;
import io.github.aetherjava.client.authority.AuthorityRequestListFilter;
import io.github.aetherjava.client.authority.AuthorityRequestRouting;
import io.github.aetherjava.client.authority.AuthorityRequestSpec;
import io.github.aetherjava.client.authority.AuthorityRequestStatus;
import io.github.aetherjava.client.authority.GrantRevocation;
import io.github.aetherjava.client.authority.GrantSpec;
import io.github.aetherjava.client.authority.ResolvedAuthority;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.CreateTaskResult;
import io.github.aetherjava.client.task.TaskEvent;
import io.github.aetherjava.client.task.TaskInfo;
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

  private OrchestratorClient orchestrator() throws Exception {
    return connected(
        OrchestratorClient.builder(options)
            .implementation("authz-interop")
            .specifier("orc-" + run)
            .supportedProfiles("authz-" + run)
            .build());
  }

  /** A grant for which {@code a} acts on behalf of {@code alice}, derived from her own. */
  private AuthorityGrant oboGrant(UserClient alice, AgentClient a, int hops) throws Exception {
    AuthorityGrant root =
        get(
            alice
                .authority()
                .exchange("", spec(20, Duration.ofMinutes(5)).delegable(hops + 1).build(), WAIT));
    GrantSpec.Builder child = spec(20, Duration.ofMinutes(2)).audience("agent", a.identity());
    if (hops > 0) {
      child.delegable(hops);
    }
    return get(
        alice
            .authority()
            .derive(root.grantId(), new PrincipalRef("agent", a.identity()), child.build(), WAIT));
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the call to fail, but it succeeded");
  }

  private static AuthorityRequestException requestRefusal(CompletableFuture<?> f) throws Exception {
    Throwable t = failure(f);
    assertThat(t).isInstanceOf(AuthorityRequestException.class);
    return (AuthorityRequestException) t;
  }

  @Test
  void anAuthorityRequestIsCreatedListedApprovedIntoAGrantAndCannotBeResolvedTwice()
      throws Exception {
    UserClient alice = user("approver");
    AgentClient a = agent("sudo");
    PrincipalRef aliceRef = new PrincipalRef("user", "approver-" + run);
    List<AuthorityRequestEvent> agentEvents = new CopyOnWriteArrayList<>();
    List<AuthorityRequestEvent> aliceEvents = new CopyOnWriteArrayList<>();
    a.authorityRequests().onEvent(agentEvents::add);
    alice.authorityRequests().onEvent(aliceEvents::add);

    AuthorityRequest created =
        get(
            a.authorityRequests()
                .create(
                    AuthorityRequestSpec.builder(
                            AuthorityRequestRouting.toPrincipal(aliceRef),
                            AccessLevel.READ_WRITE,
                            Duration.ofHours(2))
                        .targetSubject(aliceRef)
                        .audience("agent", a.identity())
                        .reason("deploy " + run)
                        .build(),
                    WAIT));
    assertThat(created.status()).isEqualTo(AuthorityRequestStatus.PENDING);
    assertThat(created.requestingActor()).isEqualTo(new PrincipalRef("agent", a.identity()));
    assertThat(created.targetSubject()).isEqualTo(aliceRef);
    // the gateway caps a request at one hour
    assertThat(created.duration()).isEqualTo(Duration.ofHours(1));
    assertThat(created.routing()).isEqualTo(AuthorityRequestRouting.toPrincipal(aliceRef));
    await().atMost(WAIT).until(() -> !agentEvents.isEmpty());
    assertThat(agentEvents.get(0).type()).isEqualTo(AuthorityRequestEvent.Type.CREATED);

    assertThat(get(alice.authorityRequests().list(AuthorityRequestListFilter.pending(), WAIT)))
        .extracting(AuthorityRequest::requestId)
        .contains(created.requestId());
    assertThat(get(a.authorityRequests().list(AuthorityRequestListFilter.pending(), WAIT)))
        .extracting(AuthorityRequest::requestId)
        .doesNotContain(created.requestId());

    AuthorityRequest approved =
        get(
            alice
                .authorityRequests()
                .approve(
                    created.requestId(),
                    AuthorityRequestDecision.builder()
                        .reason("ok")
                        .accessLevel(AccessLevel.READ)
                        .build(),
                    WAIT));
    assertThat(approved.status()).isEqualTo(AuthorityRequestStatus.APPROVED);
    assertThat(approved.resolvedBy()).isEqualTo(aliceRef);
    assertThat(approved.resolvedAt()).isNotNull();
    assertThat(approved.grantedGrantId()).isNotNull();
    await().atMost(WAIT).until(() -> !aliceEvents.isEmpty());
    assertThat(aliceEvents.get(0).type()).isEqualTo(AuthorityRequestEvent.Type.APPROVED);
    assertThat(aliceEvents.get(0).request().requestId()).isEqualTo(created.requestId());

    AuthorityGrant minted = get(a.authority().get(approved.grantedGrantId(), WAIT));
    assertThat(minted.subject()).isEqualTo(aliceRef);
    assertThat(minted.delegate()).isEqualTo(new PrincipalRef("agent", a.identity()));
    assertThat(minted.maxAccessLevel()).isEqualTo(AccessLevel.READ.wireValue());
    assertThat(get(a.authorityRequests().get(created.requestId(), WAIT)).status())
        .isEqualTo(AuthorityRequestStatus.APPROVED);

    AuthorityRequestException twice =
        requestRefusal(alice.authorityRequests().deny(created.requestId(), "late", WAIT));
    assertThat(twice.gatewayError()).isEqualTo("authority request already resolved");
  }

  @Test
  void onlyTheApproverResolvesOnlyTheRequesterCancelsAndOthersSeeNotFound() throws Exception {
    UserClient alice = user("resolver");
    UserClient bob = user("stranger");
    AgentClient a = agent("sudo-deny");
    AuthorityRequestSpec ask =
        AuthorityRequestSpec.builder(
                AuthorityRequestRouting.toPrincipal(new PrincipalRef("user", "resolver-" + run)),
                AccessLevel.READ,
                Duration.ofMinutes(5))
            .audience("agent", a.identity())
            .build();

    AuthorityRequest first = get(a.authorityRequests().create(ask, WAIT));
    assertThat(
            requestRefusal(
                    bob.authorityRequests()
                        .approve(first.requestId(), AuthorityRequestDecision.asRequested(), WAIT))
                .gatewayError())
        .isEqualTo("authority request not found");
    assertThat(requestRefusal(bob.authorityRequests().get(first.requestId(), WAIT)).reason())
        .isEqualTo(FailureReason.NOT_FOUND);
    assertThat(
            requestRefusal(alice.authorityRequests().cancel(first.requestId(), "", WAIT))
                .gatewayError())
        .isEqualTo("authority request not found");
    AuthorityRequest denied = get(alice.authorityRequests().deny(first.requestId(), "no", WAIT));
    assertThat(denied.status()).isEqualTo(AuthorityRequestStatus.DENIED);
    assertThat(denied.grantedGrantId()).isNull();

    AuthorityRequest second = get(a.authorityRequests().create(ask, WAIT));
    AuthorityRequest cancelled =
        get(a.authorityRequests().cancel(second.requestId(), "not needed", WAIT));
    assertThat(cancelled.status()).isEqualTo(AuthorityRequestStatus.CANCELLED);
    assertThat(cancelled.resolutionReason()).isEqualTo("not needed");

    assertThat(
            requestRefusal(
                    a.authorityRequests()
                        .create(
                            AuthorityRequestSpec.builder(
                                    AuthorityRequestRouting.toCapability("capability/approve"),
                                    AccessLevel.READ,
                                    Duration.ofMinutes(1))
                                .targetSubject(new PrincipalRef("robot", "r2"))
                                .build(),
                            WAIT))
                .gatewayError())
        .isEqualTo("invalid target_subject: unknown principal type \"robot\"");
  }

  @Test
  void anOnBehalfOfKvOperationIsAuthorisedAgainstTheSubjectNotTheCaller() throws Exception {
    UserClient alice = user("kv-owner");
    AgentClient a = agent("kv-obo");
    AuthorityGrant grant = oboGrant(alice, a, 0);
    String key = "obo-" + run;
    AclTarget onKey = new AclTarget("user", "kv-owner-" + run, "kv_key", key);
    AdminClient orc = orchestrator().admin();

    // the agent itself has no rule for the key: refused
    assertThat(failure(a.kv().put(KvTarget.workspaceScope(), key, "direct")))
        .isInstanceOf(AetherException.class);
    get(orc.grantAccess(AclGrant.of(onKey, AccessLevel.READ_WRITE)));
    try {
      KvClient forAlice = a.kv().withAuthorization(grant.onBehalfOf());
      get(forAlice.put(KvTarget.workspaceScope(), key, "for alice"));
      assertThat(get(forAlice.get(KvTarget.workspaceScope(), key)).asString())
          .isEqualTo("for alice");
      // the subject's rule lifts nothing for the caller's own requests
      assertThat(failure(a.kv().get(KvTarget.workspaceScope(), key)))
          .isInstanceOf(AetherException.class);
      // a context naming someone else's subject is refused before the ACL is asked
      Throwable bad =
          failure(
              a.kv()
                  .withAuthorization(
                      AuthorizationContext.onBehalfOf(
                          new PrincipalRef("user", "someone-else"), grant.grantId()))
                  .get(KvTarget.workspaceScope(), key));
      assertThat(bad).isInstanceOf(AetherException.class);
      assertThat(bad.getMessage()).contains("invalid authorization context");
    } finally {
      get(orc.revokeAccess(onKey));
    }
    assertThat(
            failure(
                a.kv().withAuthorization(grant.onBehalfOf()).get(KvTarget.workspaceScope(), key)))
        .isInstanceOf(AetherException.class);
  }

  @Test
  void anOnBehalfOfTaskCarriesTheSubjectInItsMetadata() throws Exception {
    UserClient alice = user("task-owner");
    AgentClient a = agent("task-obo");
    AuthorityGrant grant = oboGrant(alice, a, 1);

    CreateTaskResult created =
        get(
            a.tasks()
                .createTaskAndAwait(
                    CreateTaskRequest.builder("report").authorization(grant.onBehalfOf()).build()));
    TaskInfo info = get(a.tasks().getTask(created.taskId()));
    assertThat(info.metadata())
        .containsEntry("authority_mode", "on_behalf_of")
        .containsEntry("subject_id", "task-owner-" + run)
        .containsEntry("root_subject_id", "task-owner-" + run);

    Throwable bad =
        failure(
            a.tasks()
                .createTaskAndAwait(
                    CreateTaskRequest.builder("report")
                        .authorization(
                            AuthorizationContext.onBehalfOf(
                                new PrincipalRef("user", "task-owner-" + run), "no-such-grant"))
                        .build()));
    assertThat(bad).isInstanceOf(AetherException.class);
    assertThat(bad.getMessage()).contains("invalid authorization context");
  }

  @Test
  void theEventsOfARequestMadeForATaskReachTheTasksSubscribers() throws Exception {
    UserClient alice = user("task-approver");
    AgentClient a = agent("task-sudo");
    String taskId =
        get(a.tasks().createTaskAndAwait(CreateTaskRequest.builder("deploy").build())).taskId();
    List<TaskEvent> taskEvents = new CopyOnWriteArrayList<>();
    get(a.tasks().subscribeTask(taskId, false, taskEvents::add, WAIT));

    AuthorityRequest r =
        get(
            a.authorityRequests()
                .create(
                    AuthorityRequestSpec.builder(
                            AuthorityRequestRouting.toPrincipal(
                                new PrincipalRef("user", "task-approver-" + run)),
                            AccessLevel.READ,
                            Duration.ofMinutes(5))
                        .audience("agent", a.identity())
                        .taskId(taskId)
                        .build(),
                    WAIT));
    get(
        alice
            .authorityRequests()
            .approve(r.requestId(), AuthorityRequestDecision.asRequested(), WAIT));

    await()
        .atMost(WAIT)
        .until(() -> taskEvents.stream().filter(e -> e.authorityRequest() != null).count() == 2);
    assertThat(taskEvents)
        .filteredOn(e -> e.authorityRequest() != null)
        .extracting(
            e -> e.authorityRequest().type(), e -> e.authorityRequest().request().requestId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuthorityRequestEvent.Type.CREATED, r.requestId()),
            org.assertj.core.groups.Tuple.tuple(
                AuthorityRequestEvent.Type.APPROVED, r.requestId()));
  }
}
