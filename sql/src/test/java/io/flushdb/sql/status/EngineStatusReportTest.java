package io.flushdb.sql.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.testing.ManualClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SHOW ENGINE INNODB STATUS and SHOW STATUS on an engine whose clock the test moves: the rates
 * are exactly the work done over the interval since the previous printout, the header carries
 * the clock's time and that interval, the LOG labels are padded as InnoDB's, Uptime follows the
 * clock, and SHOW STATUS WHERE evaluates MySQL's condition forms.
 */
class EngineStatusReportTest {

    private static String status(Session s, String name) {
        List<Object[]> rows = s.execute("SHOW GLOBAL STATUS LIKE '" + name + "'").rows();
        assertEquals(1, rows.size(), name);
        return (String) rows.get(0)[1];
    }

    @Test
    void ratesCoverTheIntervalSinceThePreviousPrintout() {
        ManualClock clock = new ManualClock();
        try (SqlEngine engine = SqlEngine.open(EngineConfig.memory("report").clock(clock));
             Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            EngineStatusReport report = engine.engineStatusReport();
            report.print(); // the baseline

            clock.advanceMillis(5000);
            s.execute("INSERT INTO t VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)");
            String text = report.print();
            String at = LocalDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneId.systemDefault())
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            assertTrue(text.startsWith("\n=====================================\n" + at + " 0x"), text);
            assertTrue(text.contains("\nPer second averages calculated from the last 5 seconds\n"), text);
            // 10 rows over 5.001 s (InnoDB adds 1 ms so that no interval is zero).
            assertTrue(text.contains("\nNumber of rows inserted 10, updated 0, deleted 0, read 0\n"
                    + "2.00 inserts/s, 0.00 updates/s, 0.00 deletes/s, 0.00 reads/s\n"), text);

            Engine storage = engine.storage();
            assertTrue(text.contains("\nLog sequence number          " + storage.currentLsn() + "\n"), text);
            assertTrue(text.contains("\nLog flushed up to            " + storage.flushedToDiskLsn() + "\n"), text);
            assertTrue(text.contains("\nPages flushed up to          " + storage.oldestModificationLsn() + "\n"), text);
            assertTrue(text.contains("\nLast checkpoint at           " + storage.lastCheckpointLsn() + "\n"), text);

            // Nothing between two printouts at the same instant: zero rates, no page gets.
            String again = report.print();
            assertTrue(again.contains("\nPer second averages calculated from the last 0 seconds\n"), again);
            assertTrue(again.contains("\n0.00 inserts/s, 0.00 updates/s, 0.00 deletes/s, 0.00 reads/s\n"), again);
            assertTrue(again.contains("\nNo buffer pool page gets since the last printout\n"), again);

            clock.advanceMillis(2000);
            s.execute("SELECT * FROM t");
            String read = report.print();
            assertTrue(read.contains("\nNumber of rows inserted 10, updated 0, deleted 0, read 10\n"
                    + "0.00 inserts/s, 0.00 updates/s, 0.00 deletes/s, 5.00 reads/s\n"), read);
            assertTrue(read.contains("\nBuffer pool hit rate 1000 / 1000, young-making rate "), read);

            assertEquals("7", status(s, "Uptime"));
            assertEquals("7", status(s, "Uptime_since_flush_status"));
        }
    }

    @Test
    void showStatusWhereEvaluatesMySqlConditions() {
        try (SqlEngine engine = SqlEngine.open(EngineConfig.memory("where")); Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1), (2), (3)");
            assertEquals(List.of("Innodb_rows_inserted"), names(s,
                    "SHOW GLOBAL STATUS WHERE Variable_name LIKE 'innodb_rows%' AND Value BETWEEN 3 AND 3"));
            assertEquals(List.of("Innodb_rows_deleted", "Innodb_rows_read", "Innodb_rows_updated"), names(s,
                    "SHOW STATUS WHERE variable_name LIKE 'Innodb_rows_%' AND NOT (Value > 0)"));
            assertEquals(List.of("Com_commit", "Com_rollback"), names(s,
                    "SHOW STATUS WHERE Variable_name = 'Com_commit' OR `Variable_name` = \"Com_rollback\""));
            assertEquals(List.of(), names(s, "SHOW STATUS WHERE Value IS NULL"));
            assertEquals(List.of("Innodb_page_size"), names(s,
                    "SHOW STATUS WHERE Variable_name NOT LIKE 'Com%' AND Value = '16384'"));
            MySqlException unknown = org.junit.jupiter.api.Assertions.assertThrows(MySqlException.class,
                    () -> s.execute("SHOW STATUS WHERE Variable = 1"));
            assertEquals(1054, unknown.code());
            MySqlException syntax = org.junit.jupiter.api.Assertions.assertThrows(MySqlException.class,
                    () -> s.execute("SHOW STATUS WHERE"));
            assertEquals(1064, syntax.code());
            MySqlException trailing = org.junit.jupiter.api.Assertions.assertThrows(MySqlException.class,
                    () -> s.execute("SHOW STATUS LIKE"));
            assertEquals(1064, trailing.code());
        }
    }

    private static List<String> names(Session s, String sql) {
        return s.execute(sql).rows().stream().map(r -> (String) r[0]).toList();
    }
}
