package io.flushdb.sql.status;

import io.flushdb.storage.Engine;
import io.flushdb.storage.buffer.BufferPoolStats;
import io.flushdb.storage.buffer.FlushKind;
import io.flushdb.storage.cleaner.PageCleaner;
import io.flushdb.storage.metrics.InnodbCounters;
import io.flushdb.storage.util.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The {@code INFORMATION_SCHEMA.INNODB_METRICS} counters of one engine, with InnoDB's controls
 * ({@code innodb_monitor_enable / _disable / _reset / _reset_all}) and its bookkeeping
 * ({@code srv0mon}): every counter FlushDB can compute, under MySQL 8.0's name, subsystem, type,
 * comment, module and default state.
 *
 * <p>Each counter reads a live engine figure (its <em>source</em>). Like InnoDB's
 * {@code MONITOR_EXISTING} counters, the table's figures are derived from the source when the
 * table is read, following InnoDB's rules:
 * <ul>
 *   <li>a {@code value} counter (a current amount: pages, bytes, an LSN) shows the source as it is,
 *       while enabled;</li>
 *   <li>a {@code status_counter} or {@code counter} (an event count) shows how much the source
 *       moved while the counter was enabled: enabling remembers the source, disabling keeps the
 *       count so far, and enabling again continues from it. Counters enabled by default count from
 *       when the engine opened;</li>
 *   <li>a disabled counter keeps its values (they stop moving); {@code reset} starts the
 *       {@code *_RESET} columns again from zero, enabled or not; {@code reset_all} clears every
 *       value and time of a disabled counter, and leaves an enabled one as it is (InnoDB only
 *       logs that it cannot), which {@link #resetAll} reports;</li>
 *   <li>MAX and MIN are the extremes seen when the table was read, MIN only for counters that go
 *       down; AVG_COUNT is COUNT per second enabled (NULL for {@code value} counters), and
 *       AVG_COUNT_RESET is COUNT_RESET per second since the last reset (NULL if never reset).</li>
 * </ul>
 *
 * <p>A counter, module or pattern is named as in {@code SET GLOBAL innodb_monitor_enable}: a
 * counter name, a module name ({@code module_buffer}, {@code module_log}, {@code module_dml},
 * ...), a pattern with {@code %} (and {@code _}) matching counter names, or {@code all};
 * case-insensitive. A name that is none of these throws {@link IllegalArgumentException} (MySQL's
 * error 1231 for the variable). MySQL's modules that have no counters in FlushDB are accepted and
 * change nothing.
 *
 * <p>Concurrency: thread-safe; every method holds this object's monitor.
 */
public final class InnodbMetrics {
    /** The table's columns, in order. */
    public static final List<String> COLUMNS = List.of("NAME", "SUBSYSTEM", "COUNT", "MAX_COUNT", "MIN_COUNT",
            "AVG_COUNT", "COUNT_RESET", "MAX_COUNT_RESET", "MIN_COUNT_RESET", "AVG_COUNT_RESET", "TIME_ENABLED",
            "TIME_DISABLED", "TIME_ELAPSED", "TIME_RESET", "STATUS", "TYPE", "COMMENT");

    /** MySQL 8.0's modules with no counter FlushDB can compute: accepted, and empty. */
    private static final Set<String> EMPTY_MODULES = Set.of("module_metadata", "module_lock", "module_buf_page",
            "module_trx", "module_purge", "module_undo", "module_compress", "module_index", "module_adaptive_hash",
            "module_ibuf_system", "module_sampling", "module_ddl", "module_icp", "module_cpu", "module_page_track",
            "module_dblwr");

    /** InnoDB's "not set" markers for MAX (any value is larger) and MIN (any value is smaller). */
    private static final long MAX_RESERVED = Long.MIN_VALUE;
    private static final long MIN_RESERVED = Long.MAX_VALUE;

    /** TYPE column values. */
    private enum Type {
        VALUE("value"), STATUS_COUNTER("status_counter"), COUNTER("counter");

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    private enum Status { NEVER, STARTED, STOPPED }

    /** One counter: what it is (fixed) and InnoDB's monitor_value_t fields (mutable). */
    private static final class Counter {
        final String name;
        final String subsystem;
        final String module;
        final Type type;
        final boolean defaultOn;
        /** Whether MIN is tracked for an event count (figures that go down, such as pending I/O). */
        final boolean updateMin;
        final String comment;
        final LongSupplier source;

        boolean on;
        Status status = Status.NEVER;
        long value;
        long maxValue;
        long minValue;
        long valueReset;
        long maxValueStart;
        long minValueStart;
        long lastValue;
        long startValue;
        long startTime;
        long stopTime;
        long resetTime;

        Counter(String name, String subsystem, String module, Type type, boolean defaultOn, boolean updateMin,
                String comment, LongSupplier source) {
            this.name = name;
            this.subsystem = subsystem;
            this.module = module;
            this.type = type;
            this.defaultOn = defaultOn;
            this.updateMin = updateMin;
            this.comment = comment;
            this.source = source;
        }

        boolean maxMinNotInit() {
            return status == Status.NEVER && minValue == 0 && maxValue == 0;
        }
    }

    private final Clock clock;
    private final List<Counter> counters = new ArrayList<>();

    /** The counters of {@code engine}, those InnoDB enables by default enabled from now. */
    public InnodbMetrics(Engine engine) {
        this.clock = engine.config().clock();
        define(engine);
        long now = clock.millis();
        for (Counter c : counters) {
            if (c.defaultOn) {
                c.on = true;
                init(c);
                c.status = Status.STARTED;
                c.startTime = now;
            }
        }
    }

    // ---- the counters -------------------------------------------------------------------------

    private void define(Engine e) {
        InnodbCounters k = e.counters();
        long pageSize = e.pageSize();
        String m = "module_buffer";
        add("buffer_pool_size", "server", m, Type.VALUE, true, "Server buffer pool size (all buffer pools) in bytes",
                () -> e.bufferPool().frameBytes());
        add("buffer_pool_reads", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of reads directly from disk (innodb_buffer_pool_reads)", () -> totals(e).pagesRead());
        add("buffer_pool_read_requests", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of logical read requests (innodb_buffer_pool_read_requests)", () -> totals(e).readRequests());
        add("buffer_pool_write_requests", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of write requests (innodb_buffer_pool_write_requests)", () -> e.bufferPool().writeRequests());
        add("buffer_pool_wait_free", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of times waited for free buffer (innodb_buffer_pool_wait_free)", () -> totals(e).waitFree());
        add("buffer_pool_pages_total", "buffer", m, Type.VALUE, true,
                "Total buffer pool size in pages (innodb_buffer_pool_pages_total)", () -> totals(e).poolSize());
        add("buffer_pool_pages_misc", "buffer", m, Type.VALUE, true,
                "Buffer pages for misc use such as row locks or the adaptive hash index (innodb_buffer_pool_pages_misc)",
                () -> {
                    BufferPoolStats t = totals(e);
                    return Math.max(0, t.poolSize() - t.freeBuffers() - t.databasePages());
                });
        add("buffer_pool_pages_data", "buffer", m, Type.VALUE, true,
                "Buffer pages containing data (innodb_buffer_pool_pages_data)", () -> totals(e).databasePages());
        add("buffer_pool_bytes_data", "buffer", m, Type.VALUE, true,
                "Buffer bytes containing data (innodb_buffer_pool_bytes_data)",
                () -> totals(e).databasePages() * pageSize);
        add("buffer_pool_pages_dirty", "buffer", m, Type.VALUE, true,
                "Buffer pages currently dirty (innodb_buffer_pool_pages_dirty)", () -> totals(e).modifiedPages());
        add("buffer_pool_bytes_dirty", "buffer", m, Type.VALUE, true,
                "Buffer bytes currently dirty (innodb_buffer_pool_bytes_dirty)",
                () -> totals(e).modifiedPages() * pageSize);
        add("buffer_pool_pages_free", "buffer", m, Type.VALUE, true,
                "Buffer pages currently free (innodb_buffer_pool_pages_free)", () -> totals(e).freeBuffers());
        add("buffer_pages_created", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of pages created (innodb_pages_created)", () -> totals(e).pagesCreated());
        add("buffer_pages_written", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of pages written (innodb_pages_written)", () -> totals(e).pagesWritten());
        add("buffer_pages_read", "buffer", m, Type.STATUS_COUNTER, true,
                "Number of pages read (innodb_pages_read)", () -> totals(e).pagesRead());
        add("buffer_data_reads", "buffer", m, Type.STATUS_COUNTER, true,
                "Amount of data read in bytes (innodb_data_reads)", k.dataBytesRead::sum);
        add("buffer_data_written", "buffer", m, Type.STATUS_COUNTER, true,
                "Amount of data written in bytes (innodb_data_written)", k.dataBytesWritten::sum);
        // The page cleaner's figures, all off by default. srv0mon makes the page totals
        // MONITOR_SET_OWNER and the call count MONITOR_SET_MEMBER (TYPE set_owner / set_member in
        // MySQL, counter here), and the rest MONITOR_NONE (TYPE counter in MySQL; the figures set
        // each second, rates and percentages, are values here). The flush batches are the
        // flush-list batches (buf_do_flush_list_batch): sync, adaptive and idle ("background");
        // LRU batches count apart.
        add("buffer_flush_batch_total_pages", "buffer", m, Type.COUNTER, false,
                "Total pages flushed as part of flush batch", () -> {
                    PageCleaner.Metrics x = cleaner(e);
                    return x.pagesSync() + x.pagesAdaptive() + x.pagesIdle();
                });
        add("buffer_flush_neighbor_total_pages", "buffer", m, Type.COUNTER, false,
                "Total neighbors flushed as part of neighbor flush", () -> cleaner(e).pagesNeighbor());
        add("buffer_flush_n_to_flush_requested", "buffer", m, Type.VALUE, false,
                "Number of pages requested for flushing.", () -> cleaner(e).nToFlushRequested());
        add("buffer_flush_n_to_flush_by_age", "buffer", m, Type.VALUE, false,
                "Number of pages targeted by LSN Age for flushing.", () -> cleaner(e).nToFlushByAge());
        add("buffer_flush_avg_time", "buffer", m, Type.VALUE, false,
                "Avg time (ms) spent for flushing recently.", () -> {
                    PageCleaner.Metrics x = cleaner(e);
                    return x.passes() == 0 ? 0 : x.passNanos() / x.passes() / 1_000_000;
                });
        add("buffer_flush_avg_pass", "buffer", m, Type.COUNTER, false,
                "Number of flushes passed during the recent Avg period.", () -> cleaner(e).passes());
        add("buffer_flush_avg_page_rate", "buffer", m, Type.VALUE, false,
                "Average number of pages at which flushing is happening", () -> cleaner(e).avgPageRate());
        add("buffer_flush_lsn_avg_rate", "buffer", m, Type.VALUE, false, "Average redo generation rate",
                () -> cleaner(e).lsnAvgRate());
        add("buffer_flush_pct_for_dirty", "buffer", m, Type.VALUE, false,
                "Percent of IO capacity used to avoid max dirty page limit", () -> cleaner(e).pctForDirty());
        add("buffer_flush_pct_for_lsn", "buffer", m, Type.VALUE, false,
                "Percent of IO capacity used to avoid reusable redo space limit", () -> cleaner(e).pctForLsn());
        add("buffer_flush_sync_waits", "buffer", m, Type.COUNTER, false,
                "Number of times a wait happens due to sync flushing", () -> cleaner(e).syncWaits());
        add("buffer_flush_adaptive_total_pages", "buffer", m, Type.COUNTER, false,
                "Total pages flushed as part of adaptive flushing", () -> cleaner(e).pagesAdaptive());
        add("buffer_flush_sync_total_pages", "buffer", m, Type.COUNTER, false,
                "Total pages flushed as part of sync batches", () -> cleaner(e).pagesSync());
        add("buffer_flush_background_total_pages", "buffer", m, Type.COUNTER, false,
                "Total pages flushed as part of background batches", () -> cleaner(e).pagesIdle());
        add("buffer_LRU_batch_flush_total_pages", "buffer", m, Type.COUNTER, false,
                "Total pages flushed as part of LRU batches", () -> cleaner(e).pagesLru());
        add("buffer_LRU_batch_evict_total_pages", "buffer", m, Type.COUNTER, false,
                "Total pages evicted as part of LRU batches", () -> cleaner(e).pagesEvictedLru());
        // A foreground thread's single-page flush writes the one page it was called for.
        add("buffer_LRU_single_flush_num_scan", "buffer", m, Type.COUNTER, false,
                "Number of times single page LRU flush is called",
                () -> e.bufferPool().pagesWritten(FlushKind.SINGLE_PAGE));

        m = "module_os";
        add("os_data_reads", "os", m, Type.STATUS_COUNTER, true, "Number of reads initiated (innodb_data_reads)",
                k.dataReads::sum);
        add("os_data_writes", "os", m, Type.STATUS_COUNTER, true, "Number of writes initiated (innodb_data_writes)",
                k.dataWrites::sum);
        add("os_data_fsyncs", "os", m, Type.STATUS_COUNTER, true, "Number of fsync() calls (innodb_data_fsyncs)",
                k.dataFsyncs::sum);
        counters.add(new Counter("os_pending_reads", "os", m, Type.COUNTER, false, true, "Number of reads pending",
                k.dataPendingReads::sum));
        counters.add(new Counter("os_pending_writes", "os", m, Type.COUNTER, false, true, "Number of writes pending",
                k.dataPendingWrites::sum));
        add("os_log_bytes_written", "os", m, Type.STATUS_COUNTER, true, "Bytes of log written (innodb_os_log_written)",
                k.logBytesWritten::sum);
        add("os_log_fsyncs", "os", m, Type.STATUS_COUNTER, true, "Number of fsync log writes (innodb_os_log_fsyncs)",
                k.logFsyncs::sum);
        counters.add(new Counter("os_log_pending_fsyncs", "os", m, Type.STATUS_COUNTER, true, true,
                "Number of pending fsync write (innodb_os_log_pending_fsyncs)", k.logPendingFsyncs::sum));
        counters.add(new Counter("os_log_pending_writes", "os", m, Type.STATUS_COUNTER, true, true,
                "Number of pending log file writes (innodb_os_log_pending_writes)", k.logPendingWrites::sum));

        m = "module_log";
        add("log_lsn_last_flush", "log", m, Type.VALUE, false, "LSN of last flush", e::flushedToDiskLsn);
        add("log_lsn_last_checkpoint", "log", m, Type.VALUE, false, "LSN at last checkpoint", e::lastCheckpointLsn);
        add("log_lsn_current", "log", m, Type.VALUE, false, "Current LSN value", e::currentLsn);
        add("log_lsn_checkpoint_age", "log", m, Type.VALUE, false, "Current LSN value minus LSN at last checkpoint",
                () -> e.currentLsn() - e.lastCheckpointLsn());
        add("log_lsn_buf_dirty_pages_added", "log", m, Type.VALUE, false,
                "The LSN value up to which all dirty pages have been added", e::currentLsn);
        add("log_lsn_buf_pool_oldest_approx", "log", m, Type.VALUE, false,
                "Approximation for the oldest modified block LSN in the buffer pool",
                () -> e.bufferPool().oldestModification());
        add("log_max_modified_age_async", "log", m, Type.VALUE, false,
                "Maximum LSN difference; when exceeded, start asynchronous preflush", () -> e.redoLog().asyncAge());
        add("log_max_modified_age_sync", "log", m, Type.VALUE, false,
                "Maximum LSN difference; when exceeded, start synchronous preflush", () -> e.redoLog().syncAge());
        add("log_waits", "log", m, Type.STATUS_COUNTER, true,
                "Number of log waits due to small log buffer (innodb_log_waits)", k.logWaits::sum);
        add("log_write_requests", "log", m, Type.STATUS_COUNTER, true,
                "Number of log write requests (innodb_log_write_requests)", () -> e.redoLog().mtrCommits());
        add("log_writes", "log", m, Type.STATUS_COUNTER, true, "Number of log writes", k.logWrites::sum);
        add("log_checkpoints", "log", m, Type.COUNTER, false, "Number of checkpoints", k.checkpoints::sum);

        add("file_num_open_files", "file_system", "module_file", Type.VALUE, true,
                "Number of files currently open (innodb_num_open_files)", () -> e.tablespaces().all().size());
        add("innodb_page_size", "server", "module_innodb", Type.VALUE, true,
                "InnoDB page size in bytes (innodb_page_size)", () -> pageSize);

        m = "module_dml";
        add("dml_reads", "dml", m, Type.STATUS_COUNTER, false, "Number of rows read", k.rowsRead::sum);
        add("dml_inserts", "dml", m, Type.STATUS_COUNTER, true, "Number of rows inserted", k.rowsInserted::sum);
        add("dml_deletes", "dml", m, Type.STATUS_COUNTER, true, "Number of rows deleted", k.rowsDeleted::sum);
        add("dml_updates", "dml", m, Type.STATUS_COUNTER, true, "Number of rows updated", k.rowsUpdated::sum);
        add("dml_system_reads", "dml", m, Type.STATUS_COUNTER, true, "Number of system rows read",
                k.systemRowsRead::sum);
        add("dml_system_inserts", "dml", m, Type.STATUS_COUNTER, true, "Number of system rows inserted",
                k.systemRowsInserted::sum);
        add("dml_system_deletes", "dml", m, Type.STATUS_COUNTER, true, "Number of system rows deleted",
                k.systemRowsDeleted::sum);
        add("dml_system_updates", "dml", m, Type.STATUS_COUNTER, true, "Number of system rows updated",
                k.systemRowsUpdated::sum);
    }

    private void add(String name, String subsystem, String module, Type type, boolean defaultOn, String comment,
                     LongSupplier source) {
        counters.add(new Counter(name, subsystem, module, type, defaultOn, false, comment, source));
    }

    private static BufferPoolStats totals(Engine e) {
        return e.bufferPool().totals();
    }

    private static PageCleaner.Metrics cleaner(Engine e) {
        return e.pageCleaner().metrics();
    }

    // ---- controls -----------------------------------------------------------------------------

    /**
     * Checks that {@code nameOrPattern} names a counter, a module, a pattern or {@code all}
     * without changing anything (SET checks every assignment before applying any).
     *
     * @throws IllegalArgumentException if it names none
     */
    public synchronized void check(String nameOrPattern) {
        resolve(nameOrPattern);
    }

    /**
     * {@code innodb_monitor_enable}: enables the named counters; those already enabled go on
     * counting undisturbed. Returns how many counters the name matched.
     *
     * @throws IllegalArgumentException if {@code nameOrPattern} names no counter or module
     */
    public synchronized int enable(String nameOrPattern) {
        List<Counter> matched = resolve(nameOrPattern);
        long now = clock.millis();
        for (Counter c : matched) {
            if (c.on) {
                continue;
            }
            c.startValue = c.source.getAsLong() - c.valueReset;
            c.on = true;
            init(c);
            c.status = Status.STARTED;
            c.startTime = now;
        }
        return matched.size();
    }

    /**
     * {@code innodb_monitor_disable}: disables the named counters, which keep their values.
     * Returns how many counters the name matched.
     *
     * @throws IllegalArgumentException if {@code nameOrPattern} names no counter or module
     */
    public synchronized int disable(String nameOrPattern) {
        List<Counter> matched = resolve(nameOrPattern);
        long now = clock.millis();
        for (Counter c : matched) {
            if (!c.on) {
                continue;
            }
            refresh(c);
            c.lastValue = c.value;
            c.startValue += c.value;
            c.on = false;
            c.status = Status.STOPPED;
            c.stopTime = now;
        }
        return matched.size();
    }

    /**
     * {@code innodb_monitor_reset}: starts the named counters' {@code *_RESET} columns again from
     * zero (COUNT, MAX_COUNT and MIN_COUNT keep covering the whole time enabled). Returns how many
     * counters the name matched.
     *
     * @throws IllegalArgumentException if {@code nameOrPattern} names no counter or module
     */
    public synchronized int reset(String nameOrPattern) {
        List<Counter> matched = resolve(nameOrPattern);
        long now = clock.millis();
        for (Counter c : matched) {
            if (c.on) {
                refresh(c); // the baseline is the value at the moment of the reset
            } else {
                c.lastValue = 0;
            }
            maxSinceStart(c);
            minSinceStart(c);
            c.valueReset = c.type == Type.VALUE ? 0 : c.valueReset + c.value;
            c.value = 0;
            c.maxValue = MAX_RESERVED;
            c.minValue = MIN_RESERVED;
            c.resetTime = now;
        }
        return matched.size();
    }

    /**
     * {@code innodb_monitor_reset_all}: clears every value and time of the named counters that
     * are disabled. Enabled ones are left unchanged, as InnoDB leaves them; their names are
     * returned (empty when every matched counter was reset), for the caller to warn about.
     *
     * @throws IllegalArgumentException if {@code nameOrPattern} names no counter or module
     */
    public synchronized List<String> resetAll(String nameOrPattern) {
        List<String> skipped = new ArrayList<>();
        for (Counter c : resolve(nameOrPattern)) {
            if (c.on) {
                skipped.add(c.name);
                continue;
            }
            c.value = 0;
            c.maxValue = MAX_RESERVED;
            c.minValue = MIN_RESERVED;
            c.valueReset = 0;
            c.maxValueStart = MAX_RESERVED;
            c.minValueStart = MIN_RESERVED;
            c.lastValue = 0;
            c.startTime = 0;
            c.stopTime = 0;
            c.resetTime = 0;
        }
        return skipped;
    }

    /** Whether counter {@code name} is enabled. @throws IllegalArgumentException if there is none */
    public synchronized boolean isEnabled(String name) {
        for (Counter c : counters) {
            if (c.name.equalsIgnoreCase(name)) {
                return c.on;
            }
        }
        throw new IllegalArgumentException("no InnoDB monitor counter named '" + name + "'");
    }

    /** The counters {@code nameOrPattern} designates (possibly none, for an empty module or pattern). */
    private List<Counter> resolve(String nameOrPattern) {
        String n = nameOrPattern == null ? "" : nameOrPattern.trim().toLowerCase(Locale.ROOT);
        if (n.equals("all")) {
            return counters;
        }
        Predicate<Counter> match;
        if (n.indexOf('%') >= 0) {
            java.util.regex.Pattern p = wildcard(n);
            match = c -> p.matcher(c.name.toLowerCase(Locale.ROOT)).matches();
        } else if (n.startsWith("module_")) {
            if (EMPTY_MODULES.contains(n)) {
                return List.of();
            }
            match = c -> c.module.equals(n);
        } else {
            match = c -> c.name.equalsIgnoreCase(n);
        }
        List<Counter> out = new ArrayList<>();
        for (Counter c : counters) {
            if (match.test(c)) {
                out.add(c);
            }
        }
        if (out.isEmpty() && n.indexOf('%') < 0) {
            throw new IllegalArgumentException("no InnoDB monitor counter or module named '" + nameOrPattern + "'");
        }
        return out;
    }

    /** A LIKE-style pattern over lower-case names: % any run, _ any one character. */
    private static java.util.regex.Pattern wildcard(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return java.util.regex.Pattern.compile(re.toString());
    }

    // ---- InnoDB's value bookkeeping -----------------------------------------------------------

    private static void init(Counter c) {
        if (c.maxMinNotInit()) {
            c.minValue = MIN_RESERVED;
            c.minValueStart = MIN_RESERVED;
            c.maxValue = MAX_RESERVED;
            c.maxValueStart = MAX_RESERVED;
        }
    }

    /** Reads the source into an enabled counter's value (InnoDB's MONITOR_GET_VALUE). */
    private static void refresh(Counter c) {
        long raw = c.source.getAsLong();
        if (c.type == Type.VALUE) {
            c.value = raw;
            c.maxValue = Math.max(c.maxValue, raw);
            c.minValue = Math.min(c.minValue, raw);
        } else {
            c.value = raw - c.valueReset - c.startValue + c.lastValue;
            c.maxValue = Math.max(c.maxValue, c.value);
            if (c.updateMin) {
                c.minValue = Math.min(c.minValue, c.value);
            }
        }
    }

    private static long maxSinceStart(Counter c) {
        if (c.maxValueStart == MAX_RESERVED) {
            c.maxValueStart = c.maxValue;
        } else if (c.maxValue != MAX_RESERVED && c.maxValue + c.valueReset > c.maxValueStart) {
            c.maxValueStart = c.maxValue + c.valueReset;
        }
        return c.maxValueStart;
    }

    private static long minSinceStart(Counter c) {
        if (c.minValueStart == MIN_RESERVED) {
            c.minValueStart = c.minValue;
        } else if (c.minValue != MIN_RESERVED && c.minValue + c.valueReset < c.minValueStart) {
            c.minValueStart = c.minValue + c.valueReset;
        }
        return c.minValueStart;
    }

    // ---- the table ----------------------------------------------------------------------------

    /**
     * The rows of {@code INFORMATION_SCHEMA.INNODB_METRICS}, one per counter in InnoDB's order,
     * columns as {@link #COLUMNS}: NAME, SUBSYSTEM (String); COUNT (Long); MAX_COUNT, MIN_COUNT
     * (Long or null); AVG_COUNT (Double or null); COUNT_RESET (Long); MAX_COUNT_RESET,
     * MIN_COUNT_RESET (Long or null); AVG_COUNT_RESET (Double or null); TIME_ENABLED,
     * TIME_DISABLED (LocalDateTime or null); TIME_ELAPSED (Long or null); TIME_RESET
     * (LocalDateTime or null); STATUS ("enabled" / "disabled"), TYPE, COMMENT (String). Reading
     * the table brings every enabled counter up to date, as InnoDB's does.
     */
    public synchronized List<Object[]> rows() {
        long now = clock.millis();
        List<Object[]> rows = new ArrayList<>(counters.size());
        for (Counter c : counters) {
            if (c.on) {
                refresh(c);
            }
            boolean notInit = c.maxMinNotInit();
            Object maxReset = c.maxValue == MAX_RESERVED || notInit ? null : c.maxValue;
            Object minReset = c.minValue == MIN_RESERVED || notInit ? null : c.minValue;
            long maxStart = maxSinceStart(c);
            long minStart = minSinceStart(c);
            Object maxCount = maxStart == MAX_RESERVED || notInit ? null : maxStart;
            Object minCount = minStart == MIN_RESERVED || notInit ? null : minStart;
            long sinceStart = c.value + c.valueReset;
            double seconds = 0;
            Object timeEnabled = null;
            Object elapsed = null;
            if (c.startTime != 0) {
                timeEnabled = time(c.startTime);
                seconds = ((c.on ? now : c.stopTime) - c.startTime) / 1000.0;
                elapsed = Math.round(seconds);
            }
            Object avg = null;
            Object avgReset = null;
            if (c.type != Type.VALUE) {
                avg = seconds != 0 ? sinceStart / seconds : null;
                double sinceReset = c.resetTime == 0 ? 0 : ((c.on ? now : c.stopTime) - c.resetTime) / 1000.0;
                avgReset = sinceReset != 0 ? c.value / sinceReset : null;
            }
            Object timeDisabled = !c.on && c.stopTime != 0 ? time(c.stopTime) : null;
            Object timeReset = c.on && c.resetTime != 0 ? time(c.resetTime) : null;
            rows.add(new Object[] {c.name, c.subsystem, sinceStart, maxCount, minCount, avg, c.value, maxReset,
                minReset, avgReset, timeEnabled, timeDisabled, elapsed, timeReset, c.on ? "enabled" : "disabled",
                c.type.label, c.comment});
        }
        return rows;
    }

    /** A DATETIME value (whole seconds, in the server's time zone) for clock time {@code millis}. */
    private static LocalDateTime time(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
    }
}
