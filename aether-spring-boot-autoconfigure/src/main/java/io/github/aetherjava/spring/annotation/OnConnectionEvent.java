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
package io.github.aetherjava.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.aetherjava.spring.listener.AetherConnectionEvent;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method to receive {@link AetherConnectionEvent connection events} of a client (connected,
 * disconnected, reconnecting, state changed). Callbacks must be quick: they run on the client's callback
 * thread.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OnConnectionEvent {

	/**
	 * Event types to receive; all types when empty.
	 * @return the event types
	 */
	AetherConnectionEvent.Type[] value() default {};

	/**
	 * Bean name of the client; all clients when empty.
	 * @return the client bean name
	 */
	String client() default "";

	/**
	 * Unique identifier of the listener; generated when empty.
	 * @return the listener id
	 */
	String id() default "";

}
