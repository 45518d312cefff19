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

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks Aether credentials in the {@code configprops} and {@code env} actuator endpoints even when they
 * are configured to show values ({@code management.endpoint.*.show-values=ALWAYS}).
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class AetherSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "aetherSanitizingFunction")
	SanitizingFunction aetherSanitizingFunction() {
		return AetherSanitizingAutoConfiguration::sanitize;
	}

	static SanitizableData sanitize(SanitizableData data) {
		String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		boolean credential = key.startsWith("aether.credentials.") || key.endsWith("apikey")
				|| key.endsWith("tasktoken") || key.endsWith("credentials.token") || key.equals("token");
		return credential ? data.withSanitizedValue() : data;
	}

}
