/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.admin.AclTarget;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.admin.AgentRegistration;
import io.github.aetherjava.client.admin.SessionFilter;
import io.github.aetherjava.client.admin.TokenSpec;
import io.github.aetherjava.client.audit.AuditEvent;
import io.github.aetherjava.client.audit.AuditQuery;
import io.github.aetherjava.client.checkpoint.CheckpointTtl;
import io.github.aetherjava.client.coord.AetherMutex;
import io.github.aetherjava.client.coord.AetherSemaphore;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.coord.Once;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ServeOptions;
import io.github.aetherjava.client.workflow.WorkflowOperationType;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin, audit, coordination, proxy, workflow and checkpoint APIs treat bad input like the rest
 * of the client: an {@link InvalidArgumentException} naming the argument, as the failure of the
 * returned future for asynchronous methods (never thrown by them), thrown by constructors, builders
 * and other synchronous methods; the client keeps working.
 */
class FeatureArgumentValidationTest {

  private static final Duration T = Duration.ofSeconds(5);

  private static EmbeddedAetherGateway gw;
  private static AgentClient agent;

  @BeforeAll
  static void start() throws Exception {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("feature-args-" + UUID.randomUUID())
            .start();
    agent =
        AgentClient.builder(AetherClientOptions.builder().address(gw.inProcessAddress()).build())
            .workspace("ws")
            .implementation("impl")
            .specifier("args")
            .build();
    agent.connect().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    agent.close();
    gw.close();
  }

  private static void failsNaming(Supplier<CompletableFuture<?>> call, String argument) {
    CompletableFuture<?> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      throw new AssertionError("threw instead of failing the future: " + e, e);
    }
    assertThat(f).isCompletedExceptionally();
    Throwable cause;
    try {
      f.get(1, TimeUnit.SECONDS);
      throw new AssertionError("succeeded");
    } catch (ExecutionException e) {
      cause = e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(cause)
        .as("failure naming '%s'", argument)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(argument);
  }

  private static void throwsNaming(ThrowingCallable call, String argument) {
    assertThatThrownBy(call)
        .as("thrown naming '%s'", argument)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(argument);
  }

  @Test
  void adminAndAuditCallsFailTheirFutureNamingTheArgument() {
    AdminClient admin = agent.admin();
    failsNaming(() -> admin.health(null), "timeout");
    failsNaming(() -> admin.createToken(null), "spec");
    failsNaming(() -> admin.listTokens(-1, 0, false), "limit");
    failsNaming(() -> admin.listTokens(0, -1, false), "offset");
    failsNaming(() -> admin.getToken(" "), "tokenId");
    failsNaming(() -> admin.getToken(null), "tokenId");
    failsNaming(() -> admin.listAclRules(null), "filter");
    failsNaming(() -> admin.grantAccess(null), "grant");
    failsNaming(() -> admin.revokeAccess(null), "target");
    failsNaming(() -> admin.setFallbackPolicy("c", null), "level");
    failsNaming(() -> admin.explainAccess(AclTarget.ANY, null), "required");
    failsNaming(() -> admin.createWorkspace(null), "workspace");
    failsNaming(() -> admin.listAgents(null, 0, 0), "profile");
    failsNaming(() -> admin.registerAgent(null), "agent");
    failsNaming(
        () -> admin.registerAgent(new AgentRegistration("impl", "", Map.of(), List.of(), null)),
        "agent.launchParams");
    failsNaming(() -> admin.launchAgent("impl", null, "s", Map.of()), "workspace");
    failsNaming(() -> admin.launchAgent("impl", "ws", "s", null), "paramOverrides");
    failsNaming(() -> admin.listSessions(null), "filter");
    failsNaming(() -> admin.disconnectSession("id", null), "reason");
    failsNaming(() -> admin.queryAudit(null), "query");
    failsNaming(() -> admin.listWorkspaces(Duration.ZERO), "timeout");
    failsNaming(() -> agent.submitAuditEvent(null), "event");
    failsNaming(() -> agent.submitAuditEvent(AuditEvent.of("t", "op"), null), "timeout");
    failsNaming(() -> agent.connectionStatus(" ", "x", T), "principalType");
    failsNaming(() -> agent.connectionStatus("agent", null, T), "principalId");
  }

  @Test
  void deliveryCallsNameTheArgument() {
    throwsNaming(() -> agent.onPressure(null), "listener");
    failsNaming(() -> agent.flush(null), "timeout");
    failsNaming(() -> agent.flush(Duration.ZERO), "timeout");
  }

