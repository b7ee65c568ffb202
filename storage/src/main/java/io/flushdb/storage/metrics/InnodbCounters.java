package io.flushdb.storage.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The engine-wide activity counters that no single component already keeps: row operations,
 * data file I/O and redo file I/O. Each field is the source of the {@code Innodb_*} status
 * variable named in its comment (MySQL 8.0 names).
 *
 * <p>Rows are counted by {@code row.TableStore}, split into user and system rows (the data
 * dictionary's own tables) as InnoDB splits {@code Innodb_rows_*} and
 * {@code Innodb_system_rows_*}. Data file I/O is counted by {@link CountingFileStore} for every
 * file of the data directory. The redo figures are fed by the redo log writer ({@code RedoLog}).
 *
 * <p>Concurrency: thread-safe; every counter is a {@link LongAdder}.
 */
public final class InnodbCounters {
    /** {@code Innodb_rows_inserted}. */
    public final LongAdder rowsInserted = new LongAdder();
    /** {@code Innodb_rows_updated}. */
    public final LongAdder rowsUpdated = new LongAdder();
    /** {@code Innodb_rows_deleted}. */
    public final LongAdder rowsDeleted = new LongAdder();
    /** {@code Innodb_rows_read}: rows returned from a clustered index to the SQL layer. */
    public final LongAdder rowsRead = new LongAdder();

    /** {@code Innodb_system_rows_inserted}: rows of the dictionary's tables. */
    public final LongAdder systemRowsInserted = new LongAdder();
    /** {@code Innodb_system_rows_updated}. */
    public final LongAdder systemRowsUpdated = new LongAdder();
    /** {@code Innodb_system_rows_deleted}. */
    public final LongAdder systemRowsDeleted = new LongAdder();
    /** {@code Innodb_system_rows_read}. */
    public final LongAdder systemRowsRead = new LongAdder();

    /** {@code Innodb_data_reads}: read calls on data directory files. */
    public final LongAdder dataReads = new LongAdder();
    /** {@code Innodb_data_writes}: write calls on data directory files. */
    public final LongAdder dataWrites = new LongAdder();
    /** {@code Innodb_data_fsyncs}: force (fsync) calls on data directory files. */
    public final LongAdder dataFsyncs = new LongAdder();
    /** {@code Innodb_data_read}: bytes read. */
    public final LongAdder dataBytesRead = new LongAdder();
    /** {@code Innodb_data_written}: bytes written. */
    public final LongAdder dataBytesWritten = new LongAdder();
    /** {@code Innodb_data_pending_reads}: reads in flight. */
    public final LongAdder dataPendingReads = new LongAdder();
    /** {@code Innodb_data_pending_writes}: writes in flight. */
    public final LongAdder dataPendingWrites = new LongAdder();
    /** {@code Innodb_data_pending_fsyncs}: forces in flight. */
    public final LongAdder dataPendingFsyncs = new LongAdder();

    /** {@code Innodb_log_writes}: writes to redo files (fed by the log writer). */
    public final LongAdder logWrites = new LongAdder();
    /** {@code Innodb_os_log_written}: bytes written to redo files . */
    public final LongAdder logBytesWritten = new LongAdder();
    /** {@code Innodb_os_log_fsyncs}: fsyncs of redo files . */
    public final LongAdder logFsyncs = new LongAdder();
    /** {@code Innodb_os_log_pending_writes} . */
    public final LongAdder logPendingWrites = new LongAdder();
    /** {@code Innodb_os_log_pending_fsyncs} . */
    public final LongAdder logPendingFsyncs = new LongAdder();
    /** {@code Innodb_log_waits}: waits for free log buffer or log space . */
    public final LongAdder logWaits = new LongAdder();
    /** INNODB_METRICS {@code log_checkpoints}: checkpoints recorded by the checkpointer. */
    public final LongAdder checkpoints = new LongAdder();
}
