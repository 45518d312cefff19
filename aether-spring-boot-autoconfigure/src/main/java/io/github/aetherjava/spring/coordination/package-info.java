/**
 * Leader election as a Spring {@link org.springframework.context.SmartLifecycle} that publishes
 * {@link io.github.aetherjava.spring.coordination.LeadershipGrantedEvent} and {@link
 * io.github.aetherjava.spring.coordination.LeadershipRevokedEvent}.
 */
@NullMarked
package io.github.aetherjava.spring.coordination;

import org.jspecify.annotations.NullMarked;
