package io.github.aetherjava.client.internal;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default callback executor on JVMs without virtual threads: a bounded pool of daemon threads, created on
 * demand, that retire after {@link #KEEP_ALIVE} (by default) without work.
 *
 * <p>Why not a {@code ThreadPoolExecutor}: every hand-off from a gRPC thread to a parked pool thread costs a
 * thread wake-up (about 10 µs, more on a busy machine), and request/reply traffic pays it on every message. Here
 * one idle worker at a time keeps polling the queue for a short while before it parks, yielding its core between
 * polls, so a task that arrives shortly after the previous one finished starts without a wake-up. The wait
 * adapts: it is {@link #MAX_SPIN} while work keeps arriving within that time, and halves (down to
 * {@link #MIN_SPIN}) each time it was wasted, so sparse traffic costs next to no CPU.
 */
public final class CallbackPool implements Executor {

    /** Longest an idle worker polls before it parks, unless {@value #MAX_SPIN_PROPERTY} says otherwise. */
    public static final Duration MAX_SPIN = Duration.ofNanos(100_000);
    /** System property overriding {@link #MAX_SPIN}, in microseconds; 0 parks idle workers at once. */
    public static final String MAX_SPIN_PROPERTY = "aether.client.callback-pool.max-spin-micros";
    /** Shortest poll once polling has stopped paying off. */
    public static final Duration MIN_SPIN = Duration.ofNanos(1_000);
    /** Idle time after which a worker thread ends. */
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(CallbackPool.class);
    private static final long MAX_SPIN_NANOS = maxSpinNanos(System.getProperty(MAX_SPIN_PROPERTY));
    private static final long MIN_SPIN_NANOS = MIN_SPIN.toNanos();

    /**
     * @param configured value of {@link #MAX_SPIN_PROPERTY}, or null
     * @return the poll limit in nanoseconds; a bad value is logged and replaced by the default
     */
    static long maxSpinNanos(@Nullable String configured) {
        if (configured == null) {
            return MAX_SPIN.toNanos();
        }
        try {
            long micros = Long.parseLong(configured.trim());
            if (micros >= 0) {
                return TimeUnit.MICROSECONDS.toNanos(micros);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("ignoring {}={}: expected a number of microseconds >= 0; using {} µs", MAX_SPIN_PROPERTY,
                configured, MAX_SPIN.toNanos() / 1000);
        return MAX_SPIN.toNanos();
    }

    private final String namePrefix;
    private final int maxThreads;
    private final long keepAliveNanos;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Queue<Thread> parked = new ConcurrentLinkedQueue<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger spinning = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();

    /**
     * @param namePrefix thread name prefix
     * @param maxThreads most threads at once
     */
    public CallbackPool(String namePrefix, int maxThreads) {
        this(namePrefix, maxThreads, KEEP_ALIVE);
    }

    /**
     * @param namePrefix thread name prefix
     * @param maxThreads most threads at once
     * @param keepAlive idle time after which a worker thread ends
     */
    public CallbackPool(String namePrefix, int maxThreads, Duration keepAlive) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be >= 1, was " + maxThreads);
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
        }
        this.namePrefix = namePrefix;
        this.maxThreads = maxThreads;
        this.keepAliveNanos = keepAlive.toNanos();
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        // a polling worker will see the task; only otherwise does it need a thread woken or started
        if (spinning.get() == 0) {
            wakeOrStart();
        }
    }

    /** @return live worker threads */
    public int threadCount() {
        return threads.get();
    }

    private void wakeOrStart() {
        Thread idle = parked.poll();
        if (idle != null) {
            LockSupport.unpark(idle);
            return;
        }
        int n;
        while ((n = threads.get()) < maxThreads) {
            if (threads.compareAndSet(n, n + 1)) {
                Thread t = new Thread(this::work, namePrefix + names.incrementAndGet());
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        // every thread is busy: the first to finish takes the task from the queue
    }

    private void work() {
        long spin = MAX_SPIN_NANOS;
        try {
            while (true) {
                Runnable task = tasks.poll();
                if (task == null) {
                    long idleSince = System.nanoTime();
                    task = spin > 0 ? spinFor(spin) : null;
                    if (task == null) {
                        task = park();
                        if (task == null) {
                            return; // kept alive long enough without work
                        }
                    }
                    // would polling for MAX_SPIN have caught this task? then keep polling next time
                    if (MAX_SPIN_NANOS > 0) {
                        spin = System.nanoTime() - idleSince <= MAX_SPIN_NANOS ? MAX_SPIN_NANOS
                                : Math.min(MAX_SPIN_NANOS, Math.max(MIN_SPIN_NANOS, spin / 2));
                    }
                }
                run(task);
            }
        } finally {
            threads.decrementAndGet();
            if (!tasks.isEmpty()) {
                // retired or died of an Error while a producer found no thread to wake: hand the queue on
                wakeOrStart();
            }
        }
    }

    private @Nullable Runnable spinFor(long nanos) {
        // one poller is enough to catch the next task; more would only burn CPU
        if (!spinning.compareAndSet(0, 1)) {
            return null;
        }
        Runnable task;
        try {
            long deadline = System.nanoTime() + nanos;
            while ((task = tasks.poll()) == null && System.nanoTime() - deadline < 0) {
                // yield, not a busy spin: on a small machine the threads that produce the next task need this core
                Thread.yield();
            }
        } finally {
            spinning.decrementAndGet();
        }
        if (task != null && !tasks.isEmpty()) {
            // tasks that arrived while we polled woke nobody: pass the rest on
            wakeOrStart();
        }
        return task;
    }

    /** @return the next task, or null if none came within the keep-alive time (the thread then ends) */
    private @Nullable Runnable park() {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + keepAliveNanos;
        while (true) {
            parked.add(me);
            // a task added after our last poll, by a producer that saw us polling, woke nobody: look again
            Runnable task = tasks.poll();
            if (task != null) {
                parked.remove(me);
                return task;
            }
            LockSupport.parkNanos(this, deadline - System.nanoTime());
            boolean claimed = !parked.remove(me); // a producer took us off the list: it has work for us
            task = tasks.poll();
            if (task != null) {
                return task;
            }
            if (!claimed && System.nanoTime() - deadline >= 0) {
                return null;
            }
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("callback task failed", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackPool[" + namePrefix + ", threads=" + threads.get() + "/" + maxThreads + "]";
    }
}
