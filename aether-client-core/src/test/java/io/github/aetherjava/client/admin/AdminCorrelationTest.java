/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.PermissionDeniedException;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.AgentResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkspaceInfo;
import io.github.aetherjava.proto.v1.WorkspaceResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a fake gateway that behaves like the real one: workspace and agent responses carry no
 * request id, and an admin denial is an {@code ErrorResponse} without one.
 */
class AdminCorrelationTest {

  /** Calls per thread in the default build (reliability-tests may raise it). */
  private static final int CALLS_PER_THREAD =
      Integer.getInteger("aether.test.adminCorrelationCalls", 150);

  private static final int THREADS = 8;

  private final FakeGateway gw = FakeGateway.inProcess();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final AtomicInteger inFlightWorkspace = new AtomicInteger();
  private final AtomicInteger maxInFlightWorkspace = new AtomicInteger();
  private final ExecutorService answers = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() {
    pool.shutdownNow();
    answers.shutdownNow();
    gw.close();
  }

  private AgentClient client() throws Exception {
    AgentClient a =
        AgentClient.builder(AetherClientOptions.builder().address(gw.address()).build())
            .workspace("prod")
            .implementation("admin")
            .specifier("a1")
            .build();
    a.connect().get(10, TimeUnit.SECONDS);
    return a;
  }

  @Test
  void untaggedResponsesMatchTheirCallsUnderConcurrentCallersOfSeveralKinds() throws Exception {
    gw.responder =
        (conn, m) -> {
          if (m.hasWorkspaceOp()) {
            int now = inFlightWorkspace.incrementAndGet();
            maxInFlightWorkspace.accumulateAndGet(now, Math::max);
            String id = m.getWorkspaceOp().getWorkspaceId();
            // answer later, from another thread, with no request id (like the real gateway)
            answers.execute(
                () -> {
                  if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    Thread.yield();
                  }
                  inFlightWorkspace.decrementAndGet();
                  conn.send(
                      DownstreamMessage.newBuilder()
                          .setWorkspace(
                              WorkspaceResponse.newBuilder()
                                  .setSuccess(true)
                                  .setWorkspace(
                                      WorkspaceInfo.newBuilder()
                                          .setWorkspaceId(id)
                                          .setDisplayName("ws " + id)))
                          .build());
                });
            return List.of();
          }
          if (m.hasAgentOp()) {
            return List.of(
                DownstreamMessage.newBuilder()
                    .setAgent(
                        AgentResponse.newBuilder()
                            .setSuccess(true)
                            .setAgent(
                                AgentRegistrationInfo.newBuilder()
                                    .setImplementation(m.getAgentOp().getImplementation())
                                    .putLaunchParams("profile", "p")))
                    .build());
          }
          return null;
        };
    try (AgentClient a = client()) {
      AdminClient admin = a.admin();
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        all.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    String key = thread + "-" + i;
                    try {
                      if (ThreadLocalRandom.current().nextBoolean()) {
                        assertThat(admin.getWorkspace(key).get(30, TimeUnit.SECONDS).displayName())
                            .isEqualTo("ws " + key);
                      } else {
                        assertThat(admin.getAgent(key).get(30, TimeUnit.SECONDS).implementation())
                            .isEqualTo(key);
                      }
                    } catch (Exception e) {
                      throw new AssertionError(key, e);
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }
    assertThat(maxInFlightWorkspace.get()).isEqualTo(1);
  }

