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
package io.github.aetherjava.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * Wraps listener method invocations, e.g. for observations or test capture. Interceptor beans are
 * applied in {@link org.springframework.core.Ordered order}, the first one outermost.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerInterceptor {

	/**
	 * Intercept an invocation. Implementations call {@link Chain#proceed()} exactly once and return or
	 * rethrow its outcome.
	 * @param invocation the invocation
	 * @param chain the rest of the chain, ending with the listener method
	 * @return the return value of the listener method
	 * @throws Exception when the listener method throws
	 */
	@Nullable Object intercept(AetherListenerInvocation invocation, Chain chain) throws Exception;

	/**
	 * The rest of an interceptor chain.
	 */
	@FunctionalInterface
	interface Chain {

		/**
		 * Proceed with the next interceptor or the listener method.
		 * @return the return value of the listener method
		 * @throws Exception when the listener method throws
		 */
		@Nullable Object proceed() throws Exception;

	}

}
