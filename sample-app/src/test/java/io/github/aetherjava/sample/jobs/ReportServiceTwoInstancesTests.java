/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the report service on one gateway: the scheduled report runs on one of them per
 * window. Every instance ticks every 200 ms; the instance that ran keeps the lock for 1 s, so
 * without the lock the two would make about ten reports per second, with it about one.
 */
class ReportServiceTwoInstancesTests {

  private static final Duration LOCK_AT_LEAST_FOR = Duration.ofSeconds(1);

  @Test
  void theScheduledReportRunsOnOneInstancePerWindow() {
    try (EmbeddedAetherGateway gateway =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("reports-" + UUID.randomUUID())
            .start()) {
      List<ConfigurableApplicationContext> instances = new ArrayList<>();
      try {
        for (String id : List.of("1", "2")) {
          instances.add(
              ReportServiceApplication.builder()
                  .run(
                      "--sample.reports.instance=" + id,
                      "--aether.address=" + gateway.inProcessAddress(),
                      "--sample.reports.interval=200ms",
                      "--sample.reports.lock-at-least-for=" + LOCK_AT_LEAST_FOR.toMillis() + "ms"));
        }
        // reports of the start-up window may have waited for the connection to take the lock
        Instant started = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> all(instances, started).size() >= 4);
        List<ReportLedger.Entry> reports = all(instances, started);
        for (int i = 1; i < reports.size(); i++) {
          ReportLedger.Entry before = reports.get(i - 1);
          ReportLedger.Entry after = reports.get(i);
          // never two at once, and not again within the window (lockAtLeastFor counts from when
          // ShedLock asked for the lock, so a slow acquisition shortens the gap between starts)
          assertThat(after.at()).as("%s overlaps %s", after, before).isAfter(before.finished());
          assertThat(Duration.between(before.at(), after.at()))
              .as("reports %s and %s", before, after)
              .isGreaterThanOrEqualTo(LOCK_AT_LEAST_FOR.dividedBy(2));
        }
      } finally {
        instances.forEach(ConfigurableApplicationContext::close);
      }
    }
  }

  private static List<ReportLedger.Entry> all(
      List<ConfigurableApplicationContext> instances, Instant since) {
    return instances.stream()
        .flatMap(c -> c.getBean(ReportLedger.class).entries().stream())
        .filter(e -> e.at().isAfter(since))
        .sorted(Comparator.comparing(ReportLedger.Entry::at))
        .toList();
  }
}
