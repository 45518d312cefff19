/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS settings for the TCP transport: the server certificate chain and PKCS#8 private key (PEM),
 * and optionally the CAs trusted for client certificates plus whether a client certificate is
 * required (mTLS).
 */
public final class TlsConfig {

  /** Whether clients must present a certificate. */
  public enum ClientAuth {
    /** Client certificates are not requested. */
    NONE,
    /** Client certificates are requested and verified if presented. */
    OPTIONAL,
    /** A client certificate signed by a trusted CA is required (mTLS). */
    REQUIRE
  }

  private final byte[] certificateChain;
  private final byte[] privateKey;
  private final byte @Nullable [] clientCa;
  private final ClientAuth clientAuth;

  private TlsConfig(
      byte[] certificateChain,
      byte[] privateKey,
      byte @Nullable [] clientCa,
      ClientAuth clientAuth) {
    this.certificateChain = certificateChain.clone();
    this.privateKey = privateKey.clone();
    this.clientCa = clientCa == null ? null : clientCa.clone();
    this.clientAuth = clientAuth;
  }

  /** Server TLS from PEM bytes (certificate chain, PKCS#8 key). */
  public static TlsConfig of(byte[] certificateChainPem, byte[] privateKeyPem) {
    Objects.requireNonNull(certificateChainPem, "certificateChainPem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    return new TlsConfig(certificateChainPem, privateKeyPem, null, ClientAuth.NONE);
  }

  /** Server TLS from PEM files (certificate chain, PKCS#8 key). */
  public static TlsConfig of(Path certificateChainPem, Path privateKeyPem) {
    return of(read(certificateChainPem), read(privateKeyPem));
  }

  /** Also trusts client certificates issued by {@code caPem}, with the given requirement. */
  public TlsConfig withClientAuth(byte[] caPem, ClientAuth auth) {
    Objects.requireNonNull(caPem, "caPem");
    Objects.requireNonNull(auth, "auth");
    return new TlsConfig(certificateChain, privateKey, caPem, auth);
  }

  /** {@link #withClientAuth(byte[], ClientAuth)} reading the CA bundle from a file. */
  public TlsConfig withClientAuth(Path caPem, ClientAuth auth) {
    return withClientAuth(read(caPem), auth);
  }

  /** PEM certificate chain. */
  public byte[] certificateChain() {
    return certificateChain.clone();
  }

  /** PEM PKCS#8 private key. */
  public byte[] privateKey() {
    return privateKey.clone();
  }

  /** PEM CA bundle for client certificates, or null if none is configured. */
  public byte @Nullable [] clientCa() {
    return clientCa == null ? null : clientCa.clone();
  }

  /** Client certificate requirement. */
  public ClientAuth clientAuth() {
    return clientAuth;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLS file " + p, e);
    }
  }

  @Override
  public String toString() {
    return "TlsConfig[clientAuth=" + clientAuth + "]";
  }
}
