/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Inbound flow control of one client. Normally a frame's credit goes back to the transport only
 * when its handler has finished (in batches), so a slow handler makes the gateway hold back instead
 * of the client buffering: at most {@code inboundWindow} frames wait.
 *
 * <p>A handler that makes a request of its own client and waits for it would then wait forever once
 * the window is full: the response queues behind frames nobody asks for. So while a request made on
 * a handler thread is in flight, every frame's credit is returned as soon as it is queued
 * ("read-ahead"), up to {@link #MAX_READ_AHEAD} frames beyond the window. When that bound is
 * reached, those requests fail at once (the caller is told to compose the future instead of
 * blocking) rather than time out.
 */
final class InboundFlow {

  /** Most frames read ahead while a handler waits for a request of its own client. */
  static final int MAX_READ_AHEAD = 10_000;

  /** Credit of one stream. */
  static final class Credit {
    private final IntConsumer request;
    private final int batch;
    // guarded by the flow's lock
    private int queued;
    private int prepaid;
    private int consumed;
    private boolean done;

    /**
     * @param request asks the transport for n more frames
     * @param batch frames returned at once in normal operation
     */
    Credit(IntConsumer request, int batch) {
      this.request = request;
      this.batch = batch;
    }
  }

  private static final ThreadLocal<@Nullable InboundFlow> HANDLER_OF = new ThreadLocal<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final int maxReadAhead;
  // guarded by lock
  private @Nullable Credit current;
  private boolean paused;
  private final Map<String, Runnable> handlerRequests = new LinkedHashMap<>();

  InboundFlow(int maxReadAhead) {
    this.maxReadAhead = maxReadAhead;
  }

  /**
   * @param credit credit of the stream that is now the client's
   */
  void attach(Credit credit) {
    lock.lock();
    try {
      current = credit;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @param credit a stream that has ended: it asks for nothing more
   */
  void end(Credit credit) {
    lock.lock();
    try {
      credit.done = true;
      if (current == credit) {
        current = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return true if the calling thread runs a handler of this client
   */
  boolean onHandlerThread() {
    return HANDLER_OF.get() == this;
  }

  /**
   * Runs a handler task, marking the thread as a handler thread of this client.
   *
   * @param task the handler work
   */
  void runAsHandler(Runnable task) {
    InboundFlow outer = enterHandler();
    try {
      task.run();
    } finally {
      exitHandler(outer);
    }
  }

  /**
   * Marks the calling thread as a handler thread of this client until {@link #exitHandler}.
   *
   * @return the mark it had before, for {@code exitHandler}
   */
  @Nullable InboundFlow enterHandler() {
    InboundFlow outer = HANDLER_OF.get();
    HANDLER_OF.set(this);
    return outer;
  }

  /**
   * @param outer what {@link #enterHandler} returned
   */
  void exitHandler(@Nullable InboundFlow outer) {
    HANDLER_OF.set(outer);
  }

  /** A frame consumed by SDK code (correlated, internal, ignored): its credit goes back. */
  void consumed(Credit c) {
    int n = 0;
    lock.lock();
    try {
      if (!c.done && ++c.consumed >= c.batch && !paused) {
        n = c.consumed;
        c.consumed = 0;
      }
    } finally {
      lock.unlock();
    }
    request(c, n);
  }

  /**
   * Withholds credit: frames already asked for still arrive and are handled, no more are asked for
   * (beyond the bounded read-ahead of a handler waiting for its own request). A stream opened later
   * starts with a full window.
   */
  void pause() {
    lock.lock();
    try {
      paused = true;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the credit withheld since {@link #pause()}. */
  void resume() {
    Credit c;
    int n = 0;
    lock.lock();
    try {
      paused = false;
      c = current;
      if (c != null && !c.done) {
        n = c.consumed;
        c.consumed = 0;
      }
    } finally {
      lock.unlock();
    }
    if (c != null) {
      request(c, n);
    }
  }

  boolean isPaused() {
    lock.lock();
    try {
      return paused;
    } finally {
      lock.unlock();
    }
  }

  /** A frame was queued for handlers. */
  void queued(Credit c) {
    int n = 0;
    List<Runnable> aborts = List.of();
    lock.lock();
    try {
      c.queued++;
      if (!c.done && !handlerRequests.isEmpty()) {
        if (c.prepaid < maxReadAhead) {
          c.prepaid++;
          n = 1;
        } else {
          aborts = new ArrayList<>(handlerRequests.values());
          handlerRequests.clear();
        }
      }
    } finally {
      lock.unlock();
    }
    request(c, n);
    aborts.forEach(Runnable::run);
  }

  /** A queued frame's handlers have finished. */
  void handled(Credit c) {
    int n = 0;
    lock.lock();
    try {
      c.queued--;
      if (c.prepaid > 0) {
        c.prepaid--;
      } else if (!c.done && ++c.consumed >= c.batch && !paused) {
        n = c.consumed;
        c.consumed = 0;
      }
    } finally {
      lock.unlock();
    }
    request(c, n);
  }

  /**
   * A request was made on a handler thread of this client: read ahead until it ends.
   *
   * @param requestId the request
   * @param abort fails the request at once if the read-ahead bound is reached
   */
  void handlerRequestStarted(String requestId, Runnable abort) {
    Credit c;
    int n = 0;
    lock.lock();
    try {
      handlerRequests.put(requestId, abort);
      c = current;
      if (c != null && !c.done) {
        // frames already waiting behind the handler: their credit goes back now
        n = Math.max(0, Math.min(c.queued - c.prepaid, maxReadAhead - c.prepaid));
        c.prepaid += n;
      }
    } finally {
      lock.unlock();
    }
    if (c != null) {
      request(c, n);
    }
  }

  /**
   * @param requestId a request from {@link #handlerRequestStarted} that has ended
   */
  void handlerRequestEnded(String requestId) {
    lock.lock();
    try {
      handlerRequests.remove(requestId);
    } finally {
      lock.unlock();
    }
  }

  private static void request(Credit c, int n) {
    if (n > 0) {
      c.request.accept(n);
    }
  }
}
