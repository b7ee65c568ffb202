package io.flushdb.bench.timeseries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Samples a database once a second on a thread of its own and keeps the samples as a
 * {@link TimeSeries}.
 *
 * <p>Timing: the samples are due at fixed deadlines {@code t0 + k} seconds on
 * {@link System#nanoTime}'s clock, {@code t0} being the baseline sample (second 0) taken when
 * {@link #start} runs, so a slow sample does not shift the ones after it. The thread waits for
 * each deadline on a condition with a timeout ({@link #stop} wakes it at once). A sample more
 * than a second late (the database kept the previous one waiting) is taken at once under the
 * latest deadline that has passed; the seconds in between have no row ({@link #skippedSeconds}).
 *
 * <p>Each row holds {@value #ELAPSED} (when the sample started, seconds since {@code t0}),
 * {@value #SAMPLE_MS} (how long reading the database took), {@value #STATEMENTS} (the workload's
 * statement counter, read first, at the deadline), the sampler's values, and the
 * {@link Derived} per-second rates against the previous row. After a row's sample the
 * {@link Events} due at its second run on this thread, and what they did becomes the row's
 * events; then the row goes to the {@link RowListener}.
 *
 * <p>Any exception on the thread (from the sampler, the events or the listener) ends the
 * recording; {@link #failure} holds it.
 */
public final class TimeSeriesRecorder {

    public static final String ELAPSED = "elapsed_s";
    public static final String SAMPLE_MS = "sample_ms";
    public static final String STATEMENTS = "statements";

    private static final long SECOND_NANOS = 1_000_000_000L;

    /** Reads the database's values for one row. */
    public interface Sampler {
        /** Runs once on the recorder's thread before the baseline sample. */
        default void prepare() throws Exception {
        }

        /** The values present now, by column; a value the database lacks is left out. */
        Map<String, Double> sample() throws Exception;
    }

    /** What happens right after the sample of a second (the scheduled SET GLOBAL changes). */
    public interface Events {
        /** Runs whatever is due at {@code second} and not yet run; returns what it did, or "". */
        String runDue(int second) throws Exception;
    }

    /** Receives each row as soon as it is complete, on the recorder's thread. */
    public interface RowListener {
        void row(TimeSeries.Row row) throws Exception;
    }

    private final Sampler sampler;
    private final List<Derived> derived;
    private final LongAdder statements;
    private final int seconds;
    private final Events events;
    private final RowListener listener;
    private final TimeSeries series;
    private final Thread thread;
    private final CountDownLatch baselineTaken = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean stopped;
    private volatile Throwable failure;
    private volatile int skipped;
    private long t0;

    /**
     * @param sampled the columns {@code sampler} may return, in CSV order
     * @param derived the per-second rates, in CSV order after the sampled columns
     * @param statements the workload's statement counter
     * @param seconds the last second to sample
     */
    public TimeSeriesRecorder(Sampler sampler, List<String> sampled, List<Derived> derived, LongAdder statements,
            int seconds, Events events, RowListener listener) {
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds must be at least 1");
        }
        this.sampler = sampler;
        this.derived = List.copyOf(derived);
        this.statements = statements;
        this.seconds = seconds;
        this.events = events;
        this.listener = listener;
        this.series = new TimeSeries(columns(sampled, derived));
        this.thread = new Thread(this::record, "flushing-recorder");
        this.thread.setDaemon(true);
    }

    /** Every column of the rows, in order (without {@code second} and {@code events}). */
    public List<String> columns() {
        return series.columns();
    }

    /** The columns of a recorder with these sampled columns and rates. */
    public static List<String> columns(List<String> sampled, List<Derived> derived) {
        List<String> columns = new ArrayList<>(List.of(ELAPSED, SAMPLE_MS, STATEMENTS));
        columns.addAll(sampled);
        for (Derived d : derived) {
            columns.add(d.column());
        }
        return columns;
    }

    /**
     * Starts the thread and returns once it has taken the baseline sample (second 0), which
     * sets the clock: start the workload right after.
     *
     * @throws Exception the failure of {@link Sampler#prepare} or of the baseline sample
     */
    public void start() throws Exception {
        thread.start();
        baselineTaken.await();
        Throwable e = failure;
        if (e instanceof Exception ex) {
            throw ex;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }

    /** Ends the recording early; the thread finishes the sample it is taking, if any. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the last second's row (or an early end); true if the thread has ended. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(Math.max(1, unit.toMillis(timeout)));
        return !thread.isAlive();
    }

    /** A copy of the rows so far; safe to call while the thread runs (or hangs in a sample). */
    public TimeSeries snapshot() {
        synchronized (series) {
            TimeSeries copy = new TimeSeries(series.columns());
            series.rows().forEach(copy::add);
            return copy;
        }
    }

    /** What ended the recording early, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Seconds that got no row because a sample was more than a second late. */
    public int skippedSeconds() {
        return skipped;
    }

    /** The recorder thread, to name in a diagnosis. */
    public Thread thread() {
        return thread;
    }

    private void record() {
        try {
            sampler.prepare();
            t0 = System.nanoTime();
            TimeSeries.Row previous = take(0, null);
            baselineTaken.countDown();
            int k = 1;
            while (k <= seconds) {
                if (!waitUntil(t0 + k * SECOND_NANOS)) {
                    return;
                }
                previous = take(k, previous);
                if (k == seconds) {
                    return;
                }
                int next = k + 1;
                int passed = (int) ((System.nanoTime() - t0) / SECOND_NANOS);
                if (passed > next) {
                    next = Math.min(passed, seconds);
                    skipped += next - (k + 1);
                }
                k = next;
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            baselineTaken.countDown();
        }
    }

    /** False if stopped before the deadline. */
    private boolean waitUntil(long deadline) throws InterruptedException {
        lock.lock();
        try {
            long left;
            while (!stopped && (left = deadline - System.nanoTime()) > 0) {
                wake.awaitNanos(left);
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    private TimeSeries.Row take(int second, TimeSeries.Row previous) throws Exception {
        long start = System.nanoTime();
        long count = statements.sum();
        Map<String, Double> sampled = sampler.sample();
        long end = System.nanoTime();
        Map<String, Double> values = new HashMap<>();
        for (Map.Entry<String, Double> e : sampled.entrySet()) {
            if (e.getValue() != null && series.columns().contains(e.getKey())) {
                values.put(e.getKey(), e.getValue());
            }
        }
        double elapsed = Math.round((start - t0) / 1e6) / 1e3;
        values.put(ELAPSED, elapsed);
        values.put(SAMPLE_MS, Math.round((end - start) / 1e5) / 10.0);
        values.put(STATEMENTS, (double) count);
        TimeSeries.Row measured = new TimeSeries.Row(second, values, "");
        if (previous != null) {
            double previousElapsed = previous.get(ELAPSED);
            for (Derived d : derived) {
                Double rate = d.at(previous, previousElapsed, measured, elapsed);
                if (rate != null) {
                    values.put(d.column(), rate);
                }
            }
        }
        String happened = events.runDue(second);
        TimeSeries.Row row = new TimeSeries.Row(second, values, happened);
        synchronized (series) {
            series.add(row);
        }
        listener.row(row);
        return row;
    }
}
