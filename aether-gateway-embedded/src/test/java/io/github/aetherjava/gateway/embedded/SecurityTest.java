/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credentials policy, TLS / mTLS and the health service. */
class SecurityTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T track(T c) {
    open.add(c);
    return c;
  }

  private TestClient inProcessClient(EmbeddedAetherGateway gw) {
    ManagedChannel ch = InProcessChannelBuilder.forName(gw.inProcessName()).build();
    return track(TestClient.openOwning(ch));
  }

  // ---- API keys
  // ------------------------------------------------------------------------------------------------

  private EmbeddedAetherGateway apiKeyGateway() {
    return track(
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("sec-" + UUID.randomUUID())
            .credentialsPolicy(
                CredentialsPolicy.apiKeys(
                    ApiKey.of("agent-key", PrincipalType.PRINCIPAL_AGENT)
                        .forWorkspaces("prod", "team-*"),
                    ApiKey.of("alice-key", PrincipalType.PRINCIPAL_USER).forPrincipal("alice"),
                    ApiKey.of("svc-key", PrincipalType.PRINCIPAL_SERVICE)
                        .forPrincipal("sv::search::1")))
            .start());
  }

  private static InitConnection withKey(InitConnection init, String credential, String key) {
    return init.toBuilder().putCredentials(credential, key).build();
  }

  @Test
  void validKeysConnect() {
    EmbeddedAetherGateway gw = apiKeyGateway();
    inProcessClient(gw).connect(withKey(agent("prod", "impl", "a"), "x-api-key", "agent-key"));
    inProcessClient(gw).connect(withKey(agent("team-blue", "impl", "a"), "api_key", "agent-key"));
    inProcessClient(gw).connect(withKey(TestClient.user("alice", "t1"), "x-api-key", "alice-key"));
    inProcessClient(gw).connect(withKey(TestClient.service("search", "1"), "x-api-key", "svc-key"));
    // System principals never need a key.
    inProcessClient(gw).connect(TestClient.wfe());
    inProcessClient(gw).connect(TestClient.orchestrator("k8s", "1"));
    inProcessClient(gw).connect(TestClient.metricsBridge());
    assertThat(gw.connectedIdentities()).hasSize(7);
  }

  @Test
  void missingKeyIsUnauthenticatedForImpersonablePrincipals() {
    EmbeddedAetherGateway gw = apiKeyGateway();
    Status s = inProcessClient(gw).connectExpectingFailure(agent("prod", "impl", "a"));
    assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(s.getDescription())
        .isEqualTo("anonymous connection as Agent requires a matching API key credential");
    Status b = inProcessClient(gw).connectExpectingFailure(TestClient.bridge("slack", "1"));
    assertThat(b.getDescription())
        .isEqualTo("anonymous connection as Bridge requires a matching API key credential");
  }

  @Test
  void unknownKeyIsUnauthenticated() {
    Status s =
        inProcessClient(apiKeyGateway())
            .connectExpectingFailure(withKey(agent("prod", "impl", "a"), "x-api-key", "wrong"));
    assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(s.getDescription())
        .startsWith("credential authentication failed: invalid API key: ");
  }

  @Test
  void wrongPrincipalTypeIsPermissionDenied() {
    Status s =
        inProcessClient(apiKeyGateway())
            .connectExpectingFailure(
                withKey(TestClient.user("alice", "t1"), "x-api-key", "agent-key"));
    assertThat(s.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(s.getDescription())
        .isEqualTo("API key principal type mismatch: key=Agent, claimed=User");
  }

  @Test
  void wrongPrincipalIdIsPermissionDenied() {
    EmbeddedAetherGateway gw = apiKeyGateway();
    Status s =
        inProcessClient(gw)
            .connectExpectingFailure(
                withKey(TestClient.user("mallory", "t1"), "x-api-key", "alice-key"));
    assertThat(s.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(s.getDescription())
        .isEqualTo("API key principal id mismatch: key=alice, claimed=mallory");
    Status svc =
        inProcessClient(gw)
            .connectExpectingFailure(
                withKey(TestClient.service("search", "2"), "x-api-key", "svc-key"));
    assertThat(svc.getDescription())
        .isEqualTo("API key principal id mismatch: key=sv::search::1, claimed=sv::search::2");
  }

  @Test
  void wrongWorkspaceIsPermissionDenied() {
    Status s =
        inProcessClient(apiKeyGateway())
            .connectExpectingFailure(
                withKey(agent("staging", "impl", "a"), "x-api-key", "agent-key"));
    assertThat(s.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(s.getDescription()).isEqualTo("API key not authorized for workspace staging");
  }

  @Test
  void devPolicyAcceptsAnyCredentials() {
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .tcp(false)
                .inProcessName("dev-" + UUID.randomUUID())
                .start());
    inProcessClient(gw).connect(withKey(agent("prod", "impl", "a"), "x-api-key", "anything"));
    inProcessClient(gw).connect(withKey(agent("prod", "impl", "b"), "token", "whatever"));
  }

  // ---- TLS
  // ------------------------------------------------------------------------------------------------------

  private record Pki(
      String caPem,
      String serverCertPem,
      String serverKeyPem,
      String clientCertPem,
      String clientKeyPem) {}

  private static Pki pki() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    KeyPair ca = gen.generateKeyPair();
    X509Certificate caCert = cert("CN=test-ca", ca, "CN=test-ca", ca.getPrivate(), true, null);
    KeyPair server = gen.generateKeyPair();
    X509Certificate serverCert =
        cert("CN=localhost", server, "CN=test-ca", ca.getPrivate(), false, "localhost");
    KeyPair client = gen.generateKeyPair();
    X509Certificate clientCert =
        cert("CN=ag::prod::impl::a", client, "CN=test-ca", ca.getPrivate(), false, null);
    return new Pki(
        pem(caCert),
        pem(serverCert),
        pkcs8(server.getPrivate()),
        pem(clientCert),
        pkcs8(client.getPrivate()));
  }

  private static X509Certificate cert(
      String subject, KeyPair keys, String issuer, PrivateKey signer, boolean ca, String dns)
      throws Exception {
    Date from = new Date(System.currentTimeMillis() - 60_000);
    Date to = new Date(System.currentTimeMillis() + 3_600_000);
    var b =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(System.nanoTime()),
            from,
            to,
            new X500Name(subject),
            keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (dns != null) {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }

  private static String pem(Object o) throws Exception {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    }
    return w.toString();
  }

  private static String pkcs8(PrivateKey key) throws Exception {
    return pem(new JcaPKCS8Generator(key, null).generate());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private TestClient tlsClient(EmbeddedAetherGateway gw, ChannelCredentials creds) {
    ManagedChannel ch = Grpc.newChannelBuilderForAddress("localhost", gw.port(), creds).build();
    return track(TestClient.openOwning(ch));
  }

  @Test
  void tlsServesClientsThatTrustTheCa() throws Exception {
    Pki pki = pki();
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .tls(TlsConfig.of(bytes(pki.serverCertPem()), bytes(pki.serverKeyPem())))
                .start());
    ChannelCredentials creds =
        TlsChannelCredentials.newBuilder()
            .trustManager(new ByteArrayInputStream(bytes(pki.caPem())))
            .build();
    tlsClient(gw, creds).connect(TestClient.user("alice", "t1"));

    // A plaintext client cannot talk to the TLS port.
    ManagedChannel plain =
        Grpc.newChannelBuilderForAddress(
                "localhost", gw.port(), io.grpc.InsecureChannelCredentials.create())
            .build();
    track(plain::shutdownNow);
    var health =
        HealthGrpc.newBlockingStub(plain)
            .withDeadlineAfter(2, java.util.concurrent.TimeUnit.SECONDS);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> health.check(HealthCheckRequest.getDefaultInstance()))
        .isInstanceOf(io.grpc.StatusRuntimeException.class);
  }

  @Test
  void mtlsRequiresAClientCertificate() throws Exception {
    Pki pki = pki();
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .tls(
                    TlsConfig.of(bytes(pki.serverCertPem()), bytes(pki.serverKeyPem()))
                        .withClientAuth(bytes(pki.caPem()), TlsConfig.ClientAuth.REQUIRE))
                .start());
    ChannelCredentials withCert =
        TlsChannelCredentials.newBuilder()
            .trustManager(new ByteArrayInputStream(bytes(pki.caPem())))
            .keyManager(
                new ByteArrayInputStream(bytes(pki.clientCertPem())),
                new ByteArrayInputStream(bytes(pki.clientKeyPem())))
            .build();
    tlsClient(gw, withCert).connect(agent("prod", "impl", "a"));

    ChannelCredentials noCert =
        TlsChannelCredentials.newBuilder()
            .trustManager(new ByteArrayInputStream(bytes(pki.caPem())))
            .build();
    TestClient rejected = tlsClient(gw, noCert);
    rejected.send(
        io.github.aetherjava.proto.v1.UpstreamMessage.newBuilder()
            .setInit(TestClient.user("bob", "t1"))
            .build());
    assertThat(rejected.awaitClosed().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  // ---- health
  // ---------------------------------------------------------------------------------------------------

  @Test
  void healthServiceReportsServing() {
    EmbeddedAetherGateway gw =
        track(EmbeddedAetherGateway.builder().inProcessName("health-" + UUID.randomUUID()).start());
    for (ManagedChannel ch :
        List.of(
            InProcessChannelBuilder.forName(gw.inProcessName()).build(),
            Grpc.newChannelBuilder(gw.address(), io.grpc.InsecureChannelCredentials.create())
                .build())) {
      track(ch::shutdownNow);
      var health = HealthGrpc.newBlockingStub(ch);
      assertThat(health.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      assertThat(
              health
                  .check(
                      HealthCheckRequest.newBuilder().setService("aether.v1.AetherGateway").build())
                  .getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }
  }
}
