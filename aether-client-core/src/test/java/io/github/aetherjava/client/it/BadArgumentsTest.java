/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.authority.AuthorityCache;
import io.github.aetherjava.client.authority.AuthorityCacheOptions;
import io.github.aetherjava.client.authority.AuthorityGrants;
import io.github.aetherjava.client.authority.GrantSpec;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.TaskOperations;
import io.github.aetherjava.client.task.TaskQuery;
import io.github.aetherjava.client.task.WaitReason;
import io.github.aetherjava.client.task.WaitSpec;
import io.github.aetherjava.client.tunnel.TunnelOptions;
import io.github.aetherjava.client.tunnel.TunnelProtocol;
import io.github.aetherjava.client.tunnel.Tunnels;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the authority, task and tunnel APIs is one {@link InvalidArgumentException} naming
 * the argument: future-returning methods fail their future (nothing is sent, the client stays
 * usable), builders and other methods throw it.
 */
class BadArgumentsTest {

  private EmbeddedAetherGateway gw;
  private AgentClient agent;

  @BeforeEach
  void start() throws Exception {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("args-" + UUID.randomUUID())
            .credentialsPolicy(CredentialsPolicy.dev())
            .start();
    agent =
        AgentClient.builder(
                AetherClientOptions.builder()
                    .address(gw.inProcessAddress())
                    .credentials(Credentials.none())
                    .build())
            .workspace("prod")
            .implementation("args")
            .specifier("1")
            .build();
    agent.connect().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    agent.close();
    gw.close();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> fails(
      CompletableFuture<?> f, String argument) {
    Throwable cause;
    try {
      f.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failed future, but it succeeded");
    } catch (ExecutionException e) {
      cause = e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected a failed future, got " + e, e);
    }
    return assertThat(cause)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(argument);
  }

  private static void throwsNaming(ThrowingCallable call, String argument) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(argument);
  }

  private static GrantSpec spec() {
    Instant now = Instant.now();
    return GrantSpec.builder(20, now.plusSeconds(60), now.plusSeconds(120)).build();
  }

  @Test
  void authorityGrantsFailTheirFutures() throws Exception {
    AuthorityGrants g = agent.authority();
    Duration t = Duration.ofSeconds(5);
    fails(g.exchange(null, spec(), t), "sourceSessionId");
    fails(g.exchange("", null, t), "spec");
    fails(g.exchange("", spec(), Duration.ZERO), "timeout");
    fails(g.exchange("", spec(), null), "timeout");
    fails(g.derive(" ", new PrincipalRef("agent", "x"), spec(), t), "parentGrantId");
    fails(g.derive("p", null, spec(), t), "delegate");
    fails(g.deriveForTarget("p", null, spec(), t), "target");
    fails(g.get(null, t), "grantId");
    fails(g.get("", t), "grantId");
    fails(g.renew("g", null, t), "extension");
    fails(g.renew("g", Duration.ZERO, t), "extension");
    fails(g.revoke(" ", t), "grantId");
    fails(g.listMine(false, Duration.ofSeconds(-1)), "timeout");
    fails(g.batchExchange(null, List.of(spec()), false, t), "sourceSessionIds");
    fails(g.batchExchange(List.of(""), List.of(), false, t), "specs");
    fails(g.resolve("g", null, t), "subject");
    throwsNaming(() -> g.onRevocation(null), "listener");

    try (AuthorityCache cache = g.newCache(AuthorityCacheOptions.defaults())) {
      fails(cache.getOrExchange(null, spec()), "sourceSessionId");
      fails(cache.getOrExchange("", null), "spec");
      fails(cache.deriveForTarget(" ", new PrincipalRef("agent", "x"), spec()), "parentGrantId");
      throwsNaming(() -> cache.invalidate(null), "grantIdOrRootId");
      throwsNaming(() -> cache.onRevoked(null), "listener");
    }
    throwsNaming(() -> GrantSpec.builder(20, null, Instant.now()), "expiresAt");
    throwsNaming(() -> GrantSpec.builder(20, Instant.now(), Instant.now()).reason(null), "reason");
    throwsNaming(
        () -> GrantSpec.builder(20, Instant.now(), Instant.now()).audience(" ", "x"),
        "audienceType");
    throwsNaming(
        () -> GrantSpec.builder(20, Instant.now(), Instant.now()).metadata(null, "v"), "key");
    throwsNaming(() -> AuthorizationContext.onBehalfOf(null, "g"), "subject");
    throwsNaming(() -> agent.kv().withAuthorization(null), "authorization");

    // nothing was sent: the client still works
    assertThat(g.listMine(false, t).get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void taskOperationsFailTheirFuturesAndBuildersThrow() throws Exception {
    TaskOperations tasks = agent.tasks();
    fails(tasks.createTask(null), "request");
    fails(tasks.createTaskAndAwait(null), "request");
    fails(
        tasks.createTaskAndAwait(CreateTaskRequest.builder("t").build(), Duration.ZERO), "timeout");
    fails(tasks.getTask(null), "taskId");
    fails(tasks.queryTasks(null), "query");
    fails(tasks.cancelTask("t", null), "reason");
    fails(tasks.cancelTask(" ", "r"), "taskId");
    fails(tasks.pauseTask("t", null), "waitSpec");
    fails(tasks.waitForTasks("t", null), "dependsOn");
    fails(tasks.subscribeTask("t", false, null, Duration.ofSeconds(1)), "handler");
    fails(tasks.subscribeTask(null, false, e -> {}, Duration.ofSeconds(1)), "taskId");
    throwsNaming(() -> tasks.onTaskHibernated(null), "handler");

    throwsNaming(() -> CreateTaskRequest.builder(null), "taskType");
    throwsNaming(() -> CreateTaskRequest.builder("t").workspace(null), "workspace");
    throwsNaming(() -> CreateTaskRequest.builder("t").authorization(null), "authorization");
    throwsNaming(() -> TaskQuery.builder().workspace(null), "workspace");
    throwsNaming(() -> WaitSpec.builder(WaitReason.INPUT).timeout(null), "timeout");

    assertThat(
            tasks
                .createTaskAndAwait(CreateTaskRequest.builder("after-bad-input").build())
                .get(5, TimeUnit.SECONDS)
                .taskId())
        .isNotEmpty();
  }

  @Test
  void tunnelDialFailsItsFutureAndOptionsThrow() throws Exception {
    Tunnels t = agent.tunnels();
    fails(t.dial(null, TunnelProtocol.TCP), "target");
    fails(t.dial("sv::x", null), "protocol");
    fails(t.dial("sv::x", TunnelProtocol.TCP, null), "options");
    throwsNaming(() -> t.serve(null), "handler");
    throwsNaming(() -> t.serveTcp(null), "address");
    throwsNaming(() -> TunnelOptions.builder().remoteHint(null), "remoteHint");
    throwsNaming(() -> TunnelOptions.builder().metadata(null, "v"), "key");
    throwsNaming(() -> TunnelOptions.builder().idleTimeout(null), "idleTimeout");
    // the agent still works after the refusals
    agent.kv().put(KvTarget.workspaceExclusive(), "k", "v").get(5, TimeUnit.SECONDS);
  }
}
