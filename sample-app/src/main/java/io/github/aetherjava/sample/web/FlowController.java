/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.web;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.kv.KvValue;
import io.github.aetherjava.sample.Transcript;
import io.github.aetherjava.sample.fabric.AliceUser;
import io.github.aetherjava.sample.fabric.AssistantAgent;
import io.github.aetherjava.sample.fabric.AuditorAgent;
import io.github.aetherjava.sample.fabric.Conversation;
import io.github.aetherjava.sample.fabric.Correlations;
import io.github.aetherjava.sample.fabric.WorkflowEngine;
import io.github.aetherjava.sample.messages.Announcement;
import io.github.aetherjava.sample.messages.Answer;
import io.github.aetherjava.sample.messages.FabricEvent;
import io.github.aetherjava.sample.messages.Notification;
import io.github.aetherjava.sample.messages.Question;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One endpoint per flow. Each sends through the fabric as the principal that would do it in a real
 * system (alice asks and broadcasts, the assistant raises events) and waits, up to {@link #WAIT},
 * for the message that completes the flow.
 */
@RestController
@RequestMapping("/api")
public class FlowController {

  /** How long an endpoint waits for the fabric to complete a flow. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  private final AssistantAgent assistant;
  private final AliceUser alice;
  private final AuditorAgent auditor;
  private final @Nullable WorkflowEngine engine;
  private final @Nullable WorkflowEngineClient engineClient;
  private final Correlations correlations;
  private final Transcript transcript;
  private final JsonMapper json;

  FlowController(
      AssistantAgent assistant,
      AliceUser alice,
      AuditorAgent auditor,
      ObjectProvider<WorkflowEngine> engine,
      ObjectProvider<WorkflowEngineClient> engineClient,
      Correlations correlations,
      Transcript transcript,
      JsonMapper json) {
    this.assistant = assistant;
    this.alice = alice;
    this.auditor = auditor;
    // Both absent with aether.workflow-engine.enabled=false (e.g. against AetherLite's own engine).
    this.engine = engine.getIfAvailable();
    this.engineClient = engineClient.getIfAvailable();
    this.correlations = correlations;
    this.transcript = transcript;
    this.json = json;
  }

  /**
   * A request carrying text.
   *
   * @param text the text
   */
  public record TextRequest(String text) {}

  /**
   * A request to raise an event.
   *
   * @param type event type
   * @param detail free text
   */
  public record EventRequest(String type, String detail) {}

  /**
   * Result of {@code POST /api/ask}.
   *
   * @param question what alice sent
   * @param answer what came back
   */
  public record AskResult(Question question, Answer answer) {}

  /**
   * Result of {@code POST /api/broadcast}.
   *
   * @param announcement what alice broadcast
   * @param receivedBy identities of the agents that received it
   */
  public record BroadcastResult(Announcement announcement, List<String> receivedBy) {}

  /**
   * Result of {@code POST /api/events}.
   *
   * @param event what the assistant published
   * @param notification what the sample's workflow engine then sent to alice; {@code null} when the
   *     sample runs no workflow engine (the gateway's own engine, if any, received the event)
   */
  public record EventResult(FabricEvent event, @Nullable Notification notification) {}

  /**
   * Alice asks the assistant a question ({@code CHAT} to {@code ag::demo::assistant::1}) and waits
   * for the answer on her own topic.
   *
   * @param request the question text
   * @return question and answer
   * @throws InterruptedException if interrupted while waiting
   */
  @PostMapping("/ask")
  public AskResult ask(@RequestBody TextRequest request) throws InterruptedException {
    Question question = new Question(shortId(), request.text());
    CompletableFuture<Answer> pending = correlations.answers().expect(question.id());
    AgentClient agent = assistant.client();
    transcript.say(
        "alice",
        "-> "
            + agent.topic()
            + " CHAT question "
            + question.id()
            + ": \""
            + question.text()
            + "\"");
    alice
        .client()
        .sendToAgent(
            agent.workspace(),
            agent.implementation(),
            agent.specifier(),
            json.writeValueAsBytes(question),
            MessageType.CHAT);
    return new AskResult(question, await(pending, "the answer to " + question.id()));
  }

  /**
   * Alice broadcasts an announcement to every agent of the workspace ({@code ga::demo}, {@code
   * CONTROL}); waits until both agents have it.
   *
   * @param request the announcement text
   * @return the announcement and who received it
   * @throws InterruptedException if interrupted while waiting
   */
  @PostMapping("/broadcast")
  public BroadcastResult broadcast(@RequestBody TextRequest request) throws InterruptedException {
    Announcement announcement = new Announcement(shortId(), request.text());
    String workspace = assistant.client().workspace();
    List<CompletableFuture<String>> receipts = new ArrayList<>();
    for (String identity : List.of(assistant.client().identity(), auditor.identity())) {
      receipts.add(
          correlations.receipts().expect(Correlations.receiptKey(announcement.id(), identity)));
    }
    transcript.say(
        "alice",
        "-> ga::"
            + workspace
            + " CONTROL broadcast "
            + announcement.id()
            + ": \""
            + announcement.text()
            + "\"");
    alice
        .client()
        .broadcastToAgents(workspace, json.writeValueAsBytes(announcement), MessageType.CONTROL);
    List<String> receivedBy = new ArrayList<>();
    for (CompletableFuture<String> receipt : receipts) {
      receivedBy.add(await(receipt, "broadcast " + announcement.id()));
    }
    return new BroadcastResult(announcement, receivedBy);
  }

  /**
   * The assistant publishes an event ({@code event::*}); the workflow engine receives it and
   * notifies alice. Waits for the notification.
   *
   * @param request type and detail of the event
   * @return the event and the resulting notification
   * @throws InterruptedException if interrupted while waiting
   */
  @PostMapping("/events")
  public EventResult raiseEvent(@RequestBody EventRequest request) throws InterruptedException {
    FabricEvent event = new FabricEvent(shortId(), request.type(), request.detail());
    CompletableFuture<Notification> pending = correlations.notifications().expect(event.id());
    transcript.say("assistant", "-> event::* EVENT " + event.type() + " (" + event.id() + ")");
    assistant.client().sendEvent(json.writeValueAsBytes(event));
    if (engine == null) {
      return new EventResult(event, null);
    }
    return new EventResult(event, await(pending, "the notification for " + event.id()));
  }

  /**
   * Events the workflow engine has seen.
   *
   * @return events, oldest first
   */
  @GetMapping("/events")
  public List<WorkflowEngine.SeenEvent> events() {
    return engine == null ? List.of() : engine.events();
  }

  /**
   * What alice has received.
   *
   * @return inbox lines, oldest first
   */
  @GetMapping("/inbox")
  public List<String> inbox() {
    return alice.inbox();
  }

  /**
   * KV as seen by two principals: the assistant's exclusive scope (private to its identity) and the
   * workspace's shared scope, read by the workflow engine, a different principal.
   *
   * @return key to value (or to the reason it could not be read)
   */
  @GetMapping("/kv")
  public Map<String, String> kv() {
    AgentClient agent = assistant.client();
    Map<String, String> view = new TreeMap<>();
    view.put(
        "assistant workspace-exclusive " + AssistantAgent.GREETING_KEY,
        read(() -> agent.kv().get(KvTarget.workspaceExclusive(), AssistantAgent.GREETING_KEY)));
    view.put(
        "assistant workspace-exclusive " + AssistantAgent.ANSWERS_KEY,
        read(() -> agent.kv().get(KvTarget.workspaceExclusive(), AssistantAgent.ANSWERS_KEY)));
    WorkflowEngineClient reader = engineClient;
    if (reader != null) {
      view.put(
          "workflow-engine reads workspace "
              + agent.workspace()
              + " "
              + AssistantAgent.QUESTIONS_KEY,
          read(
              () ->
                  reader
                      .kv()
                      .get(
                          KvTarget.workspaceScope(agent.workspace()),
                          AssistantAgent.QUESTIONS_KEY)));
    }
    return view;
  }

  /**
   * Stores the assistant's greeting in its exclusive KV scope. The gateway pushes exclusive entries
   * only in the {@code ConfigSnapshot} of a new connection, so it takes effect at the agent's next
   * connect.
   *
   * @param request the greeting
   * @return what was stored and when it applies
   */
  @PutMapping("/config/greeting")
  public Map<String, String> storeGreeting(@RequestBody TextRequest request) {
    assistant
        .client()
        .kv()
        .putBlocking(
            KvTarget.workspaceExclusive(),
            AssistantAgent.GREETING_KEY,
            request.text().getBytes(StandardCharsets.UTF_8));
    transcript.say(
        "assistant",
        "KV "
            + AssistantAgent.GREETING_KEY
            + " (workspace-exclusive) := \""
            + request.text()
            + "\"");
    return Map.of(
        "stored",
        request.text(),
        "appliesAt",
        "the agent's next connection (restart with aether.embedded.data-directory set to keep KV)",
        "greetingInUse",
        assistant.currentGreeting());
  }

  /**
   * The configuration the assistant received when it connected.
   *
   * @return greeting in use and the keys of the last snapshot
   */
  @GetMapping("/config")
  public Map<String, Object> config() {
    return Map.of(
        "greetingInUse",
        assistant.currentGreeting(),
        "workspaceExclusiveKeys",
        assistant
            .lastConfig()
            .map(c -> new TreeSet<>(c.workspaceExclusiveKv().keySet()))
            .orElseGet(TreeSet::new),
        "globalExclusiveKeys",
        assistant
            .lastConfig()
            .map(c -> new TreeSet<>(c.globalExclusiveKv().keySet()))
            .orElseGet(TreeSet::new));
  }

  /**
   * The assistant's conversation checkpoint, now and as restored at its last connect.
   *
   * @return the checkpoint view
   */
  @GetMapping("/checkpoint")
  public Map<String, @Nullable Object> checkpoint() {
    Checkpoint checkpoint = assistant.checkpoint();
    Map<String, @Nullable Object> view = new TreeMap<>();
    view.put("key", AssistantAgent.CHECKPOINT_KEY);
    view.put("present", checkpoint.isPresent());
    view.put(
        "current",
        checkpoint.isPresent() ? json.readValue(checkpoint.data(), Conversation.class) : null);
    Instant savedAt = checkpoint.savedAt();
    view.put("savedAt", savedAt == null ? null : savedAt.toString());
    view.put("restoredAtConnect", assistant.restoredConversation().orElse(null));
    return view;
  }

  /**
   * The console transcript.
   *
   * @return the last lines, oldest first
   */
  @GetMapping("/transcript")
  public List<String> transcript() {
    return transcript.lines();
  }

  private static String read(Supplier<CompletableFuture<KvValue>> get) {
    try {
      KvValue value = get.get().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return value.isEmpty() ? "<absent>" : value.asString();
    } catch (ExecutionException e) {
      // AetherLite in dev mode denies shared scopes: show it rather than fail the whole view.
      return e.getCause() instanceof AetherException ae
          ? "denied: " + ae.getMessage()
          : "failed: " + e.getCause();
    } catch (TimeoutException e) {
      return "timed out";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static <T> T await(CompletableFuture<T> pending, String what)
      throws InterruptedException {
    try {
      return pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ResponseStatusException(
          HttpStatus.GATEWAY_TIMEOUT, "no " + what + " within " + WAIT);
    } catch (ExecutionException e) {
      throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, what + " failed", e.getCause());
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
