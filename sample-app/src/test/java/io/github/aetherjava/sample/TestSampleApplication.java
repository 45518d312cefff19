/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample for local development from the test classpath ({@code ./mvnw -pl sample-app
 * spring-boot:test-run}): Boot's test-run pattern, so a gateway kept to the test classpath can
 * serve local runs without reaching the packaged jar. Without {@code aether.address} the starter
 * starts the embedded gateway.
 */
public final class TestSampleApplication {

  private TestSampleApplication() {}

  /**
   * Start the sample.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    SpringApplication.from(SampleApplication::main).run(args);
  }
}
