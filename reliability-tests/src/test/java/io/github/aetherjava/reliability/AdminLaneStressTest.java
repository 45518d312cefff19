/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.admin.AclGrant;
import io.github.aetherjava.client.admin.AclTarget;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.proto.v1.ACLResponse;
import io.github.aetherjava.proto.v1.ACLRuleInfo;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.AgentResponse;
import io.github.aetherjava.proto.v1.ConnectionAck;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkspaceInfo;
import io.github.aetherjava.proto.v1.WorkspaceResponse;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads calling admin operations of three kinds against a gateway that, like the real one,
 * answers workspace, agent and ACL operations without a request id, after random delays (some past
 * the caller's timeout). Every call must end with its own answer or a timeout, never with another
 * call's answer, and at most one call of a kind may be on the wire at a time.
 */
class AdminLaneStressTest {

  /** Calls per thread; raise with {@code -Daether.stress.adminCalls=...}. */
  private static final int CALLS = Integer.getInteger("aether.stress.adminCalls", 100);

  private static final int THREADS = 12;

  private final ScheduledExecutorService delays = Executors.newScheduledThreadPool(2);
  private final Map<String, AtomicInteger> onTheWire = new ConcurrentHashMap<>();
  private final AtomicInteger overlaps = new AtomicInteger();
  private Server server;

  @AfterEach
  void stop() {
    delays.shutdownNow();
    if (server != null) {
      server.shutdownNow();
    }
  }

  private String start() throws Exception {
    String name = "admin-stress-" + UUID.randomUUID();
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                new AetherGatewayGrpc.AetherGatewayImplBase() {
                  @Override
                  public StreamObserver<UpstreamMessage> connect(
                      StreamObserver<DownstreamMessage> out) {
                    return new Untagged(out);
                  }
                })
            .build()
            .start();
    return "in-process:" + name;
  }

  /** Answers like the real gateway: no request id on workspace, agent and ACL responses. */
  private final class Untagged implements StreamObserver<UpstreamMessage> {
    private final StreamObserver<DownstreamMessage> out;

    Untagged(StreamObserver<DownstreamMessage> out) {
      this.out = out;
    }

    private synchronized void send(DownstreamMessage m) {
      out.onNext(m);
    }

    @Override
    public void onNext(UpstreamMessage m) {
      if (m.hasInit()) {
        send(
            DownstreamMessage.newBuilder()
                .setConnectionAck(
                    ConnectionAck.newBuilder().setSessionId("s").setServerVersion("x"))
                .build());
      } else if (m.hasWorkspaceOp()) {
        later(
            "workspace",
            DownstreamMessage.newBuilder()
                .setWorkspace(
                    WorkspaceResponse.newBuilder()
                        .setSuccess(true)
                        .setWorkspace(
                            WorkspaceInfo.newBuilder()
                                .setWorkspaceId(m.getWorkspaceOp().getWorkspaceId())))
                .build());
      } else if (m.hasAgentOp()) {
        later(
            "agent",
            DownstreamMessage.newBuilder()
                .setAgent(
                    AgentResponse.newBuilder()
                        .setSuccess(true)
                        .setAgent(
                            AgentRegistrationInfo.newBuilder()
                                .setImplementation(m.getAgentOp().getImplementation())
                                .putLaunchParams("profile", "p")))
                .build());
      } else if (m.hasAclOp()) {
        later(
            "acl",
            DownstreamMessage.newBuilder()
                .setAcl(
                    ACLResponse.newBuilder()
                        .setSuccess(true)
                        .setRule(
                            ACLRuleInfo.newBuilder()
                                .setRuleId("r")
                                .setPrincipalType("user")
                                .setPrincipalId(m.getAclOp().getGrantRequest().getPrincipalId())
                                .setAccessLevel(10)))
                .build());
      }
    }

    private void later(String kind, DownstreamMessage answer) {
      if (onTheWire.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      // mostly at once, sometimes past the 200 ms timeout a third of the calls use (but within the
      // client's wait for late answers)
      long delayMs = ThreadLocalRandom.current().nextInt(10) == 0 ? 300 : 0;
      delays.schedule(
          () -> {
            onTheWire.get(kind).decrementAndGet();
            send(answer);
          },
          delayMs,
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void onError(Throwable t) {
      // the client went away
    }

    @Override
    public void onCompleted() {
      out.onCompleted();
    }
  }

  @Test
  void everyCallEndsWithItsOwnAnswerOrATimeout() throws Exception {
    String address = start();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger timedOut = new AtomicInteger();
    try (AgentClient client =
        AgentClient.builder(AetherClientOptions.builder().address(address).build())
            .workspace("stress")
            .implementation("admin")
            .specifier("1")
            .build()) {
      client.connect().get(10, TimeUnit.SECONDS);
      AdminClient admin = client.admin();
      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      List<CompletableFuture<Void>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < CALLS; i++) {
                    String key = thread + "-" + i;
                    Duration timeout =
                        ThreadLocalRandom.current().nextInt(3) == 0
                            ? Duration.ofMillis(200)
                            : Duration.ofSeconds(60);
                    int kind = ThreadLocalRandom.current().nextInt(3);
                    CompletableFuture<String> call =
                        switch (kind) {
                          case 0 -> admin.getWorkspace(key, timeout).thenApply(w -> w.id());
                          case 1 -> admin.getAgent(key, timeout).thenApply(x -> x.implementation());
                          default ->
                              admin
                                  .grantAccess(
                                      AclGrant.of(
                                          new AclTarget("user", key, "workspace", "w"),
                                          AccessLevel.READ),
                                      timeout)
                                  .thenApply(r -> r.target().principalId());
                        };
                    check(call, key, answered, timedOut, Function.identity());
                  }
                },
                callers));
      }
      try {
        CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new))
            .get(10, TimeUnit.MINUTES);
      } finally {
        callers.shutdownNow();
      }
    }
    assertThat(overlaps.get()).as("calls of one kind on the wire at once").isZero();
    assertThat(answered.get() + timedOut.get()).isEqualTo(THREADS * CALLS);
    assertThat(answered.get()).isPositive();
  }

  private static void check(
      CompletableFuture<String> call,
      String key,
      AtomicInteger answered,
      AtomicInteger timedOut,
      Function<String, String> id) {
    try {
      assertThat(id.apply(call.get(5, TimeUnit.MINUTES))).as("answer of " + key).isEqualTo(key);
      answered.incrementAndGet();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof AetherTimeoutException)) {
        throw new AssertionError(key, e);
      }
      timedOut.incrementAndGet();
    } catch (Exception e) {
      throw new AssertionError(key, e);
    }
  }
}
