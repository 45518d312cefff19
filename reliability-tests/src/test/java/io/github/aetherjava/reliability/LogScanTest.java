/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.SECRET_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (highest {@code @Order}): scans the log output of the whole suite, which slf4j-simple
 * writes to one file (configured in this module's pom, debug level for {@code
 * io.github.aetherjava}), for any secret the tests used (all start with {@link
 * Fixtures#SECRET_PREFIX}) and for PEM private keys.
 */
@Order(Integer.MAX_VALUE)
class LogScanTest {

  @Test
  void noCredentialOrKeyInTheSuitesLogOutput() throws IOException {
    String file = System.getProperty("org.slf4j.simpleLogger.logFile");
    assertThat(file)
        .as("the pom routes slf4j-simple to a file")
        .isNotNull()
        .isNotEqualTo("System.err");
    Path log = Path.of(file);
    assertThat(log).exists();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).as("the log captured the suite").isNotEmpty();
    assertThat(lines)
        .filteredOn(l -> l.contains(SECRET_PREFIX))
        .as("lines with a secret")
        .isEmpty();
    assertThat(lines)
        .filteredOn(l -> l.contains("PRIVATE KEY"))
        .as("lines with a private key")
        .isEmpty();
    System.out.println("LogScanTest: scanned " + lines.size() + " log lines, no secrets");
  }
}
