/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseFutureTest {

  /** Records hand-offs; runs them on a separate, named thread so tests can tell where code ran. */
  private final List<Runnable> handedOff = new ArrayList<>();

  private final ExecutorService callbackThread =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "cb"));
  private final Executor callbacks =
      task -> {
        synchronized (handedOff) {
          handedOff.add(task);
        }
        callbackThread.execute(task);
      };

  @AfterEach
  void stop() {
    callbackThread.shutdownNow();
  }

  private int handOffs() {
    synchronized (handedOff) {
      return handedOff.size();
    }
  }

  @Test
  void aThreadBlockedInJoinIsWokenByTheDeliveringThreadWithoutAHandOff() throws Exception {
    ResponseFuture<String> f = new ResponseFuture<>(callbacks);
    AtomicReference<String> got = new AtomicReference<>();
    Thread waiter = new Thread(() -> got.set(f.join()), "waiter");
    waiter.start();
    await().until(() -> f.getNumberOfDependents() == 1);
    f.deliver("v", null);
    waiter.join(10_000);
    assertThat(got).hasValue("v");
    assertThat(handOffs()).isZero();
  }

  @Test
  void aFutureNobodyWaitsForCompletesInline() {
    ResponseFuture<String> f = new ResponseFuture<>(callbacks);
    f.deliver(null, new IllegalStateException("boom"));
    assertThat(f).isCompletedExceptionally();
    assertThat(handOffs()).isZero();
  }

  @Test
  void stagesAttachedWhilePendingRunOnTheCallbackExecutorNeverOnTheDeliveringThread() {
    ResponseFuture<String> f = new ResponseFuture<>(callbacks);
    AtomicReference<String> applyThread = new AtomicReference<>();
    AtomicReference<String> whenThread = new AtomicReference<>();
    CompletableFuture<Integer> length =
        f.thenApply(
            v -> {
              applyThread.set(Thread.currentThread().getName());
              return v.length();
            });
    f.whenComplete((v, e) -> whenThread.set(Thread.currentThread().getName()));
    f.deliver("abc", null);
    assertThat(length.join()).isEqualTo(3);
    await().until(() -> whenThread.get() != null);
    assertThat(applyThread).hasValue("cb");
    assertThat(whenThread).hasValue("cb");
  }

  @Test
  void aStageAttachedThroughAnotherFutureMakesTheCompletionHandOff() {
    ResponseFuture<String> f = new ResponseFuture<>(callbacks);
    AtomicReference<String> ranOn = new AtomicReference<>();
    CompletableFuture.allOf(f).thenRun(() -> ranOn.set(Thread.currentThread().getName()));
    f.deliver("v", null);
    await().until(() -> ranOn.get() != null);
    assertThat(ranOn).hasValue("cb");
    assertThat(handOffs()).isEqualTo(1);
  }

  @Test
  void stagesAttachedAfterCompletionRunOnTheCallersThread() {
    ResponseFuture<String> f = new ResponseFuture<>(callbacks);
    f.deliver("v", null);
    AtomicReference<String> ranOn = new AtomicReference<>();
    f.thenAccept(v -> ranOn.set(Thread.currentThread().getName())).join();
    assertThat(ranOn).hasValue(Thread.currentThread().getName());
    assertThat(f.exceptionally(e -> "x").join()).isEqualTo("v");
    assertThat(handOffs()).isZero();
  }

  @Test
  void timedGetAndCombinationsKeepTheirUsualResults() throws Exception {
    ResponseFuture<Integer> f = new ResponseFuture<>(callbacks);
    CompletableFuture<Integer> sum =
        f.thenCombine(CompletableFuture.completedFuture(2), Integer::sum);
    CompletableFuture<Integer> recovered =
        f.exceptionallyCompose(e -> CompletableFuture.completedFuture(-1));
    f.deliver(40, null);
    assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(40);
    assertThat(sum.get(5, TimeUnit.SECONDS)).isEqualTo(42);
    assertThat(recovered.join()).isEqualTo(40);
  }
}
