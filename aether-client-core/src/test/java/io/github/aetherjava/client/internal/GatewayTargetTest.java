/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayTargetTest {

  @Test
  void parsesEveryForm() {
    assertThat(GatewayTarget.parse("gw:50051").kind()).isEqualTo(GatewayTarget.Kind.HOST_PORT);
    assertThat(GatewayTarget.parse("in-process:x").inProcessName()).isEqualTo("x");
    GatewayTarget list = GatewayTarget.parse("a:1, b:2,[::1]:3");
    assertThat(list.kind()).isEqualTo(GatewayTarget.Kind.LIST);
    assertThat(list.endpoints())
        .containsExactly(
            new GatewayTarget.Endpoint("a", 1),
            new GatewayTarget.Endpoint("b", 2),
            new GatewayTarget.Endpoint("::1", 3));
    GatewayTarget dns = GatewayTarget.parse("dns:///gw.example:50051");
    assertThat(dns.kind()).isEqualTo(GatewayTarget.Kind.DNS);
    assertThat(dns.endpoints()).containsExactly(new GatewayTarget.Endpoint("gw.example", 50051));
    assertThat(AetherClientOptions.forAddress("dns:///gw.example:50051").address())
        .isEqualTo("dns:///gw.example:50051");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "localhost|address must be host:port or in-process:<name>: localhost",
        "localhost:70000|port out of range: localhost:70000",
        "a:1,,b:2|address entry 2 of the list is empty: a:1,,b:2",
        "a:1,b|address entry 2 must be host:port: b",
        "a:1,b:0|port out of range: b:0",
        "dns:gw:50051|address must be dns:///host:port (three slashes, then host:port): dns:gw:50051",
        "dns:///gw|address must name a port: dns:///host:port: dns:///gw",
        "dns:///|address must be dns:///host:port (three slashes, then host:port): dns:///",
        "in-process:|in-process address needs a name"
      })
  void badAddressesFailWhenTheOptionsAreBuiltNamingTheArgument(String address, String message) {
    assertThatThrownBy(() -> AetherClientOptions.forAddress(address))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage(message);
  }
}
