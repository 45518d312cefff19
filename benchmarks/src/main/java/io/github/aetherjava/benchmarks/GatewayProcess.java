/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs the embedded gateway alone in a child JVM for the scale scenario, so the harness JVM's heap
 * and threads are the clients' only. Prints {@code LISTENING <port>}; stops gracefully on a {@code
 * stop} line or end of input.
 */
public final class GatewayProcess {

  private GatewayProcess() {}

  /**
   * @param args {@code [port]} (0 or absent: any free port)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    long deadline = System.nanoTime() + 30_000_000_000L;
    EmbeddedAetherGateway gw;
    while (true) {
      try {
        gw = EmbeddedAetherGateway.builder().port(port).start();
        break;
      } catch (UncheckedIOException e) {
        // after a restart the port may still be held for a moment
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
    System.out.println("LISTENING " + gw.port());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
      // wait
    }
    gw.close();
    System.out.println("STOPPED");
    System.out.flush();
    System.exit(0);
  }
}
