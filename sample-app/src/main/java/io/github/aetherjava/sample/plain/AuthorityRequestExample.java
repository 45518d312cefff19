/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.AuthorityRequest;
import io.github.aetherjava.client.authority.AuthorityRequestDecision;
import io.github.aetherjava.client.authority.AuthorityRequestListFilter;
import io.github.aetherjava.client.authority.AuthorityRequestRouting;
import io.github.aetherjava.client.authority.AuthorityRequestSpec;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.TaskInfo;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Authority requests ("sudo") and on-behalf-of calls: an agent asks alice for the authority to act
 * for her, alice approves a narrower grant than it asked for, and the agent then messages her,
 * writes KV and creates a task on her behalf.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.AuthorityRequestExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class AuthorityRequestExample {

  private AuthorityRequestExample() {}

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
      try (UserClient alice = UserClient.builder(options).userId("alice").windowId("tab").build();
          AgentClient agent =
              AgentClient.builder(options)
                  .workspace("demo")
                  .implementation("deployer")
                  .specifier("1")
                  .build()) {
        alice.connectBlocking();
        agent.connectBlocking();
        CompletableFuture<IncomingMessage> received = new CompletableFuture<>();
        alice.onMessage(received::complete);
        PrincipalRef aliceRef = new PrincipalRef("user", "alice");

        // the agent asks alice for read-write authority in "demo", on her behalf, for 30 minutes
        AuthorityRequest asked =
            agent
                .authorityRequests()
                .create(
                    AuthorityRequestSpec.builder(
                            AuthorityRequestRouting.toPrincipal(aliceRef),
                            AccessLevel.READ_WRITE,
                            Duration.ofMinutes(30))
                        .targetSubject(aliceRef)
                        .audience("agent", agent.identity())
                        .workspaceScope(List.of("demo"))
                        .reason("publish the release notes")
                        .build())
                .get(10, TimeUnit.SECONDS);
        System.out.println("agent asked: " + asked.status() + " (" + asked.reason() + ")");

        // alice sees what waits for her and approves it for 10 minutes only
        for (AuthorityRequest r :
            alice
                .authorityRequests()
                .list(AuthorityRequestListFilter.pending())
                .get(10, TimeUnit.SECONDS)) {
          AuthorityRequest approved =
              alice
                  .authorityRequests()
                  .approve(
                      r.requestId(),
                      AuthorityRequestDecision.builder()
                          .duration(Duration.ofMinutes(10))
                          .reason("ok for today")
                          .build())
                  .get(10, TimeUnit.SECONDS);
          System.out.println("alice resolved it: " + approved.status());
        }

        // the agent finds the minted grant on its request and acts on alice's behalf
        String grantId =
            agent
                .authorityRequests()
                .get(asked.requestId())
                .get(10, TimeUnit.SECONDS)
                .grantedGrantId();
        AuthorityGrant grant = agent.authority().get(grantId, Duration.ofSeconds(10)).join();
        System.out.println("grant: subject " + grant.subject().id() + ", delegate the agent");

        agent
            .send(
                alice.identity(),
                "notes published".getBytes(StandardCharsets.UTF_8),
                MessageType.CHAT,
                grant.onBehalfOf())
            .get(10, TimeUnit.SECONDS);
        IncomingMessage m = received.get(10, TimeUnit.SECONDS);
        System.out.println(
            "alice <- " + m.payloadAsString() + " (sent on behalf of " + m.onBehalfOf().id() + ")");

        KvClient forAlice = agent.kv().withAuthorization(grant.onBehalfOf());
        forAlice.put(KvTarget.workspaceScope(), "release", "1.0").get(10, TimeUnit.SECONDS);
        System.out.println(
            "kv on behalf of alice: release = "
                + forAlice
                    .get(KvTarget.workspaceScope(), "release")
                    .get(10, TimeUnit.SECONDS)
                    .asString());

        String taskId =
            agent
                .tasks()
                .createTaskAndAwait(
                    CreateTaskRequest.builder("announce").authorization(grant.onBehalfOf()).build())
                .get(10, TimeUnit.SECONDS)
                .taskId();
        TaskInfo task = agent.tasks().getTask(taskId).get(10, TimeUnit.SECONDS);
        System.out.println("task created for " + task.metadata().get("subject_id"));
      }
    }
    System.out.println("done");
  }
}
