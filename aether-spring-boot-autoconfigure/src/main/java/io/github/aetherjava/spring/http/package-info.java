/**
 * Spring's HTTP clients over the Aether service proxy: a {@code ClientHttpRequestFactory} for
 * {@code RestClient} and {@code RestTemplate}, a {@code ClientHttpConnector} for {@code WebClient},
 * the {@link io.github.aetherjava.spring.http.AetherHttp} factory, and the loopback forwarder that
 * exposes an application's own web endpoints to the fabric.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.http;

import org.jspecify.annotations.NullMarked;
