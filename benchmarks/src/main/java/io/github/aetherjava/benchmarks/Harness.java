/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The scenario harness: runs every scenario for the SDK and the raw grpc-java baseline against the
 * same embedded gateway, prints a table with their ratios and writes {@code results.csv} / {@code
 * results.json}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar --scenarios=throughput --transports=tcp
 * java -jar benchmarks/target/benchmarks.jar jmh -prof gc -wi 1 -i 3 -f 1
 * </pre>
 */
public final class Harness {

  private final Settings settings;
  private final Report report;

  private Harness(Settings settings) {
    this.settings = settings;
    this.report = new Report(environment());
  }

  /**
   * Entry point; {@code jmh} as first argument hands the rest to JMH.
   *
   * @param args see {@link Settings#USAGE}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(Settings.USAGE);
      return;
    }
    Report r = run(Settings.parse(args));
    long failed = r.rows().stream().filter(row -> row.note().startsWith("FAILED")).count();
    System.exit(failed == 0 ? 0 : 1);
  }

  /**
   * Runs the selected scenarios and writes the result files.
   *
   * @param settings what to run
   * @return the report
   * @throws IOException if the result files cannot be written
   */
  public static Report run(Settings settings) throws IOException {
    Harness h = new Harness(settings);
    Latency.maxRoundTripsPerSecond = settings.rrRate();
    h.jitWarmup();
    for (String s : Settings.ALL) {
      if (!settings.scenarios().contains(s)) {
        continue;
      }
      System.out.println("== " + s);
      switch (s) {
        case "throughput" -> h.throughput();
        case "latency" -> h.latency();
        case "rate" -> h.rate();
        case "fanout" -> h.fanout();
        case "scale" -> h.scale();
        case "gateway" -> h.gatewayAlone();
        case "proxy" -> h.proxy();
        default -> throw new IllegalStateException(s);
      }
    }
    h.report.print(System.out);
    h.report.write(settings.out());
    System.out.println(
        "# written: "
            + settings.out().resolve("results.csv")
            + ", "
            + settings.out().resolve("results.json"));
    return h.report;
  }

  // ------------------------------------------------------------------ scenarios

  /**
   * Runs one-way traffic on every side and transport before anything is measured, so the first
   * scenario does not measure the JIT compiling the gateway and both clients (the per-measurement
   * warm-up is short).
   */
  private void jitWarmup() {
    if (settings.jitWarmup().isZero()) {
      return;
    }
    System.out.println(
        "== JIT warm-up (" + settings.jitWarmup().toMillis() + " ms per side and transport)");
    List<Side> sides = new ArrayList<>();
    sides.add(Side.RAW);
    sides.addAll(sdkSides());
    for (Transport t : settings.transports()) {
      try (Fabric fabric = Fabric.start(t, settings.gateway())) {
        for (Side side : sides) {
          OneWay.run(
              fabric,
              side,
              side,
              1,
              256,
              settings.jitWarmup(),
              java.time.Duration.ofMillis(1),
              settings.maxInFlight(),
              // an external gateway may rate-limit: stay under it (--rr-rate)
              settings.rrRate());
          Latency.requestReply(
              fabric, side, 64, settings.jitWarmup().dividedBy(2), java.time.Duration.ofMillis(1));
        }
      } catch (Exception | Error e) {
        failed("0-warmup", t, "jit", e);
      }
    }
  }

  private void throughput() {
    for (Transport t : settings.transports()) {
      for (int size : settings.sizes()) {
        String variant = size + " B";
        paired(
            "1-throughput",
            t,
            variant,
            "msg/s",
            Target.ratioAtLeast(0.95),
            (fabric, side) ->
                OneWay.run(
                    fabric,
                    side,
                    side,
                    1,
                    size,
                    settings.warmup(),
                    settings.measure(),
                    settings.maxInFlight(),
                    0));
      }
    }
  }

