package io.flushdb.driver.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.SqlEngine;
import io.flushdb.storage.Engine;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.testing.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRegistryTest {
    /**
     * Engines here use a small buffer pool: each engine reserves its pool as direct memory when it
     * opens, and many engines open in one test JVM.
     */
    private static final StartupSettings SMALL = StartupSettings.of(Map.of("innodb_buffer_pool_size", "5M"));

    private final EngineRegistry registry = new EngineRegistry();

    private static EngineLocation mem() {
        return EngineLocation.memory("reg-" + UUID.randomUUID());
    }

    /** {@code s = v}, with a small buffer pool. */
    private static StartupSettings settings(String s, long v) {
        return s.equals("innodb_buffer_pool_size") ? StartupSettings.of(Map.of(s, Long.toString(v)))
                : StartupSettings.of(Map.of(s, Long.toString(v), "innodb_buffer_pool_size", "5M"));
    }

    @Test
    void connectionsToOneLocationShareOneEngine() throws SQLException {
        EngineLocation loc = mem();
        try (EngineLease a = registry.acquire(loc, SMALL);
             EngineLease b = registry.acquire(loc, SMALL)) {
            assertSame(a.engine(), b.engine());
            assertEquals(1, registry.openEngineCount());
            try (EngineLease other = registry.acquire(mem(), SMALL)) {
                assertNotSame(a.engine(), other.engine());
                assertEquals(2, registry.openEngineCount());
            }
        }
        assertEquals(0, registry.openEngineCount());
    }

    @Test
    void theLastReleaseClosesTheEngine() throws SQLException {
        EngineLocation loc = mem();
        EngineLease a = registry.acquire(loc, SMALL);
        EngineLease b = registry.acquire(loc, SMALL);
        SqlEngine engine = a.engine();
        a.close();
        a.close(); // idempotent: must not return b's reference
        assertEquals(Engine.State.OPEN, engine.storage().state());
        b.close();
        assertEquals(Engine.State.CLOSED, engine.storage().state());
        assertEquals(0, registry.openEngineCount());
    }

    @Test
    void memoryDatabaseDisappearsWithItsLastConnection() throws SQLException {
        EngineLocation loc = mem();
        try (EngineLease a = registry.acquire(loc, SMALL)) {
            a.engine().storage().dictionary().createDatabase("shop", Collation.UTF8MB4_0900_AI_CI, false);
            try (EngineLease b = registry.acquire(loc, SMALL)) {
                assertTrue(b.engine().catalog().databases().contains("shop"));
            }
        }
        try (EngineLease again = registry.acquire(loc, SMALL)) {
            assertFalse(again.engine().catalog().databases().contains("shop"));
        }
    }

    @Test
    void directoryDataSurvivesReopening(@TempDir Path dir) throws SQLException {
        EngineLocation loc = EngineLocation.directory(dir.resolve("data"));
        try (EngineLease a = registry.acquire(loc, SMALL)) {
            a.engine().storage().dictionary().createDatabase("kept", Collation.UTF8MB4_0900_AI_CI, false);
        }
        try (EngineLease b = registry.acquire(loc, SMALL)) {
            assertTrue(b.engine().catalog().databases().contains("kept"));
        }
    }

    @Test
    void differentSpellingsOfOneDirectoryShareTheEngine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);
        try (EngineLease a = registry.acquire(EngineLocation.directory(data), SMALL);
             EngineLease b = registry.acquire(EngineLocation.directory(dir.resolve("data/./../data")), SMALL);
             EngineLease c = registry.acquire(EngineLocation.directory(link), SMALL)) {
            assertSame(a.engine(), b.engine());
            assertSame(a.engine(), c.engine());
        }
    }

    @Test
    void startupSettingsApplyWhenTheEngineOpens() throws SQLException {
        StartupSettings s = StartupSettings.of(Map.of("innodb_buffer_pool_size", "8M",
                "innodb_page_size", "8k", "innodb_lock_wait_timeout", "7",
                "innodb_old_blocks_pct", "25", "innodb_lru_scan_depth", "300"));
        try (EngineLease a = registry.acquire(mem(), s)) {
            Engine e = a.engine().storage();
            assertEquals(8L << 20, e.config().bufferPoolSize());
            assertEquals(8192, e.pageSize());
            assertEquals(7, e.config().lockWaitTimeoutSeconds());
            assertEquals(25, e.config().oldBlocksPct());
            assertEquals(300, e.config().lruScanDepth());
        }
    }

    @Test
    void differingStartupSettingsAreRefused() throws SQLException {
        EngineLocation loc = mem();
        try (EngineLease a = registry.acquire(loc, settings("innodb_buffer_pool_size", 16L << 20))) {
            SQLException e = assertThrows(SQLException.class,
                    () -> registry.acquire(loc, settings("innodb_buffer_pool_size", 32L << 20)));
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("innodb_buffer_pool_size=33554432 (open engine: 16777216)"), e.getMessage());
            // the same value, or naming nothing, shares the engine
            try (EngineLease same = registry.acquire(loc, settings("innodb_buffer_pool_size", 16L << 20));
                 EngineLease none = registry.acquire(loc, StartupSettings.NONE)) {
                assertSame(a.engine(), same.engine());
                assertSame(a.engine(), none.engine());
            }
            // a default the first connection did not name is compared with the value in effect
            assertThrows(SQLException.class, () -> registry.acquire(loc,
                    StartupSettings.of(Map.of("innodb_buffer_pool_instances", "2"))));
            try (EngineLease dflt = registry.acquire(loc,
                    StartupSettings.of(Map.of("innodb_buffer_pool_instances", "1")))) {
                assertSame(a.engine(), dflt.engine());
            }
            // a dynamic variable starts from the URL's value when the engine opens; later it may
            // have been changed by SET GLOBAL, so a connection naming another value still shares
            try (EngineLease dynamic = registry.acquire(loc,
                    StartupSettings.of(Map.of("innodb_lock_wait_timeout", "9")))) {
                assertSame(a.engine(), dynamic.engine());
            }
        }
    }

    @Test
    void aDirectoryHeldElsewhereIsRefusedUntilReleased(@TempDir Path dir) throws SQLException {
        EngineLocation loc = EngineLocation.directory(dir);
        EngineRegistry elsewhere = new EngineRegistry(); // as another class loader or process would be
        EngineLease held = registry.acquire(loc, SMALL);
        SQLException e = assertThrows(SQLException.class, () -> elsewhere.acquire(loc, SMALL));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
        assertEquals(0, elsewhere.openEngineCount());
        held.close();
        try (EngineLease later = elsewhere.acquire(loc, SMALL)) {
            assertEquals(Engine.State.OPEN, later.engine().storage().state());
        }
    }

    @Test
    void aFailedOpenLeavesNothingBehind(@TempDir Path dir) throws SQLException {
        EngineLocation loc = EngineLocation.directory(dir);
        registry.acquire(loc, settings("innodb_page_size", 16384)).close();
        SQLException e = assertThrows(SQLException.class,
                () -> registry.acquire(loc, settings("innodb_page_size", 4096)));
        assertTrue(e.getMessage().contains("innodb_page_size"), e.getMessage());
        assertEquals(0, registry.openEngineCount());
        registry.acquire(loc, SMALL).close(); // the lock was released
    }

    @Test
    void closeAllShutsEveryEngineAndRefusesNewConnections() throws SQLException {
        EngineLease a = registry.acquire(mem(), SMALL);
        EngineLease b = registry.acquire(mem(), SMALL);
        registry.closeAll();
        assertEquals(Engine.State.CLOSED, a.engine().storage().state());
        assertEquals(Engine.State.CLOSED, b.engine().storage().state());
        assertEquals(0, registry.openEngineCount());
        a.close(); // returning a lease after the shutdown is harmless
        SQLException e = assertThrows(SQLException.class, () -> registry.acquire(mem(), SMALL));
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    }

    /**
     * Threads hold connections to one directory together and release them together (a barrier per
     * round); each then opens a connection elsewhere before reconnecting, so that reconnecting
     * threads arrive while the last connection's close is writing the round's new table. A second
     * engine on the directory would fail on its file lock; an engine left open would show in the
     * count.
     */
    @Test
    void concurrentOpenAndCloseOfOneDirectory(@TempDir Path dir) throws Exception {
        EngineLocation loc = EngineLocation.directory(dir);
        int threads = 4;
        int rounds = 20;
        CyclicBarrier together = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    for (int i = 0; i < rounds; i++) {
                        try (EngineLease lease = registry.acquire(loc, SMALL)) {
                            if (lease.engine().storage().state() != Engine.State.OPEN) {
                                throw new AssertionError("got a lease on a closed engine");
                            }
                            String db = "d" + id + "_" + i;
                            lease.engine().storage().dictionary().createDatabase(db, Collation.UTF8MB4_0900_AI_CI, false);
                            lease.engine().storage().dictionary().createTable(Tables.people(db));
                            together.await(60, TimeUnit.SECONDS);
                        }
                        registry.acquire(mem(), SMALL).close();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    together.reset(); // the others waiting now fail at once; later arrivals time out
                }
            }, "registry-test-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertNull(failures.peek(), () -> "failures: " + failures);
        assertEquals(0, registry.openEngineCount());
        try (EngineLease after = registry.acquire(loc, SMALL)) {
            assertEquals(threads * rounds, after.engine().catalog().databases().stream()
                    .filter(d -> d.matches("d\\d+_\\d+")).count());
        }
    }
}
