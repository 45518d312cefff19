/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.Registration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventListenersTest {

  @Test
  void aFailingListenerStopsNeitherTheOthersNorTheCaller() {
    EventListeners<String> listeners = new EventListeners<>("test");
    List<String> seen = new ArrayList<>();
    listeners.add(
        e -> {
          throw new IllegalStateException("boom");
        });
    listeners.add(seen::add);

    listeners.fire("a");

    assertThat(seen).containsExactly("a");
  }

  @Test
  void aRemovedListenerHearsNothingMore() {
    EventListeners<String> listeners = new EventListeners<>("test");
    List<String> seen = new ArrayList<>();
    Registration r = listeners.add(seen::add);
    listeners.fire("a");
    r.close();
    listeners.fire("b");

    assertThat(seen).containsExactly("a");
    assertThat(listeners.isEmpty()).isTrue();
  }

  @Test
  void aNullListenerIsRefusedByName() {
    assertThatThrownBy(() -> new EventListeners<String>("test").add(null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("listener");
  }
}
