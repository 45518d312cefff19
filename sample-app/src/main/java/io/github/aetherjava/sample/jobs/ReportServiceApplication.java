/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.jobs;

import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.coord.Coordination;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One instance of the report service ({@code sv::reports::<instance>}); start two against the same
 * gateway and the scheduled report runs on one of them per window. Configured by {@code
 * report-service.yml}; inert inside the main sample application (it needs {@code
 * sample.reports.instance}).
 *
 * <pre>
 * java -cp aether-sample-app.jar -Dloader.main=io.github.aetherjava.sample.jobs.ReportServiceApplication \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --sample.reports.instance=1 --aether.address=localhost:50051
 * </pre>
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "1m")
@ConditionalOnProperty(name = "sample.reports.instance")
public class ReportServiceApplication {

  /** Name of this application's configuration file ({@code report-service.yml}). */
  public static final String CONFIG_NAME = "report-service";

  @Bean
  ReportLedger reportLedger() {
    return new ReportLedger();
  }

  @Bean
  NightlyReportJob nightlyReportJob(
      @Value("${sample.reports.instance}") String instance,
      ReportLedger ledger,
      Coordination coordination,
      ServiceClient service) {
    return new NightlyReportJob(instance, ledger, coordination, service);
  }

  /**
   * @return a builder of one instance, reading {@code report-service.yml}
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ReportServiceApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  /**
   * Starts one instance.
   *
   * @param args command-line arguments ({@code --sample.reports.instance=N} is required)
   */
  public static void main(String[] args) {
    builder().run(args);
  }
}
