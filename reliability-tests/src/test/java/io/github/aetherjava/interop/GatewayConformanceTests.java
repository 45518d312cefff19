/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BridgeClient;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.Metrics;
import io.github.aetherjava.client.MetricsBridgeClient;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.kv.KvPage;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.kv.KvValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Client-observable gateway behaviour, written once and run against two gateways: the embedded one
 * (always, see {@link EmbeddedGatewayConformanceTest}) and a real one (AetherLite, see {@link
 * RealGatewayInteropTest}). A case that passes on both pins the embedded gateway to the real
 * gateway's behaviour.
 */
abstract class GatewayConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(15);

  // Unique names per run: the real gateway persists messages and KV across runs.
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String workspace = "interop-" + run;
  private final AetherClientOptions options =
      AetherClientOptions.builder().address(gatewayAddress()).build();
  private final List<AetherClient> clients = new ArrayList<>();

  /** Address of the gateway under test; called once per test instance. */
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

  private AgentClient agent(String specifier) throws Exception {
    return connected(
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation("interop")
            .specifier(specifier)
            .build());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void handshakeReturnsAnAckWithSessionAndServerVersion() throws Exception {
    AgentClient a = agent("ack");
    ConnectionInfo info = a.connectionInfo().orElseThrow();
    assertThat(info.sessionId()).isNotBlank();
    assertThat(info.resumed()).isFalse();
    assertThat(info.serverVersion()).isNotBlank();
    assertThat(a.identity()).isEqualTo("ag::" + workspace + "::interop::ack");
  }

  @Test
  void agentToAgentDeliveryCarriesTheServerStampedSourceTopic() throws Exception {
    AgentClient sender = agent("sender");
    AgentClient receiver = agent("receiver");
    List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    receiver.onMessage(received::add);

    sender.sendToAgent(workspace, "interop", "receiver", utf8("hello")).get(5, TimeUnit.SECONDS);

    await().atMost(WAIT).until(() -> !received.isEmpty());
    IncomingMessage m = received.get(0);
    assertThat(m.sourceTopic()).isEqualTo("ag::" + workspace + "::interop::sender");
    assertThat(m.payloadAsString()).isEqualTo("hello");
    assertThat(m.messageType()).isEqualTo(MessageType.OPAQUE);
  }

  @Test
  void messagesOfEverySizeArriveByteForByteInOrder() throws Exception {
    // covers the client decoding message frames on its callback thread over TCP
    AgentClient sender = agent("sizes-sender");
    AgentClient receiver = agent("sizes-receiver");
    List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    receiver.onMessage(received::add);
    int[] sizes = {1, 127, 128, 16_383, 16_384, 65_536, 256 * 1024};
    List<byte[]> sent = new ArrayList<>();
    java.util.Random random = new java.util.Random(17);
    for (int size : sizes) {
      byte[] payload = new byte[size];
      random.nextBytes(payload);
      sent.add(payload);
      sender.sendToAgent(workspace, "interop", "sizes-receiver", payload).get(5, TimeUnit.SECONDS);
    }
    await().atMost(WAIT).until(() -> received.size() >= sizes.length);
    assertThat(received).hasSize(sizes.length);
    for (int i = 0; i < sizes.length; i++) {
      assertThat(received.get(i).payload()).as("size %d", sizes[i]).isEqualTo(sent.get(i));
      assertThat(received.get(i).sourceTopic())
          .isEqualTo("ag::" + workspace + "::interop::sizes-sender");
    }
  }

  @Test
  void offlineAgentReceivesQueuedMessagesInOrderOnConnect() throws Exception {
    AgentClient sender = agent("offline-sender");
    for (int i = 0; i < 20; i++) {
      sender.sendToAgent(workspace, "interop", "late", utf8("m" + i)).get(5, TimeUnit.SECONDS);
    }
    AgentClient late =
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation("interop")
            .specifier("late")
            .build();
    List<String> received = new CopyOnWriteArrayList<>();
    late.onMessage(m -> received.add(m.payloadAsString()));
    connected(late);
    await().atMost(WAIT).until(() -> received.size() >= 20);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("m" + i);
    }
    assertThat(received).containsExactlyElementsOf(expected);
  }

  @Test
  void userSwitchesWorkspaceAndExchangesMessagesWithAnAgent() throws Exception {
    AgentClient a = agent("talks-to-user");
    UserClient user =
        UserClient.builder(options)
            .userId("alice-" + run)
            .windowId("tab-1")
            .workspace(workspace)
            .build();
    List<IncomingMessage> userInbox = new CopyOnWriteArrayList<>();
    user.onMessage(userInbox::add);
    connected(user);
    List<IncomingMessage> agentInbox = new CopyOnWriteArrayList<>();
    a.onMessage(agentInbox::add);

    user.sendToAgent(workspace, "interop", "talks-to-user", utf8("from user"))
        .get(5, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> !agentInbox.isEmpty());
    assertThat(agentInbox.get(0).sourceTopic()).isEqualTo("us::alice-" + run + "::tab-1");

    a.sendToUser("alice-" + run, "tab-1", utf8("direct")).get(5, TimeUnit.SECONDS);
    // uw:: reaches the user only after the workspace switch, which the client sends right after the
    // ack.
    a.sendToUserWorkspace("alice-" + run, workspace, utf8("workspace lane"))
        .get(5, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> userInbox.size() >= 2);
    assertThat(userInbox)
        .extracting(IncomingMessage::payloadAsString)
        .contains("direct", "workspace lane");
  }

  @Test
  void duplicateIdentityIsRefusedWithTheIdentity() throws Exception {
    agent("dup");
    AgentClient second =
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation("interop")
            .specifier("dup")
            .build();
    clients.add(second);
    assertThatThrownBy(() -> second.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(DuplicateIdentityException.class)
        .satisfies(
            e ->
                assertThat(((DuplicateIdentityException) e).identity())
                    .isEqualTo("ag::" + workspace + "::interop::dup"));
  }

  @Test
  void negativeMetricIsRefusedByTheGatewayAsAnUncorrelatedError() throws Exception {
    AgentClient a = agent("bad-metric");
    List<GatewayError> errors = new CopyOnWriteArrayList<>();
    a.onError(errors::add);
    a.sendMetric(Metrics.builder().add("credit", "counter", -1).build()).get(5, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> !errors.isEmpty());
    assertThat(errors.get(0).code()).isEqualTo("ERR_METRIC_NEGATIVE_FORBIDDEN");
    assertThat(errors.get(0).requestId()).isNullOrEmpty();
  }

  @Test
  void exclusiveKvScopesAndCheckpointsRoundTrip() throws Exception {
    AgentClient a = agent("kv");
    a.kv().put(KvTarget.workspaceExclusive(), "k1", utf8("v1")).get(5, TimeUnit.SECONDS);
    KvValue value = a.kv().get(KvTarget.workspaceExclusive(), "k1").get(5, TimeUnit.SECONDS);
    assertThat(value.asString()).isEqualTo("v1");
    assertThat(
            a.kv().get(KvTarget.workspaceExclusive(), "missing").get(5, TimeUnit.SECONDS).isEmpty())
        .isTrue();

    a.checkpoint().save("state", utf8("{\"step\":5}")).get(5, TimeUnit.SECONDS);
    Checkpoint cp = a.checkpoint().load("state").get(5, TimeUnit.SECONDS);
    assertThat(cp.asString()).isEqualTo("{\"step\":5}");
    assertThat(a.checkpoint().list().get(5, TimeUnit.SECONDS)).contains("state");
  }

  @Test
  void configSnapshotAtReconnectCarriesTheExclusiveKv() throws Exception {
    AgentClient a = agent("snapshot");
    a.kv().put(KvTarget.workspaceExclusive(), "feature", utf8("on")).get(5, TimeUnit.SECONDS);
    a.close();
    clients.remove(a);
    AgentClient again =
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation("interop")
            .specifier("snapshot")
            .build();
    connected(again);
    await().atMost(WAIT).until(() -> again.latestConfig().isPresent());
    assertThat(
            new String(
                again.latestConfig().orElseThrow().workspaceExclusiveKv().get("feature"),
                StandardCharsets.UTF_8))
        .isEqualTo("on");
  }

  @Test
  void nonUniqueTaskConnectsAndReceivesTaskBroadcasts() throws Exception {
    TaskClient worker =
        TaskClient.builder(options).workspace(workspace).implementation("pool").build();
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    worker.onMessage(inbox::add);
    connected(worker);
    AgentClient a = agent("dispatcher");
    a.sendToTask(workspace, "pool", "", utf8("job")).get(5, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> !inbox.isEmpty());
    assertThat(inbox.get(0).payloadAsString()).isEqualTo("job");
  }

  @Test
  void metricReachesTheMetricsBridgeAsASerializedMetricProto() throws Exception {
    MetricsBridgeClient bridge = MetricsBridgeClient.builder(options).build();
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    bridge.onMessage(inbox::add);
    connected(bridge);
    AgentClient a = agent("metrics");
    a.sendMetric(Metrics.builder().add("requests", "counter", 3).tag("run", run).build())
        .get(5, TimeUnit.SECONDS);
    await()
        .atMost(WAIT)
        .until(() -> inbox.stream().anyMatch(m -> m.sourceTopic().endsWith("::metrics")));
    IncomingMessage m =
        inbox.stream().filter(x -> x.sourceTopic().endsWith("::metrics")).findFirst().orElseThrow();
    assertThat(m.messageType()).isEqualTo(MessageType.METRIC);
    assertThat(io.github.aetherjava.proto.v1.Metric.parseFrom(m.payload()).getEntries(0).getName())
        .isEqualTo("requests");
  }

  @Test
  void wildcardServiceTopicReachesTheConnectedInstance() throws Exception {
    ServiceClient service =
        ServiceClient.builder(options).implementation("search-" + run).specifier("one").build();
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    service.onMessage(inbox::add);
    connected(service);
    AgentClient a = agent("svc-caller");
    a.sendToAnyService("search-" + run, utf8("query")).get(5, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> !inbox.isEmpty());
    assertThat(inbox.get(0).sourceTopic()).isEqualTo("ag::" + workspace + "::interop::svc-caller");
  }

  @Test
  void bridgeReachesEveryWindowOfAUserThroughTheUserBroadcastTopic() throws Exception {
    String userId = "bob-" + run;
    UserClient tab1 = UserClient.builder(options).userId(userId).windowId("tab-1").build();
    UserClient tab2 = UserClient.builder(options).userId(userId).windowId("tab-2").build();
    List<String> inbox = new CopyOnWriteArrayList<>();
    tab1.onMessage(m -> inbox.add("tab-1:" + m.payloadAsString()));
    tab2.onMessage(m -> inbox.add("tab-2:" + m.payloadAsString()));
    connected(tab1);
    connected(tab2);
    BridgeClient bridge =
        connected(
            BridgeClient.builder(options).implementation("relay-" + run).specifier("1").build());
    bridge.sendToUserBroadcast(userId, utf8("hi")).get(5, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> inbox.size() >= 2);
    assertThat(inbox).containsExactlyInAnyOrder("tab-1:hi", "tab-2:hi");
  }

  @Test
  void countersAndConditionalWritesInAnExclusiveScope() throws Exception {
    AgentClient a = agent("kv-ops");
    KvTarget scope = KvTarget.globalExclusive();
    // Global-exclusive keys belong to implementation+specifier, not the workspace: keep them unique
    // per run.
    String hits = "hits-" + run;
    String lock = "lock-" + run;
    assertThat(a.kv().increment(scope, hits).get(5, TimeUnit.SECONDS)).isEqualTo(1L);
    assertThat(a.kv().increment(scope, hits).get(5, TimeUnit.SECONDS)).isEqualTo(2L);
    assertThat(a.kv().decrement(scope, hits).get(5, TimeUnit.SECONDS)).isEqualTo(1L);
    assertThat(a.kv().get(scope, hits).get(5, TimeUnit.SECONDS).asString()).isEqualTo("1");

    assertThat(a.kv().setNx(scope, lock, utf8("me")).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(a.kv().setNx(scope, lock, utf8("you")).get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(a.kv().compareAndSet(scope, lock, utf8("you"), utf8("x")).get(5, TimeUnit.SECONDS))
        .isFalse();
    assertThat(a.kv().compareAndSet(scope, lock, utf8("me"), utf8("x")).get(5, TimeUnit.SECONDS))
        .isTrue();
    assertThat(a.kv().compareAndDelete(scope, lock, utf8("x")).get(5, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * AetherLite (dev mode) checks LIST against the scope ACL without the owner fast path the other
   * KV ops get, so LIST is refused even in the caller's own exclusive scope until a grant exists;
   * the embedded gateway in its default permissive mode pages through the keys.
   */
  boolean listIsDeniedWithoutAnAclGrant() {
    return false;
  }

  @Test
  void listPagesThroughAnExclusiveScopeWithoutLosingOrRepeatingKeys() throws Exception {
    AgentClient a = agent("kv-list");
    KvTarget scope = KvTarget.globalExclusive();
    String prefix = "page-" + run + "/";
    for (int i = 0; i < 7; i++) {
      a.kv().put(scope, prefix + i, utf8("v" + i)).get(5, TimeUnit.SECONDS);
    }
    if (listIsDeniedWithoutAnAclGrant()) {
      assertThatThrownBy(() -> a.kv().list(scope, prefix, 3, null).get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(GatewayErrorException.class);
      return;
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      KvPage page = a.kv().list(scope, prefix, 3, cursor).get(5, TimeUnit.SECONDS);
      page.entries().forEach(e -> seen.add(e.key()));
      cursor = page.hasMore() ? page.nextCursor() : null;
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactlyInAnyOrder(
            java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> prefix + i)
                .toArray(String[]::new));
  }

  @Test
  void workflowEngineReceivesEventsPublishedToTheWildcardTopic() throws Exception {
    WorkflowEngineClient engine = WorkflowEngineClient.builder(options).build();
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    engine.onMessage(inbox::add);
    connected(engine);
    AgentClient a = agent("eventer");
    a.sendEvent(utf8("{\"type\":\"task.completed\"}")).get(5, TimeUnit.SECONDS);
    await()
        .atMost(WAIT)
        .until(() -> inbox.stream().anyMatch(m -> m.sourceTopic().endsWith("::eventer")));
    IncomingMessage event =
        inbox.stream().filter(m -> m.sourceTopic().endsWith("::eventer")).findFirst().orElseThrow();
    assertThat(event.messageType()).isEqualTo(MessageType.EVENT);
  }

  @Test
  void orchestratorConnectsWithAGeneratedSpecifier() throws Exception {
    OrchestratorClient orchestrator =
        connected(
            OrchestratorClient.builder(options)
                .implementation("orc-" + run)
                .supportedProfiles("default")
                .build());
    assertThat(orchestrator.identity()).startsWith("orc::orc-" + run + "::");
    assertThat(orchestrator.connectionInfo().orElseThrow().sessionId()).isNotBlank();
  }
}
