/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

  /** Told when a session starts and when it ends (features that track who is online). */
  public interface SessionListener {
    /** The session is acknowledged and subscribed; frames sent now follow the ack. */
    default void connected(Session session, InitConnection init) {}

    /**
     * The session ended.
     *
     * @param clientClosedCleanly true only when the client half-closed (EOF) on its own, not when
     *     the gateway asked it to (shutdown) or ended it (kick, error)
     */
    default void disconnected(Session session, boolean clientClosedCleanly) {}
  }

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Map<UpstreamMessage.PayloadCase, FrameHandler> handlers =
      new EnumMap<>(UpstreamMessage.PayloadCase.class);
  private final Map<UpstreamMessage.PayloadCase, List<FrameHandler>> observers =
      new EnumMap<>(UpstreamMessage.PayloadCase.class);
  private final List<SessionListener> sessionListeners = new CopyOnWriteArrayList<>();

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

  /**
   * Registers {@code observer} to see every {@code payloadCase} frame after its handler ran (for
   * example the orchestration trigger watching sends). Register before the gateway serves.
   */
  public synchronized void observe(UpstreamMessage.PayloadCase payloadCase, FrameHandler observer) {
    observers.computeIfAbsent(payloadCase, k -> new CopyOnWriteArrayList<>()).add(observer);
  }

  /** Registers a listener for session starts and ends. */
  public void addSessionListener(SessionListener listener) {
    sessionListeners.add(listener);
  }

  void connected(Session session, InitConnection init) {
    for (SessionListener l : sessionListeners) {
      try {
        l.connected(session, init);
      } catch (RuntimeException e) {
        log.error("{}: session listener failed on connect", session.identity().key(), e);
      }
    }
  }

  void disconnected(Session session, boolean clientClosedCleanly) {
    for (SessionListener l : sessionListeners) {
      try {
        l.disconnected(session, clientClosedCleanly);
      } catch (RuntimeException e) {
        log.error("{}: session listener failed on disconnect", session.identity().key(), e);
      }
    }
  }

  void dispatch(Session session, UpstreamMessage frame) {
    UpstreamMessage.PayloadCase pc = frame.getPayloadCase();
    FrameHandler handler = handlers.get(pc);
    if (handler == null) {
      session.send(Frames.error("ERR_NOT_IMPLEMENTED", notImplementedText(pc), requestIdOf(frame)));
      return;
    }
    try {
      handler.handle(session, frame);
      List<FrameHandler> watching = observers.get(pc);
      if (watching != null) {
        for (FrameHandler o : watching) {
          o.handle(session, frame);
        }
      }
    } catch (RuntimeException e) {
      // A handler bug must never take the stream (or the server) down.
      log.error("{}: handler for {} failed", session.identity().key(), pc, e);
      session.send(
          Frames.error(
              "ERR_INTERNAL",
              "internal error handling "
                  + pc.name().toLowerCase()
                  + ": "
                  + e.getClass().getSimpleName(),
              requestIdOf(frame)));
    }
  }

  /**
   * The correlation id of a request frame ({@code request_id}, or {@code client_request_id} where
   * the request names it so), "" for frames without one; an error answering the frame carries it so
   * the caller fails at once instead of waiting for its timeout.
   */
  static String requestIdOf(UpstreamMessage frame) {
    Descriptors.FieldDescriptor field =
        frame.getOneofFieldDescriptor(UpstreamMessage.getDescriptor().getOneofs().get(0));
    if (field == null || field.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
      return "";
    }
    Message payload = (Message) frame.getField(field);
    for (String name : REQUEST_ID_FIELDS) {
      Descriptors.FieldDescriptor id = payload.getDescriptorForType().findFieldByName(name);
      if (id != null
          && !id.isRepeated()
          && id.getJavaType() == Descriptors.FieldDescriptor.JavaType.STRING) {
        return (String) payload.getField(id);
      }
    }
    return "";
  }

  private static final List<String> REQUEST_ID_FIELDS = List.of("request_id", "client_request_id");

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
