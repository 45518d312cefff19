package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.Metrics;
import io.github.aetherjava.client.MetricsBridgeClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.checkpoint.Checkpoint;
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
 * Client-observable gateway behaviour, written once and run against two gateways: the embedded one (always, see
 * {@link EmbeddedGatewayConformanceTest}) and a real one (AetherLite, see {@link RealGatewayInteropTest}). A case
 * that passes on both pins the embedded gateway to the real gateway's behaviour.
 */
abstract class GatewayConformanceTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    // Unique names per run: the real gateway persists messages and KV across runs.
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String workspace = "interop-" + run;
    private final AetherClientOptions options = AetherClientOptions.builder().address(gatewayAddress()).build();
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
        return connected(AgentClient.builder(options).workspace(workspace).implementation("interop").specifier(specifier).build());
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
    void offlineAgentReceivesQueuedMessagesInOrderOnConnect() throws Exception {
        AgentClient sender = agent("offline-sender");
        for (int i = 0; i < 20; i++) {
            sender.sendToAgent(workspace, "interop", "late", utf8("m" + i)).get(5, TimeUnit.SECONDS);
        }
        AgentClient late = AgentClient.builder(options).workspace(workspace).implementation("interop").specifier("late").build();
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
        UserClient user = UserClient.builder(options).userId("alice-" + run).windowId("tab-1").workspace(workspace).build();
        List<IncomingMessage> userInbox = new CopyOnWriteArrayList<>();
        user.onMessage(userInbox::add);
        connected(user);
        List<IncomingMessage> agentInbox = new CopyOnWriteArrayList<>();
        a.onMessage(agentInbox::add);

        user.sendToAgent(workspace, "interop", "talks-to-user", utf8("from user")).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !agentInbox.isEmpty());
        assertThat(agentInbox.get(0).sourceTopic()).isEqualTo("us::alice-" + run + "::tab-1");

        a.sendToUser("alice-" + run, "tab-1", utf8("direct")).get(5, TimeUnit.SECONDS);
        // uw:: reaches the user only after the workspace switch, which the client sends right after the ack.
        a.sendToUserWorkspace("alice-" + run, workspace, utf8("workspace lane")).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> userInbox.size() >= 2);
        assertThat(userInbox).extracting(IncomingMessage::payloadAsString).contains("direct", "workspace lane");
    }

    @Test
    void duplicateIdentityIsRefusedWithTheIdentity() throws Exception {
        agent("dup");
        AgentClient second = AgentClient.builder(options).workspace(workspace).implementation("interop").specifier("dup").build();
        clients.add(second);
        assertThatThrownBy(() -> second.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(DuplicateIdentityException.class)
                .satisfies(e -> assertThat(((DuplicateIdentityException) e).identity())
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
        assertThat(a.kv().get(KvTarget.workspaceExclusive(), "missing").get(5, TimeUnit.SECONDS).isEmpty()).isTrue();

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
        AgentClient again = AgentClient.builder(options).workspace(workspace).implementation("interop").specifier("snapshot").build();
        connected(again);
        await().atMost(WAIT).until(() -> again.latestConfig().isPresent());
        assertThat(new String(again.latestConfig().orElseThrow().workspaceExclusiveKv().get("feature"), StandardCharsets.UTF_8))
                .isEqualTo("on");
    }

    @Test
    void nonUniqueTaskConnectsAndReceivesTaskBroadcasts() throws Exception {
        TaskClient worker = TaskClient.builder(options).workspace(workspace).implementation("pool").build();
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
        a.sendMetric(Metrics.builder().add("requests", "counter", 3).tag("run", run).build()).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> inbox.stream().anyMatch(m -> m.sourceTopic().endsWith("::metrics")));
        IncomingMessage m = inbox.stream().filter(x -> x.sourceTopic().endsWith("::metrics")).findFirst().orElseThrow();
        assertThat(m.messageType()).isEqualTo(MessageType.METRIC);
        assertThat(io.github.aetherjava.proto.v1.Metric.parseFrom(m.payload()).getEntries(0).getName()).isEqualTo("requests");
    }
}
