/**
 * Administration over a connected client's stream: API tokens, ACL rules, workspaces, the agent
 * registry, sessions and audit queries, plus the gateway's health through the standard gRPC health
 * service. Obtain it with {@code AetherClient.admin()}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.admin;

import org.jspecify.annotations.NullMarked;
