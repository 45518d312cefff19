/**
 * Implementation of {@link io.github.aetherjava.client.coord}: leases on KV keys and the primitives
 * built from them. Internal continuations run on the shared client timer thread and only update
 * state and send requests; user code runs on the client's callback executor.
 */
@NullMarked
package io.github.aetherjava.client.internal.coord;

import org.jspecify.annotations.NullMarked;
