package io.flushdb.sql.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.buffer.FlushKind;
import io.flushdb.storage.cleaner.PageCleaner;
import io.flushdb.storage.testing.ManualClock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INNODB_METRICS at the Java level, on an engine whose clock the test moves: InnoDB's default
 * states, and what enable, disable, reset and reset_all do to each column, by module, pattern,
 * name and {@code all}.
 */
class InnodbMetricsTest {
    private static final int COUNT = 2;
    private static final int MAX_COUNT = 3;
    private static final int MIN_COUNT = 4;
    private static final int AVG_COUNT = 5;
    private static final int COUNT_RESET = 6;
    private static final int MAX_COUNT_RESET = 7;
    private static final int AVG_COUNT_RESET = 9;
    private static final int TIME_ENABLED = 10;
    private static final int TIME_DISABLED = 11;
    private static final int TIME_ELAPSED = 12;
    private static final int TIME_RESET = 13;
    private static final int STATUS = 14;
    private static final int TYPE = 15;
    private static final int COMMENT = 16;

    /** The page cleaner's counters: name, TYPE, comment (srv0mon's text); all in module_buffer, off by default. */
    private static final List<List<String>> FLUSH_COUNTERS = List.of(
            List.of("buffer_flush_batch_total_pages", "counter", "Total pages flushed as part of flush batch"),
            List.of("buffer_flush_neighbor_total_pages", "counter", "Total neighbors flushed as part of neighbor flush"),
            List.of("buffer_flush_n_to_flush_requested", "value", "Number of pages requested for flushing."),
            List.of("buffer_flush_n_to_flush_by_age", "value", "Number of pages targeted by LSN Age for flushing."),
            List.of("buffer_flush_avg_time", "value", "Avg time (ms) spent for flushing recently."),
            List.of("buffer_flush_avg_pass", "counter", "Number of flushes passed during the recent Avg period."),
            List.of("buffer_flush_avg_page_rate", "value", "Average number of pages at which flushing is happening"),
            List.of("buffer_flush_lsn_avg_rate", "value", "Average redo generation rate"),
            List.of("buffer_flush_pct_for_dirty", "value", "Percent of IO capacity used to avoid max dirty page limit"),
            List.of("buffer_flush_pct_for_lsn", "value",
                    "Percent of IO capacity used to avoid reusable redo space limit"),
            List.of("buffer_flush_sync_waits", "counter", "Number of times a wait happens due to sync flushing"),
            List.of("buffer_flush_adaptive_total_pages", "counter", "Total pages flushed as part of adaptive flushing"),
            List.of("buffer_flush_sync_total_pages", "counter", "Total pages flushed as part of sync batches"),
            List.of("buffer_flush_background_total_pages", "counter",
                    "Total pages flushed as part of background batches"),
            List.of("buffer_LRU_batch_flush_total_pages", "counter", "Total pages flushed as part of LRU batches"),
            List.of("buffer_LRU_batch_evict_total_pages", "counter", "Total pages evicted as part of LRU batches"),
            List.of("buffer_LRU_single_flush_num_scan", "counter", "Number of times single page LRU flush is called"));

    private final ManualClock clock = new ManualClock();
    private SqlEngine engine;
    private Session session;
    private InnodbMetrics metrics;
    private int nextId = 1;

