/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * A response whose body is delivered as it arrives. Read the body once, either as an {@link #body()
 * InputStream} or through {@link #publisher()}; a mid-stream error (idle timeout, size cap, the
 * serving side failing or disconnecting) fails the read with a {@link ProxyException}. Closing it
 * stops delivery and drops what is buffered.
 *
 * @since 0.1.0
 */
public interface ProxyStreamingResponse extends AutoCloseable {

  /**
   * @return the HTTP status
   */
  int status();

  /**
   * @return headers; names are matched without regard to case
   */
  Map<String, String> headers();

  /**
   * @param name header name (any case)
   * @return its value
   */
  default Optional<String> header(String name) {
    return Optional.ofNullable(headers().get(name));
  }

  /**
   * The body as a blocking stream; a mid-stream failure surfaces as an {@link java.io.IOException}
   * whose cause is the {@link ProxyException}.
   *
   * @return the body
   * @throws IllegalStateException if the body is already being read through {@link #publisher()}
   */
  InputStream body();

  /**
   * The body as a single-subscriber publisher; chunks are delivered on the client's callback
   * executor in order, honouring demand; a mid-stream failure is signalled with {@code onError}.
   *
   * @return the body
   * @throws IllegalStateException if the body is already being read through {@link #body()}
   */
  Flow.Publisher<ByteBuffer> publisher();

  /** Stops delivery and drops buffered chunks. */
  @Override
  void close();
}
