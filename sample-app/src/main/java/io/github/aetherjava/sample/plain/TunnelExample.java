/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.tunnel.Tunnel;
import io.github.aetherjava.client.tunnel.TunnelEnd;
import io.github.aetherjava.client.tunnel.TunnelOptions;
import io.github.aetherjava.client.tunnel.TunnelProtocol;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Tunnels: a service connects the tunnels it is sent to a TCP port only it can reach (here a tiny
 * upper-casing server on loopback), and an agent that cannot reach that port talks to it through
 * the fabric as if it were a socket.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.TunnelExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class TunnelExample {

  private TunnelExample() {}

  /**
   * Runs the example against its own embedded gateway.
   *
   * @param args ignored
   * @throws Exception if a step fails or times out
   */
  public static void main(String[] args) throws Exception {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().start();
        ServerSocket upper = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> serveOnce(upper), "upper-server");
      server.setDaemon(true);
      server.start();

      AetherClientOptions options =
          AetherClientOptions.builder().address(gateway.address()).build();
      try (ServiceClient sidecar =
              ServiceClient.builder(options).implementation("upper").specifier("1").build();
          AgentClient agent =
              AgentClient.builder(options)
                  .workspace("demo")
                  .implementation("caller")
                  .specifier("1")
                  .build()) {
        sidecar.connectBlocking();
        agent.connectBlocking();
        // every tunnel sent to the sidecar is connected to the local port
        sidecar
            .tunnels()
            .serveTcp(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), upper.getLocalPort()));

        Tunnel tunnel =
            agent
                .tunnels()
                .dial(
                    "sv::upper",
                    TunnelProtocol.TCP,
                    TunnelOptions.builder().idleTimeout(Duration.ofSeconds(30)).build())
                .get(10, TimeUnit.SECONDS);
        tunnel.output().write("hello through a tunnel".getBytes(StandardCharsets.UTF_8));
        tunnel.output().close(); // half-close: the server reads to the end, then answers
        String answer = new String(tunnel.input().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("agent <- " + answer);
        TunnelEnd end = tunnel.closed().get(10, TimeUnit.SECONDS);
        System.out.println("tunnel ended: " + end.reason());
      }
    }
    System.out.println("done");
  }

  private static void serveOnce(ServerSocket listener) {
    try (Socket s = listener.accept()) {
      String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      s.getOutputStream().write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      System.out.println("upper server failed: " + e);
    }
  }
}
