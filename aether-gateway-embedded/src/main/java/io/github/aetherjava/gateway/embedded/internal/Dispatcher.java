/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table from upstream payload case to the component that handles it. Components register
 * themselves; cases nobody registered are answered with {@code ERR_NOT_IMPLEMENTED}, so a new
 * feature never touches the connection code.
 */
public final class Dispatcher {

  /** Handles one upstream frame of an established session. */
  @FunctionalInterface
  public interface FrameHandler {
    void handle(Session session, UpstreamMessage frame);
  }

  /** A feature that handles some upstream payload cases. */
  public interface Component {
    void register(Dispatcher dispatcher);
  }

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Map<UpstreamMessage.PayloadCase, FrameHandler> handlers =
      new EnumMap<>(UpstreamMessage.PayloadCase.class);

  /** Registers {@code handler} for {@code payloadCase}; each case has exactly one handler. */
  public void on(UpstreamMessage.PayloadCase payloadCase, FrameHandler handler) {
    if (payloadCase == UpstreamMessage.PayloadCase.INIT
        || payloadCase == UpstreamMessage.PayloadCase.PAYLOAD_NOT_SET) {
      throw new IllegalArgumentException(payloadCase + " is handled by the connection itself");
    }
    if (handlers.putIfAbsent(payloadCase, handler) != null) {
      throw new IllegalStateException("two handlers registered for " + payloadCase);
    }
  }

  void dispatch(Session session, UpstreamMessage frame) {
    UpstreamMessage.PayloadCase pc = frame.getPayloadCase();
    FrameHandler handler = handlers.get(pc);
    if (handler == null) {
      session.send(
          Frames.error("ERR_NOT_IMPLEMENTED", notImplementedText(pc), Frames.requestId(frame)));
      return;
    }
    try {
      handler.handle(session, frame);
    } catch (RuntimeException e) {
      // A handler bug must never take the stream (or the server) down.
      log.error(
          "event=handler_failed session={} identity={} payload={}",
          session.id(),
          session.identity().key(),
          pc,
          e);
      session.send(
          Frames.error(
              "ERR_INTERNAL",
              "internal error handling "
                  + pc.name().toLowerCase()
                  + ": "
                  + e.getClass().getSimpleName(),
              Frames.requestId(frame)));
    }
  }

  private static String notImplementedText(UpstreamMessage.PayloadCase pc) {
    if (pc == UpstreamMessage.PayloadCase.ADMIN_QUERY) {
      return "This operation is not supported over the streaming API. Use the REST admin API.";
    }
    if (pc == UpstreamMessage.PayloadCase.PAYLOAD_NOT_SET) {
      return "upstream message has no payload (unknown or empty oneof)";
    }
    return "operation " + pc.name().toLowerCase() + " is not supported by the embedded gateway";
  }
}
