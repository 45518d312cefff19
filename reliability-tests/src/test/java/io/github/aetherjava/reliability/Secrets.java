/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Helpers to look for secrets in text. */
final class Secrets {

  private Secrets() {}

  /**
   * The throwable's complete printed form: class, message, every cause and suppressed exception,
   * stack.
   */
  static String fullText(Throwable t) {
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }

  /** A distinctive 40-character slice of a PEM body (the base64 between the header lines). */
  static String pemBody(byte[] pem) {
    String[] lines = new String(pem, StandardCharsets.US_ASCII).split("\n");
    return lines[1].substring(0, Math.min(40, lines[1].length()));
  }
}
