/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.fabric;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.sample.Transcript;
import io.github.aetherjava.sample.messages.Announcement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second agent of the workspace, built with the plain client API from the starter's shared {@link
 * AetherClientOptions} bean (so it gets the same address, credentials and metrics). It is not a
 * bean of type {@code AgentClient}, which would replace the auto-configured assistant; it only
 * listens to workspace broadcasts, to show that every agent of the workspace receives them.
 */
@Component
public class AuditorAgent implements SmartLifecycle {

  private static final String ME = "auditor";

  private final AgentClient agent;
  private final Transcript transcript;
  private volatile boolean running;

  AuditorAgent(
      AetherClientOptions options,
      JsonMapper json,
      Transcript transcript,
      Correlations correlations,
      @Value("${aether.agent.workspace}") String workspace,
      @Value("${sample.auditor.implementation:auditor}") String implementation,
      @Value("${sample.auditor.specifier:1}") String specifier) {
    this.agent =
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation(implementation)
            .specifier(specifier)
            .build();
    this.transcript = transcript;
    agent.onMessage(
        MessageType.CONTROL,
        message -> {
          Announcement announcement = json.readValue(message.payload(), Announcement.class);
          transcript.say(
              ME,
              "<- broadcast from " + message.sourceTopic() + ": \"" + announcement.text() + "\"");
          correlations
              .receipts()
              .arrived(
                  Correlations.receiptKey(announcement.id(), agent.identity()), agent.identity());
        });
  }

  @Override
  public void start() {
    // Not awaited: without aether.fail-fast the client keeps retrying in the background.
    agent
        .connect()
        .whenComplete(
            (info, error) ->
                transcript.say(
                    ME,
                    error == null
                        ? "connected as " + agent.identity()
                        : "could not connect: " + error.getMessage()));
    running = true;
  }

  @Override
  public void stop() {
    agent.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  // After the starter connects its clients (DEFAULT_PHASE - 4096), before the web server takes
  // traffic.
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 4000;
  }

  /**
   * @return the auditor's identity
   */
  public String identity() {
    return agent.identity();
  }

  /**
   * @return the auditor client
   */
  public AgentClient client() {
    return agent;
  }
}
