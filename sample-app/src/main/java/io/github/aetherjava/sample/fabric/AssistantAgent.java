/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.fabric;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.Progress;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.sample.Transcript;
import io.github.aetherjava.sample.messages.Announcement;
import io.github.aetherjava.sample.messages.Answer;
import io.github.aetherjava.sample.messages.FabricEvent;
import io.github.aetherjava.sample.messages.Question;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.annotation.OnConfig;
import io.github.aetherjava.spring.annotation.OnConnectionEvent;
import io.github.aetherjava.spring.client.AetherRetry;
import io.github.aetherjava.spring.listener.AetherConnectionEvent;
import io.github.aetherjava.spring.listener.AetherHeaders;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant agent ({@code aether.agent.*}): answers questions (request/reply with typed JSON
 * payloads), counts them in KV (its exclusive scope and the workspace's shared scope), checkpoints
 * its conversation, reports progress to the asker, raises an event per answer, receives workspace
 * broadcasts, and takes its greeting from the configuration the gateway pushes when it connects.
 */
@Component
public class AssistantAgent {

  /** Exclusive KV key of the greeting, pushed back in the agent's {@link ConfigSnapshot}. */
  public static final String GREETING_KEY = "greeting";

  /** Exclusive KV counter of answers given by this agent identity. */
  public static final String ANSWERS_KEY = "answers-given";

  /** Shared (workspace scope) KV counter of questions asked in the workspace. */
  public static final String QUESTIONS_KEY = "questions-asked";

  /** Checkpoint key of the {@link Conversation}. */
  public static final String CHECKPOINT_KEY = "conversation";

  /** Greeting used until the gateway pushes one. */
  public static final String DEFAULT_GREETING = "Hi!";

  private static final String ME = "assistant";

  private final AgentClient agent;
  private final AetherRetry retry;
  private final JsonMapper json;
  private final Transcript transcript;
  private final Correlations correlations;

  private final AtomicLong answered = new AtomicLong();
  private volatile String greeting = DEFAULT_GREETING;
  private volatile @Nullable ConfigSnapshot lastConfig;
  private volatile @Nullable Conversation restored;

  AssistantAgent(
      AgentClient agent,
      AetherRetry retry,
      JsonMapper json,
      Transcript transcript,
      Correlations correlations) {
    this.agent = agent;
    this.retry = retry;
    this.json = json;
    this.transcript = transcript;
    this.correlations = correlations;
  }

  /**
   * Answers a question. The return value is the reply: the starter sends it as JSON to the asker's
   * topic (the message's source topic) with the same message type.
   *
   * <p>The KV and checkpoint writes are requests of this same client, so they are composed, never
   * awaited here: a listener that blocks on its own client's responses can deadlock under load (the
   * response queues behind the listener). The answer count comes from memory, seeded by the
   * configuration the gateway pushes at connect.
   *
   * @param question the question, converted from JSON
   * @param from the asker's topic
   * @return the answer
   */
  @AetherListener(
      id = "assistant-questions",
      client = "aetherAgentClient",
      messageType = MessageType.CHAT)
  public Answer answer(Question question, @Header(AetherHeaders.SOURCE_TOPIC) String from) {
    transcript.say(
        ME, "<- " + from + " CHAT question " + question.id() + ": \"" + question.text() + "\"");
    long number = answered.incrementAndGet();

    KvClient kv = agent.kv();
    CompletableFuture<String> exclusive =
        kv.put(KvTarget.workspaceExclusive(), ANSWERS_KEY, Long.toString(number))
            .handle(
                (ok, error) ->
                    error == null ? Long.toString(number) : "failed (" + reason(error) + ")");
    // AetherLite in dev mode denies every shared scope; the exclusive ones keep working.
    CompletableFuture<String> shared =
        kv.increment(KvTarget.workspaceScope(), QUESTIONS_KEY)
            .handle(
                (count, error) ->
                    error == null ? String.valueOf(count) : "denied (" + reason(error) + ")");
    exclusive.thenAcceptBoth(
        shared,
        (mine, ours) ->
            transcript.say(
                ME,
                "KV "
                    + ANSWERS_KEY
                    + " (workspace-exclusive) = "
                    + mine
                    + ", "
                    + QUESTIONS_KEY
                    + " (workspace, shared) = "
                    + ours));

    Conversation conversation = new Conversation(number, question.id(), question.text());
    agent
        .checkpoint()
        .save(CHECKPOINT_KEY, json.writeValueAsBytes(conversation))
        .whenComplete(
            (saved, error) ->
                transcript.say(
                    ME,
                    error == null
                        ? "checkpoint '" + CHECKPOINT_KEY + "' saved (" + number + " answered)"
                        : "checkpoint not saved: " + reason(error)));

    // Progress for the asker: the gateway routes it to the user's progress stream (not a message).
    if (from.startsWith("us::")) {
      agent.reportProgress(
          Progress.builder("question-" + question.id())
              .state("answered")
              .completion(1.0)
              .summary("answer #" + number + " is on its way")
              .recipient("us::" + from.split("::")[1])
              .build());
      transcript.say(ME, "-> progress question-" + question.id() + " for " + from);
    }

    FabricEvent event =
        new FabricEvent(
            UUID.randomUUID().toString().substring(0, 8),
            "question.answered",
            "question " + question.id() + " answered by " + agent.identity());
    agent.sendEvent(json.writeValueAsBytes(event));
    transcript.say(ME, "-> event::* EVENT " + event.type() + " (" + event.id() + ")");

    Answer answer =
        new Answer(
            question.id(),
            greeting
                + " You asked \""
                + question.text()
                + "\"; that is question #"
                + number
                + " I have answered.",
            agent.identity(),
            number);
    transcript.say(ME, "-> " + from + " CHAT answer " + question.id());
    return answer;
  }

  private static String reason(Throwable error) {
    Throwable cause =
        (error instanceof CompletionException && error.getCause() != null)
            ? error.getCause()
            : error;
    return String.valueOf(cause.getMessage());
  }

  /**
   * Receives broadcasts to the workspace's agents ({@code ga::{ws}}).
   *
   * @param announcement the announcement
   * @param from the broadcaster's topic
   */
  @AetherListener(
      id = "assistant-announcements",
      client = "aetherAgentClient",
      messageType = MessageType.CONTROL)
  public void announcement(
      Announcement announcement, @Header(AetherHeaders.SOURCE_TOPIC) String from) {
    transcript.say(ME, "<- broadcast from " + from + ": \"" + announcement.text() + "\"");
    correlations
        .receipts()
        .arrived(Correlations.receiptKey(announcement.id(), agent.identity()), agent.identity());
  }

  /**
   * Receives the whole configuration the gateway pushes on every connect.
   *
   * @param snapshot the snapshot
   */
  @OnConfig(id = "assistant-config", client = "aetherAgentClient")
  public void configured(ConfigSnapshot snapshot) {
    lastConfig = snapshot;
    // The exclusive counter written after every answer comes back here on each (re)connect.
    snapshot
        .workspaceExclusiveString(ANSWERS_KEY)
        .map(Long::parseLong)
        .ifPresent(stored -> answered.accumulateAndGet(stored, Math::max));
    transcript.say(
        ME,
        "config pushed by the gateway: workspace-exclusive keys "
            + new TreeSet<>(snapshot.workspaceExclusiveKv().keySet()));
  }

  /**
   * Receives one entry of the pushed configuration, converted to a String; skipped when absent.
   *
   * @param greeting the greeting stored under {@value #GREETING_KEY}
   */
  @OnConfig(id = "assistant-greeting", client = "aetherAgentClient", key = GREETING_KEY)
  public void greeting(String greeting) {
    this.greeting = greeting;
    transcript.say(ME, "greeting from config: \"" + greeting + "\"");
  }

  /**
   * Restores the conversation checkpoint whenever the agent (re)connects.
   *
   * @param event the connection event
   */
  @OnConnectionEvent(
      id = "assistant-connected",
      client = "aetherAgentClient",
      value = AetherConnectionEvent.Type.CONNECTED)
  public void connected(AetherConnectionEvent event) {
    transcript.say(ME, "connected as " + agent.identity());
    // Composed rather than joined: connection events run on the client's handler queue.
    agent
        .checkpoint()
        .load(CHECKPOINT_KEY)
        .whenComplete(
            (checkpoint, error) -> {
              if (error != null) {
                transcript.say(ME, "could not load checkpoint: " + error.getMessage());
              } else if (checkpoint.isPresent()) {
                Conversation conversation = json.readValue(checkpoint.data(), Conversation.class);
                restored = conversation;
                transcript.say(
                    ME,
                    "restored checkpoint: "
                        + conversation.answered()
                        + " answered, last \""
                        + conversation.lastQuestion()
                        + "\"");
              } else {
                transcript.say(ME, "no checkpoint yet");
              }
            });
  }

  /**
   * @return the greeting in use
   */
  public String currentGreeting() {
    return greeting;
  }

  /**
   * @return the last configuration pushed by the gateway
   */
  public Optional<ConfigSnapshot> lastConfig() {
    return Optional.ofNullable(lastConfig);
  }

  /**
   * @return the conversation restored from the checkpoint at the last connect
   */
  public Optional<Conversation> restoredConversation() {
    return Optional.ofNullable(restored);
  }

  /**
   * Loads the current conversation checkpoint, waiting for the answer; for callers outside this
   * client's listeners (the REST endpoints).
   *
   * @return the checkpoint (empty when none was saved)
   */
  public Checkpoint checkpoint() {
    return Objects.requireNonNull(
        retry.call("checkpoint.load", () -> agent.checkpoint().load(CHECKPOINT_KEY)));
  }

  /**
   * @return the agent client
   */
  public AgentClient client() {
    return agent;
  }
}
