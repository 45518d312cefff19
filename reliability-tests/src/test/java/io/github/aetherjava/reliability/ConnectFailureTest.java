/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.TlsOptions;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connecting to the wrong thing, with the wrong material: every case fails fast (no retry loop on
 * an initial connect), with the exact exception type and message, leaving the client CLOSED.
 */
@Order(70)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectFailureTest {

  private Pki.Issued ca;
  private Pki.Issued server;
  private EmbeddedAetherGateway tlsGateway;
  private ServerSocket closedPortHolder;
  private int closedPort;
  private ServerSocket otherProtocol;

  @BeforeAll
  void start() throws IOException {
    ca = Pki.ca("reliability-ca");
    server = Pki.server(ca);
    tlsGateway =
        EmbeddedAetherGateway.builder()
            .tls(TlsConfig.of(server.certPem(), server.keyPem()))
            .start();
    // a port nobody listens on: bind, remember, close
    closedPortHolder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closedPort = closedPortHolder.getLocalPort();
    closedPortHolder.close();
    otherProtocol = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::speakSsh, "other-protocol");
    t.setDaemon(true);
    t.start();
  }

  /** Answers every connection like an SSH server would, then reads and ignores whatever comes. */
  private void speakSsh() {
    while (!otherProtocol.isClosed()) {
      try (Socket s = otherProtocol.accept()) {
        OutputStream out = s.getOutputStream();
        out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
          out.write("Protocol mismatch.\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException e) {
        // next connection
      }
    }
  }

  @AfterAll
  void stop() throws IOException {
    tlsGateway.close();
    otherProtocol.close();
  }

  private AetherClientOptions.Builder base(String address) {
    return AetherClientOptions.builder()
        .address(address)
        .connectTimeout(Duration.ofSeconds(5))
        .reconnect(ReconnectPolicy.defaults());
  }

  /**
   * name, options, exact type, reason, exact message ({@code {addr}} = the address; a trailing
   * "..." = prefix). Bad TLS material is refused when the options are built, before any connection;
   * the rest at connect.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "unreachable address",
            t -> t.base("127.0.0.1:" + t.closedPort),
            ConnectionException.class,
            FailureReason.UNAVAILABLE,
            "cannot connect to {addr}: UNAVAILABLE io exception (ConnectException: ..."),
        c(
            "a port speaking another protocol",
            t -> t.base("127.0.0.1:" + t.otherProtocol.getLocalPort()),
            ConnectionException.class,
            FailureReason.INTERNAL,
            "cannot connect to {addr}: INTERNAL http2 exception"
                + " (Http2Exception: First received frame was not SETTINGS. Hex dump for first 5 bytes: 5353482d32)"),
        c(
            "plaintext client to a TLS gateway",
            t -> t.base(t.tlsGateway.address()),
            ConnectionException.class,
            FailureReason.UNAVAILABLE,
            "cannot connect to {addr}: UNAVAILABLE Network closed for unknown reason (this client"
                + " uses plaintext: if the gateway requires TLS, configure TLS options)"),
        c(
            "malformed trust roots",
            t ->
                t.base(t.tlsGateway.address())
                    .tls(
                        TlsOptions.builder()
                            .trustRoots(
                                utf8(
                                    "-----BEGIN CERTIFICATE-----\nnot base64!\n"
                                        + "-----END CERTIFICATE-----\n"))
                            .build()),
            InvalidArgumentException.class,
            FailureReason.INVALID_ARGUMENT,
            "trust roots are not valid PEM X.509 certificates"),
        c(
            "trust roots that are not PEM at all",
            t ->
                t.base(t.tlsGateway.address())
                    .tls(TlsOptions.builder().trustRoots(utf8("hello")).build()),
            InvalidArgumentException.class,
            FailureReason.INVALID_ARGUMENT,
            "trust roots are not valid PEM X.509 certificates"),
        c(
            "malformed client key",
            t ->
                t.base(t.tlsGateway.address())
                    .tls(
                        TlsOptions.builder()
                            .trustRoots(t.ca.certPem())
                            .clientCertificate(
                                t.server.certPem(),
                                utf8(
                                    "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                                        + "-----END PRIVATE KEY-----\n"))
                            .build()),
            InvalidArgumentException.class,
            FailureReason.INVALID_ARGUMENT,
            "the client private key is not a readable PKCS#8 RSA, EC or EdDSA key"),
        c(
            "encrypted client key (a password is needed, none can be given)",
            t ->
                t.base(t.tlsGateway.address())
                    .tls(
                        TlsOptions.builder()
                            .trustRoots(t.ca.certPem())
                            .clientCertificate(
                                t.server.certPem(),
                                Pki.encryptedKeyPem(t.server, Fixtures.SECRET_PREFIX + "pw"))
                            .build()),
            InvalidArgumentException.class,
            FailureReason.INVALID_ARGUMENT,
            "encrypted private keys are not supported; use an unencrypted PKCS#8 PEM key"
                + " (-----BEGIN PRIVATE KEY-----)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void connectFailsFastAndTerminally(
      String name,
      Function<ConnectFailureTest, AetherClientOptions.Builder> f,
      Class<? extends AetherException> type,
      FailureReason reason,
      String message) {
    AtomicReference<@Nullable AgentClient> created = new AtomicReference<>();
    AtomicReference<String> address = new AtomicReference<>("");
    var thrown =
        assertThatThrownBy(
                () -> {
                  AetherClientOptions o = f.apply(this).build();
                  address.set(o.address());
                  try (AgentClient a = agent(o, "cf")) {
                    created.set(a);
                    a.connectBlocking();
                  }
                })
            .isExactlyInstanceOf(type)
            .satisfies(e -> assertThat(((AetherException) e).reason()).isEqualTo(reason))
            // transport failures are retryable in principle (a reconnect may work later), bad
            // material never is
            .satisfies(
                e ->
                    assertThat(((AetherException) e).isRecoverable())
                        .isEqualTo(type == ConnectionException.class))
            .satisfies(
                e ->
                    assertThat(Secrets.fullText(e))
                        .doesNotContain("PRIVATE KEY-----\nAAAA")
                        .doesNotContain(Fixtures.SECRET_PREFIX));
    String expected = message.replace("{addr}", address.get());
    if (expected.endsWith("...")) {
      thrown.hasMessageStartingWith(expected.substring(0, expected.length() - 3));
    } else {
      thrown.hasMessage(expected);
    }
    AgentClient a = created.get();
    if (a != null) {
      // an initial connect is not retried (retryInitialConnect=false): the client is closed, not
      // looping
      assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
    }
  }

  private static Arguments c(
      String name,
      Function<ConnectFailureTest, AetherClientOptions.Builder> f,
      Class<? extends AetherException> type,
      FailureReason reason,
      String message) {
    return Arguments.of(name, f, type, reason, message);
  }

  @Test
  void missingTrustRootsFile() {
    assertThatThrownBy(() -> TlsOptions.builder().trustRoots(Path.of("/nonexistent/ca.pem")))
        .isExactlyInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read /nonexistent/ca.pem");
  }
}
