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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidAetherConfigurationException} into a startup report that names the property.
 *
 * @since 0.1.0
 */
public class AetherFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAetherConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAetherConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Update your application's configuration: correct or remove '" + cause.getProperty()
						+ "'. See docs/configuration.md for every aether.* property.",
				cause);
	}

}
