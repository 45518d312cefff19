/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import io.github.aetherjava.proto.v1.PrincipalType;
import java.time.Instant;

/**
 * Read-only view of a connected session, for tests and diagnostics.
 *
 * @param sessionId the session id sent in the {@code ConnectionAck}
 * @param identity canonical identity string (lock key), e.g. {@code ag::prod::impl::s1}
 * @param principalType principal type
 * @param workspace current workspace ("" for workspace-less principals and users that have not
 *     switched)
 * @param resumed whether this connection resumed a previous session
 * @param reconnectionCount resumes since the identity first connected
 * @param connectedAt when this connection was accepted
 * @param queuedFrames frames waiting in the session's bounded queues
 * @param backlog messages stored on the identity topic and not yet written
 * @param backpressureDrops frames dropped because the client did not keep up
 * @param inboundPaused whether the gateway has stopped reading this client's frames because a
 *     consumer it publishes to is congested (flow-control push-back)
 */
public record SessionInfo(
    String sessionId,
    String identity,
    PrincipalType principalType,
    String workspace,
    boolean resumed,
    int reconnectionCount,
    Instant connectedAt,
    int queuedFrames,
    int backlog,
    long backpressureDrops,
    boolean inboundPaused) {}
