/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every scenario once with tiny settings (in-process transport, a few clients, fractions of a
 * second) to check the harness works end to end. It asserts nothing about the numbers: those are
 * for BENCHMARKS.md.
 */
class HarnessSmokeTest {

  @Test
  void everyScenarioRunsAndWritesResults(@TempDir Path out) throws Exception {
    Report report = Harness.run(Settings.parse("--smoke", "--transports=inproc", "--out=" + out));

    List<Row> rows = report.rows();
    assertThat(rows).extracting(Row::note).noneMatch(n -> n.startsWith("FAILED"));
    assertThat(rows)
        .extracting(Row::scenario)
        .contains(
            "1-throughput",
            "1b-rate",
            "2-a2a-rr",
            "2-kv-get",
            "3-fanout",
            "4-scale",
            "5-gateway",
            "6-proxy");
    assertThat(rows)
        .filteredOn(r -> r.metric().startsWith("cpu us/"))
        .extracting(Row::scenario)
        .contains("1-throughput", "1b-rate", "2-a2a-rr", "2-kv-get");
    assertThat(rows)
        .filteredOn(r -> r.metric().startsWith("cpu us/"))
        .allSatisfy(r -> assertThat(r.sdk()).isPositive());
    assertThat(rows)
        .filteredOn(r -> r.scenario().equals("1-throughput"))
        .allSatisfy(r -> assertThat(r.sdk()).isPositive())
        .allSatisfy(r -> assertThat(r.baseline()).isPositive());
    assertThat(Files.readString(out.resolve("results.csv")))
        .startsWith("scenario,transport,case,metric");
    assertThat(Files.readString(out.resolve("results.json"))).contains("\"results\": [");
  }

  @Test
  void severalRepsJudgeEveryTargetRowByItsPairs(@TempDir Path out) throws Exception {
    Report report =
        Harness.run(
            Settings.parse(
                "--smoke",
                "--scenarios=throughput,latency",
                "--transports=inproc",
                "--reps=2",
                "--out=" + out));

    List<Row> targetRows =
        report.rows().stream()
            .filter(
                r ->
                    r.target().kind() == Target.Kind.RATIO_AT_MOST
                        || r.target().kind() == Target.Kind.RATIO_AT_LEAST)
            .toList();
    assertThat(targetRows).isNotEmpty();
    assertThat(targetRows)
        .allSatisfy(
            r -> {
              assertThat(r.pairLow()).isLessThanOrEqualTo(r.pairHigh());
              assertThat(r.note()).startsWith("pair ratios ");
              assertThat(r.verdict()).isIn("met", "MISSED", "straddles");
            });
    assertThat(Files.readString(out.resolve("results.json"))).contains("\"pair_ratio_low\": ");
  }

  @Test
  void everyClientScenarioRunsAgainstAGatewayItDidNotStart(@TempDir Path out) throws Exception {
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().start()) {
      Report report =
          Harness.run(
              Settings.parse(
                  "--smoke",
                  "--gateway=" + gw.address(),
                  "--scenarios=throughput,rate,latency,scale",
                  "--out=" + out));

      List<Row> rows = report.rows();
      assertThat(rows).extracting(Row::note).noneMatch(n -> n.startsWith("FAILED"));
      assertThat(rows).extracting(Row::transport).containsOnly("ext");
      assertThat(rows)
          .extracting(Row::scenario)
          .contains("1-throughput", "1b-rate", "2-a2a-rr", "2-kv-get", "4-scale");
      assertThat(rows)
          .filteredOn(r -> r.metric().equals("cpu us/msg"))
          .allSatisfy(r -> assertThat(r.note()).contains("clients only"));
    }
    // the harness stops only what it started
  }

  @Test
  void aGatewayAddressWithoutAPortIsRefused() {
    assertThatThrownBy(() -> Settings.parse("--gateway=localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--gateway");
  }
}
