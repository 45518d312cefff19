/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void buildsTheExactWireStrings() {
    assertThat(Topics.agent("prod", "data-processor", "instance-1"))
        .isEqualTo("ag::prod::data-processor::instance-1");
    assertThat(Topics.globalAgents("prod")).isEqualTo("ga::prod");
    assertThat(Topics.uniqueTask("prod", "report-gen", "daily"))
        .isEqualTo("tu::prod::report-gen::daily");
    assertThat(Topics.task("prod", "worker", "abc123")).isEqualTo("ta::prod::worker::abc123");
    assertThat(Topics.taskBroadcast("prod", "worker")).isEqualTo("tb::prod::worker");
    assertThat(Topics.user("alice", "tab-1")).isEqualTo("us::alice::tab-1");
    assertThat(Topics.userWorkspace("alice", "prod")).isEqualTo("uw::alice::prod");
    assertThat(Topics.userBroadcast("alice")).isEqualTo("uu::alice");
    assertThat(Topics.globalUsers("prod")).isEqualTo("gu::prod");
    assertThat(Topics.eventWildcard()).isEqualTo("event::*");
    assertThat(Topics.metricWildcard()).isEqualTo("metric::*");
    assertThat(Topics.event("prod")).isEqualTo("event::prod");
    assertThat(Topics.metric("prod")).isEqualTo("metric::prod");
    assertThat(Topics.progress("prod")).isEqualTo("pg::prod");
    assertThat(Topics.userProgress("alice")).isEqualTo("pg::us::alice");
    assertThat(Topics.bridge("example-bridge", "instance-1"))
        .isEqualTo("br::example-bridge::instance-1");
    assertThat(Topics.service("search", "1")).isEqualTo("sv::search::1");
    assertThat(Topics.anyService("memorylayer")).isEqualTo("sv::memorylayer");
    assertThat(Topics.taskEvents("prod", "t1")).isEqualTo("tk::prod::t1::events");
    assertThat(Topics.taskMessages("prod", "t1")).isEqualTo("tk::prod::t1::msg");
  }

  @Test
  void dotsAreAllowedInsideSegmentsButTheSeparatorIsNot() {
    assertThat(Topics.agent("prod", "com.example.Worker", "a.b"))
        .isEqualTo("ag::prod::com.example.Worker::a.b");
    assertThatThrownBy(() -> Topics.agent("prod", "a::b", "s"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.user("ali ce", "t"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.user("*", "t")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.user("a>", "t")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.user("a\u0001", "t"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.user("", "t")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.user("x".repeat(129), "t"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(Topics.user("x".repeat(128), "t")).startsWith("us::x");
  }

  @Test
  void validatesSendTargetsLikeTheGateway() {
    assertThat(Topics.validate("ag::prod::w::1")).isEqualTo("ag::prod::w::1");
    assertThatThrownBy(() -> Topics.validate("ag.prod.worker.inst-1"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("::");
    assertThatThrownBy(() -> Topics.validate("xx::a")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.validate("")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Topics.validate("ag::" + "a".repeat(253)))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(Topics.prefixOf("event::*")).isEqualTo("event");
    assertThat(Topics.PREFIXES)
        .containsExactlyInAnyOrder(
            "ag", "tu", "ta", "tb", "us", "uw", "uu", "ga", "gu", "pg", "tk", "event", "metric",
            "br", "sv");
  }

  @Test
  void validatesEverySegmentAndTheSegmentCountOfEachPrefix() {
    for (String ok :
        List.of(
            "ag::ws::impl::1",
            "tu::ws::impl::1",
            "ta::ws::impl::1",
            "tb::ws::impl",
            "us::alice::tab",
            "uw::alice::ws",
            "uu::alice",
            "ga::ws",
            "gu::ws",
            "pg::ws",
            "pg::us::alice",
            "tk::ws::t1::events",
            "tk::ws::t1::msg",
            "event::*",
            "event::ws",
            "metric::*",
            "metric::receiver0",
            "br::impl::1",
            "sv::impl::1",
            "sv::impl")) {
      assertThat(Topics.validate(ok)).isEqualTo(ok);
    }
    for (String bad :
        List.of(
            "ag::ws::bad b::1",
            "ag::ws::x*::1",
            "ag::::b::1",
            "ag::ws::impl",
            "ag::ws::impl::1::2",
            "ag::ws::impl::",
            "ag::ws::impl::a\tb",
            "tb::ws",
            "us::alice",
            "uu::alice::x",
            "pg::ws::x",
            "tk::ws::t1::other",
            "event::a*",
            "event::ws::x",
            "sv::",
            "sv::a::b::c",
            "ga::>")) {
      assertThatThrownBy(() -> Topics.validate(bad))
          .as(bad)
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("topic");
    }
    assertThatThrownBy(() -> Topics.validate(null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("topic must not be null");
  }
}
