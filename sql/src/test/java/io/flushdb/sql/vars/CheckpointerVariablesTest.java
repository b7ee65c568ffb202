package io.flushdb.sql.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GLOBAL changes of checkpointer variables reach the running checkpointer thread. */
class CheckpointerVariablesTest {
    private static SqlEngine open(String period) {
        return SqlEngine.open(EngineConfig.memory("ckpt-" + System.nanoTime()).bufferPoolSize(8 << 20),
                Map.of("innodb_log_checkpoint_every", period));
    }

    @Test
    void aNewPeriodWakesTheRunningThreadAtOnce() throws Exception {
        // An hour-long period: the thread is waiting and would not run a pass during this test.
        try (SqlEngine engine = open("3600000"); Session s = engine.newSession(null)) {
            var checkpointer = engine.storage().checkpointer();
            assertEquals(3_600_000, checkpointer.periodMillis());
            long before = checkpointer.passes();
            s.execute("SET GLOBAL innodb_log_checkpoint_every = 5");
            assertEquals(5, checkpointer.periodMillis());
            // The change woke the thread: with a 5 ms period it passes again and again, which an
            // hour-long wait could not explain.
            assertTrue(checkpointer.awaitPasses(before + 3, 30_000), "the checkpointer did not run its passes");
            s.execute("SET GLOBAL innodb_log_checkpoint_every = 3600000");
            assertEquals(3_600_000, checkpointer.periodMillis());
        }
    }

    @Test
    void checkpointNowWritesEveryDirtyPageAndCheckpointsPastTheStatement() {
        try (SqlEngine engine = open("3600000"); Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(100))");
            for (int i = 0; i < 200; i++) {
                s.execute("INSERT INTO t VALUES (" + i + ", REPEAT('x', 90))");
            }
            Engine storage = engine.storage();
            assertTrue(storage.bufferPool().totals().modifiedPages() > 0, "the inserts left dirty pages");
            long lsn = storage.currentLsn();
            assertTrue(storage.lastCheckpointLsn() < lsn);
            s.execute("SET GLOBAL innodb_log_checkpoint_now = ON");
            assertEquals(0, storage.bufferPool().totals().modifiedPages());
            assertTrue(storage.lastCheckpointLsn() >= lsn, "checkpoint " + storage.lastCheckpointLsn() + " < " + lsn);
            assertEquals("OFF", Variables.rows(s, true).stream().filter(r -> r[0].equals("innodb_log_checkpoint_now"))
                    .findFirst().orElseThrow()[1]);
        }
    }

    @Test
    void oldBlocksAndScanDepthReachTheBufferPool() {
        try (SqlEngine engine = open("1000"); Session a = engine.newSession(null); Session b = engine.newSession(null)) {
            a.execute("SET GLOBAL innodb_old_blocks_pct = 20, innodb_old_blocks_time = 0");
            assertEquals(0L, engine.globals().get(SystemVariables.INNODB_OLD_BLOCKS_TIME));
            a.execute("SET SESSION innodb_lru_scan_depth = 150");
            assertEquals(150, a.variables().lruScanDepthOverride());
            assertEquals(0, b.variables().lruScanDepthOverride(), "b searches with the GLOBAL depth");
            assertEquals(1024L, engine.globals().get(SystemVariables.INNODB_LRU_SCAN_DEPTH));
        }
    }
}
