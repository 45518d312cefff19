/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private final AetherClientOptions opts = AetherClientOptions.forAddress("localhost:50051");

  @Test
  void defaults() {
    AetherClientOptions o = AetherClientOptions.builder().build();
    assertThat(o.address()).isEqualTo("localhost:50051");
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.keepAliveTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.keepAliveWithoutCalls()).isTrue();
    assertThat(o.maxInboundMessageBytes()).isEqualTo(16 * 1024 * 1024);
    assertThat(o.maxPayloadBytes()).isEqualTo(1024 * 1024);
    assertThat(o.overflowPolicy()).isEqualTo(OverflowPolicy.FAIL);
    assertThat(o.tls()).isNull();
    assertThat(o.toBuilder().build().toString()).isEqualTo(o.toString());
  }

  @Test
  void rejectsInvalidValues() {
    assertThatThrownBy(() -> AetherClientOptions.builder().address("nohost").build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> AetherClientOptions.builder().address("h:99999").build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> AetherClientOptions.builder().address("in-process:").build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(
            () -> AetherClientOptions.builder().keepAliveTime(Duration.ofSeconds(5)).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("too_many_pings");
    assertThatThrownBy(() -> AetherClientOptions.builder().requestTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> AetherClientOptions.builder().maxPayloadBytes(5 * 1024 * 1024).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.builder().jitter(1.5).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.builder().multiplier(0.5).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.builder().maxDelay(Duration.ofMillis(1)).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(AetherClientOptions.builder().address("[::1]:50051").build().address())
        .isEqualTo("[::1]:50051");
    assertThat(AetherClientOptions.builder().address("in-process:gw").build().address())
        .isEqualTo("in-process:gw");
  }

  @Test
  void clientBuildersValidateIdentifiers() {
    assertThatThrownBy(
            () -> AgentClient.builder(opts).workspace("prod").implementation("w").build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("specifier");
    assertThatThrownBy(
            () ->
                AgentClient.builder(opts)
                    .workspace("a::b")
                    .implementation("w")
                    .specifier("1")
                    .build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> UserClient.builder(opts).userId("alice").build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("windowId");
    assertThatThrownBy(() -> OrchestratorClient.builder(opts).implementation("k8s").build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("profile");
    assertThatThrownBy(() -> BridgeClient.builder(opts).implementation("slack").build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ServiceClient.builder(opts).specifier("1").build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> TaskClient.builder(opts).workspace("w").build())
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void identitiesAndTopics() {
    assertThat(
            AgentClient.builder(opts)
                .workspace("prod")
                .implementation("w")
                .specifier("1")
                .build()
                .identity())
        .isEqualTo("ag::prod::w::1");
    TaskClient unique =
        TaskClient.builder(opts).workspace("prod").implementation("r").uniqueSpecifier("d").build();
    assertThat(unique.identity()).isEqualTo("tu::prod::r::d");
    TaskClient pool = TaskClient.builder(opts).workspace("prod").implementation("r").build();
    assertThat(pool.isUnique()).isFalse();
    assertThat(pool.topic()).isEqualTo("tb::prod::r");
    assertThat(UserClient.builder(opts).userId("alice").windowId("tab-1").build().identity())
        .isEqualTo("us::alice::tab-1");
    OrchestratorClient orc =
        OrchestratorClient.builder(opts).implementation("k8s").supportedProfiles("default").build();
    assertThat(orc.specifier()).hasSize(8);
    assertThat(orc.identity()).isEqualTo("orc::k8s::" + orc.specifier());
    assertThat(WorkflowEngineClient.builder(opts).build().identity()).isEqualTo("wfe::shard0");
    assertThat(MetricsBridgeClient.builder(opts).build().identity()).isEqualTo("metrics::shard0");
    assertThat(BridgeClient.builder(opts).implementation("slack").specifier("1").build().topic())
        .isEqualTo("br::slack::1");
    ServiceClient sv =
        ServiceClient.builder(opts)
            .implementation("search")
            .specifier("1")
            .noPoolConsumer(true)
            .build();
    assertThat(sv.topic()).isEqualTo("sv::search::1");
    assertThat(sv.noPoolConsumer()).isTrue();
    assertThat(sv.kind()).isEqualTo(PrincipalKind.SERVICE);
    assertThat(sv.state()).isEqualTo(ConnectionState.IDLE);
  }

  @Test
  void credentialsUseTheExactKeysAndNeverPrintValues() {
    assertThat(Credentials.apiKey("k1").asMap()).isEqualTo(Map.of("x-api-key", "k1"));
    assertThat(Credentials.bearerToken("t1").asMap())
        .isEqualTo(Map.of("authorization", "Bearer t1"));
    assertThat(Credentials.taskToken("tt").asMap()).isEqualTo(Map.of("token", "tt"));
    assertThat(Credentials.tenant("acme").asMap()).isEqualTo(Map.of("x-tenant-id", "acme"));
    Credentials both = Credentials.apiKey("super-secret-key").and(Credentials.tenant("acme"));
    assertThat(both.asMap())
        .containsEntry("x-api-key", "super-secret-key")
        .containsEntry("x-tenant-id", "acme");
    assertThat(both.toString())
        .doesNotContain("super-secret-key")
        .doesNotContain("acme")
        .contains("x-api-key=****");
    AetherClientOptions o = AetherClientOptions.builder().credentials(both).build();
    assertThat(o.toString()).doesNotContain("super-secret-key");
    AgentClient a =
        AgentClient.builder(o).workspace("p").implementation("i").specifier("s").build();
    assertThat(a.toString()).doesNotContain("super-secret-key");
    assertThatThrownBy(() -> Credentials.apiKey("")).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void tlsOptionsNeedCertAndKeyTogetherAndHideTheKey() {
    io.github.aetherjava.client.testing.TestCerts.Pem ca =
        io.github.aetherjava.client.testing.TestCerts.Shared.CA;
    io.github.aetherjava.client.testing.TestCerts.Pem client =
        io.github.aetherjava.client.testing.TestCerts.Shared.CLIENT;
    TlsOptions tls =
        TlsOptions.builder()
            .trustRoots(ca.certificate())
            .clientCertificate(client.certificate(), client.privateKey())
            .serverNameOverride("gw")
            .build();
    assertThat(tls.isMutual()).isTrue();
    String keyText = new String(client.privateKey(), StandardCharsets.US_ASCII);
    assertThat(tls.toString()).doesNotContain(keyText.substring(30, 60));
    assertThat(tls.toBuilder().build().serverNameOverride()).isEqualTo("gw");
  }

  @Test
  void invalidTlsMaterialFailsAtBuildTimeWithoutQuotingIt() {
    byte[] garbage =
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TlsOptions.builder().trustRoots(garbage).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("trust roots")
        .hasMessageNotContaining("bm90IGEgY2VydA");
    byte[] cert = io.github.aetherjava.client.testing.TestCerts.Shared.CLIENT.certificate();
    byte[] encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END ENCRYPTED PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TlsOptions.builder().clientCertificate(cert, encrypted).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("encrypted")
        .hasMessageNotContaining("c2VjcmV0");
    byte[] bogusKey =
        "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TlsOptions.builder().clientCertificate(cert, bogusKey).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("PKCS#8")
        .hasMessageNotContaining("c2VjcmV0");
    assertThatThrownBy(() -> TlsOptions.builder().clientCertificate(cert, cert).build())
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void tlsMaterialCanComeFromFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path ca =
        java.nio.file.Files.write(
            dir.resolve("ca.pem"),
            io.github.aetherjava.client.testing.TestCerts.Shared.CA.certificate());
    java.nio.file.Path cert =
        java.nio.file.Files.write(
            dir.resolve("client.pem"),
            io.github.aetherjava.client.testing.TestCerts.Shared.CLIENT.certificate());
    java.nio.file.Path key =
        java.nio.file.Files.write(
            dir.resolve("client-key.pem"),
            io.github.aetherjava.client.testing.TestCerts.Shared.CLIENT.privateKey());
    TlsOptions tls = TlsOptions.builder().trustRoots(ca).clientCertificate(cert, key).build();
    assertThat(tls.trustRootsPem())
        .isEqualTo(io.github.aetherjava.client.testing.TestCerts.Shared.CA.certificate());
    assertThat(tls.isMutual()).isTrue();
    assertThatThrownBy(() -> TlsOptions.builder().trustRoots(dir.resolve("missing.pem")))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void metricsBuilderChecksWhatTheGatewayChecks() {
    Metrics m =
        Metrics.builder().traceId("t").add("tokens", "counter", 3).tag("model", "x").build();
    assertThat(Metrics.fromProto(m.toProto()).entries())
        .containsExactly(new Metrics.Entry("tokens", "counter", 3));
    assertThatThrownBy(() -> Metrics.builder().build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Metrics.builder().add("", "c", 1))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Metrics.builder().add("x", "c", Double.NaN))
        .isInstanceOf(InvalidArgumentException.class);
  }
}
