/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.client.AetherException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP over the Aether stream to one target: a service ({@code sv::impl::spec}, or {@code sv::impl}
 * for any connected instance) or any principal that serves. Obtain one from {@code
 * client.fetch(target)}. Only the path and query travel; the serving side decides which HTTP server
 * answers.
 *
 * <p>Failures: a {@code ProxyError} from the gateway or serving side fails the call with a {@link
 * ProxyException} carrying its kind (including {@link ProxyErrorKind#UNKNOWN}); the local deadline
 * with {@link io.github.aetherjava.client.AetherTimeoutException}; a dropped stream at once with a
 * {@link io.github.aetherjava.client.ConnectionException}. Calls are never retried. Bodies over 256
 * KiB are sent and received in chunks, so no frame exceeds the gateway's 4 MiB limit.
 *
 * @since 0.1.0
 */
public interface AetherFetch {

  /**
   * @return the target topic
   */
  String target();

  /**
   * @return the defaults requests fall back on
   */
  FetchOptions options();

  /**
   * Sends {@code request} and collects the whole response body.
   *
   * @param request the request
   * @return the response
   */
  CompletableFuture<ProxyResponse> fetch(ProxyRequest request);

  /**
   * {@link #fetch(ProxyRequest)} with a per-call deadline overriding the request's and the default.
   *
   * @param request the request
   * @param timeout whole-call deadline
   * @return the response
   */
  CompletableFuture<ProxyResponse> fetch(ProxyRequest request, Duration timeout);

  /**
   * Blocking {@link #fetch(ProxyRequest)}.
   *
   * @param request the request
   * @return the response
   * @throws AetherException on failure
   */
  ProxyResponse fetchBlocking(ProxyRequest request);

  /**
   * Blocking GET.
   *
   * @param path path and query
   * @return the response
   * @throws AetherException on failure
   */
  default ProxyResponse get(String path) {
    return fetchBlocking(ProxyRequest.get(path));
  }

  /**
   * Sends {@code request} asking the serving side to stream the response ({@code
   * stream_response_indefinitely}); completes when the status and headers arrive (the request's
   * timeout bounds the wait for them), then delivers the body as it arrives until the serving side
   * ends it, it goes idle for the stream idle timeout, or it exceeds its size cap.
   *
   * @param request the request
   * @return the response, body still arriving
   */
  CompletableFuture<ProxyStreamingResponse> stream(ProxyRequest request);
}
