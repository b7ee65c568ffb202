package io.flushdb.bench.workloads;

import java.sql.SQLException;

/**
 * One client's operation loop, holding its prepared statements. Used by a single thread.
 * Everything an operation needs is set up in {@link Workload#open}, so {@link #execute}
 * does only the work being measured.
 */
public interface Operation extends AutoCloseable {

    /**
     * Performs one operation. Throws if the database answers wrongly (a missing row, a wrong
     * value, an update count other than expected): a wrong answer is a failed run, never a fast one.
     *
     * @param sequence this operation's number, unique within the run
     */
    void execute(long sequence) throws SQLException;

    @Override
    void close() throws SQLException;
}
