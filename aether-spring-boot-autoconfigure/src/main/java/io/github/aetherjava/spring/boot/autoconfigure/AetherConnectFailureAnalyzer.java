/*
 * Copyright 2026 the aether-java authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.spring.client.AetherConnectFailedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed first connection (with {@code aether.fail-fast=true}) without a transport stack trace.
 *
 * @since 0.1.0
 */
public class AetherConnectFailureAnalyzer extends AbstractFailureAnalyzer<AetherConnectFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AetherConnectFailedException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Check that the Aether gateway at '" + cause.getAddress()
						+ "' is reachable and that aether.credentials.* are accepted, or set aether.fail-fast=false"
						+ " to start anyway and keep reconnecting in the background.",
				cause);
	}

}
