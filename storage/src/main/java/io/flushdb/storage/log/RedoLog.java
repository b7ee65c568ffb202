package io.flushdb.storage.log;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * The redo stream's LSN counter and commit ordering.
 *
 * <p>The LSN is the byte position in the logical redo stream: a mini-transaction whose records
 * take {@code n} bytes is given the range [{@code start}, {@code start + n}). {@link #commit} does
 * the assignment and runs the caller's flush-list insertion under {@link #mutex}, so dirty pages
 * enter the flush lists in LSN order (FL2).
 *
 * <p><b>Durability:</b> this version keeps no log file. Records are counted and handed to an
 * optional {@link RedoSink} (tests use one to replay them), then dropped; a clean close writes every
 * dirty page and stores the current LSN, so data survives a clean shutdown but not a crash. The
 * durable log (log buffer, redo files, group commit, checkpoints, recovery) replaces the sink
 * without changing this class's callers.
 *
 * <p>Concurrency: {@link #currentLsn} is written under {@link #mutex} and volatile for racy
 * readers (status output).
 */
public final class RedoLog {
    /** Receives every committed mini-transaction's records. */
    @FunctionalInterface
    public interface RedoSink {
        /** {@code records} holds the bytes of one mini-transaction, committed at [startLsn, endLsn). */
        void accept(long startLsn, long endLsn, ByteBuffer records);
    }

    /** Callback that runs under the mutex once a range is assigned (adds pages to flush lists). */
    @FunctionalInterface
    public interface CommitAction {
        void committed(long startLsn, long endLsn);
    }

    private final OrderedLock mutex = new OrderedLock(LatchLevel.LOG, "log_sys");
    private volatile long currentLsn;
    private volatile RedoSink sink;
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder mtrCommits = new LongAdder();

    /** @param startLsn the LSN to continue from: never below any page LSN in the data files */
    public RedoLog(long startLsn) {
        this.currentLsn = startLsn;
    }

    /**
     * Assigns the LSN range for {@code records}, hands them to the sink and runs {@code action}
     * under the log mutex. Returns the end LSN.
     */
    public long commit(ByteBuffer records, CommitAction action) {
        int len = Math.max(1, records.remaining());
        mutex.lock();
        try {
            long start = currentLsn;
            long end = start + len;
            currentLsn = end;
            action.committed(start, end);
            RedoSink s = sink;
            if (s != null) {
                s.accept(start, end, records.duplicate());
            }
            return end;
        } finally {
            mutex.unlock();
            bytesWritten.add(len);
            mtrCommits.increment();
        }
    }

    /** The LSN the next mini-transaction will start at. */
    public long currentLsn() {
        return currentLsn;
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    public long mtrCommits() {
        return mtrCommits.sum();
    }

    /** Installs (or, with null, removes) the sink that sees every committed record group. */
    public void setSink(RedoSink sink) {
        this.sink = sink;
    }
}
