/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import io.github.aetherjava.spring.listener.AetherListenerInterceptor;
import io.github.aetherjava.spring.listener.AetherListenerInvocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;

/**
 * Records every listener invocation (arguments, return value, exception) so tests can wait for a
 * listener and assert on what it got and did, in the spirit of spring-rabbit-test's {@code
 * RabbitListenerTestHarness}.
 *
 * @since 0.1.0
 */
public class AetherListenerCapture implements AetherListenerInterceptor, Ordered {

  private final ReentrantLock lock = new ReentrantLock();

  private final Condition captured = this.lock.newCondition();

  private final List<Invocation> invocations = new ArrayList<>();

  @Override
  public int getOrder() {
    // Innermost: capture what the method itself returned or threw.
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public @Nullable Object intercept(AetherListenerInvocation invocation, Chain chain)
      throws Exception {
    Object result = null;
    Throwable error = null;
    try {
      result = chain.proceed();
      return result;
    } catch (Exception | Error ex) {
      error = ex;
      throw ex;
    } finally {
      record(new Invocation(invocation, result, error));
    }
  }

  private void record(Invocation invocation) {
    this.lock.lock();
    try {
      this.invocations.add(invocation);
      this.captured.signalAll();
    } finally {
      this.lock.unlock();
    }
  }

  /**
   * Return the invocations of one listener so far.
   *
   * @param listenerId the listener id
   * @return the invocations, oldest first
   */
  public List<Invocation> invocations(String listenerId) {
    return find((invocation) -> invocation.invocation().listenerId().equals(listenerId));
  }

  /**
   * Return every invocation so far.
   *
   * @return the invocations, oldest first
   */
  public List<Invocation> invocations() {
    return find((invocation) -> true);
  }

  /**
   * Wait for the next-unseen invocation of a listener: returns the {@code count}-th invocation
   * (1-based) as soon as it happened.
   *
   * @param listenerId the listener id
   * @param count which invocation to wait for, 1 for the first
   * @param timeout how long to wait
   * @return the invocation
   * @throws AssertionError if it did not happen in time
   */
  public Invocation await(String listenerId, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    this.lock.lock();
    try {
      while (true) {
        List<Invocation> matching =
            this.invocations.stream()
                .filter((invocation) -> invocation.invocation().listenerId().equals(listenerId))
                .toList();
        if (matching.size() >= count) {
          return matching.get(count - 1);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new AssertionError(
              "Aether listener '"
                  + listenerId
                  + "' was invoked "
                  + matching.size()
                  + " time(s) within "
                  + timeout
                  + ", expected at least "
                  + count);
        }
        this.captured.await(remaining, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new AssertionError(
          "Interrupted while waiting for Aether listener '" + listenerId + "'", ex);
    } finally {
      this.lock.unlock();
    }
  }

  /** Forget every recorded invocation. */
  public void reset() {
    this.lock.lock();
    try {
      this.invocations.clear();
    } finally {
      this.lock.unlock();
    }
  }

  private List<Invocation> find(Predicate<Invocation> filter) {
    this.lock.lock();
    try {
      return this.invocations.stream().filter(filter).toList();
    } finally {
      this.lock.unlock();
    }
  }

  /**
   * One recorded invocation.
   *
   * @param invocation the invocation (listener id, message with payload and headers, client)
   * @param result what the listener returned, or {@code null}
   * @param error what the listener threw, or {@code null}
   */
  public record Invocation(
      AetherListenerInvocation invocation, @Nullable Object result, @Nullable Throwable error) {

    /**
     * Return the payload the listener was invoked with (before conversion to the parameter type).
     *
     * @return the payload
     */
    public Object payload() {
      return this.invocation.message().getPayload();
    }
  }
}
