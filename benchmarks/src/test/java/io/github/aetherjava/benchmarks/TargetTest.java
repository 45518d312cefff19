/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void anUpperBoundIsMetOnlyWhenEveryPairMeetsIt() {
    Target t = Target.ratioAtMost(1.0);

    assertThat(t.verdict(1, 0.95, 0.90, 0.99)).isEqualTo("met");
    assertThat(t.verdict(1, 0.98, 0.90, 1.04)).isEqualTo("straddles");
    assertThat(t.verdict(1, 1.02, 0.97, 1.06)).isEqualTo("straddles");
    assertThat(t.verdict(1, 1.10, 1.03, 1.20)).isEqualTo("MISSED");
  }

  @Test
  void aLowerBoundIsMetOnlyWhenEveryPairMeetsIt() {
    Target t = Target.ratioAtLeast(0.95);

    assertThat(t.verdict(1, 1.00, 0.96, 1.05)).isEqualTo("met");
    assertThat(t.verdict(1, 0.97, 0.90, 1.05)).isEqualTo("straddles");
    assertThat(t.verdict(1, 0.80, 0.70, 0.90)).isEqualTo("MISSED");
  }

  @Test
  void rowsWithoutPairsAreJudgedByTheirMedians() {
    Row unpaired = new Row("s", "tcp", "c", "p50 us", 98, 100, Target.ratioAtMost(1.0), "");
    Row paired =
        new Row("s", "tcp", "c", "p50 us", 98, 100, Target.ratioAtMost(1.0), "", 0.9, 1.05);

    assertThat(unpaired.verdict()).isEqualTo("met");
    assertThat(paired.verdict()).isEqualTo("straddles");
    assertThat(new Row("s", "tcp", "c", "s", 5, 1, Target.valueAtMost(60), "", 5, 5).verdict())
        .isEqualTo("met");
  }
}
