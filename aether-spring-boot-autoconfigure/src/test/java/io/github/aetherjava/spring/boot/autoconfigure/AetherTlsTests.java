/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.TlsConfig;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Mutual TLS to a real gateway, configured with PEM locations or with an SSL bundle. */
class AetherTlsTests {

  // Seeded: the platform default can block on entropy in containers.
  private static final SecureRandom RANDOM = seeded();

  @TempDir Path dir;

  private EmbeddedAetherGateway gateway;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(SslAutoConfiguration.class, AetherAutoConfiguration.class))
          .withPropertyValues(
              "aether.agent.workspace=prod",
              "aether.agent.implementation=impl",
              "aether.agent.specifier=tls",
              "aether.fail-fast=true",
              "aether.connect-timeout=10s");

  @BeforeEach
  void startGateway() throws Exception {
    KeyPair caKeys = keyPair();
    X509Certificate ca = certificate("aether-test-ca", caKeys, null, caKeys.getPrivate(), true);
    KeyPair serverKeys = keyPair();
    X509Certificate server = certificate("gateway", serverKeys, ca, caKeys.getPrivate(), false);
    KeyPair clientKeys = keyPair();
    X509Certificate client = certificate("client", clientKeys, ca, caKeys.getPrivate(), false);
    Files.write(this.dir.resolve("ca.pem"), pem(ca));
    Files.write(this.dir.resolve("client.pem"), pem(client));
    Files.write(
        this.dir.resolve("client-key.pem"),
        pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)));
    this.gateway =
        EmbeddedAetherGateway.builder()
            .port(0)
            .tls(
                TlsConfig.of(pem(server), pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)))
                    .withClientAuth(pem(ca), TlsConfig.ClientAuth.REQUIRE))
            .start();
  }

  @AfterEach
  void stopGateway() {
    this.gateway.close();
  }

  @Test
  void pemLocations() {
    this.runner
        .withPropertyValues(
            "aether.address=" + this.gateway.address(),
            "aether.tls.trust-certificates=" + location("ca.pem"),
            "aether.tls.certificate=" + location("client.pem"),
            "aether.tls.private-key=" + location("client-key.pem"))
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(AgentClient.class).state())
                  .isEqualTo(ConnectionState.READY);
            });
  }

  @Test
  void sslBundle() {
    this.runner
        .withPropertyValues(
            "aether.address=" + this.gateway.address(),
            "aether.tls.bundle=aether",
            "spring.ssl.bundle.pem.aether.truststore.certificate=" + location("ca.pem"),
            "spring.ssl.bundle.pem.aether.keystore.certificate=" + location("client.pem"),
            "spring.ssl.bundle.pem.aether.keystore.private-key=" + location("client-key.pem"))
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(AgentClient.class).state())
                  .isEqualTo(ConnectionState.READY);
            });
  }

  @Test
  void unknownBundleNamesTheProperty() {
    this.runner
        .withPropertyValues("aether.address=" + this.gateway.address(), "aether.tls.bundle=missing")
        .run(
            (context) ->
                assertThat(new AetherFailureAnalyzer().analyze(context.getStartupFailure()))
                    .satisfies(
                        (analysis) ->
                            assertThat(analysis.getDescription())
                                .contains("aether.tls.bundle")
                                .contains("missing")));
  }

  @Test
  void bundleAndPemTogetherAreRejected() {
    this.runner
        .withPropertyValues(
            "aether.address=" + this.gateway.address(),
            "aether.tls.bundle=aether",
            "aether.tls.trust-certificates=" + location("ca.pem"))
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("tls.bundle"));
  }

  private String location(String name) {
    return "file:" + this.dir.resolve(name).toAbsolutePath();
  }

  private static SecureRandom seeded() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(System.nanoTime());
      return random;
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256, RANDOM);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      String cn, KeyPair keys, X509Certificate issuer, PrivateKey signer, boolean ca)
      throws Exception {
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + cn);
    X500Name issuerName =
        (issuer != null) ? new X500Name(issuer.getSubjectX500Principal().getName()) : subject;
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            BigInteger.valueOf(RANDOM.nextInt(Integer.MAX_VALUE)),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            subject,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (!ca) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setSecureRandom(RANDOM)
                    .build(signer)));
  }

  private static byte[] pem(Object object) throws Exception {
    StringWriter writer = new StringWriter();
    try (JcaPEMWriter pemWriter = new JcaPEMWriter(writer)) {
      pemWriter.writeObject(object);
    }
    return writer.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
