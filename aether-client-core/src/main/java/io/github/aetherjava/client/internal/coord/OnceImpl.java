/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.coord.LeaseLost;
import io.github.aetherjava.client.coord.Once;
import io.github.aetherjava.client.coord.OnceResult;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.kv.KvValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Once} on one key: {@code running:<owner>#<nonce>} (a lease) while the task runs, {@code
 * done:<result>} after it succeeded.
 */
public final class OnceImpl implements Once {

  private static final Logger LOG = LoggerFactory.getLogger(OnceImpl.class);

  /** Prefix of a claim. */
  static final String RUNNING = "running:";

  /** Prefix of a recorded result. */
  static final String DONE = "done:";

  /** How often {@link #run} re-reads a key that vanished between its claim attempt and read. */
  private static final int MAX_CLAIM_ROUNDS = 3;

  private final CoordContext ctx;
  private final String name;
  private final Duration resultTtl;

  /**
   * @param ctx shared context
   * @param name once name (its key)
   * @param resultTtl how long the recorded result is kept ({@link Duration#ZERO} = forever)
   */
  public OnceImpl(CoordContext ctx, String name, Duration resultTtl) {
    this.ctx = ctx;
    this.name = CoordContext.checkName(name, 0);
    if (Arguments.notNull(resultTtl, "resultTtl").isNegative()) {
      throw new InvalidArgumentException("resultTtl must not be negative, got " + resultTtl);
    }
    this.resultTtl = resultTtl;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<OnceResult> run(Callable<String> task) {
    return Arguments.check(
        () -> {
          Arguments.notNull(task, "task");
          CompletableFuture<OnceResult> result = new CompletableFuture<>();
          claim(task, result, 1);
          return result;
        });
  }

  private void claim(Callable<String> task, CompletableFuture<OnceResult> result, int round) {
    byte[] claim =
        (RUNNING + new String(ctx.newHolderValue(ctx.ownerId()), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    Lease.tryAcquire(ctx, name, name, claim, this::lost)
        .whenCompleteAsync(
            (lease, error) -> {
              if (error != null) {
                ctx.deliver(result, null, CoordContext.unwrap(error));
              } else if (lease != null) {
                execute(task, lease, claim, result);
              } else {
                inspect(task, result, round);
              }
            },
            ctx.internal());
  }

  private void lost(Lease lease, LeaseLost event) {
    LOG.warn("once '{}': claim lost while the task ran: {}", name, event.reason());
  }

  /** Someone else holds the key: report what it says. */
  private void inspect(Callable<String> task, CompletableFuture<OnceResult> result, int round) {
    read()
        .whenCompleteAsync(
            (state, error) -> {
              if (error != null) {
                ctx.deliver(result, null, error);
              } else if (state.startsWith(DONE)) {
                ctx.deliver(
                    result,
                    new OnceResult(
                        OnceResult.Status.ALREADY_COMPLETED, state.substring(DONE.length()), true),
                    null);
              } else if (!state.isEmpty() || round >= MAX_CLAIM_ROUNDS) {
                ctx.deliver(
                    result, new OnceResult(OnceResult.Status.RUNNING_ELSEWHERE, null, false), null);
              } else {
                claim(task, result, round + 1); // the other run failed and freed the key
              }
            },
            ctx.internal());
  }

  private CompletableFuture<String> read() {
    CompletableFuture<KvValue> f;
    try {
      f = ctx.kv().get(ctx.target(), name, ctx.requestTimeout());
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.handle(
        (v, error) -> {
          if (error != null) {
            throw new java.util.concurrent.CompletionException(ctx.explain(error, "get", name));
          }
          return v.asString();
        });
  }

  private void execute(
      Callable<String> task, Lease lease, byte[] claim, CompletableFuture<OnceResult> result) {
    Runnable run =
        () -> {
          String value;
          try {
            value = Objects.requireNonNull(task.call(), "the task returned null");
          } catch (Exception e) {
            lease.release(); // let a later call try again
            result.completeExceptionally(e);
            return;
          }
          record(lease, claim, value, result);
        };
    try {
      ctx.callbacks().execute(run);
    } catch (RejectedExecutionException e) {
      lease.release();
      result.completeExceptionally(e);
    }
  }

  private void record(
      Lease lease, byte[] claim, String value, CompletableFuture<OnceResult> result) {
    lease.stopRenewing();
    CompletableFuture<Boolean> f;
    try {
      f =
          ctx.kv()
              .compareAndSet(
                  ctx.target(),
                  name,
                  claim,
                  (DONE + value).getBytes(StandardCharsets.UTF_8),
                  resultTtl,
                  ctx.requestTimeout());
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete(
        (applied, error) -> {
          lease.abandon();
          boolean recorded = error == null && applied;
          if (!recorded) {
            LOG.warn(
                "once '{}': the task ran but its result could not be recorded ({})",
                name,
                error == null ? "the claim had expired" : CoordContext.unwrap(error).toString());
          }
          ctx.deliver(result, new OnceResult(OnceResult.Status.EXECUTED, value, recorded), null);
        });
  }

  @Override
  public CompletableFuture<Optional<String>> result() {
    CompletableFuture<Optional<String>> out = new CompletableFuture<>();
    read()
        .whenComplete(
            (state, error) ->
                ctx.deliver(
                    out,
                    error == null ? resultOf(state) : null,
                    error == null ? null : CoordContext.unwrap(error)));
    return out;
  }

  private static Optional<String> resultOf(String state) {
    return state.startsWith(DONE) ? Optional.of(state.substring(DONE.length())) : Optional.empty();
  }

  @Override
  public CompletableFuture<String> awaitResult(Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(timeout, "timeout");
          CompletableFuture<String> out = new CompletableFuture<>();
          poll(ctx.now() + timeout.toNanos(), timeout, out);
          return out;
        });
  }

  private void poll(long deadline, Duration timeout, CompletableFuture<String> out) {
    read()
        .whenCompleteAsync(
            (state, error) -> {
              @Nullable Throwable failure = error == null ? null : CoordContext.unwrap(error);
              if (failure != null) {
                ctx.deliver(out, null, failure);
                return;
              }
              Optional<String> r = resultOf(state);
              if (r.isPresent()) {
                ctx.deliver(out, r.get(), null);
                return;
              }
              long left = deadline - ctx.now();
              if (left <= 0) {
                ctx.deliver(
                    out,
                    null,
                    new AetherTimeoutException("once.awaitResult(" + name + ")", timeout, null));
              } else {
                ctx.schedule(
                    () -> poll(deadline, timeout, out), Math.min(left, ctx.retryDelayNanos()));
              }
            },
            ctx.internal());
  }

  @Override
  public String toString() {
    return "Once[" + name + "]";
  }
}
