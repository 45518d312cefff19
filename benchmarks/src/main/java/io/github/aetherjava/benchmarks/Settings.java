/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Command-line settings of the harness.
 *
 * @param scenarios scenarios to run: throughput, latency, rate, fanout, scale, gateway, proxy
 * @param transports transports for scenarios 1, 2, 3 and 5
 * @param warmup warm-up time per measurement
 * @param measure measured time per measurement
 * @param reps measurements per side, alternating baseline and SDK; the median is reported
 * @param sizes payload sizes of scenario 1, in bytes
 * @param fanout receiver counts of scenario 3
 * @param clients client count of scenario 4
 * @param pairs sender/receiver pairs of scenario 5
 * @param scaleChildJvm scenario 4 runs the gateway in a child JVM (default) rather than in this one
 * @param sdkDirect also measure the SDK with handlers on the gRPC thread ({@link Side#SDK_DIRECT})
 * @param sdkPolling also measure the SDK with the polling callback executor ({@link
 *     Side#SDK_POLLING})
 * @param restart scenario 4 also restarts the gateway and times the reconnect (off for --smoke)
 * @param jitWarmup untimed one-way traffic per side and transport before the first measurement
 * @param out directory for results.csv and results.json
 * @param rrRate most request/reply round trips per second in scenario 2 (0: no limit)
 * @param gateway {@code HOST:PORT} of a running gateway every client scenario uses, or null for an
 *     embedded one
 * @param maxInFlight most one-way messages in flight per receiver (0: the default window)
 * @param rate messages per second of the moderate-rate CPU scenario
 * @param scaleChannels scenario 4 variants: {@code both}, {@code own} or {@code shared}
 */
public record Settings(
    Set<String> scenarios,
    List<Transport> transports,
    Duration warmup,
    Duration measure,
    int reps,
    List<Integer> sizes,
    List<Integer> fanout,
    int clients,
    List<Integer> pairs,
    boolean scaleChildJvm,
    boolean sdkDirect,
    boolean sdkPolling,
    boolean restart,
    Duration jitWarmup,
    Path out,
    int rrRate,
    @Nullable String gateway,
    int maxInFlight,
    int rate,
    String scaleChannels) {

  /** All scenario names, in run order. */
  public static final List<String> ALL =
      List.of("throughput", "latency", "rate", "fanout", "scale", "gateway", "proxy");

  /** Most messages in flight per receiver against an external gateway (AetherLite's buffer). */
  static final int EXTERNAL_MAX_IN_FLIGHT = 64;

  /** Round trips per second against an external gateway: under AetherLite's 100 msg/s quota. */
  static final int EXTERNAL_RR_RATE = 40;

  /** Messages per second of the moderate-rate CPU scenario. */
  static final int DEFAULT_RATE = 20_000;

  static final String USAGE =
      """
      usage: java -jar benchmarks/target/benchmarks.jar [options]
             java -jar benchmarks/target/benchmarks.jar jmh [JMH options]   (e.g. jmh -prof gc -wi 1 -i 3 -f 1)
        --scenarios=throughput,latency,rate,fanout,scale,gateway,proxy   (default: all)
        --transports=tcp,inproc                              (default: both)
        --gateway=HOST:PORT          run every client scenario against this running gateway (a real
                                     AetherLite, or GatewayProcess in another JVM) instead of an
                                     embedded one; sets the transport to "ext"; scale skips the restart
        --max-in-flight=N            most one-way messages in flight per receiver (default: about
                                     1,000, at most 4 MiB; 64 with --gateway, AetherLite's buffer)
        --rr-rate=N                  most agent-to-agent round trips per second in scenario 2 (default:
                                     no limit; 40 with --gateway: AetherLite allows 100 msg/s per
                                     connection and per identity unless lifted in a local build)
        --rate=20000                 messages per second of the moderate-rate CPU scenario ("rate")
        --scale-channels=both        scenario 4 with own channels, a shared channel, or both
        --warmup=1 --seconds=3       warm-up and measured seconds per measurement (decimals allowed)
        --reps=3                     measurements per side, baseline and SDK alternating; median reported
        --sizes=64,1024,65536        payload bytes for scenario 1
        --fanout=10,100              receivers for scenario 3
        --clients=1000               clients for scenario 4
        --pairs=1,4                  sender/receiver pairs for scenario 5
        --sdk-direct=true            also run the SDK with callbackExecutor(Runnable::run) ("[direct]" rows)
        --sdk-polling=true           also run the SDK with CallbackExecutors.polling() ("[polling]" rows)
        --jit-warmup=3               untimed seconds of traffic per side and transport before measuring
        --restart=true               scenario 4 also restarts the gateway and times the reconnect
        --scale-gateway=child        scenario 4 gateway in a child JVM (child, default) or in this JVM (local)
        --out=benchmarks/target/results
        --smoke                      tiny everything (checks the harness end to end in a few seconds)
      """;

  /**
   * @param args command line
   * @return parsed settings
   * @throws IllegalArgumentException on an unknown option
   */
  public static Settings parse(String... args) {
    Set<String> scenarios = new LinkedHashSet<>(ALL);
    List<Transport> transports = List.of(Transport.TCP, Transport.INPROC);
    double warmup = 1;
    double seconds = 3;
    int reps = 3;
    List<Integer> sizes = List.of(64, 1024, 65536);
    List<Integer> fanout = List.of(10, 100);
    int clients = 1000;
    List<Integer> pairs = List.of(1, 4);
    Path out = Path.of("benchmarks", "target", "results");
    boolean child = true;
    boolean restart = true;
    boolean direct = true;
    boolean polling = true;
    double jit = 3;
    String gateway = null;
    int maxInFlight = -1;
    int rrRate = -1;
    int rate = DEFAULT_RATE;
    String scaleChannels = "both";
    boolean smoke = Arrays.asList(args).contains("--smoke");
    if (smoke) {
      warmup = 0.1;
      seconds = 0.2;
      reps = 1;
      sizes = List.of(64);
      fanout = List.of(3);
      clients = 10;
      pairs = List.of(1);
      child = false;
      restart = false;
      jit = 0;
      direct = false;
      polling = false;
      rate = 2_000;
    }
    for (String a : args) {
      if (a.equals("--smoke")) {
        continue;
      }
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument: " + a + "\n" + USAGE);
      }
      String key = a.substring(2, eq);
      String value = a.substring(eq + 1);
      switch (key) {
        case "scenarios" -> {
          scenarios = new LinkedHashSet<>(split(value));
          for (String s : scenarios) {
            if (!ALL.contains(s)) {
              throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ALL);
            }
          }
        }
        case "transports" ->
            transports =
                split(value).stream()
                    .map(s -> Transport.valueOf(s.toUpperCase(Locale.ROOT)))
                    .toList();
        case "warmup" -> warmup = Double.parseDouble(value);
        case "seconds" -> seconds = Double.parseDouble(value);
        case "reps" -> reps = Integer.parseInt(value);
        case "sizes" -> sizes = ints(value);
        case "fanout" -> fanout = ints(value);
        case "clients" -> clients = Integer.parseInt(value);
        case "pairs" -> pairs = ints(value);
        case "out" -> out = Path.of(value);
        case "restart" -> restart = Boolean.parseBoolean(value);
        case "sdk-direct" -> direct = Boolean.parseBoolean(value);
        case "sdk-polling" -> polling = Boolean.parseBoolean(value);
        case "jit-warmup" -> jit = Double.parseDouble(value);
        case "gateway" -> {
          int colon = value.lastIndexOf(':');
          if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("--gateway is HOST:PORT, was " + value);
          }
          Integer.parseInt(value.substring(colon + 1));
          gateway = value;
        }
        case "max-in-flight" -> maxInFlight = Integer.parseInt(value);
        case "rr-rate" -> rrRate = Integer.parseInt(value);
        case "rate" -> rate = Integer.parseInt(value);
        case "scale-channels" -> {
          if (!List.of("both", "own", "shared").contains(value)) {
            throw new IllegalArgumentException("--scale-channels is both, own or shared");
          }
          scaleChannels = value;
        }
        case "scale-gateway" ->
            child =
                switch (value) {
                  case "child" -> true;
                  case "local" -> false;
                  default ->
                      throw new IllegalArgumentException("--scale-gateway is child or local");
                };
        default -> throw new IllegalArgumentException("unknown option --" + key + "\n" + USAGE);
      }
    }
    if (gateway != null) {
      transports = List.of(Transport.EXTERNAL);
    }
    return new Settings(
        scenarios,
        transports,
        seconds(warmup),
        seconds(seconds),
        Math.max(1, reps),
        sizes,
        fanout,
        clients,
        pairs,
        child,
        direct,
        polling,
        restart,
        seconds(jit),
        out,
        rrRate >= 0 ? rrRate : gateway != null ? EXTERNAL_RR_RATE : 0,
        gateway,
        maxInFlight >= 0 ? maxInFlight : gateway != null ? EXTERNAL_MAX_IN_FLIGHT : 0,
        rate,
        scaleChannels);
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  private static List<String> split(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static List<Integer> ints(String v) {
    return split(v).stream().map(Integer::parseInt).toList();
  }
}
