/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Direct messages and a workspace broadcast: a user asks an agent a question and gets the answer
 * back (request/reply over the sender's topic), then broadcasts an announcement to every agent of
 * the workspace.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.MessagingExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class MessagingExample {

  private MessagingExample() {}

  /**
   * Runs the example against its own embedded gateway.
   *
   * @param args ignored
   * @throws Exception if a step fails or times out
   */
  public static void main(String[] args) throws Exception {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().start()) {
      AetherClientOptions options =
          AetherClientOptions.builder().address(gateway.address()).build();
      System.out.println("gateway listening on " + gateway.address());

      try (AgentClient agent =
              AgentClient.builder(options)
                  .workspace("demo")
                  .implementation("echo")
                  .specifier("1")
                  .build();
          UserClient alice =
              UserClient.builder(options)
                  .userId("alice")
                  .windowId("tab-1")
                  .workspace("demo")
                  .build()) {

        CompletableFuture<String> announcement = new CompletableFuture<>();
        agent.onMessage(
            message -> {
              if (message.messageType() == MessageType.CONTROL) {
                // Broadcasts arrive on the agent's ga:: subscription; the source is still the
                // sender.
                announcement.complete(message.payloadAsString());
                return;
              }
              // Request/reply: answer on the sender's own topic with the same message type.
              String answer = "echo: " + message.payloadAsString();
              agent.send(
                  message.sourceTopic(),
                  answer.getBytes(StandardCharsets.UTF_8),
                  message.messageType());
            });

        CompletableFuture<IncomingMessage> reply = new CompletableFuture<>();
        alice.onMessage(reply::complete);

        System.out.println(
            "agent connected as "
                + agent.identity()
                + " (session "
                + agent.connectBlocking().sessionId()
                + ")");
        alice.connectBlocking();
        System.out.println("user connected as " + alice.identity());

        alice
            .sendToAgent("demo", "echo", "1", utf8("hello, agent"), MessageType.CHAT)
            .get(5, TimeUnit.SECONDS);
        IncomingMessage answer = reply.get(10, TimeUnit.SECONDS);
        System.out.println(
            "alice <- "
                + answer.sourceTopic()
                + " ["
                + answer.messageType()
                + "]: "
                + answer.payloadAsString());

        alice
            .broadcastToAgents("demo", utf8("maintenance at 22:00"), MessageType.CONTROL)
            .get(5, TimeUnit.SECONDS);
        System.out.println(
            "agent <- broadcast on ga::demo: " + announcement.get(10, TimeUnit.SECONDS));
      }
    }
    System.out.println("done");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