  @Test
  void anUncorrelatedDenialFailsTheCallOnTheWireAtOnceAndTheNextOneProceeds() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    gw.responder =
        (conn, m) -> {
          if (!m.hasTokenOp()) {
            return null;
          }
          if (seen.getAndIncrement() == 0) {
            return List.of(
                DownstreamMessage.newBuilder()
                    .setError(
                        ErrorResponse.newBuilder()
                            .setCode("ERR_PERMISSION_DENIED")
                            .setMessage(
                                "admin tokens operations require system-level privileges or an"
                                    + " explicit ACL grant"))
                    .build());
          }
          return List.of(
              DownstreamMessage.newBuilder()
                  .setToken(
                      io.github.aetherjava.proto.v1.TokenResponse.newBuilder()
                          .setSuccess(true)
                          .setRequestId(m.getTokenOp().getRequestId())
                          .setTotalCount(0))
                  .build());
        };
    try (AgentClient a = client()) {
      CompletableFuture<TokenPage> denied =
          a.admin().listTokens(0, 0, false, Duration.ofMinutes(5));
      CompletableFuture<TokenPage> next = a.admin().listTokens(0, 0, false, Duration.ofMinutes(5));
      ExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> denied.get(10, TimeUnit.SECONDS));
      assertThat(e.getCause())
          .isInstanceOf(PermissionDeniedException.class)
          .hasMessageContaining("admin tokens operations require");
      assertThat(next.get(10, TimeUnit.SECONDS).totalCount()).isZero();
    }
  }

  private final java.util.concurrent.BlockingQueue<String> asked =
      new java.util.concurrent.LinkedBlockingQueue<>();
  private final java.util.concurrent.atomic.AtomicReference<FakeGateway.Conn> connection =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** Workspace operations are recorded and answered by the test itself. */
  private void answerWorkspacesByHand() {
    gw.responder =
        (conn, m) -> {
          if (!m.hasWorkspaceOp()) {
            return null;
          }
          connection.set(conn);
          asked.add(m.getWorkspaceOp().getWorkspaceId());
          return List.of();
        };
  }

  @Test
  void aQueuedCallTimesOutOnItsOwnDeadlineWhileTheCallAheadHangs() throws Exception {
    answerWorkspacesByHand();
    try (AgentClient a = client()) {
      AdminClient admin = a.admin();
      CompletableFuture<WorkspaceDetails> slow = admin.getWorkspace("slow", Duration.ofMinutes(5));
      CompletableFuture<WorkspaceDetails> queued =
          admin.getWorkspace("queued", Duration.ofMillis(100));
      assertThat(asked.poll(10, TimeUnit.SECONDS)).isEqualTo("slow");
      ExecutionException q =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
      assertThat(q.getCause())
          .isInstanceOf(io.github.aetherjava.client.AetherTimeoutException.class);
      assertThat(slow).isNotDone();
      connection.get().send(workspaceAnswer("slow"));
      assertThat(slow.get(10, TimeUnit.SECONDS).id()).isEqualTo("slow");
      // the timed-out call was never sent
      assertThat(asked).isEmpty();
    }
  }

  @Test
  void theLateAnswerOfATimedOutCallIsNotTakenAsTheAnswerOfTheNextCall() throws Exception {
    answerWorkspacesByHand();
    try (AgentClient a = client()) {
      AdminClient admin = a.admin();
      CompletableFuture<WorkspaceDetails> slow = admin.getWorkspace("slow", Duration.ofSeconds(3));
      assertThat(asked.poll(10, TimeUnit.SECONDS)).isEqualTo("slow");
      ExecutionException s =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
      assertThat(s.getCause())
          .isInstanceOf(io.github.aetherjava.client.AetherTimeoutException.class);

      CompletableFuture<WorkspaceDetails> next = admin.getWorkspace("next", Duration.ofSeconds(20));
      // the late answer arrives after "next" was asked for: it must not complete "next"
      connection.get().send(workspaceAnswer("slow"));
      assertThat(asked.poll(10, TimeUnit.SECONDS)).isEqualTo("next");
      connection.get().send(workspaceAnswer("next"));
      assertThat(next.get(10, TimeUnit.SECONDS).id()).isEqualTo("next");
    }
  }

  private static DownstreamMessage workspaceAnswer(String id) {
    return DownstreamMessage.newBuilder()
        .setWorkspace(
            WorkspaceResponse.newBuilder()
                .setSuccess(true)
                .setWorkspace(WorkspaceInfo.newBuilder().setWorkspaceId(id)))
        .build();
  }

  @Test
  void aWireRequestCarriesTheNumericAccessLevel() throws Exception {
    CompletableFuture<UpstreamMessage> grant = new CompletableFuture<>();
    gw.responder =
        (conn, m) -> {
          if (m.hasAclOp()) {
            grant.complete(m);
            return List.of(
                DownstreamMessage.newBuilder()
                    .setAcl(
                        io.github.aetherjava.proto.v1.ACLResponse.newBuilder()
                            .setSuccess(true)
                            .setRule(
                                io.github.aetherjava.proto.v1.ACLRuleInfo.newBuilder()
                                    .setRuleId("r1")
                                    .setAccessLevel(30)))
                    .build());
          }
          return null;
        };
    try (AgentClient a = client()) {
      AclRule rule =
          a.admin()
              .grantAccess(
                  AclGrant.of(
                      new AclTarget("user", "bob", "workspace", "prod"), AccessLevel.MANAGE))
              .get(10, TimeUnit.SECONDS);
      assertThat(rule.accessLevel()).isEqualTo(AccessLevel.MANAGE);
      assertThat(grant.get().getAclOp().getGrantRequest().getAccessLevel()).isEqualTo(30);
    }
  }
}