  /**
   * One-way 64 B messages at a fixed moderate rate ({@code --rate}), where wake-ups rather than
   * batching dominate: what matters is the CPU each message costs.
   */
  private void rate() {
    for (Transport t : settings.transports()) {
      paired(
          "1b-rate",
          t,
          "64 B at " + settings.rate() + "/s",
          "msg/s",
          Target.NONE,
          (fabric, side) ->
              OneWay.run(
                  fabric,
                  side,
                  side,
                  1,
                  64,
                  settings.warmup(),
                  settings.measure(),
                  settings.maxInFlight(),
                  settings.rate()));
    }
  }

  private void latency() {
    for (Transport t : settings.transports()) {
      latencyRows(
          "2-a2a-rr",
          t,
          "64 B req/reply",
          Target.ratioAtMost(1.0),
          Target.ratioAtMost(1.1),
          (fabric, side) ->
              Latency.requestReply(fabric, side, 64, settings.warmup(), settings.measure()));
      latencyRows(
          "2-kv-get",
          t,
          "64 B value",
          Target.ratioAtMost(1.05),
          Target.ratioAtMost(1.25),
          (fabric, side) -> Latency.kvGet(fabric, side, settings.warmup(), settings.measure()));
    }
  }

  private void fanout() {
    for (Transport t : settings.transports()) {
      for (int n : settings.fanout()) {
        Map<Side, List<Latency.Samples>> runs =
            alternate(
                "3-fanout",
                t,
                "N=" + n,
                (fabric, side) ->
                    Fanout.run(fabric, side, n, settings.warmup(), settings.measure()));
        if (runs == null) {
          continue;
        }
        List<Latency.Samples> raw = runs.get(Side.RAW);
        for (Side side : sdkSides()) {
          List<Latency.Samples> sdk = runs.get(side);
          String variant = "N=" + n + suffix(side);
          String note = "rounds/rep " + sdk.get(0).n() + " sdk, " + raw.get(0).n() + " raw";
          report.add(
              new Row(
                  "3-fanout",
                  t.label(),
                  variant,
                  "last rcv p50 us",
                  med(sdk, x -> x.p(50)),
                  med(raw, x -> x.p(50)),
                  Target.NONE,
                  note));
          report.add(
              new Row(
                  "3-fanout",
                  t.label(),
                  variant,
                  "last rcv p99 us",
                  med(sdk, x -> x.p(99)),
                  med(raw, x -> x.p(99)),
                  Target.NONE,
                  ""));
        }
      }
    }
  }

  private void scale() {
    int n = settings.clients();
    Path log = settings.out().resolve("gateway-child.log");
    boolean child = settings.scaleChildJvm();
    String ext = settings.gateway();
    String tr = ext != null ? "ext" : child ? "tcp(child)" : "tcp";
    // a gateway the harness did not start cannot be restarted by it
    boolean restart = settings.restart() && ext == null;
    if (n > 50) {
      try {
        // Warm-up of both sides (class loading, Netty and gRPC statics) so the first measured
        // variant is not charged for one-time costs.
        Scale.run(Side.RAW, false, 20, false, child, ext, log);
        Scale.run(Side.SDK, false, 20, false, child, ext, log);
      } catch (Exception e) {
        failed("4-scale", Transport.TCP, "warm-up", e);
        return;
      }
    }
    List<Boolean> variants =
        switch (settings.scaleChannels()) {
          case "own" -> List.of(false);
          case "shared" -> List.of(true);
          default -> List.of(false, true);
        };
    for (boolean shared : variants) {
      String variant = n + (shared ? " shared chan" : " own chan");
      Scale.Result sdk;
      Scale.Result raw;
      try {
        raw = Scale.run(Side.RAW, shared, n, false, child, ext, log);
        sdk = Scale.run(Side.SDK, shared, n, restart, child, ext, log);
      } catch (Exception e) {
        failed("4-scale", Transport.TCP, variant, e);
        continue;
      }
      report.add(
          new Row(
              "4-scale",
              tr,
              variant,
              "connect all s",
              sdk.connectSeconds(),
              raw.connectSeconds(),
              // the target of the first benchmarks issue is for 1,000 clients
              n <= 1000 ? Target.valueAtMost(10) : Target.NONE,
              ""));
      report.add(
          new Row(
              "4-scale",
              tr,
              variant,
              "heap/client KiB",
              sdk.heapPerClientBytes() / 1024,
              raw.heapPerClientBytes() / 1024,
              Target.valueAtMost(64),
              child ? "client JVM only; gateway in a child JVM" : "gateway in this JVM too"));
      report.add(
          new Row(
              "4-scale",
              tr,
              variant,
              "threads added",
              sdk.threadsAdded(),
              raw.threadsAdded(),
              Target.NONE,
              ""));
      if (!restart) {
        continue;
      }
      report.add(
          new Row(
              "4-scale",
              tr,
              variant,
              "reconnect all s",
              sdk.reconnectSeconds(),
              Double.NaN,
              Target.valueAtMost(n > 1000 ? 60 : 30),
              String.format(
                  Locale.ROOT,
                  "from graceful stop; gateway down %.2f s; baseline has no reconnect",
                  sdk.gatewayDownSeconds())));
    }
  }

