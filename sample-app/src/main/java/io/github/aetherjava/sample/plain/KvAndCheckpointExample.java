/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * KV scopes and checkpoints. An agent writes to its exclusive workspace scope (private to {@code
 * impl + spec}) and to the shared workspace scope (visible to every KV principal of the workspace),
 * saves a checkpoint, and disconnects. A new connection with the same identity then gets the
 * exclusive entries pushed in its connect-time {@link ConfigSnapshot} and loads the checkpoint
 * back.
 *
 * <p>Against AetherLite in dev mode the shared-scope calls are denied (its default ACL denies every
 * shared scope); the embedded gateway's default permissive policy allows them.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.KvAndCheckpointExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class KvAndCheckpointExample {

  private KvAndCheckpointExample() {}

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
      AgentClient.Builder identity =
          AgentClient.builder(options).workspace("demo").implementation("planner").specifier("1");

      try (AgentClient agent = identity.build()) {
        agent.connectBlocking();
        KvClient kv = agent.kv();

        kv.put(KvTarget.workspaceExclusive(), "greeting", "Hello from the planner")
            .get(5, TimeUnit.SECONDS);
        System.out.println(
            "exclusive greeting = "
                + kv.get(KvTarget.workspaceExclusive(), "greeting")
                    .get(5, TimeUnit.SECONDS)
                    .asString());

        kv.increment(KvTarget.workspaceScope(), "plans-made").get(5, TimeUnit.SECONDS);
        long plans = kv.increment(KvTarget.workspaceScope(), "plans-made").get(5, TimeUnit.SECONDS);
        System.out.println("shared plans-made = " + plans);

        agent.checkpoint().save("plan", "step=3;items=a,b,c").get(5, TimeUnit.SECONDS);
        List<String> keys = agent.checkpoint().list().get(5, TimeUnit.SECONDS);
        System.out.println("checkpoints = " + keys);
      }

      // Same identity, new connection: the gateway pushes the exclusive KV in the ConfigSnapshot.
      try (AgentClient again = identity.build()) {
        CompletableFuture<ConfigSnapshot> config = new CompletableFuture<>();
        again.onConfig(config::complete);
        again.connectBlocking();
        System.out.println(
            "config on reconnect: greeting = "
                + config
                    .get(10, TimeUnit.SECONDS)
                    .workspaceExclusiveString("greeting")
                    .orElse("<absent>"));

        Checkpoint plan = again.checkpoint().load("plan").get(5, TimeUnit.SECONDS);
        System.out.println("restored checkpoint '" + plan.key() + "' = " + plan.asString());
        again.checkpoint().delete("plan").get(5, TimeUnit.SECONDS);
        System.out.println(
            "checkpoint present after delete: "
                + again.checkpoint().load("plan").get(5, TimeUnit.SECONDS).isPresent());
      }
    }
    System.out.println("done");
  }
}
