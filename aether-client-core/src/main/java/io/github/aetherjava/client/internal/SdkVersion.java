/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.proto.v1.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Our SDK name, version and build info, as sent in {@code InitConnection}. */
public final class SdkVersion {

  /** Value of {@code InitConnection.client_sdk}. */
  public static final String SDK = "java";

  /** SDK version (from the build), e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION;

  private static final String COMMIT;
  private static final String BUILT_AT;

  static {
    Properties p = new Properties();
    try (InputStream in = SdkVersion.class.getResourceAsStream("aether-client.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // fall back to defaults below
    }
    VERSION = clean(p.getProperty("version"), "0.0.0");
    COMMIT = clean(p.getProperty("commit"), "");
    BUILT_AT = clean(p.getProperty("builtAt"), "");
  }

  private SdkVersion() {}

  /**
   * @return build info: runtime {@code java<version>}, os {@code <os.name>/<os.arch>}
   */
  public static BuildInfo buildInfo() {
    return BuildInfo.newBuilder()
        .setCommit(COMMIT)
        .setBuiltAt(BUILT_AT)
        .setRuntime("java" + System.getProperty("java.version", ""))
        .setOs(
            System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT)
                + "/"
                + System.getProperty("os.arch", "unknown"))
        .build();
  }

  private static String clean(String v, String fallback) {
    return v == null || v.isEmpty() || v.startsWith("${") ? fallback : v;
  }
}
