/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Handle on a {@link GatewayProcess} child JVM (same class path as this one). */
final class ChildGateway implements GatewayHandle {

  private final Process process;
  private final int port;

  private ChildGateway(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ChildGateway start(int port, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-XX:+UseG1GC",
                "-cp",
                System.getProperty("java.class.path"),
                GatewayProcess.class.getName(),
                Integer.toString(port)));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("LISTENING ")) {
        return new ChildGateway(p, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
      }
    }
    p.destroyForcibly();
    throw new IOException("gateway child exited before listening; see " + log);
  }

  @Override
  public int port() {
    return port;
  }

  /**
   * Graceful stop (the gateway signals GRACEFUL_DISCONNECT to every session) and wait for the exit.
   */
  @Override
  public void close() throws IOException {
    if (!process.isAlive()) {
      return;
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write("stop\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
