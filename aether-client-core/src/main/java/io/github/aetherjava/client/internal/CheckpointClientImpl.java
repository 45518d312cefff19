/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.checkpoint.CheckpointClient;
import io.github.aetherjava.client.checkpoint.CheckpointSaveResult;
import io.github.aetherjava.client.checkpoint.CheckpointTtl;
import io.github.aetherjava.proto.v1.CheckpointOperation;
import io.github.aetherjava.proto.v1.CheckpointResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link CheckpointClient} over the client's stream. */
public final class CheckpointClientImpl implements CheckpointClient {

  private final ClientCore core;

  /**
   * @param core connection
   */
  public CheckpointClientImpl(ClientCore core) {
    this.core = core;
  }

  @Override
  public Duration defaultTimeout() {
    return core.options().requestTimeout();
  }

  @Override
  public CompletableFuture<CheckpointSaveResult> save(
      String key, byte[] data, CheckpointTtl ttl, Duration timeout) {
    return Arguments.check(
        () -> {
          String k = key(key);
          return call(
              "checkpoint.save",
              CheckpointOperation.newBuilder()
                  .setOp(CheckpointOperation.OpType.SAVE)
                  .setKey(k)
                  .setData(ByteString.copyFrom(Arguments.notNull(data, "data")))
                  .setTtl(Arguments.notNull(ttl, "ttl").seconds()),
              k,
              timeout,
              r -> new CheckpointSaveResult(k, Instant.ofEpochSecond(r.getSavedAt())));
        });
  }

  @Override
  public CompletableFuture<Checkpoint> load(String key, Duration timeout) {
    return Arguments.check(
        () -> {
          String k = key(key);
          return call(
              "checkpoint.load",
              CheckpointOperation.newBuilder().setOp(CheckpointOperation.OpType.LOAD).setKey(k),
              k,
              timeout,
              r ->
                  new Checkpoint(
                      k,
                      r.getData().toByteArray(),
                      r.getSavedAt() > 0 ? Instant.ofEpochSecond(r.getSavedAt()) : null));
        });
  }

  @Override
  public CompletableFuture<List<String>> list(Duration timeout) {
    return call(
        "checkpoint.list",
        CheckpointOperation.newBuilder().setOp(CheckpointOperation.OpType.LIST),
        "",
        timeout,
        r -> List.copyOf(r.getKeysList()));
  }

  @Override
  public CompletableFuture<Void> delete(String key, Duration timeout) {
    return Arguments.check(
        () -> {
          String k = key(key);
          return call(
              "checkpoint.delete",
              CheckpointOperation.newBuilder().setOp(CheckpointOperation.OpType.DELETE).setKey(k),
              k,
              timeout,
              r -> null);
        });
  }

  private static String key(@Nullable String key) {
    String k = Arguments.notNull(key, "key");
    return k.isEmpty() ? DEFAULT_KEY : k;
  }

  private <T> CompletableFuture<T> call(
      String operation,
      CheckpointOperation.Builder op,
      String key,
      Duration timeout,
      Function<CheckpointResponse, @Nullable T> decode) {
    RequestObservation observation = core.observe(operation);
    try {
      Arguments.positive(timeout, "timeout");
    } catch (InvalidArgumentException e) {
      observation.onComplete(e);
      return CompletableFuture.failedFuture(e);
    }
    String requestId = core.nextRequestId();
    UpstreamMessage frame =
        UpstreamMessage.newBuilder().setCheckpointOp(op.setRequestId(requestId)).build();
    String context = operation + (key.isEmpty() ? "" : " '" + key + "'");
    boolean idempotent =
        op.getOp() == CheckpointOperation.OpType.LOAD
            || op.getOp() == CheckpointOperation.OpType.LIST;
    return core.request(
        operation,
        requestId,
        frame,
        timeout,
        idempotent,
        m -> {
          CheckpointResponse r = m.getCheckpoint();
          if (!r.getSuccess()) {
            throw new GatewayErrorException(
                "CHECKPOINT_ERROR", context + " failed: " + r.getError(), false, Duration.ZERO);
          }
          return decode.apply(r);
        },
        e -> RequestErrors.withContext(e, context),
        observation);
  }
}
