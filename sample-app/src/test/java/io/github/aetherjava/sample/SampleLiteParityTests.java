package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the sample on an embedded gateway that refuses what AetherLite in dev mode refuses
 * ({@code aether.embedded.policy-mode=lite-parity}): the shared KV scopes are denied, the exclusive ones
 * and messaging keep working, and the sample reports the denial instead of failing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aether.embedded.policy-mode=lite-parity")
@DirtiesContext
class SampleLiteParityTests {

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void sharedKvScopesAreDeniedAndEverythingElseWorks() {
        RestClient http = RestClient.create("http://localhost:" + port);
        JsonNode result = json.readTree(http.post().uri("/api/ask").contentType(MediaType.APPLICATION_JSON)
                .body("{\"text\":\"does it work on AetherLite?\"}").retrieve().body(String.class));
        assertThat(result.path("answer").path("answerNumber").asLong()).isEqualTo(1);

        JsonNode kv = json.readTree(http.get().uri("/api/kv").retrieve().body(String.class));
        assertThat(kv.path("assistant workspace-exclusive answers-given").asString()).isEqualTo("1");
        assertThat(kv.path("workflow-engine reads workspace demo questions-asked").asString()).startsWith("denied");

        JsonNode transcript = json.readTree(http.get().uri("/api/transcript").retrieve().body(String.class));
        boolean denialShown = false;
        for (JsonNode line : transcript) {
            denialShown |= line.asString().contains("questions-asked (workspace, shared) = denied");
        }
        assertThat(denialShown).isTrue();

        JsonNode event = json.readTree(http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"order.created\",\"detail\":\"on lite\"}").retrieve().body(String.class));
        assertThat(event.path("notification").path("text").asString()).endsWith("on lite");
    }
}
