/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedAetherGatewayMainTest {

  @TempDir Path dir;

  @Test
  void parsesOptionsAndStarts() {
    EmbeddedAetherGateway.Builder b =
        EmbeddedAetherGatewayMain.parse(
            new String[] {"--port", "0", "--data-dir", dir.toString(), "--policy", "lite-parity"},
            System.out);
    try (EmbeddedAetherGateway gw = b.start()) {
      assertThat(gw.port()).isPositive();
      assertThat(gw.policyMode()).isEqualTo(PolicyMode.LITE_PARITY);
      assertThat(gw.dataDirectory()).isEqualTo(dir);
    }
  }

  @Test
  void helpPrintsUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            EmbeddedAetherGatewayMain.parse(
                new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--data-dir");
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--port", "x"}, System.out))
        .hasMessage("--port needs a number, got 'x'");
    assertThatThrownBy(() -> EmbeddedAetherGatewayMain.parse(new String[] {"--nope"}, System.out))
        .hasMessage("unknown option '--nope'");
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--tls-cert", "c"}, System.out))
        .hasMessage("--tls-cert and --tls-key must be given together");
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--data-dir"}, System.out))
        .hasMessage("--data-dir needs a value");
  }
}
