/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.listener.AetherHeaders;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.handler.annotation.Header;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole application running as two principals (an agent and a service) that talk to each other
 * through the embedded gateway started by {@link EmbeddedAether @EmbeddedAether}.
 */
@SpringBootTest(
    classes = TwoPrincipalApplicationTests.TwoPrincipalApplication.class,
    properties = {
      "aether.agent.workspace=prod",
      "aether.agent.implementation=front",
      "aether.agent.specifier=a1",
      "aether.service.implementation=search",
      "aether.service.specifier=1",
      "aether.fail-fast=true"
    })
@EmbeddedAether
class TwoPrincipalApplicationTests {

  @Autowired AetherTestClient testClient;

  @Autowired AetherListenerCapture capture;

  @Autowired AgentClient agent;

  @Autowired ServiceClient service;

  @Autowired EmbeddedAetherGateway gateway;

  @Autowired AetherListenerEndpointRegistry registry;

  @Test
  void bothPrincipalsAreConnectedToTheTestGateway() {
    assertThat(this.agent.state()).isEqualTo(ConnectionState.READY);
    assertThat(this.service.state()).isEqualTo(ConnectionState.READY);
    assertThat(this.agent.options().address()).isEqualTo(this.gateway.address());
    assertThat(this.gateway.connectedIdentities())
        .contains(this.agent.identity(), this.service.identity());
    assertThat(this.registry.getListenerContainerIds())
        .containsExactlyInAnyOrder("front", "search", "results");
  }

  @Test
  void agentAsksTheServiceAndAnswersTheCaller() {
    IncomingMessage reply = this.testClient.request(this.agent.topic(), "hello");
    assertThat(reply.payloadAsString()).isEqualTo("{\"value\":\"HELLO\"}");
    assertThat(reply.sourceTopic()).isEqualTo(this.agent.topic());
    AetherListenerCapture.Invocation search =
        this.capture.await("search", 1, Duration.ofSeconds(10));
    assertThat(search.invocation().clientName()).isEqualTo("aetherServiceClient");
    assertThat(search.result()).isEqualTo(new Result("HELLO"));
    assertThat(search.invocation().message().getHeaders().get(AetherHeaders.SOURCE_TOPIC))
        .isEqualTo(this.agent.topic());
  }

  record Query(String text, String requester) {}

  record Result(String value) {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class TwoPrincipalApplication {

    @Bean
    Front front(AgentClient agent, ServiceClient service, JsonMapper jsonMapper) {
      return new Front(agent, service, jsonMapper);
    }

    @Bean
    Search search() {
      return new Search();
    }
  }

  /** The agent: relays questions to the service and answers the original caller. */
  static class Front {

    private final AgentClient agent;

    private final ServiceClient service;

    private final JsonMapper jsonMapper;

    private final Map<String, String> requesters = new ConcurrentHashMap<>();

    Front(AgentClient agent, ServiceClient service, JsonMapper jsonMapper) {
      this.agent = agent;
      this.service = service;
      this.jsonMapper = jsonMapper;
    }

    @AetherListener(id = "front", client = "aetherAgentClient", sourceTopic = "ag::test::.*")
    void front(String text, @Header(AetherHeaders.SOURCE_TOPIC) String requester) {
      this.agent
          .send(
              this.service.topic(),
              this.jsonMapper.writeValueAsBytes(new Query(text, requester)),
              MessageType.TOOL_CALL)
          .join();
    }

    @AetherListener(id = "results", client = "aetherAgentClient", sourceTopic = "sv::.*")
    void results(Result result, IncomingMessage raw) {
      String requester = this.requesters.getOrDefault(result.value(), "");
      this.agent
          .send(requester, this.jsonMapper.writeValueAsBytes(result), MessageType.CHAT)
          .join();
    }

    void remember(Query query) {
      this.requesters.put(query.text().toUpperCase(java.util.Locale.ROOT), query.requester());
    }
  }

  /** The service: answers queries; the return value goes back to the agent. */
  static class Search {

    @Autowired Front front;

    @AetherListener(
        id = "search",
        client = "aetherServiceClient",
        messageType = MessageType.TOOL_CALL)
    Result search(Query query) {
      this.front.remember(query);
      return new Result(query.text().toUpperCase(java.util.Locale.ROOT));
    }
  }
}
