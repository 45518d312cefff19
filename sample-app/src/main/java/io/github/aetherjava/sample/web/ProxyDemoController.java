/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.web;

import io.github.aetherjava.spring.http.AetherHttp;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The assistant agent calls the catalog service through the fabric with an ordinary {@link
 * RestClient}: the request travels over the agent's Aether stream to {@code sv::catalog} (any
 * connected instance), whose application answers it from {@link CatalogController}.
 */
@RestController
@RequestMapping("/api/proxy")
public class ProxyDemoController {

  private final RestClient catalog;

  /**
   * @param http the starter's factory; sends from {@code aether.http.client-bean} (the assistant)
   */
  public ProxyDemoController(AetherHttp http) {
    this.catalog = http.restClient("sv::catalog");
  }

  /**
   * @param id item id
   * @return the catalog's JSON answer, as received through the proxy
   */
  @GetMapping(value = "/catalog/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public String item(@PathVariable String id) {
    return catalog.get().uri("/api/catalog/{id}", id).retrieve().body(String.class);
  }
}
