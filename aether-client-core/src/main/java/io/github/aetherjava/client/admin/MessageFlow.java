/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.proto.v1.MessageFlowInfo;
import java.util.List;

/**
 * Who talks to whom in a workspace ({@link AdminClient#messageFlow}).
 *
 * @param workspace workspace id
 * @param nodes participants (canonical identities)
 * @param edges observed flows
 * @since 0.1.0
 */
public record MessageFlow(String workspace, List<String> nodes, List<Edge> edges) {

  /** Copies the lists. */
  public MessageFlow {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * One observed flow.
   *
   * @param from sender identity
   * @param to receiver identity
   * @param count messages observed
   */
  public record Edge(String from, String to, long count) {}

  /**
   * @param p wire form
   * @return value
   */
  public static MessageFlow fromProto(MessageFlowInfo p) {
    return new MessageFlow(
        p.getWorkspaceId(),
        p.getNodesList().stream().map(n -> n.getId()).toList(),
        p.getEdgesList().stream()
            .map(e -> new Edge(e.getFrom(), e.getTo(), e.getCount()))
            .toList());
  }
}
