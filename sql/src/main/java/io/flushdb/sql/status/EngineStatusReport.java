package io.flushdb.sql.status;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.MySqlType;
import io.flushdb.storage.Engine;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.BufferPoolStats;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.metrics.InnodbCounters;
import io.flushdb.storage.trx.Transaction;
import io.flushdb.storage.util.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * {@code SHOW ENGINE INNODB STATUS}: the InnoDB Standard Monitor's text, in MySQL 8.0's sections
 * and line formats ({@code srv_printf_innodb_monitor}, {@code log_print},
 * {@code buf_print_io_instance}), with every figure read from the running engine.
 *
 * <p>Rates ("per second" figures) cover the interval since the previous printout, as InnoDB's
 * do: this object keeps the previous sample of every counter it turns into a rate and replaces it
 * on each printout; the first printout measures from when the engine opened. Time comes from the
 * engine's {@link Clock}, so tests drive it. Sections whose machinery FlushDB does not have
 * (master thread, spin/OS-wait statistics, I/O threads, change buffer, adaptive hash index, read
 * ahead) print InnoDB's form with the zeros that are true of FlushDB; {@code docs/monitoring.md}
 * says which lines those are and why.
 *
 * <p>Concurrency: thread-safe; a printout holds this object's monitor, so two printouts do not
 * interleave their samples.
 */
public final class EngineStatusReport {
    private static final String RULE = "=====================================";
    /** Transaction ids InnoDB prints for transactions not started: a number no real id can reach. */
    private static final long NOT_STARTED_ID_BASE = 1L << 48;

    private final Engine engine;
    private final ServerStatus server;
    private final Clock clock;
    private Sample previous;

    public EngineStatusReport(Engine engine, ServerStatus server) {
        this.engine = engine;
        this.server = server;
        this.clock = engine.config().clock();
        this.previous = sample();
    }

    /** The counters a printout turns into rates, as of one moment. */
    private record Sample(long millis, BufferPoolStats total, BufferPoolStats[] instances, long dataReads,
                          long dataWrites, long dataFsyncs, long dataBytesRead, long logIos, long rowsInserted,
                          long rowsUpdated, long rowsDeleted, long rowsRead, long systemRowsInserted,
                          long systemRowsUpdated, long systemRowsDeleted, long systemRowsRead) {
    }

