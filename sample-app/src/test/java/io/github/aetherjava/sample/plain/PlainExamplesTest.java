/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs every plain-Java example's {@code main} and checks its transcript, so the examples in the
 * documentation keep compiling and keep working.
 */
class PlainExamplesTest {

  @Test
  void messagingExample() throws Exception {
    String out = run(MessagingExample::main);
    assertThat(out)
        .contains("alice <- ag::demo::echo::1 [CHAT]: echo: hello, agent")
        .contains("agent <- broadcast on ga::demo: maintenance at 22:00")
        .endsWith("done" + System.lineSeparator());
  }

  @Test
  void tunnelExample() throws Exception {
    String out = run(TunnelExample::main);
    assertThat(out)
        .contains("agent <- HELLO THROUGH A TUNNEL")
        .contains("tunnel ended: NORMAL")
        .endsWith("done" + System.lineSeparator());
  }

  @Test
  void authorityRequestExample() throws Exception {
    String out = run(AuthorityRequestExample::main);
    assertThat(out)
        .contains("agent asked: PENDING (publish the release notes)")
        .contains("alice resolved it: APPROVED")
        .contains("grant: subject alice, delegate the agent")
        .contains("alice <- notes published (sent on behalf of alice)")
        .contains("kv on behalf of alice: release = 1.0")
        .contains("task created for alice")
        .endsWith("done" + System.lineSeparator());
  }

  @Test
  void deliveryExample() throws Exception {
    String out = run(DeliveryExample::main);
    java.util.regex.Matcher burst =
        java.util.regex.Pattern.compile(
                "default mode: 300 sends completed, (\\d+) refused by the rate limit \\(pressure events: (\\d+)\\)")
            .matcher(out);
    assertThat(burst.find()).as(out).isTrue();
    int refused = Integer.parseInt(burst.group(1));
    assertThat(refused).as("a burst beyond the limit is partly refused").isPositive();
    // listeners run on the callback executor: some may still be on their way when the line prints
    assertThat(Integer.parseInt(burst.group(2))).isBetween(0, refused);
    assertThat(out)
        .contains("receiver got " + (300 - refused) + " of 300")
        .contains("paced and confirmed: 300 confirmed, 0 refused")
        .contains("receiver got 300 of 300")
        .contains(System.lineSeparator() + "done" + System.lineSeparator());
  }

  @Test
  void eventsExample() throws Exception {
    String out = run(EventsExample::main);
    assertThat(out)
        .contains(
            "engine <- ag::demo::orders::1 [EVENT]: {\"type\":\"order.created\",\"order\":42}")
        .contains("agent <- event::receiver0 [CONTROL]: {\"command\":\"ship\",\"order\":42}")
        .endsWith("done" + System.lineSeparator());
  }

  @Test
  void kvAndCheckpointExample() throws Exception {
    String out = run(KvAndCheckpointExample::main);
    assertThat(out)
        .contains("exclusive greeting = Hello from the planner")
        .contains("shared plans-made = 2")
        .contains("checkpoints = [plan]")
        .contains("config on reconnect: greeting = Hello from the planner")
        .contains("restored checkpoint 'plan' = step=3;items=a,b,c")
        .contains("checkpoint present after delete: false")
        .endsWith("done" + System.lineSeparator());
  }

  @Test
  void tasksExample() throws Exception {
    String out = run(TasksExample::main);
    assertThat(out)
        .contains("planner: created 36-char task id, status orchestration_triggered")
        .contains("orchestrator: launching ag::demo::resizer::1 with a task token")
        .contains("resizer: assigned resize-images album-7")
        .contains("resizer: task COMPLETED")
        .contains("planner: task COMPLETED, assigned to ag::demo::resizer::1")
        .contains("planner: notices assigned -> running -> completed")
        .contains("planner: progress [half of the images done]")
        .contains("planner: last event COMPLETED")
        .endsWith("done" + System.lineSeparator());
  }

  @Test
  void adminAndAuditExample() throws Exception {
    String out = run(AdminAndAuditExample::main);
    assertThat(out)
        .contains("gateway 0.2.2 health: SERVING")
        .contains("audit report.exported accepted: true")
        .contains("audit type 'acl' accepted: false (ERR_AUDIT_TYPE_FORBIDDEN)")
        .contains("session ag::demo::reports::1 in demo")
        .contains("audit log: ag::demo::reports::1 report.exported r-7")
        .endsWith("done" + System.lineSeparator());
  }

  /** A {@code main} method. */
  @FunctionalInterface
  interface Main {
    void run(String[] args) throws Exception;
  }

  // The examples print to System.out; surefire runs test methods one at a time, so swapping it is
  // safe.
  private static String run(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      main.run(new String[0]);
    } finally {
      System.setOut(original);
    }
    String transcript = buffer.toString(StandardCharsets.UTF_8);
    original.print(transcript);
    return transcript;
  }
}
