/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * Shared setup: fast reconnect options, agents, a gateway that can be restarted on the same port.
 */
final class Fixtures {

  static final String WS = "rel";

  /**
   * Every secret used anywhere in the suite starts with this, so the log scan can find leaks of any
   * of them.
   */
  static final String SECRET_PREFIX = "s3cr3t-";

  private Fixtures() {}

  /** Reconnects within tens of milliseconds so fault tests stay short. */
  static ReconnectPolicy fastReconnect() {
    return ReconnectPolicy.builder()
        .initialDelay(Duration.ofMillis(20))
        .maxDelay(Duration.ofMillis(250))
        .multiplier(2)
        .jitter(0.1)
        .build();
  }

  static AetherClientOptions.Builder options(String address) {
    return AetherClientOptions.builder()
        .address(address)
        .reconnect(fastReconnect())
        .connectTimeout(Duration.ofSeconds(10))
        .requestTimeout(Duration.ofSeconds(10));
  }

  static AgentClient agent(AetherClientOptions options, String specifier) {
    return AgentClient.builder(options)
        .workspace(WS)
        .implementation("rel")
        .specifier(specifier)
        .build();
  }

  static String agentTopic(String specifier) {
    return "ag::" + WS + "::rel::" + specifier;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** An embedded gateway that keeps its port (and data directory) across {@link #restart()}. */
  static final class RestartableGateway implements AutoCloseable {
    private final UnaryOperator<EmbeddedAetherGateway.Builder> config;
    private final int port;
    private EmbeddedAetherGateway current;
    private boolean running;

    RestartableGateway(UnaryOperator<EmbeddedAetherGateway.Builder> config) {
      this.config = config;
      this.current = config.apply(EmbeddedAetherGateway.builder()).start();
      this.port = current.port();
      this.running = true;
    }

    EmbeddedAetherGateway gateway() {
      return current;
    }

    String address() {
      return "127.0.0.1:" + port;
    }

    int port() {
      return port;
    }

    synchronized void stop() {
      if (running) {
        current.close();
        running = false;
      }
    }

    synchronized void start() {
      if (running) {
        return;
      }
      // The port was just released; binding can fail for a moment on some systems, so retry
      // briefly.
      Awaitility.await("rebind port " + port)
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .ignoreException(UncheckedIOException.class)
          .until(
              () -> {
                current = config.apply(EmbeddedAetherGateway.builder()).port(port).start();
                return true;
              });
      running = true;
    }

    void restart() {
      stop();
      start();
    }

    @Override
    public void close() {
      stop();
    }
  }

  /**
   * Waits for {@code condition} at most {@code max}; returns whether it became true (the caller
   * asserts).
   */
  static boolean awaitQuietly(Duration max, java.util.concurrent.Callable<Boolean> condition) {
    try {
      Awaitility.await().atMost(max).until(condition);
      return true;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
  }

  /**
   * Writes a report both to stdout and to {@code target/reliability-reports/<name>.txt} for
   * RELIABILITY.md.
   */
  static void report(String name, String text) {
    System.out.println(text);
    String dir = System.getProperty("reliability.reportDir", "target/reliability-reports");
    try {
      Path d = Files.createDirectories(Path.of(dir));
      Files.writeString(d.resolve(name + ".txt"), text + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
