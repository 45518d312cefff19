/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.jobs;

import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.coord.Coordination;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The "nightly" report, scheduled on every instance but run by one: {@code @SchedulerLock} takes
 * the ShedLock lock {@code shedlock/sample-report} in the Aether KV store first, and an instance
 * that finds it taken skips the run. {@code lockAtLeastFor} keeps the lock for the rest of the
 * schedule window, so the other instances' ticks of the same window are skipped too.
 */
public class NightlyReportJob {

  private static final Logger LOG = LoggerFactory.getLogger("aether.sample");

  private final String instance;
  private final ReportLedger ledger;
  private final Coordination coordination;
  private final ServiceClient service;
  private int made;

  NightlyReportJob(
      String instance, ReportLedger ledger, Coordination coordination, ServiceClient service) {
    this.instance = instance;
    this.ledger = ledger;
    this.coordination = coordination;
    this.service = service;
  }

  /** Makes one report; at most one instance runs it per schedule window. */
  @Scheduled(
      fixedRateString = "${sample.reports.interval}",
      initialDelayString = "${sample.reports.interval}")
  @SchedulerLock(
      name = "sample-report",
      lockAtLeastFor = "${sample.reports.lock-at-least-for}",
      lockAtMostFor = "${sample.reports.lock-at-most-for}")
  public void makeReport() {
    Instant started = Instant.now();
    made++;
    long total = service.kv().increment(coordination.options().target(), "reports-made").join();
    ledger.add(new ReportLedger.Entry(instance, made, started, Instant.now()));
    LOG.info("[reports-{}] made report #{} here, {} across all instances", instance, made, total);
  }
}
