/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates generated in the test: a CA, leaf certificates it signs, PEM output. Nothing is read
 * from disk.
 */
final class Pki {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A certificate and its key, both as PEM. */
  record Issued(X509Certificate certificate, PrivateKey key, byte[] certPem, byte[] keyPem) {}

  private Pki() {}

  static Issued ca(String cn) {
    KeyPair kp = keyPair();
    Instant now = Instant.now();
    return sign(
        cn,
        kp,
        cn,
        kp.getPrivate(),
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)),
        true);
  }

  /** A server certificate for 127.0.0.1 / localhost, valid now. */
  static Issued server(Issued ca) {
    Instant now = Instant.now();
    return sign(
        "localhost",
        keyPair(),
        subject(ca),
        ca.key(),
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)),
        false);
  }

  /** A server certificate that expired yesterday. */
  static Issued expiredServer(Issued ca) {
    Instant now = Instant.now();
    return sign(
        "localhost",
        keyPair(),
        subject(ca),
        ca.key(),
        now.minus(Duration.ofDays(3)),
        now.minus(Duration.ofDays(1)),
        false);
  }

  static Issued client(Issued ca, String cn) {
    Instant now = Instant.now();
    return sign(
        cn,
        keyPair(),
        subject(ca),
        ca.key(),
        now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(1)),
        false);
  }

  static Issued expiredClient(Issued ca, String cn) {
    Instant now = Instant.now();
    return sign(
        cn,
        keyPair(),
        subject(ca),
        ca.key(),
        now.minus(Duration.ofDays(3)),
        now.minus(Duration.ofDays(1)),
        false);
  }

  /** The key of {@code issued} as an encrypted PKCS#8 PEM ("BEGIN ENCRYPTED PRIVATE KEY"). */
  static byte[] encryptedKeyPem(Issued issued, String password) {
    try {
      OutputEncryptor enc =
          new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
              .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
              .setRandom(RANDOM)
              .setPassword(password.toCharArray())
              .build();
      return pem(new JcaPKCS8Generator(issued.key(), enc));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(Issued ca) {
    return ca.certificate().getSubjectX500Principal().getName().replace("CN=", "");
  }

  private static Issued sign(
      String cn,
      KeyPair kp,
      String issuerCn,
      PrivateKey issuerKey,
      Instant from,
      Instant to,
      boolean isCa) {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=" + issuerCn),
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(from),
              Date.from(to),
              new X500Name("CN=" + cn),
              kp.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }));
      }
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
      return new Issued(
          cert, kp.getPrivate(), pem(cert), pem(new JcaPKCS8Generator(kp.getPrivate(), null)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test certificate", e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pem(Object o) {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      w.writeObject(o instanceof JcaPKCS8Generator g ? g.generate() : o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
