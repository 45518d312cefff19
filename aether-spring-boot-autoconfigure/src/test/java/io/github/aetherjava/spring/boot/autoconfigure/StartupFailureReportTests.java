package io.github.aetherjava.spring.boot.autoconfigure;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when startup fails: Boot's failure report naming the property, no gRPC stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void invalidPropertyIsReportedByName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--aether.address=127.0.0.1:1", "--aether.agent.workspace=prod::x",
				"--aether.agent.implementation=impl", "--aether.agent.specifier=s1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: aether.agent.workspace")
			.contains("must not be blank or contain whitespace or '::'")
			.doesNotContain("io.grpc");
	}

	@Test
	void failFastConnectFailureIsReportedWithTheAddress(CapturedOutput output) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		int closedPort = port;
		assertThatException().isThrownBy(() -> run("--aether.address=127.0.0.1:" + closedPort, "--aether.fail-fast=true",
				"--aether.connect-timeout=5s", "--aether.agent.workspace=prod", "--aether.agent.implementation=impl",
				"--aether.agent.specifier=s1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("could not connect to 127.0.0.1:" + closedPort)
			.contains("aether.fail-fast=false");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@Import(AetherAutoConfiguration.class)
	static class App {

	}

}
