/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link AetherConnectionDetails} backed by {@link AetherProperties}.
 *
 * @since 0.1.0
 */
public class PropertiesAetherConnectionDetails implements AetherConnectionDetails {

  private final AetherProperties properties;

  private final ResourceLoader resourceLoader;

  private final @Nullable SslBundles sslBundles;

  /**
   * Create a new instance.
   *
   * @param properties the Aether properties
   * @param resourceLoader loader for PEM locations
   * @param sslBundles the SSL bundles, if available
   */
  public PropertiesAetherConnectionDetails(
      AetherProperties properties, ResourceLoader resourceLoader, @Nullable SslBundles sslBundles) {
    this.properties = properties;
    this.resourceLoader = resourceLoader;
    this.sslBundles = sslBundles;
  }

  @Override
  public String getAddress() {
    String address = this.properties.getAddress();
    return (address != null) ? address : AetherClientOptions.DEFAULT_ADDRESS;
  }

  @Override
  public Credentials getCredentials() {
    AetherProperties.Credentials credentials = this.properties.getCredentials();
    Credentials result = Credentials.none();
    if (credentials.getApiKey() != null) {
      result = result.and(Credentials.apiKey(credentials.getApiKey()));
    }
    if (credentials.getToken() != null) {
      result = result.and(Credentials.bearerToken(credentials.getToken()));
    }
    if (credentials.getTaskToken() != null) {
      result = result.and(Credentials.taskToken(credentials.getTaskToken()));
    }
    if (credentials.getTenant() != null) {
      result = result.and(Credentials.tenant(credentials.getTenant()));
    }
    return result;
  }

  @Override
  public @Nullable TlsOptions getTls() {
    AetherProperties.Tls tls = this.properties.getTls();
    if (!tls.isActive()) {
      return null;
    }
    TlsOptions.Builder builder =
        (tls.getBundle() != null) ? fromBundle(tls.getBundle()) : fromPem(tls);
    builder.serverNameOverride(tls.getServerName());
    return builder.build();
  }

  private TlsOptions.Builder fromPem(AetherProperties.Tls tls) {
    TlsOptions.Builder builder = TlsOptions.builder();
    if (tls.getTrustCertificates() != null) {
      builder.trustRoots(read("aether.tls.trust-certificates", tls.getTrustCertificates()));
    }
    if (tls.getCertificate() != null && tls.getPrivateKey() != null) {
      builder.clientCertificate(
          read("aether.tls.certificate", tls.getCertificate()),
          read("aether.tls.private-key", tls.getPrivateKey()));
    }
    return builder;
  }

  private byte[] read(String property, String location) {
    Resource resource = this.resourceLoader.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException ex) {
      throw new InvalidAetherConfigurationException(property, "cannot read '" + location + "'", ex);
    }
  }

  private TlsOptions.Builder fromBundle(String name) {
    if (this.sslBundles == null) {
      throw new InvalidAetherConfigurationException(
          "aether.tls.bundle", "SSL bundles are not available", null);
    }
    SslBundle bundle;
    try {
      bundle = this.sslBundles.getBundle(name);
    } catch (NoSuchSslBundleException ex) {
      throw new InvalidAetherConfigurationException(
          "aether.tls.bundle", "no SSL bundle named '" + name + "'", ex);
    }
    // The client takes PEM, so the bundle's key and trust stores are re-encoded.
    try {
      TlsOptions.Builder builder = TlsOptions.builder();
      KeyStore trustStore = bundle.getStores().getTrustStore();
      if (trustStore != null) {
        builder.trustRoots(trustCertificatesPem(trustStore));
      }
      KeyStore keyStore = bundle.getStores().getKeyStore();
      if (keyStore != null) {
        String alias =
            (bundle.getKey().getAlias() != null)
                ? bundle.getKey().getAlias()
                : firstKeyAlias(keyStore);
        String password = bundle.getKey().getPassword();
        if (password == null) {
          password = bundle.getStores().getKeyStorePassword();
        }
        Key key = keyStore.getKey(alias, (password != null) ? password.toCharArray() : new char[0]);
        Certificate[] chain = keyStore.getCertificateChain(alias);
        if (!(key instanceof PrivateKey) || chain == null) {
          throw new InvalidAetherConfigurationException(
              "aether.tls.bundle",
              "key store of bundle '" + name + "' has no private key entry '" + alias + "'",
              null);
        }
        builder.clientCertificate(pem("CERTIFICATE", chain), pem("PRIVATE KEY", key.getEncoded()));
      }
      return builder;
    } catch (GeneralSecurityException ex) {
      throw new InvalidAetherConfigurationException(
          "aether.tls.bundle", "cannot read SSL bundle '" + name + "': " + ex.getMessage(), ex);
    }
  }

  private static String firstKeyAlias(KeyStore keyStore) throws GeneralSecurityException {
    for (String alias : Collections.list(keyStore.aliases())) {
      if (keyStore.isKeyEntry(alias)) {
        return alias;
      }
    }
    throw new GeneralSecurityException("no key entry in key store");
  }

  private static byte[] trustCertificatesPem(KeyStore trustStore) throws GeneralSecurityException {
    List<Certificate> certificates = new ArrayList<>();
    for (String alias : Collections.list(trustStore.aliases())) {
      Certificate certificate = trustStore.getCertificate(alias);
      if (certificate != null) {
        certificates.add(certificate);
      }
    }
    return pem("CERTIFICATE", certificates.toArray(new Certificate[0]));
  }

  private static byte[] pem(String type, Certificate[] certificates)
      throws GeneralSecurityException {
    StringBuilder out = new StringBuilder();
    for (Certificate certificate : certificates) {
      out.append(new String(pem(type, certificate.getEncoded()), StandardCharsets.US_ASCII));
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