  @Test
  void adminAndAuditValuesThrowNamingTheArgument() {
    throwsNaming(() -> new AgentRegistration(" ", "", Map.of(), List.of(), null), "implementation");
    throwsNaming(() -> new AgentRegistration("impl", "", null, List.of(), null), "launchParams");
    throwsNaming(() -> AgentRegistration.of("impl", " "), "profile");
    throwsNaming(() -> new SessionFilter(null, "", -1, 0), "limit");
    throwsNaming(() -> new SessionFilter(null, "", 0, -1), "offset");
    throwsNaming(() -> new AclTarget(null, "", "", ""), "principalType");
    throwsNaming(() -> AccessLevel.fromWire(-42), "value");
    throwsNaming(() -> AuditEvent.of(" ", "op"), "eventType");
    throwsNaming(
        () -> new AuditQuery(null, null, "", "", "", "", "", "", "", false, List.of(), 0, -1),
        "offset");
    throwsNaming(
        () -> new AuditQuery(null, null, "", "", "", "", "", "", "", false, null, 0, 0),
        "excludeActorTypes");
    TokenSpec valid = tokenSpec("name", null);
    assertThat(valid.name()).isEqualTo("name");
    throwsNaming(() -> tokenSpec(" ", null), "name");
    throwsNaming(() -> tokenSpec("name", Duration.ofSeconds(-1)), "expiresIn");
  }

  private static TokenSpec tokenSpec(String name, Duration expiresIn) {
    return new TokenSpec(name, PrincipalKind.AGENT, List.of(), List.of(), expiresIn, "");
  }

  @Test
  void coordinationFailsFuturesOrThrowsNamingTheArgument() {
    throwsNaming(
        () -> Coordination.create(null, CoordinationOptions.of(KvTarget.global())), "client");
    throwsNaming(() -> Coordination.create(agent, null), "options");
    throwsNaming(() -> CoordinationOptions.builder().target(null), "target");
    throwsNaming(
        () ->
            CoordinationOptions.builder()
                .target(KvTarget.global())
                .retryInterval(Duration.ZERO)
                .build(),
        "retryInterval");
    throwsNaming(
        () ->
            CoordinationOptions.builder()
                .target(KvTarget.global())
                .requestTimeout(Duration.ofSeconds(-1))
                .build(),
        "requestTimeout");
    Coordination coordination =
        Coordination.create(agent, CoordinationOptions.of(KvTarget.workspaceScope("ws")));
    throwsNaming(() -> coordination.mutex(null), "name");
    throwsNaming(() -> coordination.mutex(""), "name");
    throwsNaming(() -> coordination.leaderElection("e", " "), "candidateId");
    throwsNaming(() -> coordination.once("o", null), "resultTtl");
    throwsNaming(() -> coordination.semaphore("s", 0), "permits");
    AetherMutex mutex = coordination.mutex("m");
    failsNaming(() -> mutex.tryLock(null), "waitTime");
    failsNaming(() -> mutex.lock(null), "timeout");
    AetherSemaphore semaphore = coordination.semaphore("s", 2);
    failsNaming(() -> semaphore.tryAcquire(null), "waitTime");
    failsNaming(() -> semaphore.acquire(null), "timeout");
    Once once = coordination.once("o");
    failsNaming(() -> once.run(null), "task");
    failsNaming(() -> once.awaitResult(null), "timeout");
  }

  @Test
  void proxyWorkflowAndCheckpointFailFuturesOrThrowNamingTheArgument() throws Exception {
    AetherFetch fetch = agent.fetch("sv::backend");
    failsNaming(() -> fetch.fetch(null), "request");
    failsNaming(() -> fetch.fetch(ProxyRequest.get("/x"), null), "timeout");
    failsNaming(() -> fetch.fetch(ProxyRequest.get("/x"), Duration.ZERO), "timeout");
    failsNaming(() -> fetch.stream(null), "request");
    throwsNaming(() -> agent.fetch(" "), "target");
    throwsNaming(() -> agent.fetch("sv::backend", null), "options");
    throwsNaming(() -> ProxyRequest.builder("", "/"), "method");
    throwsNaming(() -> ProxyRequest.builder("GET", null), "path");
    throwsNaming(() -> ProxyRequest.builder("GET", "/").header("", "v"), "name");
    throwsNaming(() -> ProxyRequest.builder("GET", "/").timeout(Duration.ZERO), "timeout");
    throwsNaming(() -> ProxyResponse.of(200, null, new byte[0]), "headers");
    throwsNaming(() -> FetchOptions.builder().timeout(null), "timeout");
    throwsNaming(() -> ServeOptions.builder().allowedPaths(null), "allowedPaths");
    throwsNaming(() -> agent.serve(null), "handler");
    failsNaming(() -> agent.workflow().send(null), "request");
    failsNaming(
        () -> agent.workflow().send(WorkflowRequest.of(WorkflowOperationType.LIST_RULES), null),
        "timeout");
    throwsNaming(() -> WorkflowRequest.of(null), "type");
    throwsNaming(() -> WorkflowOperationType.fromProto(null), "wire");
    throwsNaming(
        () ->
            WorkflowOperationType.fromProto(
                io.github.aetherjava.proto.v1.WorkflowOperation.OpType.UNRECOGNIZED),
        "wire");
    throwsNaming(() -> CheckpointTtl.of(null), "ttl");
    throwsNaming(() -> CheckpointTtl.of(Duration.ZERO), "ttl");
    throwsNaming(() -> new CheckpointTtl(-2), "seconds");
    // nothing else was lost
    agent.send(agent.topic(), new byte[] {1}).get(10, TimeUnit.SECONDS);
    assertThat(agent.isConnected()).isTrue();
  }
}