  private void gatewayAlone() {
    for (Transport t : settings.transports()) {
      for (int pairs : settings.pairs()) {
        paired(
            "5-gateway",
            t,
            pairs + " pairs 64 B",
            "routed msg/s",
            Target.NONE,
            (fabric, side) ->
                OneWay.run(
                    fabric,
                    side,
                    side,
                    pairs,
                    64,
                    settings.warmup(),
                    settings.measure(),
                    settings.maxInFlight(),
                    0));
      }
    }
  }

  /**
   * A 64 B HTTP GET through the service proxy (the "sdk" column) versus the same GET straight to
   * the HTTP server over loopback (the "baseline" column): p50 with one request outstanding, and
   * requests/s with {@link #PROXY_CONCURRENCY} outstanding. There is no target: the proxy adds two
   * stream hops to the loopback call it wraps.
   */
  private void proxy() {
    for (Transport t : settings.transports()) {
      for (int concurrency : new int[] {1, PROXY_CONCURRENCY}) {
        String variant = "64 B GET, " + concurrency + " in flight";
        Map<Side, List<ProxyHttp.Result>> runs =
            alternate(
                "6-proxy",
                t,
                variant,
                (fabric, side) ->
                    ProxyHttp.run(
                        fabric, side, concurrency, settings.warmup(), settings.measure()));
        if (runs == null) {
          continue;
        }
        List<ProxyHttp.Result> direct = runs.get(Side.RAW);
        for (Side side : sdkSides()) {
          List<ProxyHttp.Result> proxied = runs.get(side);
          String v = variant + suffix(side);
          report.add(
              new Row(
                  "6-proxy",
                  t.label(),
                  v,
                  "req/s",
                  Stats.median(proxied.stream().map(ProxyHttp.Result::perSecond).toList()),
                  Stats.median(direct.stream().map(ProxyHttp.Result::perSecond).toList()),
                  Target.NONE,
                  "sdk = through the proxy, baseline = the same GET over loopback"));
          report.add(
              new Row(
                  "6-proxy",
                  t.label(),
                  v,
                  "p50 us",
                  Stats.median(proxied.stream().map(r -> r.samples().p(50)).toList()),
                  Stats.median(direct.stream().map(r -> r.samples().p(50)).toList()),
                  Target.NONE,
                  ""));
        }
      }
    }
  }

  /** Requests kept outstanding for the proxy throughput row. */
  private static final int PROXY_CONCURRENCY = 16;

  // ------------------------------------------------------------------ plumbing

  @FunctionalInterface
  private interface Measure<T> {
    T run(Fabric fabric, Side side) throws Exception;
  }

