/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.time.Duration;
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

/** Authority requests ("sudo") against the embedded gateway: lifecycle, events, refusals. */
class AuthorityRequestsTest {

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private AetherClientOptions options;

  @BeforeEach
  void start() {
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("sudo-" + UUID.randomUUID())
            .policyMode(PolicyMode.LITE_PARITY)
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

  private UserClient user(String id) throws Exception {
    return connect(UserClient.builder(options).userId(id).windowId("w1").build());
  }

  private AgentClient agent(String specifier) throws Exception {
    return connect(
        AgentClient.builder(options)
            .workspace("prod")
            .implementation("worker")
            .specifier(specifier)
            .build());
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

  private static AuthorityRequestException refusal(CompletableFuture<?> f) {
    Throwable t = failure(f);
    assertThat(t).isInstanceOf(AuthorityRequestException.class);
    return (AuthorityRequestException) t;
  }

  private static AuthorityRequestSpec.Builder askAlice(AgentClient a) {
    return AuthorityRequestSpec.builder(
            AuthorityRequestRouting.toPrincipal(new PrincipalRef("user", "alice")),
            AccessLevel.READ_WRITE,
            Duration.ofMinutes(10))
        .audience("agent", a.identity())
        .reason("deploy");
  }

  @Test
  void approvalMintsAGrantForTheRequesterAndEachStepPushesAnEvent() throws Exception {
    UserClient alice = user("alice");
    AgentClient a = agent("sudo");
    List<AuthorityRequestEvent> agentEvents = new CopyOnWriteArrayList<>();
    List<AuthorityRequestEvent> aliceEvents = new CopyOnWriteArrayList<>();
    a.authorityRequests().onEvent(agentEvents::add);
    alice.authorityRequests().onEvent(aliceEvents::add);

    AuthorityRequest created =
        get(
            a.authorityRequests()
                .create(
                    askAlice(a)
                        .targetSubject(new PrincipalRef("user", "alice"))
                        .workspaceScope(List.of("prod", "staging"))
                        .metadata("ticket", "T-1")
                        .build()));
    assertThat(created.status()).isEqualTo(AuthorityRequestStatus.PENDING);
    assertThat(created.requestingActor()).isEqualTo(new PrincipalRef("agent", a.identity()));
    assertThat(created.targetSubject()).isEqualTo(new PrincipalRef("user", "alice"));
    assertThat(created.accessLevel()).isEqualTo(AccessLevel.READ_WRITE);
    assertThat(created.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(created.metadata()).containsEntry("ticket", "T-1");
    assertThat(created.expiresAt()).isAfter(created.createdAt());
    await().atMost(Duration.ofSeconds(10)).until(() -> agentEvents.size() == 1);
    assertThat(agentEvents.get(0).type()).isEqualTo(AuthorityRequestEvent.Type.CREATED);
    assertThat(agentEvents.get(0).request().requestId()).isEqualTo(created.requestId());

    assertThat(get(alice.authorityRequests().list(AuthorityRequestListFilter.pending())))
        .extracting(AuthorityRequest::requestId)
        .containsExactly(created.requestId());

    AuthorityRequest approved =
        get(
            alice
                .authorityRequests()
                .approve(
                    created.requestId(),
                    AuthorityRequestDecision.builder()
                        .reason("ok")
                        .accessLevel(AccessLevel.READ)
                        .workspaceScope(List.of("prod", "elsewhere"))
                        .duration(Duration.ofMinutes(5))
                        .build()));
    assertThat(approved.status()).isEqualTo(AuthorityRequestStatus.APPROVED);
    assertThat(approved.resolvedBy()).isEqualTo(new PrincipalRef("user", "alice"));
    assertThat(approved.resolutionReason()).isEqualTo("ok");
    assertThat(approved.grantedGrantId()).isNotNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> aliceEvents.size() == 1);
    assertThat(aliceEvents.get(0).type()).isEqualTo(AuthorityRequestEvent.Type.APPROVED);

    // the requester holds the minted grant, narrowed by the decision
    AuthorityGrant g = get(a.authority().get(approved.grantedGrantId(), Duration.ofSeconds(10)));
    assertThat(g.subject()).isEqualTo(new PrincipalRef("user", "alice"));
    assertThat(g.delegate()).isEqualTo(new PrincipalRef("agent", a.identity()));
    assertThat(g.maxAccessLevel()).isEqualTo(AccessLevel.READ.wireValue());
    assertThat(g.workspaceScope()).containsExactly("prod");
    assertThat(get(a.authorityRequests().get(created.requestId())).status())
        .isEqualTo(AuthorityRequestStatus.APPROVED);
    assertThat(get(alice.authorityRequests().list(AuthorityRequestListFilter.pending()))).isEmpty();
    assertThat(
            get(
                alice
                    .authorityRequests()
                    .list(
                        AuthorityRequestListFilter.builder()
                            .status(AuthorityRequestStatus.APPROVED)
                            .build())))
        .extracting(AuthorityRequest::requestId)
        .containsExactly(created.requestId());

    AuthorityRequestException again =
        refusal(alice.authorityRequests().deny(created.requestId(), "too late"));
    assertThat(again.gatewayError()).isEqualTo("authority request already resolved");
    assertThat(again.alreadyResolved()).isTrue();
  }

  @Test
  void onlyTheApproverResolvesAndOnlyTheRequesterCancelsOthersSeeNotFound() throws Exception {
    UserClient alice = user("alice");
    UserClient bob = user("bob");
    AgentClient a = agent("deny");

    AuthorityRequest first = get(a.authorityRequests().create(askAlice(a).build()));
    AuthorityRequestException hidden =
        refusal(
            bob.authorityRequests()
                .approve(first.requestId(), AuthorityRequestDecision.asRequested()));
    assertThat(hidden.gatewayError()).isEqualTo("authority request not found");
    assertThat(hidden.reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(refusal(bob.authorityRequests().get(first.requestId())).gatewayError())
        .isEqualTo("authority request not found");
    assertThat(refusal(alice.authorityRequests().cancel(first.requestId(), "")).gatewayError())
        .isEqualTo("authority request not found");

    AuthorityRequest denied = get(alice.authorityRequests().deny(first.requestId(), "no"));
    assertThat(denied.status()).isEqualTo(AuthorityRequestStatus.DENIED);
    assertThat(denied.grantedGrantId()).isNull();
    assertThat(denied.resolutionReason()).isEqualTo("no");

    AuthorityRequest second = get(a.authorityRequests().create(askAlice(a).build()));
    AuthorityRequest cancelled =
        get(a.authorityRequests().cancel(second.requestId(), "not needed"));
    assertThat(cancelled.status()).isEqualTo(AuthorityRequestStatus.CANCELLED);
    assertThat(cancelled.resolutionReason()).isEqualTo("not needed");
    assertThat(refusal(a.authorityRequests().cancel(second.requestId(), "")).gatewayError())
        .isEqualTo("authority request already resolved");
  }

  @Test
  void gatewayRefusalsCarryItsTexts() throws Exception {
    AgentClient a = agent("invalid");
    AuthorityRequestException unknownType =
        refusal(
            a.authorityRequests()
                .create(askAlice(a).targetSubject(new PrincipalRef("robot", "r2")).build()));
    assertThat(unknownType.gatewayError())
        .isEqualTo("invalid target_subject: unknown principal type \"robot\"");
    assertThat(unknownType.reason()).isEqualTo(FailureReason.INVALID_ARGUMENT);

    // approval needs an audience for the grant it mints
    UserClient alice = user("alice");
    AuthorityRequest noAudience =
        get(
            a.authorityRequests()
                .create(
                    AuthorityRequestSpec.builder(
                            AuthorityRequestRouting.toPrincipal(new PrincipalRef("user", "alice")),
                            AccessLevel.READ,
                            Duration.ofMinutes(1))
                        .build()));
    assertThat(
            refusal(
                    alice
                        .authorityRequests()
                        .approve(noAudience.requestId(), AuthorityRequestDecision.asRequested()))
                .gatewayError())
        .isEqualTo(
            "authority approval: mint grant: authority grant audience_type and audience_id are"
                + " required");
    assertThat(get(a.authorityRequests().get(noAudience.requestId())).status())
        .isEqualTo(AuthorityRequestStatus.PENDING);
  }

  @Test
  void badArgumentsFailTheFutureOrThrowNamingTheArgument() throws Exception {
    AgentClient a = agent("args");
    AuthorityRequests r = a.authorityRequests();
    assertThat(failure(r.create(null)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("spec");
    assertThat(failure(r.get(" ")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("requestId");
    assertThat(failure(r.approve("id", null)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("decision");
    assertThat(failure(r.deny("id", null)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("reason");
    assertThat(failure(r.cancel("", "x")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("requestId");
    assertThat(failure(r.list(null)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("filter");
    assertThat(failure(r.get("id", Duration.ZERO)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> r.onEvent(null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("listener");
    assertThatThrownBy(
            () ->
                AuthorityRequestSpec.builder(
                    AuthorityRequestRouting.toCapability("capability/approve"),
                    AccessLevel.READ,
                    Duration.ofMillis(10)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> AuthorityRequestRouting.toCapability(" "))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("capability");
    assertThatThrownBy(() -> AuthorityRequestRouting.toPrincipal(new PrincipalRef("user", "")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("approver.id");
    assertThatThrownBy(() -> AuthorityRequestListFilter.builder().limit(0))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> AuthorityRequestDecision.builder().remainingHops(-1))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("hops");
    assertThatThrownBy(() -> AuthorityRequestDecision.builder().duration(Duration.ofMillis(10)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("duration");
  }

  @Test
  void concurrentCreatesAllCompleteAndEachPushesOneEventInOrder() throws Exception {
    AgentClient a = agent("many");
    List<AuthorityRequestEvent> events = new CopyOnWriteArrayList<>();
    a.authorityRequests().onEvent(events::add);
    int threads = 8;
    int perThread = 25;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<AuthorityRequest>> created = new CopyOnWriteArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        submitted.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perThread; i++) {
                    created.add(a.authorityRequests().create(askAlice(a).build()));
                    // listeners come and go while events are dispatched
                    a.authorityRequests().onEvent(e -> {}).close();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (java.util.concurrent.Future<?> f : submitted) {
        f.get(30, TimeUnit.SECONDS);
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (CompletableFuture<AuthorityRequest> f : created) {
        ids.add(get(f).requestId());
      }
      assertThat(ids).hasSize(threads * perThread);
      await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == ids.size());
      assertThat(events)
          .extracting(e -> e.request().requestId())
          .containsExactlyInAnyOrderElementsOf(ids);
      // pushed in the order the gateway created them
      assertThat(events)
          .extracting(e -> e.request().createdAt())
          .isSortedAccordingTo(java.util.Comparator.naturalOrder());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApprovalRacingACancellationResolvesTheRequestExactlyOnce() throws Exception {
    UserClient alice = user("alice");
    AgentClient a = agent("race");
    for (int round = 0; round < 50; round++) {
      AuthorityRequest r = get(a.authorityRequests().create(askAlice(a).build()));
      CompletableFuture<AuthorityRequest> approve =
          alice.authorityRequests().approve(r.requestId(), AuthorityRequestDecision.asRequested());
      CompletableFuture<AuthorityRequest> cancel = a.authorityRequests().cancel(r.requestId(), "");
      CompletableFuture.allOf(approve, cancel).exceptionally(e -> null).get(10, TimeUnit.SECONDS);
      assertThat(List.of(approve, cancel))
          .filteredOn(f -> !f.isCompletedExceptionally())
          .hasSize(1);
      CompletableFuture<AuthorityRequest> loser =
          approve.isCompletedExceptionally() ? approve : cancel;
      assertThat(((AuthorityRequestException) failure(loser)).alreadyResolved()).isTrue();
      AuthorityRequestStatus last = get(a.authorityRequests().get(r.requestId())).status();
      assertThat(last)
          .isEqualTo(
              approve.isCompletedExceptionally()
                  ? AuthorityRequestStatus.CANCELLED
                  : AuthorityRequestStatus.APPROVED);
    }
  }

  @Test
  void aRequestNobodyResolvesInHalfAnHourExpires() throws Exception {
    io.github.aetherjava.client.testing.MutableClock clock =
        new io.github.aetherjava.client.testing.MutableClock(java.time.Instant.now());
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("sudo-expiry-" + UUID.randomUUID())
            .credentialsPolicy(CredentialsPolicy.dev())
            .clock(clock)
            .start();
    closeables.add(gw);
    options =
        AetherClientOptions.builder()
            .address(gw.inProcessAddress())
            .credentials(Credentials.none())
            .build();
    UserClient alice = user("alice");
    AgentClient a = agent("late");
    AuthorityRequest r = get(a.authorityRequests().create(askAlice(a).build()));
    assertThat(r.expiresAt()).isEqualTo(r.createdAt().plus(Duration.ofMinutes(30)));

    clock.advance(Duration.ofMinutes(29));
    assertThat(get(a.authorityRequests().get(r.requestId())).status())
        .isEqualTo(AuthorityRequestStatus.PENDING);
    clock.advance(Duration.ofMinutes(2));
    AuthorityRequest expired = get(a.authorityRequests().get(r.requestId()));
    assertThat(expired.status()).isEqualTo(AuthorityRequestStatus.EXPIRED);
    assertThat(expired.resolvedAt()).isNotNull();
    assertThat(get(alice.authorityRequests().list(AuthorityRequestListFilter.pending()))).isEmpty();
    assertThat(
            refusal(
                    alice
                        .authorityRequests()
                        .approve(r.requestId(), AuthorityRequestDecision.asRequested()))
                .alreadyResolved())
        .isTrue();
  }

  @Test
  void theEventsOfARequestMadeForATaskReachTheTasksSubscribers() throws Exception {
    UserClient alice = user("alice");
    AgentClient a = agent("task-sudo");
    String taskId =
        get(a.tasks()
                .createTaskAndAwait(
                    io.github.aetherjava.client.task.CreateTaskRequest.builder("deploy").build()))
            .taskId();
    List<io.github.aetherjava.client.task.TaskEvent> taskEvents = new CopyOnWriteArrayList<>();
    get(a.tasks().subscribeTask(taskId, false, taskEvents::add, Duration.ofSeconds(10)));

    AuthorityRequest r = get(a.authorityRequests().create(askAlice(a).taskId(taskId).build()));
    assertThat(r.taskId()).isEqualTo(taskId);
    get(alice.authorityRequests().approve(r.requestId(), AuthorityRequestDecision.asRequested()));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                taskEvents.stream()
                        .filter(
                            e ->
                                e.kind()
                                    == io.github.aetherjava.client.task.TaskEvent.Kind
                                        .AUTHORITY_REQUEST)
                        .count()
                    == 2);
    List<AuthorityRequestEvent> relayed =
        taskEvents.stream()
            .map(io.github.aetherjava.client.task.TaskEvent::authorityRequest)
            .filter(java.util.Objects::nonNull)
            .toList();
    assertThat(relayed)
        .extracting(AuthorityRequestEvent::type)
        .containsExactly(AuthorityRequestEvent.Type.CREATED, AuthorityRequestEvent.Type.APPROVED);
    assertThat(relayed).allMatch(e -> e.request().requestId().equals(r.requestId()));
  }
}