    private Sample sample() {
        BufferPool pool = engine.bufferPool();
        BufferPoolStats[] instances = new BufferPoolStats[pool.instanceCount()];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = pool.stats(i);
        }
        InnodbCounters c = engine.counters();
        return new Sample(clock.millis(), pool.totals(), instances, c.dataReads.sum(), c.dataWrites.sum(),
                c.dataFsyncs.sum(), c.dataBytesRead.sum(), c.logWrites.sum() + c.logFsyncs.sum(),
                c.rowsInserted.sum(), c.rowsUpdated.sum(), c.rowsDeleted.sum(), c.rowsRead.sum(),
                c.systemRowsInserted.sum(), c.systemRowsUpdated.sum(), c.systemRowsDeleted.sum(),
                c.systemRowsRead.sum());
    }

    /**
     * Runs {@code SHOW ENGINE {INNODB | FLUSHDB | ALL} STATUS}, or {@code SHOW ENGINE STATUS}
     * (FlushDB's extension): one row (Type, Name, Status). Another engine name is error 1286;
     * {@code SHOW ENGINE ... MUTEX} is not supported (1235).
     */
    public StatementResult show(Session session, List<String> leadingWords) {
        String engineName = leadingWords.size() > 2 ? leadingWords.get(2) : "";
        String what = engineName.equals("STATUS") ? "STATUS" : leadingWords.size() > 3 ? leadingWords.get(3) : "";
        if (!engineName.equals("STATUS") && !engineName.equals("INNODB") && !engineName.equals("FLUSHDB")
                && !engineName.equals("ALL")) {
            throw MySqlError.ER_UNKNOWN_STORAGE_ENGINE.raise(engineName);
        }
        if (!what.equals("STATUS") || leadingWords.size() > (engineName.equals("STATUS") ? 3 : 4)) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("SHOW ENGINE ... " + what);
        }
        return StatementResult.rows(List.of(ColumnMeta.expression("Type", MySqlType.VARCHAR, 10, 0, false),
                        ColumnMeta.expression("Name", MySqlType.VARCHAR, 512, 0, false),
                        ColumnMeta.expression("Status", MySqlType.LONGTEXT, 4_294_967_295L, 0, false)),
                List.<Object[]>of(new Object[] {"InnoDB", "", print()}), 0);
    }

    /** The monitor text, with rates over the interval since the previous printout. */
    public synchronized String print() {
        Sample now = sample();
        Sample old = previous;
        previous = now;
        // As InnoDB: 1 ms is added so two printouts in the same instant divide by no zero.
        double elapsed = (now.millis - old.millis) / 1000.0 + 0.001;
        StringBuilder out = new StringBuilder(8192);
        header(out, now.millis, elapsed);
        backgroundThread(out);
        semaphores(out);
        String deadlock = engine.lockSys().latestDeadlock();
        if (deadlock != null) {
            section(out, "LATEST DETECTED DEADLOCK");
            out.append(deadlock);
            if (!deadlock.endsWith("\n")) {
                out.append('\n');
            }
        }
        transactions(out, now.millis);
        fileIo(out, now, old, elapsed);
        insertBufferAndHash(out);
        log(out, now, old, elapsed);
        bufferPool(out, now, old, elapsed);
        rowOperations(out, now, old, elapsed);
        out.append("----------------------------\nEND OF INNODB MONITOR OUTPUT\n============================\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String title) {
        String rule = "-".repeat(title.length());
        out.append(rule).append('\n').append(title).append('\n').append(rule).append('\n');
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private void header(StringBuilder out, long millis, double elapsed) {
        LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault());
        out.append('\n').append(RULE).append('\n');
        out.append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d 0x%x INNODB MONITOR OUTPUT\n",
                at.getYear(), at.getMonthValue(), at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond(),
                Thread.currentThread().getId()));
        out.append(RULE).append('\n');
        out.append("Per second averages calculated from the last ").append((long) elapsed).append(" seconds\n");
    }

    /** FlushDB has no master thread: its loops and log flushes are zero. */
    private static void backgroundThread(StringBuilder out) {
        section(out, "BACKGROUND THREAD");
        out.append("srv_master_thread loops: 0 srv_active, 0 srv_shutdown, 0 srv_idle\n");
        out.append("srv_master_thread log flush and writes: 0\n");
    }

    /** FlushDB's latches are JDK locks that count no spins or OS waits. */
    private static void semaphores(StringBuilder out) {
        section(out, "SEMAPHORES");
        out.append("OS WAIT ARRAY INFO: reservation count 0\n");
        out.append("OS WAIT ARRAY INFO: signal count 0\n");
        out.append("RW-shared spins 0, rounds 0, OS waits 0\n");
        out.append("RW-excl spins 0, rounds 0, OS waits 0\n");
        out.append("RW-sx spins 0, rounds 0, OS waits 0\n");
        out.append("Spin rounds per wait: 0.00 RW-shared, 0.00 RW-excl, 0.00 RW-sx\n");
    }

    private void transactions(StringBuilder out, long nowMillis) {
        section(out, "TRANSACTIONS");
        long counter = engine.transactionIdCounter();
        List<Session> sessions = server.sessions();
        long oldestActive = counter;
        for (Session s : sessions) {
            Transaction trx = s.currentTransaction();
            if (trx != null && active(trx)) {
                oldestActive = Math.min(oldestActive, trx.id());
            }
        }
        out.append("Trx id counter ").append(counter).append('\n');
        long purgeLimit = Math.min(oldestActive, engine.trxSys().purgeView().lowLimitNo());
        out.append("Purge done for trx's n:o < ").append(purgeLimit).append(" undo n:o < 0 state: running but idle\n");
        out.append("History list length ").append(engine.trxSys().historyLength()).append('\n');
        out.append("LIST OF TRANSACTIONS FOR EACH SESSION:\n");
        for (Session s : sessions) {
            Transaction trx = s.currentTransaction();
            SessionStatus st = s.status();
            if (trx == null || !active(trx)) {
                out.append("---TRANSACTION ").append(NOT_STARTED_ID_BASE | s.connectionId()).append(", not started\n");
                out.append("0 lock struct(s), heap size 0, 0 row lock(s)\n");
                continue;
            }
            long seconds = Math.max(0, nowMillis - st.transactionStartMillis()) / 1000;
            out.append("---TRANSACTION ").append(trx.id()).append(", ACTIVE ").append(seconds).append(" sec\n");
            out.append(trx.lockStructs()).append(" lock struct(s), heap size 0, ").append(trx.rowLocks())
                    .append(" row lock(s)");
            long undo = trx.undoEntries();
            if (undo > 0) {
                out.append(", undo log entries ").append(undo);
            }
            out.append('\n');
            out.append("MySQL thread id ").append(s.connectionId()).append(", OS thread handle ")
                    .append(st.threadId()).append(", query id ").append(st.questions()).append('\n');
        }
    }

    /** Started, as InnoDB shows it: the transaction has changed rows or holds locks. */
    private static boolean active(Transaction trx) {
        return trx.hasChanges() || trx.locksRows();
    }

    private void fileIo(StringBuilder out, Sample now, Sample old, double elapsed) {
        section(out, "FILE I/O");
        InnodbCounters c = engine.counters();
        // No I/O threads or AIO arrays: reads and writes are synchronous in the thread that needs
        // them; the one slot shows those in flight.
        out.append("Pending normal aio reads: [").append(c.dataPendingReads.sum()).append("] , aio writes: [")
                .append(c.dataPendingWrites.sum()).append("] ,\n");
        out.append(" ibuf aio reads:, log i/o's:, sync i/o's:\n");
        out.append("Pending flushes (fsync) log: ").append(c.logPendingFsyncs.sum()).append("; buffer pool: ")
                .append(c.dataPendingFsyncs.sum()).append('\n');
        out.append(now.dataReads).append(" OS file reads, ").append(now.dataWrites).append(" OS file writes, ")
                .append(now.dataFsyncs).append(" OS fsyncs\n");
        long reads = now.dataReads - old.dataReads;
        long avgBytes = reads > 0 ? (now.dataBytesRead - old.dataBytesRead) / reads : 0;
        out.append(rate(reads / elapsed)).append(" reads/s, ").append(avgBytes).append(" avg bytes/read, ")
                .append(rate((now.dataWrites - old.dataWrites) / elapsed)).append(" writes/s, ")
                .append(rate((now.dataFsyncs - old.dataFsyncs) / elapsed)).append(" fsyncs/s\n");
    }

    /** FlushDB has no change buffer and no adaptive hash index. */
    private static void insertBufferAndHash(StringBuilder out) {
        section(out, "INSERT BUFFER AND ADAPTIVE HASH INDEX");
        out.append("Ibuf: size 0, free list len 0, seg size 0, 0 merges\n");
        out.append("merged operations:\n insert 0, delete mark 0, delete 0\n");
        out.append("discarded operations:\n insert 0, delete mark 0, delete 0\n");
        out.append("Hash table size 0, node heap has 0 buffer(s)\n");
        out.append("0.00 hash searches/s, 0.00 non-hash searches/s\n");
    }

    private void log(StringBuilder out, Sample now, Sample old, double elapsed) {
        section(out, "LOG");
        long current = engine.currentLsn();
        logLine(out, "Log sequence number", current);
        // A commit copies its records into the log at once and adds its pages to the flush lists
        // under the log mutex, so assignment, completion and dirty-page insertion are all current.
        logLine(out, "Log buffer assigned up to", current);
        logLine(out, "Log buffer completed up to", current);
        logLine(out, "Log written up to", engine.logWrittenLsn());
        logLine(out, "Log flushed up to", engine.flushedToDiskLsn());
        logLine(out, "Added dirty pages up to", current);
        logLine(out, "Pages flushed up to", engine.oldestModificationLsn());
        logLine(out, "Last checkpoint at", engine.lastCheckpointLsn());
        out.append(now.logIos).append(" log i/o's done, ").append(rate((now.logIos - old.logIos) / elapsed))
                .append(" log i/o's/second\n");
    }

    private static void logLine(StringBuilder out, String label, long lsn) {
        // InnoDB pads the labels of this section to 29 columns.
        out.append(label).append(" ".repeat(29 - label.length())).append(lsn).append('\n');
    }

    private void bufferPool(StringBuilder out, Sample now, Sample old, double elapsed) {
        section(out, "BUFFER POOL AND MEMORY");
        out.append("Total large memory allocated ").append(engine.bufferPool().frameBytes()).append('\n');
        out.append("Dictionary memory allocated ").append(dictionaryBytes()).append('\n');
        instance(out, now.total, old.total, elapsed);
        if (now.instances.length > 1) {
            section(out, "INDIVIDUAL BUFFER POOL INFO");
            for (int i = 0; i < now.instances.length; i++) {
                out.append("---BUFFER POOL ").append(i).append('\n');
                instance(out, now.instances[i], old.instances[i], elapsed);
            }
        }
    }

    /** {@code buf_print_io_instance}: one instance's lines, or the totals'. */
    private static void instance(StringBuilder out, BufferPoolStats s, BufferPoolStats old, double elapsed) {
        out.append("Buffer pool size   ").append(s.poolSize()).append('\n');
        out.append("Free buffers       ").append(s.freeBuffers()).append('\n');
        out.append("Database pages     ").append(s.databasePages()).append('\n');
        out.append("Old database pages ").append(s.oldPages()).append('\n');
        out.append("Modified db pages  ").append(s.modifiedPages()).append('\n');
        out.append("Pending reads      ").append(s.pendingReads()).append('\n');
        out.append("Pending writes: LRU ").append(s.pendingLru()).append(", flush list ").append(s.pendingFlushList())
                .append(", single page ").append(s.pendingSinglePage()).append('\n');
        out.append("Pages made young ").append(s.madeYoung()).append(", not young ").append(s.notMadeYoung()).append('\n');
        out.append(rate((s.madeYoung() - old.madeYoung()) / elapsed)).append(" youngs/s, ")
                .append(rate((s.notMadeYoung() - old.notMadeYoung()) / elapsed)).append(" non-youngs/s\n");
        out.append("Pages read ").append(s.pagesRead()).append(", created ").append(s.pagesCreated())
                .append(", written ").append(s.pagesWritten()).append('\n');
        out.append(rate((s.pagesRead() - old.pagesRead()) / elapsed)).append(" reads/s, ")
                .append(rate((s.pagesCreated() - old.pagesCreated()) / elapsed)).append(" creates/s, ")
                .append(rate((s.pagesWritten() - old.pagesWritten()) / elapsed)).append(" writes/s\n");
        long gets = s.readRequests() - old.readRequests();
        if (gets > 0) {
            double missRatio = Math.min(1.0, (double) (s.pagesRead() - old.pagesRead()) / gets);
            out.append("Buffer pool hit rate ").append((long) (1000 * (1 - missRatio)))
                    .append(" / 1000, young-making rate ").append((long) (1000.0 * (s.madeYoung() - old.madeYoung()) / gets))
                    .append(" / 1000 not ").append((long) (1000.0 * (s.notMadeYoung() - old.notMadeYoung()) / gets))
                    .append(" / 1000\n");
        } else {
            out.append("No buffer pool page gets since the last printout\n");
        }
        // FlushDB reads no pages ahead.
        out.append("Pages read ahead 0.00/s, evicted without access 0.00/s, Random read ahead 0.00/s\n");
        out.append("LRU len: ").append(s.databasePages()).append(", unzip_LRU len: 0\n");
        out.append("I/O sum[0]:cur[0], unzip sum[0]:cur[0]\n");
    }

    private void rowOperations(StringBuilder out, Sample now, Sample old, double elapsed) {
        section(out, "ROW OPERATIONS");
        // No innodb_thread_concurrency queue and no read views: as InnoDB prints with its defaults.
        out.append("0 queries inside InnoDB, 0 queries in queue\n");
        out.append("0 read views open inside InnoDB\n");
        out.append("Process ID=").append(ProcessHandle.current().pid()).append(", Main thread ID=0 , state=sleeping\n");
        out.append("Number of rows inserted ").append(now.rowsInserted).append(", updated ").append(now.rowsUpdated)
                .append(", deleted ").append(now.rowsDeleted).append(", read ").append(now.rowsRead).append('\n');
        rowRates(out, now.rowsInserted - old.rowsInserted, now.rowsUpdated - old.rowsUpdated,
                now.rowsDeleted - old.rowsDeleted, now.rowsRead - old.rowsRead, elapsed);
        out.append("Number of system rows inserted ").append(now.systemRowsInserted).append(", updated ")
                .append(now.systemRowsUpdated).append(", deleted ").append(now.systemRowsDeleted).append(", read ")
                .append(now.systemRowsRead).append('\n');
        rowRates(out, now.systemRowsInserted - old.systemRowsInserted, now.systemRowsUpdated - old.systemRowsUpdated,
                now.systemRowsDeleted - old.systemRowsDeleted, now.systemRowsRead - old.systemRowsRead, elapsed);
    }

    private static void rowRates(StringBuilder out, long ins, long upd, long del, long read, double elapsed) {
        out.append(rate(ins / elapsed)).append(" inserts/s, ").append(rate(upd / elapsed)).append(" updates/s, ")
                .append(rate(del / elapsed)).append(" deletes/s, ").append(rate(read / elapsed)).append(" reads/s\n");
    }

    /** The dictionary's table definitions as stored (their serialized size), all tables together. */
    private long dictionaryBytes() {
        Dictionary d = engine.dictionary();
        long bytes = 0;
        for (DatabaseDef db : d.databases()) {
            for (TableEntry e : d.tables(db.name())) {
                bytes += e.def().serialize().length;
            }
        }
        return bytes;
    }
}
