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

/**
 * Command-line settings of the harness.
 *
 * @param scenarios scenarios to run: throughput, latency, fanout, scale, gateway
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
    Path out) {

  /** All scenario names, in run order. */
  public static final List<String> ALL =
      List.of("throughput", "latency", "fanout", "scale", "gateway", "proxy");

  static final String USAGE =
      """
      usage: java -jar benchmarks/target/benchmarks.jar [options]
             java -jar benchmarks/target/benchmarks.jar jmh [JMH options]   (e.g. jmh -prof gc -wi 1 -i 3 -f 1)
        --scenarios=throughput,latency,fanout,scale,gateway,proxy   (default: all)
        --transports=tcp,inproc                              (default: both)
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
        out);
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
