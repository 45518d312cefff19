/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** Spring headers to and from the proxy's one-value-per-name headers. */
final class HttpHeadersMapping {

  private HttpHeadersMapping() {}

  /** Multiple values are joined with {@code ", "}, as the Go SDK does. */
  static Map<String, String> toProxy(HttpHeaders headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            out.put(name, String.join(", ", values));
          }
        });
    return out;
  }

  static HttpHeaders fromProxy(Map<String, String> headers) {
    HttpHeaders out = new HttpHeaders();
    headers.forEach(out::add);
    return out;
  }

  /** Only the path and query travel; scheme, host and port are ignored. */
  static String pathAndQuery(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    String query = uri.getRawQuery();
    return query == null ? path : path + "?" + query;
  }
}
