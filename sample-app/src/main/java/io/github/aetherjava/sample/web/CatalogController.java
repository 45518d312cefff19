/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary REST endpoint of this application that the service principal {@code sv::catalog::1}
 * exposes to the fabric ({@code aether.http.serve.*}): proxied requests reach it over loopback with
 * the caller's identity in the gateway-minted {@code X-Auth-*} headers.
 */
@RestController
@RequestMapping("/api/catalog")
public class CatalogController {

  private static final Map<String, String> ITEMS =
      Map.of("1", "Aether gateway", "2", "Java SDK", "42", "Spring Boot starter");

  /**
   * @param id item id
   * @param caller the proxied caller's principal id (absent for a direct HTTP call)
   * @param callerType the proxied caller's principal type
   * @return the item and who asked for it
   */
  @GetMapping("/{id}")
  public Map<String, String> item(
      @PathVariable String id,
      @RequestHeader(name = "X-Auth-User-ID", required = false) @Nullable String caller,
      @RequestHeader(name = "X-Auth-Principal-Type", required = false)
          @Nullable String callerType) {
    return Map.of(
        "id",
        id,
        "name",
        ITEMS.getOrDefault(id, "unknown item"),
        "requestedBy",
        caller == null ? "a direct HTTP call" : callerType + " " + caller);
  }
}
