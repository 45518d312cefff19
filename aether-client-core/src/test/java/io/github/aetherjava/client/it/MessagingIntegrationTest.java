/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BridgeClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.Metrics;
import io.github.aetherjava.client.MetricsBridgeClient;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every principal connects to the embedded gateway (in-process) and every send helper reaches its
 * receivers.
 */
class MessagingIntegrationTest {

  static {
    // poll at once and often: Awaitility's default 100 ms first delay adds up over many small waits
    org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
    org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(5));
  }

  private static EmbeddedAetherGateway gw;
  private static AetherClientOptions options;
  private final List<AetherClient> clients = new ArrayList<>();

  @BeforeAll
  static void startGateway() {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("msg-it-" + UUID.randomUUID())
            .start();
    options = AetherClientOptions.builder().address(gw.inProcessAddress()).build();
  }

  @AfterAll
  static void stopGateway() {
    gw.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(AetherClient::close);
  }

  /** A connected client with an inbox. */
  private final class Box<T extends AetherClient> {
    final T client;
    final List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();

    Box(T client) throws Exception {
      this.client = client;
      clients.add(client);
      client.onMessage(inbox::add);
      client.connect().get(10, TimeUnit.SECONDS);
    }

    IncomingMessage await(Predicate<IncomingMessage> p) {
      return org.awaitility.Awaitility.await()
          .until(() -> inbox.stream().filter(p).findFirst().orElse(null), m -> m != null);
    }

    IncomingMessage awaitText(String text) {
      return await(m -> m.payloadAsString().equals(text));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private AgentClient agent(String ws, String spec) {
    return AgentClient.builder(options)
        .workspace(ws)
        .implementation("worker")
        .specifier(spec)
        .build();
  }

  @Test
  void everyPrincipalConnectsAndEverySendHelperReachesTheRightReceivers() throws Exception {
    String ws = "ws-" + UUID.randomUUID().toString().substring(0, 8);
    Box<AgentClient> a1 = new Box<>(agent(ws, "a1"));
    Box<AgentClient> a2 = new Box<>(agent(ws, "a2"));
    Box<TaskClient> unique =
        new Box<>(
            TaskClient.builder(options)
                .workspace(ws)
                .implementation("report")
                .uniqueSpecifier("daily")
                .build());
    Box<TaskClient> pool1 =
        new Box<>(TaskClient.builder(options).workspace(ws).implementation("pool").build());
    Box<TaskClient> pool2 =
        new Box<>(TaskClient.builder(options).workspace(ws).implementation("pool").build());
    Box<UserClient> alice =
        new Box<>(
            UserClient.builder(options).userId("alice").windowId("tab-1").workspace(ws).build());
    Box<UserClient> aliceNoWs =
        new Box<>(UserClient.builder(options).userId("alice").windowId("tab-2").build());
    Box<OrchestratorClient> orc =
        new Box<>(
            OrchestratorClient.builder(options)
                .implementation("k8s")
                .supportedProfiles("default")
                .build());
    Box<WorkflowEngineClient> wfe = new Box<>(WorkflowEngineClient.builder(options).build());
    Box<MetricsBridgeClient> mb = new Box<>(MetricsBridgeClient.builder(options).build());
    Box<BridgeClient> bridge =
        new Box<>(BridgeClient.builder(options).implementation("slack").specifier("1").build());
    Box<ServiceClient> svc =
        new Box<>(ServiceClient.builder(options).implementation("search").specifier("1").build());
    for (Box<?> b :
        List.of(a1, a2, unique, pool1, pool2, alice, aliceNoWs, orc, wfe, mb, bridge, svc)) {
      assertThat(b.client.state()).isEqualTo(ConnectionState.READY);
      assertThat(b.client.connectionInfo()).isPresent();
    }
    assertThat(gw.connectedIdentities())
        .contains(
            "ag::" + ws + "::worker::a1",
            "wfe::shard0",
            "metrics::shard0",
            "br::slack::1",
            "sv::search::1",
            "us::alice::tab-1",
            "tu::" + ws + "::report::daily");
    await()
        .until(
            () ->
                gw.sessions().stream()
                    .anyMatch(
                        s -> s.identity().equals("us::alice::tab-1") && s.workspace().equals(ws)));

    // agent -> agent, -> unique task, -> pool (tb), -> user, -> user workspace, -> ga, -> gu
    a1.client.sendToAgent(ws, "worker", "a2", utf8("hello a2")).join();
    IncomingMessage m = a2.awaitText("hello a2");
    assertThat(m.sourceTopic()).isEqualTo("ag::" + ws + "::worker::a1");
    assertThat(m.messageType()).isEqualTo(MessageType.OPAQUE);
    a1.client.sendToTask(ws, "report", "daily", utf8("to unique")).join();
    unique.awaitText("to unique");
    a1.client.sendToTask(ws, "pool", "", utf8("to pool")).join();
    pool1.awaitText("to pool");
    pool2.awaitText("to pool");
    a1.client.sendToUser("alice", "tab-1", utf8("to window"), MessageType.CHAT).join();
    assertThat(alice.awaitText("to window").messageType()).isEqualTo(MessageType.CHAT);
    a1.client.sendToUserWorkspace("alice", ws, utf8("to uw")).join();
    alice.awaitText("to uw");
    a1.client.broadcastToAgents(ws, utf8("all agents")).join();
    a1.awaitText("all agents");
    a2.awaitText("all agents");
    a1.client.broadcastToUsers(ws, utf8("all users")).join();
    alice.awaitText("all users");

    // user -> agent
    alice.client.sendToAgent(ws, "worker", "a1", utf8("from alice")).join();
    assertThat(a1.awaitText("from alice").sourceTopic()).isEqualTo("us::alice::tab-1");

    // uu:: from service, bridge and workflow engine reach every window of the user
    svc.client.sendToUserBroadcast("alice", utf8("uu from service")).join();
    alice.awaitText("uu from service");
    aliceNoWs.awaitText("uu from service");
    bridge.client.sendToUserBroadcast("alice", utf8("uu from bridge")).join();
    aliceNoWs.awaitText("uu from bridge");
    wfe.client.sendToUserBroadcast("alice", utf8("uu from engine")).join();
    aliceNoWs.awaitText("uu from engine");

    // events to the workflow engine, metrics to the metrics bridge
    a1.client.sendEvent(utf8("{\"type\":\"task.started\"}")).join();
    IncomingMessage ev = wfe.awaitText("{\"type\":\"task.started\"}");
    assertThat(ev.messageType()).isEqualTo(MessageType.EVENT);
    unique
        .client
        .sendMetric(Metrics.builder().traceId("t-1").add("cpu", "gauge", 0.4).build())
        .join();
    IncomingMessage metric = mb.await(x -> x.messageType() == MessageType.METRIC);
    assertThat(MetricsBridgeClient.decodeMetrics(metric).entries())
        .containsExactly(new Metrics.Entry("cpu", "gauge", 0.4));

    // workflow engine commands, orchestrator status, bridge and service sends
    wfe.client.sendCommandToAgent(ws, "worker", "a2", utf8("command")).join();
    assertThat(a2.awaitText("command").messageType()).isEqualTo(MessageType.CONTROL);
    orc.client.sendStatusToAgent(ws, "worker", "a2", utf8("status")).join();
    assertThat(a2.awaitText("status").messageType()).isEqualTo(MessageType.CONTROL);
    bridge.client.sendToAgent(ws, "worker", "a1", utf8("from slack")).join();
    assertThat(a1.awaitText("from slack").sourceTopic()).isEqualTo("br::slack::1");
    a1.client.sendToService("search", "1", utf8("query")).join();
    svc.awaitText("query");
    a1.client.sendToAnyService("search", utf8("any query")).join();
    svc.awaitText("any query");
    svc.client.sendToBridge("slack", "1", utf8("to bridge")).join();
    bridge.awaitText("to bridge");
    a1.client.send("ag::" + ws + "::worker::a2", "raw text").join();
    a2.awaitText("raw text");
  }

  @Test
  void aSecondConnectionWithTheSameIdentityIsRefused() throws Exception {
    AgentClient first = agent("dup", "1");
    clients.add(first);
    first.connect().get(10, TimeUnit.SECONDS);
    AgentClient second = agent("dup", "1");
    clients.add(second);
    CompletableFuture<?> f = second.connect();
    Throwable t =
        org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS))
            .getCause();
    assertThat(t).isInstanceOf(DuplicateIdentityException.class);
    assertThat(((DuplicateIdentityException) t).identity()).isEqualTo("ag::dup::worker::1");
    assertThat(second.state()).isEqualTo(ConnectionState.CLOSED);
    assertThat(first.state()).isEqualTo(ConnectionState.READY);
  }

  @Test
  void adminKickIsTerminal() throws Exception {
    AgentClient a = agent("kick", "1");
    clients.add(a);
    String session = a.connect().get(10, TimeUnit.SECONDS).sessionId();
    assertThat(gw.disconnect(session)).isTrue();
    await().until(() -> a.state() == ConnectionState.CLOSED);
    assertThat(gw.connectedIdentities()).doesNotContain("ag::kick::worker::1");
  }

  @Test
  void progressReportsReachUsersSwitchedToTheWorkspace() throws Exception {
    String ws = "pg-" + UUID.randomUUID().toString().substring(0, 6);
    UserClient user =
        UserClient.builder(options).userId("bob").windowId("w1").workspace(ws).build();
    clients.add(user);
    List<io.github.aetherjava.client.ProgressUpdate> updates = new CopyOnWriteArrayList<>();
    user.onProgress(updates::add);
    user.connect().get(10, TimeUnit.SECONDS);
    await()
        .until(
            () ->
                gw.sessions().stream()
                    .anyMatch(s -> s.identity().equals("us::bob::w1") && s.workspace().equals(ws)));
    AgentClient a = agent(ws, "reporter");
    clients.add(a);
    a.connect().get(10, TimeUnit.SECONDS);
    a.reportProgress(
            io.github.aetherjava.client.Progress.builder("task-1")
                .state("running")
                .completion(0.5)
                .summary("half way")
                .build())
        .get(10, TimeUnit.SECONDS);
    await().until(() -> !updates.isEmpty());
    assertThat(updates.get(0).taskId()).isEqualTo("task-1");
    assertThat(updates.get(0).completion()).isEqualTo(0.5);
    assertThat(updates.get(0).source()).isEqualTo("ag::" + ws + "::worker::reporter");
  }
}
