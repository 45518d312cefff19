/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Events and commands: an agent publishes an event to {@code event::*}, the gateway delivers it to
 * the workflow engine (a singleton principal, {@code wfe::shard0}), and the engine answers with a
 * command to the agent. The event type travels inside the payload: {@code event::X} would declare
 * workspace {@code X}.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.EventsExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class EventsExample {

  private EventsExample() {}

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

      try (WorkflowEngineClient engine = WorkflowEngineClient.builder(options).build();
          AgentClient orders =
              AgentClient.builder(options)
                  .workspace("demo")
                  .implementation("orders")
                  .specifier("1")
                  .build()) {

        CompletableFuture<IncomingMessage> event = new CompletableFuture<>();
        engine.onMessage(
            message -> {
              event.complete(message);
              // React to the event with a command back to the agent that raised it.
              engine.sendCommandToAgent(
                  "demo", "orders", "1", utf8("{\"command\":\"ship\",\"order\":42}"));
            });
        CompletableFuture<IncomingMessage> command = new CompletableFuture<>();
        orders.onMessage(command::complete);

        engine.connectBlocking();
        orders.connectBlocking();
        System.out.println("connected " + engine.identity() + " and " + orders.identity());

        orders
            .sendEvent(utf8("{\"type\":\"order.created\",\"order\":42}"))
            .get(5, TimeUnit.SECONDS);
        IncomingMessage received = event.get(10, TimeUnit.SECONDS);
        System.out.println(
            "engine <- "
                + received.sourceTopic()
                + " ["
                + received.messageType()
                + "]: "
                + received.payloadAsString());

        IncomingMessage ship = command.get(10, TimeUnit.SECONDS);
        System.out.println(
            "agent <- "
                + ship.sourceTopic()
                + " ["
                + ship.messageType()
                + "]: "
                + ship.payloadAsString());
      }
    }
    System.out.println("done");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
