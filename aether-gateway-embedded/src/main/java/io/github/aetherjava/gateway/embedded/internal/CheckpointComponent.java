/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.CheckpointOperation;
import io.github.aetherjava.proto.v1.CheckpointResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code CheckpointOperation}: save/load/delete/list of the caller's own checkpoints (any
 * principal).
 */
final class CheckpointComponent implements Dispatcher.Component {

  /**
   * Longest checkpoint key we store (the real gateway has no explicit bound; this keeps records
   * sane).
   */
  static final int MAX_KEY_BYTES = 1024;

  private final CheckpointStore store;
  private final Clock clock;
  private final Duration defaultTtl;

  CheckpointComponent(CheckpointStore store, Clock clock, Duration defaultTtl) {
    this.store = store;
    this.clock = clock;
    this.defaultTtl = defaultTtl;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.CHECKPOINT_OP, (s, f) -> handle(s, f.getCheckpointOp()));
  }

  private void handle(Session session, CheckpointOperation op) {
    String identity = session.identity().key();
    String key = op.getKey().isEmpty() ? "default" : op.getKey();
    long now = clock.millis();
    CheckpointResponse.Builder r = CheckpointResponse.newBuilder().setRequestId(op.getRequestId());
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      r.setSuccess(false)
          .setError("checkpoint key exceeds maximum length of " + MAX_KEY_BYTES + " bytes");
    } else {
      switch (op.getOp()) {
        case SAVE -> {
          long expires;
          if (op.getTtl() < 0) {
            expires = defaultTtl.isZero() ? 0 : now + defaultTtl.toMillis();
          } else if (op.getTtl() == 0) {
            expires = 0;
          } else {
            expires = now + op.getTtl() * 1000;
          }
          long savedAt = now / 1000;
          store.save(identity, key, op.getData().toByteArray(), savedAt, expires, now);
          r.setSuccess(true).setSavedAt(savedAt);
        }
        case LOAD -> {
          CheckpointStore.Checkpoint c = store.load(identity, key, now);
          r.setSuccess(true);
          if (c != null) {
            r.setData(ByteString.copyFrom(c.data())).setSavedAt(c.savedAtSeconds());
          }
        }
        case DELETE -> {
          store.delete(identity, key, now);
          r.setSuccess(true);
        }
        case LIST -> r.setSuccess(true).addAllKeys(store.list(identity, now));
        default -> r.setSuccess(false).setError("unknown checkpoint operation");
      }
    }
    DownstreamMessage frame = DownstreamMessage.newBuilder().setCheckpoint(r).build();
    store.afterDurable(() -> session.send(frame));
  }
}
