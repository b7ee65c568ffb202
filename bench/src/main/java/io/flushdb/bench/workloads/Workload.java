package io.flushdb.bench.workloads;

import io.flushdb.bench.peers.Peer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One JDBC workload, run the same way against every peer.
 *
 * <p>The harness owns the phases and the clock; a workload only says what one operation is:
 * <ol>
 *   <li>{@link #prepare}: once, on a fresh empty database; creates the schema and loads data.
 *       Not timed.</li>
 *   <li>{@link #open}: once per client connection; prepares statements and per-client state.
 *       Not timed.</li>
 *   <li>{@link Operation#execute} with sequence numbers 0, 1, 2, …: first the warm-up
 *       operations (not timed), then the timed ones. The harness records the latency of each
 *       timed call.</li>
 *   <li>{@link #verify}: once, after the timed phase; throws if the database does not hold
 *       what the operations should have left. Not timed.</li>
 * </ol>
 *
 * <p>A multi-client workload gets one {@link Operation} per client thread, each on its own
 * connection; the sequence numbers the clients execute are disjoint, so a sequence number can
 * serve as a unique key. Workloads hold no mutable state of their own; an {@link Operation}
 * is used by one thread only.
 */
public interface Workload {

    /** The command-line name, e.g. {@code "point-select"}. */
    String name();

    /** What one operation is, in one line, for the report. */
    String operation();

    /** Creates the schema and loads the data the operations need. */
    void prepare(Peer peer, Connection connection, WorkloadSettings settings) throws SQLException;

    /** Opens one client's operation loop on {@code connection} (autocommit on). */
    Operation open(Connection connection, WorkloadSettings settings) throws SQLException;

    /** Checks the database after {@code settings.totalOps()} operations; the default checks nothing. */
    default void verify(Connection connection, WorkloadSettings settings) throws SQLException {
    }
}
