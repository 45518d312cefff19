/**
 * Delivery guarantees: confirmed sends ({@link io.github.aetherjava.client.delivery.DeliveryMode}),
 * client-side send pacing ({@link io.github.aetherjava.client.delivery.SendPacing}) and the
 * gateway's rate-limit, quota and back-pressure refusals surfaced as {@link
 * io.github.aetherjava.client.delivery.PressureEvent}s.
 */
@NullMarked
package io.github.aetherjava.client.delivery;

import org.jspecify.annotations.NullMarked;
