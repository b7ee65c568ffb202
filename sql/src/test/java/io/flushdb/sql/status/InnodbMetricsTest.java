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
import io.flushdb.storage.testing.ManualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    void modulesPatternsAndAll() {
        assertEquals(10, metrics.enable("module_log"), "module_log has ten counters");
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
