/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * TLS (and mTLS) settings. Absent options mean plaintext. Without trust roots the JVM's default
 * trust store is used. PEM material is given as bytes or files; the private key never appears in
 * {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class TlsOptions {

  private final byte @Nullable [] trustRootsPem;
  private final byte @Nullable [] clientCertChainPem;
  private final byte @Nullable [] clientPrivateKeyPem;
  private final @Nullable String serverNameOverride;

  private TlsOptions(Builder b) {
    this.trustRootsPem = b.trustRootsPem;
    this.clientCertChainPem = b.clientCertChainPem;
    this.clientPrivateKeyPem = b.clientPrivateKeyPem;
    this.serverNameOverride = b.serverNameOverride;
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return TLS with the JVM's default trust store and no client certificate
   */
  public static TlsOptions systemDefault() {
    return builder().build();
  }

  /**
   * @return a builder initialised from this object
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.trustRootsPem = trustRootsPem;
    b.clientCertChainPem = clientCertChainPem;
    b.clientPrivateKeyPem = clientPrivateKeyPem;
    b.serverNameOverride = serverNameOverride;
    return b;
  }

  /**
   * @return PEM trust roots, or null for the JVM defaults
   */
  public byte @Nullable [] trustRootsPem() {
    return trustRootsPem == null ? null : trustRootsPem.clone();
  }

  /**
   * @return PEM client certificate chain for mTLS, or null
   */
  public byte @Nullable [] clientCertChainPem() {
    return clientCertChainPem == null ? null : clientCertChainPem.clone();
  }

  /**
   * @return PEM client private key (PKCS#8) for mTLS, or null
   */
  public byte @Nullable [] clientPrivateKeyPem() {
    return clientPrivateKeyPem == null ? null : clientPrivateKeyPem.clone();
  }

  /**
   * @return host name to verify the server certificate against instead of the address host, or null
   */
  public @Nullable String serverNameOverride() {
    return serverNameOverride;
  }

  /**
   * @return true if a client certificate is configured
   */
  public boolean isMutual() {
    return clientCertChainPem != null;
  }

  @Override
  public String toString() {
    return "TlsOptions[customTrustRoots="
        + (trustRootsPem != null)
        + ", mutual="
        + isMutual()
        + ", serverNameOverride="
        + serverNameOverride
        + "]";
  }

  /** Builder for {@link TlsOptions}. */
  public static final class Builder {
    private byte @Nullable [] trustRootsPem;
    private byte @Nullable [] clientCertChainPem;
    private byte @Nullable [] clientPrivateKeyPem;
    private @Nullable String serverNameOverride;

    private Builder() {}

    /**
     * @param pem PEM-encoded CA certificates to trust
     * @return this
     */
    public Builder trustRoots(byte[] pem) {
      this.trustRootsPem = Arguments.notNull(pem, "pem").clone();
      return this;
    }

    /**
     * @param pemFile file with PEM-encoded CA certificates
     * @return this
     */
    public Builder trustRoots(Path pemFile) {
      return trustRoots(read(pemFile));
    }

    /**
     * Client certificate for mTLS.
     *
     * @param certChainPem PEM certificate chain
     * @param privateKeyPem PEM private key (PKCS#8)
     * @return this
     */
    public Builder clientCertificate(byte[] certChainPem, byte[] privateKeyPem) {
      this.clientCertChainPem = Arguments.notNull(certChainPem, "certChainPem").clone();
      this.clientPrivateKeyPem = Arguments.notNull(privateKeyPem, "privateKeyPem").clone();
      return this;
    }

    /**
     * Client certificate for mTLS, from files.
     *
     * @param certChainPemFile PEM certificate chain file
     * @param privateKeyPemFile PEM private key file (PKCS#8)
     * @return this
     */
    public Builder clientCertificate(Path certChainPemFile, Path privateKeyPemFile) {
      return clientCertificate(read(certChainPemFile), read(privateKeyPemFile));
    }

    /**
     * @param serverName name to verify the server certificate against (and to send as authority)
     * @return this
     */
    public Builder serverNameOverride(@Nullable String serverName) {
      this.serverNameOverride = serverName;
      return this;
    }

    /**
     * @return the options
     */
    public TlsOptions build() {
      if ((clientCertChainPem == null) != (clientPrivateKeyPem == null)) {
        throw new InvalidArgumentException(
            "mTLS needs both a client certificate chain and a private key");
      }
      if (trustRootsPem != null) {
        checkCertificates(trustRootsPem, "trust roots");
      }
      if (clientCertChainPem != null && clientPrivateKeyPem != null) {
        checkCertificates(clientCertChainPem, "client certificate chain");
        checkPrivateKey(clientPrivateKeyPem);
      }
      return new TlsOptions(this);
    }

    // Fail at build time with a clear message (never quoting the PEM text) rather than later as an
    // opaque
    // channel-creation error.
    private static void checkCertificates(byte[] pem, String what) {
      try {
        if (CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem))
            .isEmpty()) {
          throw new InvalidArgumentException(what + " contain no PEM certificate");
        }
      } catch (CertificateException e) {
        throw new InvalidArgumentException(what + " are not valid PEM X.509 certificates");
      }
    }

    private static void checkPrivateKey(byte[] pem) {
      String text = new String(pem, StandardCharsets.US_ASCII);
      if (text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
        throw new InvalidArgumentException(
            "encrypted private keys are not supported; use an unencrypted"
                + " PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)");
      }
      int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
      int end = text.indexOf("-----END PRIVATE KEY-----");
      if (begin < 0 || end < begin) {
        throw new InvalidArgumentException(
            "the client private key must be an unencrypted PKCS#8 PEM key"
                + " (-----BEGIN PRIVATE KEY-----); convert PKCS#1 keys with 'openssl pkcs8 -topk8 -nocrypt'");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentException("the client private key is not valid base64 PEM");
      }
      for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "EdDSA"}) {
        try {
          KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
          return;
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | RuntimeException e) {
          // try the next algorithm
        }
      }
      throw new InvalidArgumentException(
          "the client private key is not a readable PKCS#8 RSA, EC or EdDSA key");
    }

    private static byte[] read(Path p) {
      try {
        return Files.readAllBytes(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    }
  }
}
