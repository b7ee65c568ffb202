package io.flushdb.bench;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bench client thread: it waits for the start signal, then runs {@link #step} (one statement
 * or transaction) until told to stop. The first failure of any thread sharing {@code failure} is
 * kept, and {@code onFailure} runs once for it. The concurrent scenarios' clients (group-commit,
 * bank) and the flushing scenario's writers are such threads.
 */
abstract class StatementLoop extends Thread {
    private final CountDownLatch go;
    private final AtomicReference<Throwable> failure;
    private final Runnable onFailure;
    private volatile boolean stop;

    StatementLoop(String name, CountDownLatch go, AtomicReference<Throwable> failure, Runnable onFailure) {
        super(name);
        setDaemon(true);
        this.go = go;
        this.failure = failure;
        this.onFailure = onFailure;
    }

    /** One statement (its own transaction in autocommit), or one transaction. */
    abstract void step() throws SQLException;

    /** Asks the thread to stop after the statement in progress. */
    final void requestStop() {
        stop = true;
    }

    @Override
    public final void run() {
        try {
            go.await();
            while (!stop) {
                step();
            }
        } catch (Throwable e) {
            if (failure.compareAndSet(null, e)) {
                onFailure.run();
            }
        }
    }

    /** Throws unless a single-row statement on {@code id} reported exactly one row. */
    static void expectOneRow(int count, String statement, long id) throws SQLException {
        if (count != 1) {
            throw new SQLException(statement + " of id " + id + " reported " + count + " rows");
        }
    }
}
