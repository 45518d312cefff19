/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots the whole sample against a gateway the test controls (as it would run against a real
 * gateway: {@code aether.address} is set, so the starter starts no gateway of its own) and drives
 * every flow over HTTP. Before the application starts, the assistant's identity is used once from
 * plain Java to seed what a previous run would have left behind: a greeting and a counter in its
 * exclusive KV scope, and a conversation checkpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleFlowsTests {

  // Generous: the build machine may be busy; Awaitility returns as soon as the condition holds.
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String ASSISTANT = "ag::demo::assistant::1";
  static final String AUDITOR = "ag::demo::auditor::1";

  static final EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().start();

  @DynamicPropertySource
  static void aether(DynamicPropertyRegistry registry) throws Exception {
    seedPreviousRun();
    registry.add("aether.address", gateway::address);
  }

  static void seedPreviousRun() throws Exception {
    AetherClientOptions options = AetherClientOptions.builder().address(gateway.address()).build();
    try (AgentClient assistant =
        AgentClient.builder(options)
            .workspace("demo")
            .implementation("assistant")
            .specifier("1")
            .build()) {
      assistant.connectBlocking();
      assistant.kv().put(KvTarget.workspaceExclusive(), "greeting", "Welcome back!").get();
      assistant.kv().put(KvTarget.workspaceExclusive(), "answers-given", "41").get();
      assistant
          .checkpoint()
          .save(
              "conversation",
              "{\"answered\":41,\"lastQuestionId\":\"q0\",\"lastQuestion\":\"What did I ask before?\"}")
          .get();
    }
    // A clean close releases the identity lock at once, so the application's agent can take it.
  }

  /**
   * Closes the test's gateway when the context closes, after the application's clients
   * disconnected.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class GatewayOwner {

    @Bean
    DisposableBean sampleFlowsGatewayCloser() {
      return gateway::close;
    }
  }

  @LocalServerPort int port;

  @Autowired JsonMapper json;

  @Autowired ApplicationContext context;

  RestClient http() {
    return RestClient.create("http://localhost:" + port);
  }

  JsonNode get(String path) {
    return json.readTree(http().get().uri(path).retrieve().body(String.class));
  }

  JsonNode post(String path, String body) {
    return json.readTree(
        http()
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(String.class));
  }

  @Test
  void usesTheConfiguredGatewayInsteadOfStartingOne() {
    assertThat(context.getBeansOfType(EmbeddedAetherGateway.class)).isEmpty();
    await()
        .atMost(WAIT)
        .until(
            () ->
                gateway
                    .connectedIdentities()
                    .containsAll(List.of(ASSISTANT, AUDITOR, "us::alice::tab-1", "wfe::shard0")));
  }

  @Test
  void onConfigReceivesTheExclusiveKvPushedAtConnect() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode config = get("/api/config");
              assertThat(config.path("greetingInUse").asString()).isEqualTo("Welcome back!");
              assertThat(strings(config.path("workspaceExclusiveKeys")))
                  .contains("greeting", "answers-given");
            });
  }

  @Test
  void checkpointIsRestoredAtConnect() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/checkpoint")
                            .path("restoredAtConnect")
                            .path("lastQuestion")
                            .asString())
                    .isEqualTo("What did I ask before?"));
  }

  @Test
  void userAsksAgentAndGetsTypedAnswerWhichUpdatesKvCheckpointAndRaisesAnEvent() {
    JsonNode result = post("/api/ask", "{\"text\":\"What is Aether?\"}");
    String id = result.path("question").path("id").asString();
    JsonNode answer = result.path("answer");
    assertThat(answer.path("questionId").asString()).isEqualTo(id);
    assertThat(answer.path("answeredBy").asString()).isEqualTo(ASSISTANT);
    assertThat(answer.path("text").asString()).contains("You asked \"What is Aether?\"");
    // The exclusive counter continues from the seeded 41.
    long number = answer.path("answerNumber").asLong();
    assertThat(number).isGreaterThanOrEqualTo(42);

    // The listener writes KV and the checkpoint without waiting for them, so these land shortly
    // after.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode checkpoint = get("/api/checkpoint");
              assertThat(checkpoint.path("present").asBoolean()).isTrue();
              assertThat(checkpoint.path("current").path("answered").asLong())
                  .isGreaterThanOrEqualTo(number);

              JsonNode kv = get("/api/kv");
              assertThat(kv.path("assistant workspace-exclusive answers-given").asLong())
                  .isGreaterThanOrEqualTo(number);
              assertThat(kv.path("assistant workspace-exclusive greeting").asString())
                  .isEqualTo("Welcome back!");
              // Written by the agent in the shared workspace scope, read by a different principal.
              assertThat(kv.path("workflow-engine reads workspace demo questions-asked").asLong())
                  .isPositive();
            });

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(get("/api/events").findValuesAsString("detail"))
                  .contains("question " + id + " answered by " + ASSISTANT);
              assertThat(strings(get("/api/inbox")))
                  .anyMatch(line -> line.startsWith("<- " + ASSISTANT + " CHAT answer " + id))
                  .anyMatch(line -> line.contains("question " + id + " answered"))
                  .anyMatch(
                      line ->
                          line.startsWith(
                              "<- progress from "
                                  + ASSISTANT
                                  + ": question-"
                                  + id
                                  + " answered (100%)"));
            });
  }

  @Test
  void broadcastReachesEveryAgentOfTheWorkspace() {
    JsonNode result = post("/api/broadcast", "{\"text\":\"maintenance at 22:00\"}");
    assertThat(strings(result.path("receivedBy"))).containsExactlyInAnyOrder(ASSISTANT, AUDITOR);
    String id = result.path("announcement").path("id").asString();
    assertThat(id).isNotEmpty();
  }

  @Test
  void eventReachesTheWorkflowEngineWhichNotifiesTheUser() {
    JsonNode result = post("/api/events", "{\"type\":\"order.created\",\"detail\":\"order 42\"}");
    String id = result.path("event").path("id").asString();
    assertThat(result.path("notification").path("eventId").asString()).isEqualTo(id);
    assertThat(result.path("notification").path("text").asString())
        .isEqualTo("order.created from " + ASSISTANT + ": order 42");
    assertThat(get("/api/events").findValuesAsString("id")).contains(id);
  }

  @Test
  void greetingIsStoredForTheNextConnection() {
    JsonNode stored =
        json.readTree(
            http()
                .put()
                .uri("/api/config/greeting")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\":\"Hello again\"}")
                .retrieve()
                .body(String.class));
    assertThat(stored.path("stored").asString()).isEqualTo("Hello again");
    // Pushed only at the next connect: the greeting in use does not change now.
    assertThat(stored.path("greetingInUse").asString()).isEqualTo("Welcome back!");
    assertThat(get("/api/kv").path("assistant workspace-exclusive greeting").asString())
        .isEqualTo("Hello again");
    // Put it back for the other tests of this (shared) context.
    http()
        .put()
        .uri("/api/config/greeting")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"text\":\"Welcome back!\"}")
        .retrieve()
        .toBodilessEntity();
  }

  @Test
  void healthShowsTheAetherComponentPerClient() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode aether = get("/actuator/health").path("components").path("aether");
              assertThat(aether.path("status").asString()).isEqualTo("UP");
              JsonNode agent = aether.path("components").path("aetherAgentClient");
              assertThat(agent.path("details").path("identity").asString()).isEqualTo(ASSISTANT);
              assertThat(agent.path("details").path("address").asString())
                  .isEqualTo(gateway.address());
              assertThat(
                      aether.path("components").path("aetherUserClient").path("status").asString())
                  .isEqualTo("UP");
              assertThat(
                      aether
                          .path("components")
                          .path("aetherWorkflowEngineClient")
                          .path("status")
                          .asString())
                  .isEqualTo("UP");
            });
    assertThat(strings(get("/actuator/health/readiness").path("components").propertyNames()))
        .contains("aether");
  }

  @Test
  void metricsShowTheAetherMeters() {
    post("/api/ask", "{\"text\":\"count me\"}");
    assertThat(strings(get("/actuator/metrics").path("names")))
        .contains(
            "aether.client.connected",
            "aether.client.state",
            "aether.client.messages.sent",
            "aether.client.messages.received",
            "aether.client.requests");
    JsonNode sent =
        get("/actuator/metrics/aether.client.messages.sent?tag=identity:us::alice::tab-1");
    assertThat(sent.path("measurements").get(0).path("value").asDouble()).isPositive();
    JsonNode connected = get("/actuator/metrics/aether.client.connected?tag=identity:" + ASSISTANT);
    assertThat(connected.path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
  }

  @Test
  void transcriptTellsTheStory() {
    post("/api/ask", "{\"text\":\"tell the story\"}");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(strings(get("/api/transcript")))
                    .anyMatch(line -> line.startsWith("[alice]") && line.contains("CHAT question"))
                    .anyMatch(
                        line ->
                            line.startsWith("[assistant]")
                                && line.contains("checkpoint 'conversation' saved"))
                    .anyMatch(
                        line ->
                            line.startsWith("[workflow-engine]")
                                && line.contains("EVENT question.answered")));
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }

  static List<String> strings(Collection<String> names) {
    return List.copyOf(names);
  }
}
