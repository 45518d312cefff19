/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.Signal;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.List;

/** Small builders for the downstream frames the gateway emits itself. */
public final class Frames {

  private Frames() {}

  /** An un-correlated, non-retryable {@code ErrorResponse}. */
  public static DownstreamMessage error(String code, String message) {
    return error(code, message, false, 0, "");
  }

  /** A non-retryable {@code ErrorResponse} correlated to {@code requestId} ("" = none). */
  public static DownstreamMessage error(String code, String message, String requestId) {
    return error(code, message, false, 0, requestId);
  }

  /** A fully specified {@code ErrorResponse}. */
  public static DownstreamMessage error(
      String code, String message, boolean retryable, long retryAfterMs, String requestId) {
    return DownstreamMessage.newBuilder()
        .setError(
            ErrorResponse.newBuilder()
                .setCode(code)
                .setMessage(message)
                .setRetryable(retryable)
                .setRetryAfterMs(retryAfterMs)
                .setRequestId(requestId))
        .build();
  }

  /**
   * The {@code request_id} of the payload {@code frame} carries ("" when that payload has none), so
   * an error answering any request, including ones no component handles, is correlated to it.
   */
  public static String requestId(UpstreamMessage frame) {
    return payloadRequestId(frame);
  }

  /** The {@code request_id} of a downstream frame's payload ("" when it has none). */
  public static String requestId(DownstreamMessage frame) {
    return payloadRequestId(frame);
  }

  private static String payloadRequestId(Message frame) {
    Descriptors.OneofDescriptor oneof = frame.getDescriptorForType().getOneofs().get(0);
    Descriptors.FieldDescriptor set = frame.getOneofFieldDescriptor(oneof);
    if (set == null || set.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
      return "";
    }
    Message payload = (Message) frame.getField(set);
    // task subscriptions and authority requests call it client_request_id (an authority request's
    // request_id names the request acted on, not the call)
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

  private static final List<String> REQUEST_ID_FIELDS = List.of("client_request_id", "request_id");

  /** A {@code Signal} frame. */
  public static DownstreamMessage signal(Signal.SignalType type, String reason) {
    return DownstreamMessage.newBuilder()
        .setSignal(Signal.newBuilder().setType(type).setReason(reason))
        .build();
  }
}
