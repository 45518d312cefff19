/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.SendPacing;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a gateway's rate limit does to a fast sender, and the two ways around it: a burst of sends
 * in the default mode completes every future but loses what the gateway refused (reported as
 * pressure events); with send pacing and confirmed delivery every message arrives, and {@code
 * flush()} says when the gateway has processed them.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.DeliveryExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class DeliveryExample {

  private static final int BURST = 300;

  private DeliveryExample() {}

  /**
   * Runs the example against its own embedded gateway, limited like a stock AetherLite (100
   * messages per second per connection, burst 200).
   *
   * @param args ignored
   * @throws Exception if a step fails or times out
   */
  public static void main(String[] args) throws Exception {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().rateLimit(100).start()) {
      String address = gateway.address();
      System.out.println("gateway listening on " + address + " (100 messages/s per connection)");
      AtomicInteger received = new AtomicInteger();
      try (AgentClient receiver = agent(AetherClientOptions.builder().address(address), "rx")) {
        receiver.onMessage(m -> received.incrementAndGet());
        receiver.connectBlocking();

        // 1. A burst in the default mode: every future completes, refused sends are lost.
        long accepted;
        try (AgentClient fast = agent(AetherClientOptions.builder().address(address), "fast")) {
          AtomicLong pressure = new AtomicLong();
          fast.onPressure(e -> pressure.incrementAndGet());
          fast.connectBlocking();
          for (int i = 0; i < BURST; i++) {
            fast.sendToAgent("demo", "rx", "1", utf8("burst " + i)).get(5, TimeUnit.SECONDS);
          }
          fast.flush().get(10, TimeUnit.SECONDS); // the gateway has processed all of them
          DeliveryStats stats = fast.deliveryStats();
          accepted = BURST - stats.rateLimited() - stats.quotaExceeded();
          System.out.println(
              "default mode: "
                  + BURST
                  + " sends completed, "
                  + stats.rateLimited()
                  + " refused by the rate limit (pressure events: "
                  + pressure.get()
                  + ")");
        }
        System.out.println("receiver got " + awaitCount(received, accepted) + " of " + BURST);

        // 2. Paced and confirmed: nothing is refused, every future means "processed".
        received.set(0);
        AetherClientOptions.Builder careful =
            AetherClientOptions.builder()
                .address(address)
                .sendPacing(SendPacing.of(90, 20))
                .deliveryMode(DeliveryMode.CONFIRMED);
        try (AgentClient paced = agent(careful, "paced")) {
          paced.connectBlocking();
          long start = System.nanoTime();
          for (int i = 0; i < BURST; i++) {
            paced.sendToAgent("demo", "rx", "1", utf8("paced " + i));
          }
          paced.flush().get(30, TimeUnit.SECONDS);
          DeliveryStats stats = paced.deliveryStats();
          System.out.println(
              "paced and confirmed: "
                  + stats.confirmed()
                  + " confirmed, "
                  + stats.rateLimited()
                  + " refused, in about "
                  + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)
                  + " s");
        }
        System.out.println("receiver got " + awaitCount(received, BURST) + " of " + BURST);
      }
      System.out.println("done");
    }
  }

  private static AgentClient agent(AetherClientOptions.Builder options, String implementation) {
    return AgentClient.builder(options.build())
        .workspace("demo")
        .implementation(implementation)
        .specifier("1")
        .build();
  }

  /**
   * Waits (at most 10 s) until the receiver has counted what the gateway accepted: processed by the
   * gateway is not yet handled by the receiver.
   */
  private static long awaitCount(AtomicInteger received, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.get() < expected && System.nanoTime() - deadline < 0) {
      Thread.sleep(20);
    }
    return received.get();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
