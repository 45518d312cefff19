/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.AuthenticationException;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.TlsOptions;
import io.github.aetherjava.client.testing.TcpProxy;
import io.github.aetherjava.client.testing.TestCerts;
import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.TlsConfig;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Loopback TCP: TLS/mTLS, credentials, network cuts with resume, gateway restart with buffered
 * sends.
 */
class NetworkIntegrationTest {

  static {
    // poll at once and often: Awaitility's default 100 ms first delay adds up over many small waits
    org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
    org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(5));
  }

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private <T extends AutoCloseable> T track(T r) {
    resources.add(r);
    return r;
  }

  private static ReconnectPolicy fast() {
    return ReconnectPolicy.builder()
        .initialDelay(Duration.ofMillis(50))
        .maxDelay(Duration.ofMillis(200))
        .build();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("future succeeded");
  }

  private AgentClient agent(AetherClientOptions o, String spec) {
    return track(
        AgentClient.builder(o).workspace("prod").implementation("worker").specifier(spec).build());
  }

  @Test
  void tlsWithCustomTrustRootsAndServerNameOverride() throws Exception {
    TestCerts.Pem ca = TestCerts.ca("test-ca");
    // only names gateway.test: connecting to 127.0.0.1 needs the server-name override
    TestCerts.Pem server = TestCerts.leaf(ca, "gateway.test", "gateway.test");
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .port(0)
                .tls(TlsConfig.of(server.certificate(), server.privateKey()))
                .start());
    AetherClientOptions o =
        AetherClientOptions.builder()
            .address(gw.address())
            .tls(
                TlsOptions.builder()
                    .trustRoots(ca.certificate())
                    .serverNameOverride("gateway.test")
                    .build())
            .build();
    AgentClient a = agent(o, "tls");
    assertThat(a.connect().get(15, TimeUnit.SECONDS).sessionId()).isNotEmpty();

    // without the override the host name 127.0.0.1 does not match the certificate
    AgentClient wrongName =
        agent(
            o.toBuilder().tls(TlsOptions.builder().trustRoots(ca.certificate()).build()).build(),
            "tls2");
    assertThat(failure(wrongName.connect())).isInstanceOf(AetherException.class);
    // an untrusted CA fails too
    TestCerts.Pem otherCa = TestCerts.ca("other-ca");
    AgentClient untrusted =
        agent(
            o.toBuilder()
                .tls(
                    TlsOptions.builder()
                        .trustRoots(otherCa.certificate())
                        .serverNameOverride("gateway.test")
                        .build())
                .build(),
            "tls3");
    assertThat(failure(untrusted.connect())).isInstanceOf(AetherException.class);
  }

  @Test
  void mutualTlsRequiresTheClientCertificate() throws Exception {
    TestCerts.Pem ca = TestCerts.Shared.CA;
    TestCerts.Pem server = TestCerts.Shared.SERVER;
    TestCerts.Pem client = TestCerts.Shared.CLIENT;
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .port(0)
                .tls(
                    TlsConfig.of(server.certificate(), server.privateKey())
                        .withClientAuth(ca.certificate(), TlsConfig.ClientAuth.REQUIRE))
                .start());
    TlsOptions.Builder tls = TlsOptions.builder().trustRoots(ca.certificate());
    AetherClientOptions withCert =
        AetherClientOptions.builder()
            .address(gw.address())
            .tls(tls.clientCertificate(client.certificate(), client.privateKey()).build())
            .build();
    assertThat(agent(withCert, "mtls").connect().get(15, TimeUnit.SECONDS).sessionId())
        .isNotEmpty();

    AetherClientOptions withoutCert =
        AetherClientOptions.builder()
            .address(gw.address())
            .tls(TlsOptions.builder().trustRoots(ca.certificate()).build())
            .reconnect(ReconnectPolicy.disabled())
            .build();
    assertThat(failure(agent(withoutCert, "nocert").connect())).isInstanceOf(AetherException.class);
  }

  @Test
  void wrongCredentialsAreTerminalAndNeverPrinted() throws Exception {
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .port(0)
                .credentialsPolicy(
                    CredentialsPolicy.apiKeys(ApiKey.of("good-key", PrincipalType.PRINCIPAL_AGENT)))
                .start());
    AetherClientOptions good =
        AetherClientOptions.builder()
            .address(gw.address())
            .credentials(Credentials.apiKey("good-key"))
            .build();
    agent(good, "ok").connect().get(15, TimeUnit.SECONDS);
    AgentClient bad =
        agent(
            good.toBuilder()
                .credentials(Credentials.apiKey("very-secret-wrong-key"))
                .reconnect(
                    ReconnectPolicy.builder()
                        .retryInitialConnect(true)
                        .initialDelay(Duration.ofMillis(10))
                        .build())
                .build(),
            "bad");
    Throwable t = failure(bad.connect());
    assertThat(t).isInstanceOf(AuthenticationException.class);
    assertThat(t.getMessage()).doesNotContain("very-secret-wrong-key");
    assertThat(String.valueOf(t.getCause())).doesNotContain("very-secret-wrong-key");
    assertThat(bad.toString() + bad.options() + bad.status())
        .doesNotContain("very-secret-wrong-key");
    assertThat(bad.state()).isEqualTo(ConnectionState.CLOSED);
  }

  @Test
  void resumesTheSessionAfterAHalfOpenNetworkCut() throws Exception {
    EmbeddedAetherGateway gw = track(EmbeddedAetherGateway.builder().port(0).start());
    TcpProxy proxy = track(new TcpProxy(gw.port()));
    AetherClientOptions o =
        AetherClientOptions.builder().address(proxy.address()).reconnect(fast()).build();
    AgentClient a = agent(o, "resume");
    List<ConnectionInfo> connects = new CopyOnWriteArrayList<>();
    a.addConnectionListener(
        new io.github.aetherjava.client.ConnectionListener() {
          @Override
          public void onConnect(ConnectionInfo info) {
            connects.add(info);
          }
        });
    ConnectionInfo first = a.connect().get(15, TimeUnit.SECONDS);
    proxy.cutClients();
    await().atMost(Duration.ofSeconds(30)).until(() -> connects.size() == 2);
    ConnectionInfo second = connects.get(1);
    assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
    assertThat(second.resumed()).isTrue();
    assertThat(second.reconnectionCount()).isEqualTo(1);
    assertThat(a.state()).isEqualTo(ConnectionState.READY);
  }

  @Test
  void reconnectsAfterAGatewayRestartAndDeliversBufferedSends() throws Exception {
    EmbeddedAetherGateway gw1 = EmbeddedAetherGateway.builder().port(0).start();
    TcpProxy proxy = track(new TcpProxy(gw1.port()));
    AetherClientOptions o =
        AetherClientOptions.builder().address(proxy.address()).reconnect(fast()).build();
    AgentClient sender = agent(o, "sender");
    AgentClient receiver = agent(o, "receiver");
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    receiver.onMessage(inbox::add);
    sender.connect().get(15, TimeUnit.SECONDS);
    receiver.connect().get(15, TimeUnit.SECONDS);
    gw1.close();
    await()
        .until(
            () ->
                sender.state() == ConnectionState.RECONNECTING
                    && receiver.state() == ConnectionState.RECONNECTING);
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(
          sender.sendToAgent(
              "prod", "worker", "receiver", ("m" + i).getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(sender.status().bufferedSends()).isEqualTo(20);
    EmbeddedAetherGateway gw2 = track(EmbeddedAetherGateway.builder().port(0).start());
    proxy.upstreamPort(gw2.port());
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(() -> inbox.size() == 20);
    for (int i = 0; i < 20; i++) {
      assertThat(inbox.get(i).payloadAsString()).isEqualTo("m" + i);
    }
    assertThat(sender.state()).isEqualTo(ConnectionState.READY);
    // close the clients before the gateway so its shutdown does not wait for reconnecting clients
    sender.close();
    receiver.close();
  }

  @Test
  void sharedChannelPoolServesManyClients() throws Exception {
    EmbeddedAetherGateway gw = track(EmbeddedAetherGateway.builder().port(0).start());
    io.github.aetherjava.client.AetherChannelPool pool =
        track(io.github.aetherjava.client.AetherChannelPool.create());
    AetherClientOptions o =
        AetherClientOptions.builder().address(gw.address()).channelPool(pool).build();
    List<AetherClient> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(agent(o, "pooled-" + i));
    }
    CompletableFuture.allOf(
            many.stream().map(AetherClient::connect).toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);
    assertThat(pool.size()).isEqualTo(1);
    many.forEach(AetherClient::close);
    assertThat(pool.size()).isZero();
  }

  @Test
  void transportSecurityMistakesAreTerminalAndSaySoEvenWithRetryInitialConnect() throws Exception {
    TestCerts.Pem ca = TestCerts.ca("tls-errors-ca");
    TestCerts.Pem server = TestCerts.leaf(ca, "gateway.test", "gateway.test");
    EmbeddedAetherGateway tlsGw =
        track(
            EmbeddedAetherGateway.builder()
                .port(0)
                .tls(TlsConfig.of(server.certificate(), server.privateKey()))
                .start());
    EmbeddedAetherGateway plainGw = track(EmbeddedAetherGateway.builder().port(0).start());
    ReconnectPolicy retryForever =
        ReconnectPolicy.builder()
            .retryInitialConnect(true)
            .initialDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(50))
            .build();
    List<io.github.aetherjava.client.DisconnectInfo> ends = new CopyOnWriteArrayList<>();

    // an untrusted server certificate: terminal, the listener hears the cause
    AgentClient untrusted =
        agent(
            AetherClientOptions.builder()
                .address(tlsGw.address())
                .reconnect(retryForever)
                .tls(
                    TlsOptions.builder()
                        .trustRoots(TestCerts.ca("someone-else").certificate())
                        .serverNameOverride("gateway.test")
                        .build())
                .build(),
            "untrusted");
    untrusted.addConnectionListener(
        new io.github.aetherjava.client.ConnectionListener() {
          @Override
          public void onDisconnect(io.github.aetherjava.client.DisconnectInfo info) {
            ends.add(info);
          }
        });
    Throwable e = failure(untrusted.connect());
    assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("trust roots");
    assertThat(((AetherException) e).isRecoverable()).isFalse();
    assertThat(untrusted.state()).isEqualTo(ConnectionState.CLOSED);
    await().until(() -> !ends.isEmpty());
    assertThat(ends.get(0).cause()).isSameAs(e);
    assertThat(ends.get(0).willReconnect()).isFalse();

    // TLS client, plaintext gateway: terminal, says the gateway is plaintext
    AgentClient tlsToPlain =
        agent(
            AetherClientOptions.builder()
                .address(plainGw.address())
                .reconnect(retryForever)
                .tls(TlsOptions.builder().trustRoots(ca.certificate()).build())
                .build(),
            "tls-to-plain");
    Throwable mismatch = failure(tlsToPlain.connect());
    assertThat(mismatch).hasMessageContaining("plaintext");
    assertThat(((AetherException) mismatch).isRecoverable()).isFalse();

    // plaintext client, TLS gateway: the message says the gateway may require TLS
    AgentClient plainToTls =
        agent(
            AetherClientOptions.builder()
                .address(tlsGw.address())
                .reconnect(ReconnectPolicy.builder().retryInitialConnect(false).build())
                .build(),
            "plain-to-tls");
    assertThat(failure(plainToTls.connect())).hasMessageContaining("TLS");
  }
}
