/**
 * A report service run as several instances: its scheduled job runs on one instance per schedule,
 * through ShedLock's {@code @SchedulerLock} on the Aether KV store.
 */
@NullMarked
package io.github.aetherjava.sample.jobs;

import org.jspecify.annotations.NullMarked;
