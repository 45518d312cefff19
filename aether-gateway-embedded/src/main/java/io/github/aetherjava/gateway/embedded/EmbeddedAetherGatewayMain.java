/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import io.github.aetherjava.proto.v1.PrincipalType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the embedded gateway as a standalone process: {@code java -jar
 * aether-gateway-embedded-<version>-standalone.jar --port 50051 [--data-dir dir]}. Stops gracefully
 * on SIGTERM / Ctrl-C. {@code --help} lists every option with its default.
 */
public final class EmbeddedAetherGatewayMain {

  private static final String USAGE =
      """
      Usage: java -jar aether-gateway-embedded-standalone.jar [options]
        --port <n>                 TCP port on 127.0.0.1 (default 50051, 0 = random)
        --data-dir <dir>           keep KV data, checkpoints and undelivered messages in <dir>
                                   (default: in memory only)
        --durability <policy>      batched (default: commit every --commit-interval) or always
                                   (answer KV/checkpoint requests only once on disk)
        --commit-interval <dur>    commit interval of batched durability (default 100ms)
        --policy <mode>            permissive (default) or lite-parity
        --rate-limit <n>           messages per second per connection, burst 2n, 0 = off
                                   (default: 100 under lite-parity, off under permissive)
        --api-key <type>[:<id>]=<key>
                                   require API keys; repeatable. <type> is agent, task, user,
                                   service or bridge; <id> restricts the key to one principal
                                   (user id, or identity such as ag::prod::impl::s1)
                                   (default: none, any credentials accepted as in --dev mode)
        --api-keys-file <file>     API keys, one <type>[:<id>]=<key> per line, # comments
                                   (default: none)
        --max-stored-topics <n>    topics holding undelivered messages (default 100000)
        --max-stored-bytes <n>     heap for undelivered messages, bytes (default 268435456)
        --offline-queue <n>        undelivered messages per topic (default 10000)
        --message-retention <dur>  age at which undelivered messages go (default 24h)
        --tls-cert <pem>           serve TLS with this certificate chain (needs --tls-key)
                                   (default: plaintext)
        --tls-key <pem>            PKCS#8 private key for --tls-cert (default: none)
        --help                     print this text
      Durations: a number with ms, s, m or h (for example 500ms, 30s, 24h).
      Logs: one line per event (event=... session=... identity=...) on standard error.
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
    } catch (IllegalArgumentException | UncheckedIOException e) {
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
  static EmbeddedAetherGateway.@Nullable Builder parse(String[] args, PrintStream out) {
    EmbeddedAetherGateway.Builder b = EmbeddedAetherGateway.builder().port(50051);
    String cert = null;
    String key = null;
    List<ApiKey> keys = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return null;
        }
        case "--port" -> b.port(intValue(value(args, ++i, a), a));
        case "--data-dir" -> b.dataDirectory(Path.of(value(args, ++i, a)));
        case "--durability" -> {
          String v = value(args, ++i, a);
          b.durability(
              switch (v.toLowerCase(Locale.ROOT)) {
                case "always" -> DurabilityPolicy.ALWAYS;
                case "batched" -> DurabilityPolicy.BATCHED;
                default ->
                    throw new IllegalArgumentException(
                        "--durability must be always or batched, got '" + v + "'");
              });
        }
        case "--commit-interval" -> b.commitInterval(duration(value(args, ++i, a), a));
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
        case "--rate-limit" -> {
          String v = value(args, ++i, a);
          try {
            b.rateLimit(Double.parseDouble(v));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate-limit needs a number, got '" + v + "'");
          }
        }
        case "--api-key" -> keys.add(apiKey(value(args, ++i, a), a));
        case "--api-keys-file" -> keys.addAll(apiKeysFile(Path.of(value(args, ++i, a))));
        case "--max-stored-topics" -> b.maxStoredTopics(intValue(value(args, ++i, a), a));
        case "--max-stored-bytes" -> {
          String v = value(args, ++i, a);
          try {
            b.maxStoredBytes(Long.parseLong(v));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(a + " needs a number, got '" + v + "'");
          }
        }
        case "--offline-queue" -> b.offlineQueueCapacity(intValue(value(args, ++i, a), a));
        case "--message-retention" -> b.messageRetention(duration(value(args, ++i, a), a));
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
    if (!keys.isEmpty()) {
      b.credentialsPolicy(CredentialsPolicy.apiKeys(keys.toArray(ApiKey[]::new)));
    }
    return b;
  }

  /** Parses {@code <type>[:<id>]=<key>}; {@code option} names the source in errors. */
  static ApiKey apiKey(String spec, String option) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(
          option + " must look like <type>[:<id>]=<key>, got '" + redact(spec) + "'");
    }
    String name = spec.substring(0, eq).trim();
    String secret = spec.substring(eq + 1).trim();
    int colon = name.indexOf(':');
    String type = colon < 0 ? name : name.substring(0, colon);
    String id = colon < 0 ? null : name.substring(colon + 1);
    PrincipalType pt =
        switch (type.toLowerCase(Locale.ROOT)) {
          case "agent" -> PrincipalType.PRINCIPAL_AGENT;
          case "task" -> PrincipalType.PRINCIPAL_TASK;
          case "user" -> PrincipalType.PRINCIPAL_USER;
          case "service" -> PrincipalType.PRINCIPAL_SERVICE;
          case "bridge" -> PrincipalType.PRINCIPAL_BRIDGE;
          default ->
              throw new IllegalArgumentException(
                  option
                      + ": principal type must be agent, task, user, service or bridge, got '"
                      + type
                      + "'");
        };
    ApiKey k = ApiKey.of(secret, pt);
    if (id != null) {
      if (id.isEmpty()) {
        throw new IllegalArgumentException(option + ": empty principal id in '" + name + "'");
      }
      k = k.forPrincipal(id);
    }
    return k;
  }

  private static String redact(String spec) {
    int eq = spec.indexOf('=');
    return eq < 0 ? spec : spec.substring(0, eq + 1) + "***";
  }

  private static List<ApiKey> apiKeysFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("--api-keys-file: cannot read " + file, e);
    }
    List<ApiKey> keys = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      keys.add(apiKey(line, "--api-keys-file " + file + " line " + (n + 1)));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("--api-keys-file " + file + " holds no keys");
    }
    return keys;
  }

  private static int intValue(String v, String option) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + v + "'");
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}. */
  static Duration duration(String v, String option) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    int unitAt = 0;
    while (unitAt < s.length() && Character.isDigit(s.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0 || unitAt == s.length()) {
      throw new IllegalArgumentException(
          option + " needs a duration such as 500ms, 30s, 15m or 24h, got '" + v + "'");
    }
    long n;
    try {
      n = Long.parseLong(s.substring(0, unitAt));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": duration too long, got '" + v + "'");
    }
    return switch (s.substring(unitAt)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default ->
          throw new IllegalArgumentException(
              option + " needs a duration such as 500ms, 30s, 15m or 24h, got '" + v + "'");
    };
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
