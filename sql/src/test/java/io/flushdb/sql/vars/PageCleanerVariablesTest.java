package io.flushdb.sql.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.exec.SqlWarning;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.cleaner.AdaptiveFlushing;
import io.flushdb.storage.cleaner.PageCleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flushing variables reach the running page cleaner and buffer pool: at open (startup values)
 * and on SET GLOBAL, with innodb_io_capacity and innodb_io_capacity_max always given to the
 * cleaner as an ordered pair, and innodb_page_cleaners resizing the running threads.
 */
class PageCleanerVariablesTest {
    private static SqlEngine open(int instances, Map<String, String> settings, List<String> messages) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("innodb_buffer_pool_instances", Integer.toString(instances));
        return SqlEngine.open(EngineConfig.memory("cleaner-vars-" + System.nanoTime())
                .bufferPoolSize(instances * (8L << 20)).messages(messages::add), all);
    }

    private static SqlEngine open(int instances, Map<String, String> settings) {
        return open(instances, settings, new ArrayList<>());
    }

    private static Object global(Session s, String name) {
        return s.execute("SELECT @@global." + name).rows().get(0)[0];
    }

    private static long globalLong(Session s, String name) {
        return ((Number) global(s, name)).longValue();
    }

    /** The pair as the cleaner has it, and as SELECT @@global reads it: both must be {@code cap, max}. */
    private static void assertIoCapacity(SqlEngine engine, Session s, long cap, long max) {
        AdaptiveFlushing.Settings p = engine.storage().pageCleaner().policySettings();
        assertEquals(List.of(cap, max), List.of(p.ioCapacity(), p.ioCapacityMax()), "the cleaner's pair");
        assertEquals(List.of(cap, max), List.of(globalLong(s, "innodb_io_capacity"),
                globalLong(s, "innodb_io_capacity_max")), "the GLOBAL pair");
    }

    @Test
    void setGlobalReachesTheRunningCleanerAndPool() {
        try (SqlEngine engine = open(2, Map.of()); Session s = engine.newSession(null)) {
            PageCleaner cleaner = engine.storage().pageCleaner();
            AdaptiveFlushing.Settings before = cleaner.policySettings();
            assertEquals(new AdaptiveFlushing.Settings(200, 2000, true, 10, 90, 10, 30), before,
                    "MySQL's defaults at open");
            assertTrue(cleaner.flushSync());
            assertEquals(100, cleaner.idleFlushPct());
            assertEquals(0, engine.storage().bufferPool().flushNeighbors());

            s.execute("SET GLOBAL innodb_adaptive_flushing = OFF");
            assertFalse(cleaner.policySettings().adaptiveFlushing());
            s.execute("SET GLOBAL innodb_adaptive_flushing_lwm = 25");
            assertEquals(25.0, cleaner.policySettings().adaptiveFlushingLwm());
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 80.5");
            assertEquals(80.5, cleaner.policySettings().maxDirtyPagesPct());
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct_lwm = 20.25");
            assertEquals(20.25, cleaner.policySettings().maxDirtyPagesPctLwm());
            s.execute("SET GLOBAL innodb_flushing_avg_loops = 7");
            assertEquals(7, cleaner.policySettings().flushingAvgLoops());
            s.execute("SET GLOBAL innodb_flush_neighbors = 2");
            assertEquals(2, engine.storage().bufferPool().flushNeighbors());
            s.execute("SET GLOBAL innodb_flush_neighbors = 1");
            assertEquals(1, engine.storage().bufferPool().flushNeighbors());
            s.execute("SET GLOBAL innodb_flush_sync = OFF");
            assertFalse(cleaner.flushSync());
            s.execute("SET GLOBAL innodb_idle_flush_pct = 35");
            assertEquals(35, cleaner.idleFlushPct());
            s.execute("SET GLOBAL innodb_adaptive_flushing = ON, innodb_flush_sync = ON, innodb_idle_flush_pct = 0");
            assertTrue(cleaner.policySettings().adaptiveFlushing());
            assertTrue(cleaner.flushSync());
            assertEquals(0, cleaner.idleFlushPct());

            // The dirty-page pair's rule: a maximum below the mark lowers the mark, in the cleaner too.
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 15");
            assertEquals(15.0, cleaner.policySettings().maxDirtyPagesPct());
            assertEquals(15.0, cleaner.policySettings().maxDirtyPagesPctLwm());
            assertEquals(15.0, ((Number) global(s, "innodb_max_dirty_pages_pct_lwm")).doubleValue());
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct_lwm = 50");
            assertEquals(15.0, cleaner.policySettings().maxDirtyPagesPctLwm(), "capped at the maximum");

            // DEFAULT goes back to MySQL's value in the engine too.
            s.execute("SET GLOBAL innodb_flushing_avg_loops = DEFAULT, innodb_flush_neighbors = DEFAULT");
            assertEquals(30, cleaner.policySettings().flushingAvgLoops());
            assertEquals(0, engine.storage().bufferPool().flushNeighbors());
        }
    }

    @Test
    void startupValuesReachTheCleanerAtOpen() {
        Map<String, String> settings = Map.of("innodb_io_capacity", "300", "innodb_io_capacity_max", "900",
                "innodb_adaptive_flushing", "OFF", "innodb_max_dirty_pages_pct", "70",
                "innodb_max_dirty_pages_pct_lwm", "5", "innodb_adaptive_flushing_lwm", "15",
                "innodb_flushing_avg_loops", "12", "innodb_flush_neighbors", "2", "innodb_flush_sync", "OFF",
                "innodb_idle_flush_pct", "40");
        try (SqlEngine engine = open(1, settings); Session s = engine.newSession(null)) {
            PageCleaner cleaner = engine.storage().pageCleaner();
            assertEquals(new AdaptiveFlushing.Settings(300, 900, false, 15, 70, 5, 12), cleaner.policySettings());
            assertEquals(2, engine.storage().bufferPool().flushNeighbors());
            assertFalse(cleaner.flushSync());
            assertEquals(40, cleaner.idleFlushPct());
            assertIoCapacity(engine, s, 300, 900);
        }
    }

    @Test
    void ioCapacityPairIsAlwaysOrderedInTheCleaner() {
        try (SqlEngine engine = open(1, Map.of()); Session s = engine.newSession(null)) {
            assertIoCapacity(engine, s, 200, 2000);

            // Above the maximum: the maximum is raised to twice the new value (MySQL's warnings).
            s.execute("SET GLOBAL innodb_io_capacity = 5000");
            assertEquals(List.of(
                    new SqlWarning("Warning", 1210, "Setting innodb_io_capacity to 5000 higher than innodb_io_capacity_max 2000"),
                    new SqlWarning("Warning", 1210, "Setting innodb_max_io_capacity to 10000")), s.warnings());
            assertIoCapacity(engine, s, 5000, 10000);

            // A maximum below the capacity lowers the capacity to it.
            s.execute("SET GLOBAL innodb_io_capacity_max = 1000");
            assertIoCapacity(engine, s, 1000, 1000);

            // Within the pair's order: each side moves alone.
            s.execute("SET GLOBAL innodb_io_capacity_max = 4000");
            assertIoCapacity(engine, s, 1000, 4000);
            s.execute("SET GLOBAL innodb_io_capacity = 400");
            assertIoCapacity(engine, s, 400, 4000);

            // Both in one statement, the second undoing part of the first: the last word wins.
            s.execute("SET GLOBAL innodb_io_capacity = 3000, innodb_io_capacity_max = 2500");
            assertIoCapacity(engine, s, 2500, 2500);
            s.execute("SET GLOBAL innodb_io_capacity_max = 6000, innodb_io_capacity = 5500");
            assertIoCapacity(engine, s, 5500, 6000);
            s.execute("SET GLOBAL innodb_io_capacity = 7000, innodb_io_capacity_max = 20000");
            assertIoCapacity(engine, s, 7000, 20000);

            s.execute("SET GLOBAL innodb_io_capacity = DEFAULT, innodb_io_capacity_max = DEFAULT");
            assertIoCapacity(engine, s, 200, 2000);
        }
    }

    @Test
    void startupPairRulesAreMySqls() {
        // No maximum given: twice the capacity, or 2000 if that is more.
        try (SqlEngine engine = open(1, Map.of("innodb_io_capacity", "1500")); Session s = engine.newSession(null)) {
            assertIoCapacity(engine, s, 1500, 3000);
        }
        try (SqlEngine engine = open(1, Map.of("innodb_io_capacity", "400")); Session s = engine.newSession(null)) {
            assertIoCapacity(engine, s, 400, 2000);
        }
        // A maximum given below the capacity lowers the capacity, with a message.
        List<String> messages = new ArrayList<>();
        try (SqlEngine engine = open(1, Map.of("innodb_io_capacity", "5000", "innodb_io_capacity_max", "3000"),
                messages); Session s = engine.newSession(null)) {
            assertIoCapacity(engine, s, 3000, 3000);
        }
        assertTrue(messages.contains("FlushDB: innodb_io_capacity cannot be set higher than innodb_io_capacity_max. "
                + "Setting innodb_io_capacity to 3000"), messages.toString());
        // A dirty-page low-water mark above the maximum is lowered to it.
        messages.clear();
        try (SqlEngine engine = open(1, Map.of("innodb_max_dirty_pages_pct_lwm", "95"), messages);
             Session s = engine.newSession(null)) {
            assertEquals(90.0, engine.storage().pageCleaner().policySettings().maxDirtyPagesPctLwm());
            assertEquals(90.0, ((Number) global(s, "innodb_max_dirty_pages_pct_lwm")).doubleValue());
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("FlushDB: innodb_max_dirty_pages_pct_lwm cannot be set "
                + "higher than innodb_max_dirty_pages_pct.")), messages.toString());
    }

    @Test
    void pageCleanersResizesTheRunningThreadsCappedAtInstances() throws Exception {
        try (SqlEngine engine = open(4, Map.of("innodb_page_cleaners", "3")); Session s = engine.newSession(null)) {
            PageCleaner cleaner = engine.storage().pageCleaner();
            assertEquals(3, cleaner.threads(), "the startup value");
            assertEquals(3, globalLong(s, "innodb_page_cleaners"));

            s.execute("SET GLOBAL innodb_page_cleaners = 4");
            assertEquals(4, cleaner.threads());
            assertEquals(3, cleaner.liveWorkers(), "the missing worker starts at once");
            assertEquals(4, globalLong(s, "innodb_page_cleaners"));

            s.execute("SET GLOBAL innodb_page_cleaners = 1");
            assertEquals(1, cleaner.threads());
            assertEquals(1, globalLong(s, "innodb_page_cleaners"));
            awaitLiveWorkers(cleaner, 0);

            s.execute("SET GLOBAL innodb_page_cleaners = 64");
            assertEquals(4, cleaner.threads(), "capped at innodb_buffer_pool_instances");
            assertEquals(4, globalLong(s, "innodb_page_cleaners"), "the number in effect is reported");
            assertEquals(3, cleaner.liveWorkers());

            s.execute("SET GLOBAL innodb_page_cleaners = 2");
            assertEquals(2, cleaner.threads());
            awaitLiveWorkers(cleaner, 1);
            assertEquals(2L, engine.globals().get(SystemVariables.INNODB_PAGE_CLEANERS));
        }
        try (SqlEngine engine = open(1, Map.of()); Session s = engine.newSession(null)) {
            assertEquals(1, engine.storage().pageCleaner().threads(), "the default 4 capped at one instance");
            s.execute("SET GLOBAL innodb_page_cleaners = 4");
            assertEquals(1, engine.storage().pageCleaner().threads());
            assertEquals(1, globalLong(s, "innodb_page_cleaners"));
            assertEquals(0, engine.storage().pageCleaner().liveWorkers());
        }
    }

    private static void awaitLiveWorkers(PageCleaner cleaner, int expected) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> cleaner.awaitLiveWorkers(expected), "surplus workers leave");
        assertEquals(expected, cleaner.liveWorkers(), "surplus workers leave");
    }
}