  /** The SDK configurations measured against the baseline. */
  private List<Side> sdkSides() {
    List<Side> sides = new ArrayList<>(List.of(Side.SDK));
    if (settings.sdkPolling()) {
      sides.add(Side.SDK_POLLING);
    }
    if (settings.sdkDirect()) {
      sides.add(Side.SDK_DIRECT);
    }
    return sides;
  }

  private static String suffix(Side side) {
    return switch (side) {
      case SDK_DIRECT -> " [direct]";
      case SDK_POLLING -> " [polling]";
      default -> "";
    };
  }

  /**
   * Runs the baseline and each SDK configuration in turn, {@code reps} times, on one gateway. Each
   * rep starts one side later: whichever side ran right after the baseline measured up to 20 %
   * slower (the baseline's teardown and garbage spill into the next measurement), so with a fixed
   * order that side always paid it.
   *
   * @return runs per side, or null if it failed (a FAILED or skipped row is added)
   */
  private <T> @Nullable Map<Side, List<T>> alternate(
      String scenario, Transport t, String variant, Measure<T> m) {
    Map<Side, List<T>> runs = new EnumMap<>(Side.class);
    List<Side> sides = new ArrayList<>();
    sides.add(Side.RAW);
    sides.addAll(sdkSides());
    sides.forEach(side -> runs.put(side, new ArrayList<>()));
    try (Fabric fabric = Fabric.start(t, settings.gateway())) {
      for (int i = 0; i < settings.reps(); i++) {
        List<Side> order = new ArrayList<>(sides);
        Collections.rotate(order, -i);
        for (Side side : order) {
          runs.get(side).add(m.run(fabric, side));
        }
      }
    } catch (Exception | Error e) {
      if (String.valueOf(rootMessage(e)).contains("NOT_IMPLEMENTED")) {
        report.add(
            new Row(
                scenario,
                t.label(),
                variant,
                "-",
                Double.NaN,
                Double.NaN,
                Target.NONE,
                "skipped: the embedded gateway does not implement this yet (ERR_NOT_IMPLEMENTED)"));
        return null;
      }
      failed(scenario, t, variant, e);
      return null;
    }
    return runs;
  }

  /**
   * Alternates baseline and SDK runs on one gateway and reports the medians (with their ranges) of
   * the rate and of the process CPU per message.
   */
  private void paired(
      String scenario,
      Transport t,
      String variant,
      String metric,
      Target target,
      Measure<OneWay.Result> m) {
    Map<Side, List<OneWay.Result>> runs = alternate(scenario, t, variant, m);
    if (runs == null) {
      return;
    }
    List<OneWay.Result> raw = runs.get(Side.RAW);
    for (Side side : sdkSides()) {
      List<OneWay.Result> sdk = runs.get(side);
      List<Double> sdkRate = sdk.stream().map(OneWay.Result::perSecond).toList();
      List<Double> rawRate = raw.stream().map(OneWay.Result::perSecond).toList();
      report.add(
          pairedRow(scenario, t, variant + suffix(side), metric, target, sdkRate, rawRate, ""));
      cpuRow(
          scenario,
          t,
          variant + suffix(side),
          "cpu us/msg",
          sdk.stream().map(OneWay.Result::cpuMicrosPerMessage).toList(),
          raw.stream().map(OneWay.Result::cpuMicrosPerMessage).toList());
    }
  }

  /** Process CPU per message or round trip: the SDK may cost no more than the baseline. */
  private void cpuRow(
      String scenario,
      Transport t,
      String variant,
      String metric,
      List<Double> sdk,
      List<Double> raw) {
    report.add(
        pairedRow(
            scenario,
            t,
            variant,
            metric,
            Target.ratioAtMost(1.0),
            sdk,
            raw,
            t == Transport.EXTERNAL ? "clients only" : "clients and in-JVM gateway"));
  }