    @BeforeEach
    void open() {
        engine = SqlEngine.open(EngineConfig.memory("metrics").clock(clock));
        session = engine.newSession(null);
        session.execute("CREATE DATABASE d");
        session.execute("USE d");
        session.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        metrics = engine.innodbMetrics();
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private Map<String, Object[]> table() {
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (Object[] row : metrics.rows()) {
            assertEquals(InnodbMetrics.COLUMNS.size(), row.length);
            out.put((String) row[0], row);
        }
        return out;
    }

    private Object[] row(String name) {
        return table().get(name);
    }

    private void insert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i > 0 ? ", " : "").append('(').append(nextId++).append(')');
        }
        session.execute(sql.toString());
    }

    @Test
    void defaultsAreInnoDbs() {
        Map<String, Object[]> t = table();
        assertEquals("enabled", t.get("dml_inserts")[STATUS]);
        assertEquals("status_counter", t.get("dml_inserts")[TYPE]);
        assertEquals("disabled", t.get("dml_reads")[STATUS], "InnoDB leaves dml_reads off");
        assertEquals("disabled", t.get("log_lsn_current")[STATUS]);
        assertEquals("value", t.get("buffer_pool_size")[TYPE]);
        assertEquals("counter", t.get("log_checkpoints")[TYPE]);
        Engine storage = engine.storage();
        assertEquals(storage.bufferPool().frameBytes(), t.get("buffer_pool_size")[COUNT]);
        assertEquals((long) storage.pageSize(), t.get("innodb_page_size")[COUNT]);
        // A counter on by default counts from when the engine opened: the status variable's value.
        assertEquals(storage.counters().rowsInserted.sum(), t.get("dml_inserts")[COUNT]);
        assertEquals(storage.counters().systemRowsInserted.sum(), t.get("dml_system_inserts")[COUNT]);
        assertTrue((long) t.get("dml_system_inserts")[COUNT] >= 2, "CREATE DATABASE and CREATE TABLE wrote dictionary rows");
        assertNull(t.get("dml_inserts")[MIN_COUNT], "event counts track no minimum");
        assertNull(t.get("buffer_pool_size")[AVG_COUNT], "a value has no average");
        assertNull(t.get("dml_reads")[TIME_ENABLED]);
        assertNull(t.get("dml_reads")[MAX_COUNT], "never enabled: no maximum");
        for (Object[] row : t.values()) {
            assertTrue(row[STATUS].equals("enabled") || row[STATUS].equals("disabled"));
        }
    }

    @Test
    void disableKeepsTheCountAndEnableContinuesIt() {
        long base = (long) row("dml_inserts")[COUNT];
        insert(3);
        assertEquals(base + 3, row("dml_inserts")[COUNT]);

        assertEquals(1, metrics.disable("dml_inserts"));
        clock.advanceMillis(1000);
        insert(2);
        Object[] off = row("dml_inserts");
        assertEquals("disabled", off[STATUS]);
        assertEquals(base + 3, off[COUNT], "rows inserted while disabled are not counted");
        assertNotNull(off[TIME_DISABLED]);

        assertEquals(1, metrics.enable("DML_INSERTS"));
        clock.advanceMillis(4000);
        insert(4);
        Object[] on = row("dml_inserts");
        assertEquals("enabled", on[STATUS]);
        assertEquals(base + 7, on[COUNT]);
        assertNull(on[TIME_DISABLED]);
        assertEquals(4L, on[TIME_ELAPSED]);
        assertEquals((base + 7) / 4.0, (double) on[AVG_COUNT], 1e-9);
        assertEquals(base + 7, on[MAX_COUNT]);
    }

    @Test
    void resetRestartsOnlyTheResetColumns() {
        insert(5);
        long before = (long) row("dml_inserts")[COUNT];
        assertNull(row("dml_inserts")[AVG_COUNT_RESET], "never reset");
        assertEquals(1, metrics.reset("dml_inserts"));
        Object[] reset = row("dml_inserts");
        assertEquals(before, reset[COUNT]);
        assertEquals(0L, reset[COUNT_RESET]);
        assertNotNull(reset[TIME_RESET]);

        insert(2);
        clock.advanceMillis(2000);
        Object[] later = row("dml_inserts");
        assertEquals(before + 2, later[COUNT]);
        assertEquals(2L, later[COUNT_RESET]);
        assertEquals(2L, later[MAX_COUNT_RESET]);
        assertEquals(1.0, (double) later[AVG_COUNT_RESET], 1e-9);
        assertEquals(before + 2, later[MAX_COUNT], "MAX_COUNT covers the time before the reset too");

        // A disabled counter resets too.
        metrics.disable("dml_inserts");
        metrics.reset("dml_inserts");
        assertEquals(0L, row("dml_inserts")[COUNT_RESET]);
        assertEquals(before + 2, row("dml_inserts")[COUNT]);
    }

    @Test
    void resetAllClearsOnlyDisabledCounters() {
        insert(3);
        Object[] on = row("dml_inserts");
        assertEquals(List.of("dml_inserts"), metrics.resetAll("dml_inserts"), "an enabled counter is left alone");
        assertEquals(on[COUNT], row("dml_inserts")[COUNT]);

        metrics.disable("dml_inserts");
        assertEquals(List.of(), metrics.resetAll("dml_inserts"));
        Object[] cleared = row("dml_inserts");
        assertEquals(0L, cleared[COUNT]);
        assertEquals(0L, cleared[COUNT_RESET]);
        assertNull(cleared[MAX_COUNT]);
        assertNull(cleared[TIME_ENABLED]);
        assertNull(cleared[TIME_DISABLED]);
        assertNull(cleared[TIME_ELAPSED]);

        metrics.enable("dml_inserts");
        insert(4);
        assertEquals(4L, row("dml_inserts")[COUNT], "counting starts again from zero");
    }

    @Test
    void pageCleanerCountersAreSrv0monsInItsOrder() {
        Map<String, Object[]> t = table();
        for (List<String> c : FLUSH_COUNTERS) {
            Object[] r = t.get(c.get(0));
            assertNotNull(r, c.get(0));
            assertEquals("buffer", r[1], c.get(0));
            assertEquals(c.get(1), r[TYPE], c.get(0));
            assertEquals(c.get(2), r[COMMENT], c.get(0));
            assertEquals("disabled", r[STATUS], c.get(0) + " is off by default");
        }
        for (String name : List.of("log_max_modified_age_async", "log_max_modified_age_sync")) {
            assertEquals("log", t.get(name)[1]);
            assertEquals("value", t.get(name)[TYPE]);
            assertEquals("disabled", t.get(name)[STATUS]);
        }
        assertEquals("Maximum LSN difference; when exceeded, start asynchronous preflush",
                t.get("log_max_modified_age_async")[COMMENT]);
        assertEquals("Maximum LSN difference; when exceeded, start synchronous preflush",
                t.get("log_max_modified_age_sync")[COMMENT]);
        // InnoDB's order: after buffer_data_written, as srv0mon lists them; the ages after the
        // oldest-LSN approximation and before log_waits.
        List<String> names = new java.util.ArrayList<>(t.keySet());
        int first = names.indexOf("buffer_data_written") + 1;
        assertEquals(FLUSH_COUNTERS.stream().map(c -> c.get(0)).toList(),
                names.subList(first, first + FLUSH_COUNTERS.size()));
        int oldest = names.indexOf("log_lsn_buf_pool_oldest_approx");
        assertEquals(List.of("log_max_modified_age_async", "log_max_modified_age_sync", "log_waits"),
                names.subList(oldest + 1, oldest + 4));
    }

    @Test
    void moduleBufferEnablesThePageCleanerCountersAndASyncFlushMovesThem() {
        assertEquals(34, metrics.enable("module_buffer"), "module_buffer: 17 buffer pool and 17 page cleaner counters");
        assertEquals(2, metrics.enable("log_max_modified_age_%"));
        for (List<String> c : FLUSH_COUNTERS) {
            assertTrue(metrics.isEnabled(c.get(0)), c.get(0));
        }
        Engine storage = engine.storage();
        Map<String, Object[]> t = table();
        // The manual clock never reaches the cleaner's next second: it runs passes only when asked.
        PageCleaner.Metrics m0 = storage.pageCleaner().metrics();
        assertEquals(storage.redoLog().asyncAge(), t.get("log_max_modified_age_async")[COUNT]);
        assertEquals(storage.redoLog().syncAge(), t.get("log_max_modified_age_sync")[COUNT]);
        assertTrue(storage.redoLog().asyncAge() > 0 && storage.redoLog().asyncAge() < storage.redoLog().syncAge());
        Map<String, Long> before = new LinkedHashMap<>();
        for (List<String> c : FLUSH_COUNTERS) {
            before.put(c.get(0), (long) t.get(c.get(0))[COUNT]);
        }

        insert(300);
        assertTrue(storage.bufferPool().totals().modifiedPages() > 0, "the inserts left dirty pages");
        session.execute("SET GLOBAL innodb_log_checkpoint_now = 1");
        assertEquals(0, storage.bufferPool().totals().modifiedPages());

        t = table();
        PageCleaner.Metrics m = storage.pageCleaner().metrics();
        Map<String, Long> moved = new LinkedHashMap<>();
        for (List<String> c : FLUSH_COUNTERS) {
            moved.put(c.get(0), (long) t.get(c.get(0))[COUNT] - before.get(c.get(0)));
        }
        assertTrue(moved.get("buffer_flush_sync_total_pages") > 0, "the checkpoint's sync flush wrote the dirty pages");
        assertEquals(m.pagesSync() - m0.pagesSync(), moved.get("buffer_flush_sync_total_pages"));
        assertEquals(m.pagesSync() + m.pagesAdaptive() + m.pagesIdle() - m0.pagesSync() - m0.pagesAdaptive()
                - m0.pagesIdle(), moved.get("buffer_flush_batch_total_pages"));
        assertTrue(moved.get("buffer_flush_batch_total_pages") >= moved.get("buffer_flush_sync_total_pages"));
        assertEquals(m.syncWaits() - m0.syncWaits(), moved.get("buffer_flush_sync_waits"));
        assertTrue(moved.get("buffer_flush_sync_waits") > 0, "the statement waited for the sync flush");
        assertEquals(m.passes() - m0.passes(), moved.get("buffer_flush_avg_pass"));
        assertTrue(moved.get("buffer_flush_avg_pass") > 0, "at least one pass ran");
        assertEquals(m.pagesLru() - m0.pagesLru(), moved.get("buffer_LRU_batch_flush_total_pages"));
        assertEquals(m.pagesEvictedLru() - m0.pagesEvictedLru(), moved.get("buffer_LRU_batch_evict_total_pages"));
        assertEquals(m.pagesNeighbor() - m0.pagesNeighbor(), moved.get("buffer_flush_neighbor_total_pages"));
        assertEquals(m.pagesAdaptive() - m0.pagesAdaptive(), moved.get("buffer_flush_adaptive_total_pages"));
        assertEquals(m.pagesIdle() - m0.pagesIdle(), moved.get("buffer_flush_background_total_pages"));
        assertEquals(m.passNanos() / m.passes() / 1_000_000, t.get("buffer_flush_avg_time")[COUNT]);
        assertEquals(m.nToFlushRequested(), t.get("buffer_flush_n_to_flush_requested")[COUNT]);
        assertEquals(m.pctForLsn(), t.get("buffer_flush_pct_for_lsn")[COUNT]);

        // A counter disabled keeps its count while the pages it counts go on being written.
        long kept = (long) t.get("buffer_flush_sync_total_pages")[COUNT];
        assertEquals(1, metrics.disable("buffer_flush_sync_total_pages"));
        insert(300);
        session.execute("SET GLOBAL innodb_log_checkpoint_now = 1");
        assertTrue(storage.pageCleaner().metrics().pagesSync() > m.pagesSync());
        assertEquals(kept, row("buffer_flush_sync_total_pages")[COUNT]);
        assertEquals(1, metrics.disable("BUFFER_LRU_BATCH_FLUSH_TOTAL_PAGES"), "names are case-insensitive");
        assertEquals("disabled", row("buffer_LRU_batch_flush_total_pages")[STATUS]);
        assertEquals(2, metrics.disable("buffer_lru_batch_%"), "patterns too");
        assertEquals("disabled", row("buffer_LRU_batch_evict_total_pages")[STATUS]);
    }

    @Test
    void aForegroundSinglePageFlushIsCounted(@TempDir Path dir) {
        // On disk: an in-memory engine's redo ring is capped at 8 MiB, whose sync point comes before
        // the pool fills.
        try (SqlEngine small = SqlEngine.open(EngineConfig.directory(dir).clock(new ManualClock())
                .bufferPoolSize(5L << 20).redoLogCapacity(64L << 20)); Session s = small.newSession(null)) {
            InnodbMetrics mx = small.innodbMetrics();
            Engine storage = small.storage();
            long base = storage.bufferPool().pagesWritten(FlushKind.SINGLE_PAGE);
            assertEquals(1, mx.enable("buffer_LRU_single_flush_num_scan"));
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(1000))");
            // About 6 MiB of rows into a 5 MiB pool whose cleaner, on a clock that does not move,
            // flushes nothing unless asked, with redo room for all of them (no checkpoint asks it):
            // foreground threads must write pages themselves.
            for (int i = 0; i < 60; i++) {
                StringBuilder sql = new StringBuilder("INSERT INTO big VALUES ");
                for (int j = 0; j < 100; j++) {
                    sql.append(j > 0 ? ", " : "").append('(').append(i * 100 + j).append(", REPEAT('x', 1000))");
                }
                s.execute(sql.toString());
            }
            long low = storage.bufferPool().pagesWritten(FlushKind.SINGLE_PAGE) - base;
            long count = 0;
            for (Object[] r : mx.rows()) {
                if (r[0].equals("buffer_LRU_single_flush_num_scan")) {
                    count = (long) r[COUNT];
                }
            }
            long high = storage.bufferPool().pagesWritten(FlushKind.SINGLE_PAGE) - base;
            assertTrue(low > 0, "no single-page flush happened");
            assertTrue(count >= low && count <= high, low + " <= " + count + " <= " + high);
        }
    }

    @Test
    void modulesPatternsAndAll() {
        assertEquals(12, metrics.enable("module_log"), "module_log has twelve counters");
        Engine storage = engine.storage();
        Map<String, Object[]> t = table();
        assertEquals("enabled", t.get("log_lsn_current")[STATUS]);
        assertEquals(storage.currentLsn(), t.get("log_lsn_current")[COUNT]);
        assertEquals(storage.lastCheckpointLsn(), t.get("log_lsn_last_checkpoint")[COUNT]);
        assertEquals(storage.currentLsn() - storage.lastCheckpointLsn(), t.get("log_lsn_checkpoint_age")[COUNT]);
        insert(1);
        Object[] lsn = row("log_lsn_current");
        assertEquals(storage.currentLsn(), lsn[COUNT]);
        assertTrue((long) lsn[MIN_COUNT] < (long) lsn[MAX_COUNT], "a value tracks its minimum and maximum");

        assertEquals(8, metrics.disable("dml%"));
        assertEquals("disabled", row("dml_inserts")[STATUS]);
        assertEquals(1, metrics.enable("DML_READS"), "names are case-insensitive");
        long reads = (long) row("dml_reads")[COUNT];
        session.execute("SELECT * FROM t");
        assertEquals(reads + 1, row("dml_reads")[COUNT]);

        assertEquals(0, metrics.enable("module_trx"), "a MySQL module without FlushDB counters is accepted");
        assertEquals(0, metrics.enable("zzz%"), "a pattern may match nothing");
        assertThrows(IllegalArgumentException.class, () -> metrics.enable("no_such_counter"));
        assertThrows(IllegalArgumentException.class, () -> metrics.disable("module_nope"));
        assertThrows(IllegalArgumentException.class, () -> metrics.reset(""));

        int all = metrics.disable("all");
        assertEquals(table().size(), all);
        table().values().forEach(r -> assertEquals("disabled", r[STATUS], (String) r[0]));
        metrics.enable("all");
        table().values().forEach(r -> assertEquals("enabled", r[STATUS], (String) r[0]));
    }
}
