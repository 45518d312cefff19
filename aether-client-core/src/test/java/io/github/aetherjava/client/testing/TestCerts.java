/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates a throw-away CA, server and client certificates (PEM) for TLS tests. */
public final class TestCerts {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A certificate and its PKCS#8 private key, PEM encoded. */
  public record Pem(byte[] certificate, byte[] privateKey, X509Certificate x509, PrivateKey key) {}

  private TestCerts() {}

  /**
   * One CA with a server certificate (localhost, 127.0.0.1, gateway.test) and a client certificate,
   * built once per JVM because the first key generation is slow.
   */
  public static final class Shared {
    public static final Pem CA = ca("aether-test-ca");
    public static final Pem SERVER =
        leaf(CA, "gateway.test", "gateway.test", "localhost", "127.0.0.1");
    public static final Pem CLIENT = leaf(CA, "ag::prod::worker::mtls");

    private Shared() {}
  }

  /**
   * @return a self-signed CA
   */
  public static Pem ca(String cn) {
    try {
      KeyPair kp = keyPair();
      X509v3CertificateBuilder b = builder(new X500Name("CN=" + cn), new X500Name("CN=" + cn), kp);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate cert = sign(b, kp.getPrivate());
      return new Pem(pem(cert), pkcs8(kp.getPrivate()), cert, kp.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param ca issuing CA
   * @param cn common name
   * @param dnsNames subject alternative DNS names (and "127.0.0.1" as IP when given)
   * @return a leaf certificate signed by the CA
   */
  public static Pem leaf(Pem ca, String cn, String... dnsNames) {
    try {
      KeyPair kp = keyPair();
      X509v3CertificateBuilder b =
          builder(
              new X500Name(ca.x509().getSubjectX500Principal().getName()),
              new X500Name("CN=" + cn),
              kp);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      if (dnsNames.length > 0) {
        GeneralName[] names = new GeneralName[dnsNames.length];
        for (int i = 0; i < dnsNames.length; i++) {
          names[i] =
              dnsNames[i].matches("[0-9.]+")
                  ? new GeneralName(GeneralName.iPAddress, dnsNames[i])
                  : new GeneralName(GeneralName.dNSName, dnsNames[i]);
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      X509Certificate cert = sign(b, ca.key());
      return new Pem(pem(cert), pkcs8(kp.getPrivate()), cert, kp.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // a seeded PRNG: the platform default can block on entropy in containers, which made key
  // generation take
  // several seconds
  private static final SecureRandom RANDOM = seeded();

  private static SecureRandom seeded() {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(System.nanoTime());
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256, RANDOM);
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        kp.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(
                new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(RANDOM).build(key)));
  }

  private static byte[] pem(Object o) throws Exception {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    }
    return w.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] pkcs8(PrivateKey key) throws Exception {
    return pem(new JcaPKCS8Generator(key, null).generate());
  }
}
