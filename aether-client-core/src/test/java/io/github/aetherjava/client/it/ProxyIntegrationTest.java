/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ProxyStreamingResponse;
import io.github.aetherjava.client.proxy.ServeOptions;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proxied HTTP round trips through the embedded gateway, with a real serving ServiceClient. */
class ProxyIntegrationTest {

  private EmbeddedAetherGateway gw;
  private AetherClientOptions options;
  private final List<AetherClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("proxy-it-" + UUID.randomUUID())
            .start();
    options = AetherClientOptions.builder().address(gw.inProcessAddress()).build();
  }

  @AfterEach
  void stop() {
    clients.forEach(AetherClient::close);
    gw.close();
  }

  private ServiceClient service(String impl, String spec) throws Exception {
    ServiceClient s = ServiceClient.builder(options).implementation(impl).specifier(spec).build();
    clients.add(s);
    s.connect().get(10, TimeUnit.SECONDS);
    return s;
  }

  private AgentClient agent(String spec) throws Exception {
    AgentClient a =
        AgentClient.builder(options)
            .workspace("prod")
            .implementation("caller")
            .specifier(spec)
            .build();
    clients.add(a);
    a.connect().get(10, TimeUnit.SECONDS);
    return a;
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Echoes method, path and body; states what it saw in headers. */
  private static ProxyResponse echo(io.github.aetherjava.client.proxy.ServedRequest r) {
    return ProxyResponse.of(
        200,
        Map.of(
            "X-Method", r.method(),
            "X-Path", r.path(),
            "X-Caller", r.callerTopic().orElse("?"),
            "X-Len", Integer.toString(r.bodyLength())),
        r.body());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 256 * 1024, 256 * 1024 + 1, 1024 * 1024, 5 * 1024 * 1024})
  void bodiesOfEverySizeRoundTripIntact(int size) throws Exception {
    service("echo", "one").serve(ProxyIntegrationTest::echo);
    AetherFetch fetch = agent("a").fetch("sv::echo::one");
    byte[] body = random(size, size);

    ProxyResponse r =
        fetch
            .fetch(ProxyRequest.builder("post", "/echo?size=" + size).body(body).build())
            .get(30, TimeUnit.SECONDS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("x-method")).contains("POST");
    assertThat(r.header("X-PATH")).contains("/echo?size=" + size);
    assertThat(r.header("X-Len")).contains(Integer.toString(size));
    assertThat(r.header("X-Caller")).contains("ag::prod::caller::a");
    assertThat(r.body()).isEqualTo(body);
  }

  @Test
  void bareServiceTopicReachesAConnectedInstanceAndBlockingGetWorks() throws Exception {
    service("echo", "x").serve(r -> ProxyResponse.text(200, "hello from x"));
    ProxyResponse r = agent("a").fetch("sv::echo").get("/hi");
    assertThat(r.bodyAsString()).isEqualTo("hello from x");
    assertThat(r.header("content-type")).contains("text/plain; charset=utf-8");
  }

  @Test
  void streamedResponseArrivesAsItIsProducedThroughTheInputStream() throws Exception {
    CountDownLatch firstRead = new CountDownLatch(1);
    service("stream", "one")
        .serve(
            r -> {
              PipedInputStream in = new PipedInputStream(64 * 1024);
              PipedOutputStream out = new PipedOutputStream(in);
              Thread producer =
                  new Thread(
                      () -> {
                        try (out) {
                          out.write("first;".getBytes(StandardCharsets.UTF_8));
                          out.flush();
                          // the second part is only produced once the caller has the first
                          firstRead.await(10, TimeUnit.SECONDS);
                          out.write("second".getBytes(StandardCharsets.UTF_8));
                        } catch (IOException | InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              producer.start();
              return ProxyResponse.streaming(201, Map.of("Content-Type", "text/event-stream"), in);
            });
    AetherFetch fetch = agent("a").fetch("sv::stream::one");

    try (ProxyStreamingResponse s =
        fetch.stream(ProxyRequest.get("/events")).get(10, TimeUnit.SECONDS)) {
      assertThat(s.status()).isEqualTo(201);
      assertThat(s.header("content-type")).contains("text/event-stream");
      InputStream body = s.body();
      byte[] first = body.readNBytes(6);
      assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("first;");
      firstRead.countDown();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
    }
  }

  @Test
  void streamedResponseThroughThePublisherHonoursDemand() throws Exception {
    byte[] payload = random(3 * 256 * 1024 + 5, 7);
    service("stream", "one")
        .serve(
            r -> ProxyResponse.streaming(200, Map.of(), new java.io.ByteArrayInputStream(payload)));
    ProxyStreamingResponse s =
        agent("a").fetch("sv::stream::one").stream(ProxyRequest.get("/x"))
            .get(10, TimeUnit.SECONDS);

    ByteArrayOutputStream got = new ByteArrayOutputStream();
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicInteger outstanding = new AtomicInteger();
    s.publisher()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              Flow.Subscription sub;

              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                sub = subscription;
                outstanding.set(1);
                sub.request(1);
              }

              @Override
              public void onNext(ByteBuffer item) {
                if (outstanding.decrementAndGet() < 0) {
                  done.completeExceptionally(new AssertionError("more items than requested"));
                }
                byte[] b = new byte[item.remaining()];
                item.get(b);
                got.writeBytes(b);
                outstanding.incrementAndGet();
                sub.request(1);
              }

              @Override
              public void onError(Throwable t) {
                done.completeExceptionally(t);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.get(10, TimeUnit.SECONDS);
    assertThat(got.toByteArray()).isEqualTo(payload);
  }

  @Test
  void streamIdleTimeoutFailsTheStreamMidway() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    service("stream", "one")
        .serve(
            r -> {
              PipedInputStream in = new PipedInputStream();
              PipedOutputStream out = new PipedOutputStream(in);
              new Thread(
                      () -> {
                        try (out) {
                          out.write('a');
                          out.flush();
                          release.await(30, TimeUnit.SECONDS);
                        } catch (IOException | InterruptedException e) {
                          // the reader went away
                        }
                      })
                  .start();
              return ProxyResponse.streaming(200, Map.of(), in);
            });
    ProxyStreamingResponse s =
        agent("a").fetch("sv::stream::one").stream(
                ProxyRequest.builder("GET", "/x").streamIdleTimeout(Duration.ofMillis(300)).build())
            .get(10, TimeUnit.SECONDS);
    InputStream body = s.body();
    assertThat(body.read()).isEqualTo('a');
    assertThatThrownBy(body::read)
        .isInstanceOf(IOException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProxyException.class, e -> assertThat(e.kind()).isEqualTo(ProxyErrorKind.TIMEOUT));
    release.countDown();
  }

  @Test
  void handlerExceptionBecomes500() throws Exception {
    service("bad", "one")
        .serve(
            r -> {
              throw new IllegalStateException("boom");
            });
    ProxyResponse r = agent("a").fetch("sv::bad::one").get("/x");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyAsString()).contains("IllegalStateException");
  }

  @Test
  void handlerProxyExceptionIsAnsweredWithItsKind() throws Exception {
    service("front", "one")
        .serve(
            r -> {
              throw new ProxyException(ProxyErrorKind.DIAL_FAILED, "backend down");
            });
    assertThatThrownBy(() -> agent("a").fetch("sv::front::one").get("/x"))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.DIAL_FAILED);
              assertThat(e.detail()).isEqualTo("backend down");
            });
  }

  @Test
  void pathsOutsideTheAllowListAreDeniedAndOthersServed() throws Exception {
    service("acl", "one")
        .serve(
            r -> ProxyResponse.text(200, "ok " + r.path()),
            ServeOptions.builder().allowedPaths(List.of("/api/**", "/items/*")).build());
    AetherFetch fetch = agent("a").fetch("sv::acl::one");
    assertThat(fetch.get("/api/v1/x?q=1").bodyAsString()).isEqualTo("ok /api/v1/x?q=1");
    assertThat(fetch.get("/items/7").status()).isEqualTo(200);
    assertThatThrownBy(() -> fetch.get("/admin"))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.ACL_DENIED);
              assertThat(e.getMessage()).contains("/admin");
            });
    assertThatThrownBy(() -> fetch.get("/items/7/deeper"))
        .isInstanceOfSatisfying(
            ProxyException.class, e -> assertThat(e.kind()).isEqualTo(ProxyErrorKind.ACL_DENIED));
  }

  @Test
  void noInstanceAndChainDepthAreReportedWithTheirKinds() throws Exception {
    AgentClient a = agent("a");
    assertThatThrownBy(() -> a.fetch("sv::nobody").get("/x"))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.SIDECAR_UNAVAILABLE);
              assertThat(e.isRecoverable()).isTrue();
              assertThat(e.getMessage()).contains("no healthy sv::nobody instances available");
            });
    service("echo", "one").serve(ProxyIntegrationTest::echo);
    assertThatThrownBy(
            () ->
                a.fetch("sv::echo::one")
                    .fetchBlocking(ProxyRequest.builder("GET", "/x").chainDepth(8).build()))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.ACL_DENIED);
              assertThat(e.isRecoverable()).isFalse();
            });
  }

  @Test
  void aPrincipalThatDoesNotServeAnswersSidecarUnavailable() throws Exception {
    service("quiet", "one");
    assertThatThrownBy(() -> agent("a").fetch("sv::quiet::one").get("/x"))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> assertThat(e.kind()).isEqualTo(ProxyErrorKind.SIDECAR_UNAVAILABLE));
  }

  @Test
  void localTimeoutFailsTheCallAndBlockedHandlersDoNotLeak() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    service("slow", "one")
        .serve(
            r -> {
              release.await(30, TimeUnit.SECONDS);
              return ProxyResponse.text(200, "late");
            });
    AetherFetch fetch = agent("a").fetch("sv::slow::one");
    CompletableFuture<ProxyResponse> f =
        fetch.fetch(ProxyRequest.get("/x"), Duration.ofMillis(200));
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(AetherTimeoutException.class);
    release.countDown();
  }

  @Test
  void closingTheClientFailsAFetchThatWasNeverWritten() throws Exception {
    AgentClient a = agent("closing");
    gw.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> !a.isConnected());
    CompletableFuture<ProxyResponse> f =
        a.fetch("sv::anything::one", FetchOptions.builder().timeout(Duration.ofSeconds(60)).build())
            .fetch(ProxyRequest.get("/x"));
    assertThat(f).isNotDone();
    a.close();
    // fails with the close, not at its 60 s deadline
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isNotInstanceOf(AetherTimeoutException.class);
  }

  @Test
  void serviceDisconnectMidRequestFailsTheCallerAtOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ServiceClient sv = service("gone", "one");
    sv.serve(
        r -> {
          entered.countDown();
          release.await(30, TimeUnit.SECONDS);
          return ProxyResponse.text(200, "never");
        });
    AetherFetch fetch =
        agent("a")
            .fetch("sv::gone::one", FetchOptions.builder().timeout(Duration.ofSeconds(60)).build());
    CompletableFuture<ProxyResponse> f = fetch.fetch(ProxyRequest.get("/x"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    sv.close();
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.SIDECAR_UNAVAILABLE);
              assertThat(e.getMessage()).contains("peer session ended (sv::gone::one)");
            });
    // the handler must not outlive the test (later tests check that no SDK thread is left)
    release.countDown();
  }

  @Test
  void boundedConcurrencyQueuesThenRefusesWith503() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    service("busy", "one")
        .serve(
            r -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                release.await(30, TimeUnit.SECONDS);
              } finally {
                running.decrementAndGet();
              }
              return ProxyResponse.text(200, "done");
            },
            ServeOptions.builder().maxConcurrency(2).maxQueued(2).build());
    AetherFetch fetch = agent("a").fetch("sv::busy::one");
    List<CompletableFuture<ProxyResponse>> first = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      first.add(fetch.fetch(ProxyRequest.get("/q" + i)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
    // two run, two wait: the fifth has no room
    ProxyResponse refused = fetch.fetch(ProxyRequest.get("/q5")).get(10, TimeUnit.SECONDS);
    assertThat(refused.status()).isEqualTo(503);
    release.countDown();
    for (CompletableFuture<ProxyResponse> f : first) {
      assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(maxRunning.get()).isEqualTo(2);
  }

  @Test
  void thousandConcurrentRequestsAreEachMatchedToTheirOwnResponse() throws Exception {
    service("echo", "one")
        .serve(ProxyIntegrationTest::echo, ServeOptions.builder().maxQueued(2000).build());
    AetherFetch fetch = agent("a").fetch("sv::echo::one");
    int n = 1000;
    List<CompletableFuture<ProxyResponse>> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // every few calls a chunked body, so inline and chunked traffic interleave
      byte[] body =
          i % 97 == 0 ? random(300 * 1024, i) : ("body-" + i).getBytes(StandardCharsets.UTF_8);
      calls.add(fetch.fetch(ProxyRequest.builder("PUT", "/item/" + i).body(body).build()));
    }
    for (int i = 0; i < n; i++) {
      ProxyResponse r = calls.get(i).get(60, TimeUnit.SECONDS);
      assertThat(r.header("X-Path")).contains("/item/" + i);
      byte[] expected =
          i % 97 == 0 ? random(300 * 1024, i) : ("body-" + i).getBytes(StandardCharsets.UTF_8);
      assertThat(r.body()).isEqualTo(expected);
    }
  }

  @Test
  void badArgumentsNameTheArgument() throws Exception {
    AgentClient a = agent("a");
    assertThatThrownBy(() -> a.fetch("memorylayer"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(() -> ProxyRequest.builder("GET", "no-slash"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("path");
    assertThatThrownBy(() -> ProxyRequest.builder("GE T", "/"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("method");
    assertThatThrownBy(() -> FetchOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> ServeOptions.builder().allowedPaths(List.of("api")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("allowedPaths");
    io.github.aetherjava.client.Registration serving = a.serve(r -> ProxyResponse.text(200, "x"));
    assertThatThrownBy(() -> a.serve(r -> ProxyResponse.text(200, "y")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already serves");
    serving.close();
    a.serve(r -> ProxyResponse.text(200, "z")).close();
  }
}
