/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.AuthenticationException;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.TlsOptions;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.TlsConfig;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS and mTLS end to end with certificates generated here (CA, server, client): success, wrong CA,
 * expired certificates, missing client certificate when one is required. The private keys must not
 * leak into errors.
 */
@Order(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

  Pki.Issued ca;
  Pki.Issued otherCa;
  Pki.Issued server;
  Pki.Issued client;
  EmbeddedAetherGateway tls;
  EmbeddedAetherGateway tlsExpired;
  EmbeddedAetherGateway mtls;

  @BeforeAll
  void start() {
    ca = Pki.ca("reliability-ca");
    otherCa = Pki.ca("someone-else-ca");
    server = Pki.server(ca);
    client = Pki.client(ca, "ag::rel::rel::tls");
    Pki.Issued expired = Pki.expiredServer(ca);
    tls =
        EmbeddedAetherGateway.builder()
            .tls(TlsConfig.of(server.certPem(), server.keyPem()))
            .start();
    tlsExpired =
        EmbeddedAetherGateway.builder()
            .tls(TlsConfig.of(expired.certPem(), expired.keyPem()))
            .start();
    mtls =
        EmbeddedAetherGateway.builder()
            .tls(
                TlsConfig.of(server.certPem(), server.keyPem())
                    .withClientAuth(ca.certPem(), TlsConfig.ClientAuth.REQUIRE))
            .start();
  }

  @AfterAll
  void stop() {
    tls.close();
    tlsExpired.close();
    mtls.close();
  }

  AetherClientOptions.Builder base(EmbeddedAetherGateway gw) {
    return AetherClientOptions.builder()
        .address(gw.address())
        .connectTimeout(Duration.ofSeconds(10))
        .reconnect(ReconnectPolicy.defaults());
  }

  /** name, options, expected failure message prefix (null = connects). */
  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "TLS, trusted CA",
            t -> t.base(t.tls).tls(TlsOptions.builder().trustRoots(t.ca.certPem()).build()),
            null),
        c(
            "TLS, wrong CA",
            t -> t.base(t.tls).tls(TlsOptions.builder().trustRoots(t.otherCa.certPem()).build()),
            "TLS handshake with {addr} failed: SunCertPathBuilderException: unable to find valid"
                + " certification path to requested target; the gateway's certificate is not"
                + " accepted"),
        c(
            "TLS, expired server certificate",
            t -> t.base(t.tlsExpired).tls(TlsOptions.builder().trustRoots(t.ca.certPem()).build()),
            "TLS handshake with {addr} failed: CertificateExpiredException: NotAfter: "),
        c(
            "TLS, server name does not match",
            t ->
                t.base(t.tls)
                    .tls(
                        TlsOptions.builder()
                            .trustRoots(t.ca.certPem())
                            .serverNameOverride("gateway.example.com")
                            .build()),
            "TLS handshake with {addr} failed: CertificateException: No subject alternative DNS name"
                + " matching gateway.example.com found.; the gateway's certificate is not accepted"),
        c(
            "mTLS, valid client certificate",
            t ->
                t.base(t.mtls)
                    .tls(
                        TlsOptions.builder()
                            .trustRoots(t.ca.certPem())
                            .clientCertificate(t.client.certPem(), t.client.keyPem())
                            .build()),
            null),
        c(
            "mTLS, no client certificate",
            t -> t.base(t.mtls).tls(TlsOptions.builder().trustRoots(t.ca.certPem()).build()),
            "TLS handshake with {addr} failed: OpenSslException: error:1000045c:SSL"
                + " routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED; the gateway refused"
                + " this client's certificate"),
        c(
            "mTLS, expired client certificate",
            t -> {
              Pki.Issued expired = Pki.expiredClient(t.ca, "ag::rel::rel::tls");
              return t.base(t.mtls)
                  .tls(
                      TlsOptions.builder()
                          .trustRoots(t.ca.certPem())
                          .clientCertificate(expired.certPem(), expired.keyPem())
                          .build());
            },
            "TLS handshake with {addr} failed: OpenSslException: error:10000415:SSL"
                + " routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_EXPIRED; the gateway refused"
                + " this client's certificate"),
        c(
            "mTLS, client certificate from another CA",
            t -> {
              Pki.Issued foreign = Pki.client(t.otherCa, "ag::rel::rel::tls");
              return t.base(t.mtls)
                  .tls(
                      TlsOptions.builder()
                          .trustRoots(t.ca.certPem())
                          .clientCertificate(foreign.certPem(), foreign.keyPem())
                          .build());
              // the server only asks for certificates of its CA, so the client presents none
            },
            "TLS handshake with {addr} failed: OpenSslException: error:1000045c:SSL"
                + " routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED; the gateway refused"
                + " this client's certificate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tlsOutcome(
      String name, Function<TlsTest, AetherClientOptions.Builder> f, @Nullable String failure) {
    try (AgentClient a = agent(f.apply(this).build(), "tls")) {
      if (failure == null) {
        ConnectionInfo ci = a.connectBlocking();
        assertThat(ci.sessionId()).isNotEmpty();
        assertThat(a.state()).isEqualTo(ConnectionState.READY);
        return;
      }
      assertThatThrownBy(a::connectBlocking)
          .isExactlyInstanceOf(AuthenticationException.class)
          .hasMessageStartingWith(failure.replace("{addr}", a.options().address()))
          .satisfies(e -> assertThat(((AetherException) e).isRecoverable()).isFalse())
          .satisfies(
              e ->
                  assertThat(Secrets.fullText(e))
                      .doesNotContain("PRIVATE KEY")
                      .doesNotContain(Secrets.pemBody(client.keyPem())));
      assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
    }
  }

  private static Arguments c(
      String name, Function<TlsTest, AetherClientOptions.Builder> f, @Nullable String failure) {
    return Arguments.of(name, f, failure);
  }
}
