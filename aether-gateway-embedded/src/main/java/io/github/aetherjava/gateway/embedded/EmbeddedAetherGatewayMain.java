/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded gateway as a standalone process: {@code java -jar
 * aether-gateway-embedded-<version>-standalone.jar --port 50051 [--data-dir dir]}. Stops gracefully
 * on SIGTERM / Ctrl-C.
 */
public final class EmbeddedAetherGatewayMain {

  private static final String USAGE =
      """
      Usage: java -jar aether-gateway-embedded-standalone.jar [options]
        --port <n>            TCP port on 127.0.0.1 (default 50051, 0 = random)
        --data-dir <dir>      keep KV data, checkpoints and undelivered messages in <dir> (default: in memory)
        --policy <mode>       permissive (default) or lite-parity
        --tls-cert <pem>      serve TLS with this certificate chain (needs --tls-key)
        --tls-key <pem>       PKCS#8 private key for --tls-cert
        --help                print this text
      """;

  private EmbeddedAetherGatewayMain() {}

  /**
   * Entry point.
   *
   * @param args command line options, see {@code --help}
   */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedAetherGateway.Builder builder;
    try {
      builder = parse(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (builder == null) {
      return;
    }
    EmbeddedAetherGateway gateway = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                },
                "aether-embedded-gateway-shutdown"));
    System.out.println("Aether embedded gateway listening on " + gateway.address());
    stopped.await();
  }

  /** Builds the configuration from {@code args}; null when only help was requested. */
  static EmbeddedAetherGateway.@org.jspecify.annotations.Nullable Builder parse(
      String[] args, PrintStream out) {
    EmbeddedAetherGateway.Builder b = EmbeddedAetherGateway.builder().port(50051);
    String cert = null;
    String key = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return null;
        }
        case "--port" -> {
          String v = value(args, ++i, a);
          try {
            b.port(Integer.parseInt(v));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, got '" + v + "'");
          }
        }
        case "--data-dir" -> b.dataDirectory(Path.of(value(args, ++i, a)));
        case "--policy" -> {
          String v = value(args, ++i, a);
          b.policyMode(
              switch (v.toLowerCase(Locale.ROOT)) {
                case "permissive" -> PolicyMode.PERMISSIVE;
                case "lite-parity", "lite_parity" -> PolicyMode.LITE_PARITY;
                default ->
                    throw new IllegalArgumentException(
                        "--policy must be permissive or lite-parity, got '" + v + "'");
              });
        }
        case "--tls-cert" -> cert = value(args, ++i, a);
        case "--tls-key" -> key = value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
    }
    if (cert != null && key != null) {
      b.tls(TlsConfig.of(Path.of(cert), Path.of(key)));
    }
    return b;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
