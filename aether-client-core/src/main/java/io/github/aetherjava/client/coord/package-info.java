/**
 * Distributed coordination over the gateway's KV store: {@link
 * io.github.aetherjava.client.coord.AetherMutex} (a leased lock with a fencing token), {@link
 * io.github.aetherjava.client.coord.LeaderElection}, {@link
 * io.github.aetherjava.client.coord.AetherSemaphore} (leased permits) and {@link
 * io.github.aetherjava.client.coord.Once}. Every primitive is built only on conditional KV writes
 * (set-if-absent, compare-and-set, compare-and-delete) in the scope named by {@link
 * io.github.aetherjava.client.coord.CoordinationOptions#target()}; start from {@link
 * io.github.aetherjava.client.coord.Coordination#create}.
 */
@NullMarked
package io.github.aetherjava.client.coord;

import org.jspecify.annotations.NullMarked;