  /**
   * A row of medians whose verdict also looks at every rep's pair: {@link #alternate} runs the
   * baseline and the SDK back to back in each rep, so the i-th values of both lists belong
   * together.
   */
  private static Row pairedRow(
      String scenario,
      Transport t,
      String variant,
      String metric,
      Target target,
      List<Double> sdk,
      List<Double> raw,
      String extraNote) {
    double low = Double.NaN;
    double high = Double.NaN;
    int n = Math.min(sdk.size(), raw.size());
    if (n >= 2) {
      low = Double.POSITIVE_INFINITY;
      high = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double r = sdk.get(i) / raw.get(i);
        low = Math.min(low, r);
        high = Math.max(high, r);
      }
      if (Double.isNaN(low) || Double.isInfinite(low) || Double.isInfinite(high)) {
        low = Double.NaN;
        high = Double.NaN;
      }
    }
    List<String> notes = new ArrayList<>();
    if (!Double.isNaN(low)) {
      notes.add(String.format(Locale.ROOT, "pair ratios %.2fx..%.2fx", low, high));
    }
    String spread = note(sdk, raw);
    if (!spread.isEmpty()) {
      notes.add(spread);
    }
    if (!extraNote.isEmpty()) {
      notes.add(extraNote);
    }
    return new Row(
        scenario,
        t.label(),
        variant,
        metric,
        Stats.median(sdk),
        Stats.median(raw),
        target,
        String.join("; ", notes),
        low,
        high);
  }

  private void latencyRows(
      String scenario,
      Transport t,
      String variant,
      Target p50,
      Target p99,
      Measure<Latency.Samples> m) {
    Map<Side, List<Latency.Samples>> runs = alternate(scenario, t, variant, m);
    if (runs == null) {
      return;
    }
    List<Latency.Samples> raw = runs.get(Side.RAW);
    for (Side side : sdkSides()) {
      List<Latency.Samples> sdk = runs.get(side);
      String v = variant + suffix(side);
      String note = "samples/rep " + sdk.get(0).n() + " sdk, " + raw.get(0).n() + " raw";
      report.add(
          pairedRow(
              scenario, t, v, "p50 us", p50, all(sdk, x -> x.p(50)), all(raw, x -> x.p(50)), note));
      report.add(
          pairedRow(
              scenario, t, v, "p99 us", p99, all(sdk, x -> x.p(99)), all(raw, x -> x.p(99)), ""));
      report.add(
          new Row(
              scenario,
              t.label(),
              v,
              "p99.9 us",
              med(sdk, x -> x.p(99.9)),
              med(raw, x -> x.p(99.9)),
              Target.NONE,
              note(all(sdk, x -> x.p(99.9)), all(raw, x -> x.p(99.9)))));
      cpuRow(
          scenario,
          t,
          v,
          "cpu us/op",
          all(sdk, Latency.Samples::cpuMicrosPerOp),
          all(raw, Latency.Samples::cpuMicrosPerOp));
    }
  }

  private static List<Double> all(List<Latency.Samples> runs, ToDoubleFunction<Latency.Samples> f) {
    return runs.stream().map(f::applyAsDouble).toList();
  }

  private static double med(List<Latency.Samples> runs, ToDoubleFunction<Latency.Samples> f) {
    return Stats.median(runs.stream().map(f::applyAsDouble).toList());
  }

  private static String note(List<Double> sdk, List<Double> raw) {
    String s = Stats.spread(sdk);
    String r = Stats.spread(raw);
    return s.isEmpty() ? "" : "sdk " + s + "; raw " + r;
  }

  private void failed(String scenario, Transport t, String variant, Throwable e) {
    System.err.println("scenario " + scenario + " " + t.label() + " " + variant + " failed:");
    e.printStackTrace();
    report.add(
        new Row(
            scenario,
            t.label(),
            variant,
            "-",
            Double.NaN,
            Double.NaN,
            Target.NONE,
            "FAILED: " + rootMessage(e)));
  }

  private static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("started", Instant.now().toString());
    env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    env.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    env.put("max heap MiB", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    env.put("jvm args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    env.put("load average at start", loadAverage());
    return env;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim();
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
