/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extend this to build an orchestrator: implement {@link #launchTask(LaunchRequest)} (start a
 * container, a process, …) with the identity and task token the launched agent connects with.
 * Launches run on a bounded pool ({@link #DEFAULT_MAX_CONCURRENT_LAUNCHES} at a time, at most
 * {@link #DEFAULT_MAX_QUEUED_LAUNCHES} waiting), never on the client's callback threads, so a slow
 * launch neither blocks other handlers nor makes memory grow. A launch that throws, or that finds
 * the queue full, is logged, passed to {@link #onLaunchFailed} and reported to the gateway as a
 * failed task.
 *
 * <p>The gateway sends {@code agent_startup} assignments only to orchestrators whose supported
 * profiles include the agent's registered profile ({@link OrchestratorClient.Builder
 * #supportedProfiles}).
 *
 * <pre>{@code
 * class MyOrchestrator extends BaseOrchestrator {
 *     MyOrchestrator(OrchestratorClient client) { super(client); }
 *     protected void launchTask(LaunchRequest r) { startProcess(r.environment()); }
 * }
 * new MyOrchestrator(OrchestratorClient.builder(options).implementation("k8s").supportedProfiles("default").build())
 *     .connect().join();
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class BaseOrchestrator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BaseOrchestrator.class);

  /** Launches that run at the same time by default. */
  public static final int DEFAULT_MAX_CONCURRENT_LAUNCHES = 4;

  /** Launches that may wait by default; more are refused and reported as failed. */
  public static final int DEFAULT_MAX_QUEUED_LAUNCHES = 256;

  /** How long {@link #close()} waits for running launches. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final OrchestratorClient client;
  private final boolean logAssignments;
  private final ThreadPoolExecutor launches;

  /**
   * @param client the orchestrator client (not connected yet)
   */
  protected BaseOrchestrator(OrchestratorClient client) {
    this(client, false);
  }

  /**
   * @param client the orchestrator client (not connected yet)
   * @param logAssignments log every assignment at INFO
   */
  protected BaseOrchestrator(OrchestratorClient client, boolean logAssignments) {
    this(client, logAssignments, DEFAULT_MAX_CONCURRENT_LAUNCHES, DEFAULT_MAX_QUEUED_LAUNCHES);
  }

  /**
   * @param client the orchestrator client (not connected yet)
   * @param logAssignments log every assignment at INFO
   * @param maxConcurrentLaunches launches running at the same time (at least 1)
   * @param maxQueuedLaunches launches that may wait (at least 1)
   * @throws InvalidArgumentException if a bound is below 1
   */
  protected BaseOrchestrator(
      OrchestratorClient client,
      boolean logAssignments,
      int maxConcurrentLaunches,
      int maxQueuedLaunches) {
    if (maxConcurrentLaunches < 1) {
      throw new InvalidArgumentException(
          "maxConcurrentLaunches must be at least 1: " + maxConcurrentLaunches);
    }
    if (maxQueuedLaunches < 1) {
      throw new InvalidArgumentException(
          "maxQueuedLaunches must be at least 1: " + maxQueuedLaunches);
    }
    this.client = client;
    this.logAssignments = logAssignments;
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t =
              new Thread(r, "aether-orchestrator-" + pool + "-launch-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.launches =
        new ThreadPoolExecutor(
            maxConcurrentLaunches,
            maxConcurrentLaunches,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(maxQueuedLaunches),
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    launches.allowCoreThreadTimeOut(true);
    client.onTaskAssignment(this::handle);
  }

  /**
   * Starts what the assignment asks for. Runs on the launch pool.
   *
   * @param request the agent to start and how it connects
   * @throws Exception on failure (reported to {@link #onLaunchFailed} and to the gateway)
   */
  protected abstract void launchTask(LaunchRequest request) throws Exception;

  /**
   * Called when {@link #launchTask} throws or the launch queue is full. Default: nothing more than
   * the log line and the failed task.
   *
   * @param request the launch
   * @param error what went wrong
   */
  protected void onLaunchFailed(LaunchRequest request, Exception error) {}

  /**
   * @return the underlying client
   */
  public OrchestratorClient client() {
    return client;
  }

  /**
   * @return completes on acknowledgement
   */
  public CompletableFuture<ConnectionInfo> connect() {
    return client.connect();
  }

  /** Stops taking launches, waits up to {@link #CLOSE_TIMEOUT} for running ones, closes. */
  @Override
  public void close() {
    shutdownLaunches();
    client.close();
  }

  /**
   * Stops taking launches (later assignments are reported as failed) and waits up to {@link
   * #CLOSE_TIMEOUT} for running ones; the client stays open. For containers that manage the
   * client's lifecycle themselves.
   */
  public void shutdownLaunches() {
    launches.shutdown();
    try {
      if (!launches.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        launches.shutdownNow();
      }
    } catch (InterruptedException e) {
      launches.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(TaskAssignment assignment) {
    if (logAssignments) {
      LOG.info("{}: assignment {}", client.identity(), assignment);
    }
    LaunchRequest request = LaunchRequest.of(assignment, client.options().address());
    try {
      launches.execute(() -> run(request));
    } catch (RejectedExecutionException e) {
      failed(
          request,
          new RejectedExecutionException(
              "launch queue full or orchestrator closing; task " + assignment.taskId() + " refused",
              e));
    }
  }

  private void run(LaunchRequest request) {
    try {
      launchTask(request);
    } catch (Exception e) {
      failed(request, e);
    }
  }

  private void failed(LaunchRequest request, Exception error) {
    LOG.warn("{}: launching {} failed", client.identity(), request, error);
    try {
      onLaunchFailed(request, error);
    } catch (RuntimeException e) {
      LOG.warn("{}: onLaunchFailed threw", client.identity(), e);
    }
    String reason = "launch failed: " + error.getMessage();
    client
        .tasks()
        .failTask(request.assignment().taskId(), reason)
        .whenComplete(
            (t, e) -> {
              if (e != null) {
                LOG.debug("{}: reporting the failed launch failed", client.identity(), e);
              }
            });
  }
}
