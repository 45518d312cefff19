/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.CallbackExecutors;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same small HTTP GET two ways: straight to a local HTTP server over loopback (the baseline),
 * and through the service proxy (caller's stream, gateway, a serving ServiceClient that forwards to
 * that server over loopback, and back). Closed loop: each of {@code concurrency} threads keeps one
 * request outstanding.
 */
final class ProxyHttp {

  private static final int BODY_BYTES = 64;

  private ProxyHttp() {}

  /** One request, either way. */
  @FunctionalInterface
  private interface Call {
    void get() throws Exception;
  }

  /**
   * @param side {@link Side#RAW} for the direct loopback call, an SDK side (its callback executor)
   *     for the proxy
   * @param concurrency requests kept outstanding
   * @return round-trip samples (nanoseconds, sorted) and the rate
   */
  static Result run(Fabric fabric, Side side, int concurrency, Duration warmup, Duration measure)
      throws Exception {
    boolean proxied = side != Side.RAW;
    // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per
    // request on Linux, which would be all the baseline measured. Read once, when the first server
    // is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    ExecutorService serverThreads = Executors.newFixedThreadPool(Math.max(2, concurrency));
    byte[] body = new byte[BODY_BYTES];
    server.createContext(
        "/item",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(serverThreads);
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/item");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<AutoCloseable> closeables = new ArrayList<>();
    try {
      Call call;
      if (proxied) {
        AetherClientOptions.Builder ob = AetherClientOptions.builder().address(fabric.sdkAddress());
        if (side == Side.SDK_DIRECT) {
          ob.callbackExecutor(Runnable::run);
        } else if (side == Side.SDK_POLLING) {
          ob.callbackExecutor(CallbackExecutors.polling());
        }
        AetherClientOptions options = ob.build();
        String impl = Fabric.unique("http");
        ServiceClient service =
            ServiceClient.builder(options).implementation(impl).specifier("1").build();
        closeables.add(service);
        service.serve(
            r -> {
              HttpResponse<byte[]> res =
                  http.send(
                      HttpRequest.newBuilder(uri).GET().build(),
                      HttpResponse.BodyHandlers.ofByteArray());
              return ProxyResponse.of(res.statusCode(), Map.of(), res.body());
            });
        service.connect().get(30, TimeUnit.SECONDS);
        AgentClient caller =
            AgentClient.builder(options)
                .workspace(Fabric.unique("ws"))
                .implementation("caller")
                .specifier("1")
                .build();
        closeables.add(caller);
        caller.connect().get(30, TimeUnit.SECONDS);
        AetherFetch fetch = caller.fetch("sv::" + impl + "::1");
        ProxyRequest request = ProxyRequest.get("/item");
        call =
            () -> {
              ProxyResponse r = fetch.fetchBlocking(request);
              if (r.bodyLength() != BODY_BYTES) {
                throw new IllegalStateException("short body: " + r.bodyLength());
              }
            };
      } else {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        call =
            () -> {
              HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
              if (r.body().length != BODY_BYTES) {
                throw new IllegalStateException("short body: " + r.body().length);
              }
            };
      }
      return loop(call, concurrency, warmup, measure);
    } finally {
      for (AutoCloseable c : closeables) {
        c.close();
      }
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private static Result loop(Call call, int concurrency, Duration warmup, Duration measure)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + measure.toNanos();
    AtomicLong done = new AtomicLong();
    List<Future<long[]>> perThread = new ArrayList<>();
    try {
      for (int t = 0; t < concurrency; t++) {
        perThread.add(
            threads.submit(
                () -> {
                  long[] samples = new long[1 << 16];
                  int n = 0;
                  while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                      break;
                    }
                    call.get();
                    long t1 = System.nanoTime();
                    if (t0 >= start) {
                      done.incrementAndGet();
                      if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                      }
                      samples[n++] = t1 - t0;
                    }
                  }
                  return Arrays.copyOf(samples, n);
                }));
      }
      long[] all = new long[0];
      for (Future<long[]> f : perThread) {
        long[] s = f.get(measure.plus(warmup).toSeconds() + 60, TimeUnit.SECONDS);
        int old = all.length;
        all = Arrays.copyOf(all, old + s.length);
        System.arraycopy(s, 0, all, old, s.length);
      }
      Arrays.sort(all);
      return new Result(
          new Latency.Samples(all, all.length, Double.NaN), done.get() / (measure.toNanos() / 1e9));
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * @param samples round trips of the measured period
   * @param perSecond completed requests per second
   */
  record Result(Latency.Samples samples, double perSecond) {}
}
