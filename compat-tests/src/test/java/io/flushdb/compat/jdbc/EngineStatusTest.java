package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.InnodbStatusReader.CHECKPOINT;
import static io.flushdb.compat.jdbc.InnodbStatusReader.DATABASE_PAGES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.FREE;
import static io.flushdb.compat.jdbc.InnodbStatusReader.HIT_RATE;
import static io.flushdb.compat.jdbc.InnodbStatusReader.LOG_FLUSHED;
import static io.flushdb.compat.jdbc.InnodbStatusReader.LOG_IOS;
import static io.flushdb.compat.jdbc.InnodbStatusReader.LRU_LEN;
import static io.flushdb.compat.jdbc.InnodbStatusReader.LSN;
import static io.flushdb.compat.jdbc.InnodbStatusReader.MODIFIED;
import static io.flushdb.compat.jdbc.InnodbStatusReader.OLD_PAGES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.OS_FILE;
import static io.flushdb.compat.jdbc.InnodbStatusReader.OS_FILE_RATES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.PAGES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.PAGES_FLUSHED;
import static io.flushdb.compat.jdbc.InnodbStatusReader.PAGE_RATES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.PENDING_WRITES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.POOL_SIZE;
import static io.flushdb.compat.jdbc.InnodbStatusReader.ROWS;
import static io.flushdb.compat.jdbc.InnodbStatusReader.ROW_RATES;
import static io.flushdb.compat.jdbc.InnodbStatusReader.TRANSACTION;
import static io.flushdb.compat.jdbc.InnodbStatusReader.TRX_COUNTER;
import static io.flushdb.compat.jdbc.InnodbStatusReader.count;
import static io.flushdb.compat.jdbc.InnodbStatusReader.match;
import static io.flushdb.compat.jdbc.StatusVariablesTest.status;
import static io.flushdb.compat.jdbc.TestDatabase.queryLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SHOW ENGINE INNODB STATUS} read through JDBC by {@link InnodbStatusReader}, which knows
 * only MySQL 8.0's layout: the sections come in MySQL's order with MySQL's line formats, the
 * figures agree with {@code SHOW GLOBAL STATUS} read around the printout, they move with the work
 * done between printouts (rates cover only that interval), the per-instance parts add up to the
 * totals, and every open session is listed in TRANSACTIONS.
 */
class EngineStatusTest {
    private static final List<String> SECTIONS = List.of("BACKGROUND THREAD", "SEMAPHORES", "TRANSACTIONS", "FILE I/O",
            "INSERT BUFFER AND ADAPTIVE HASH INDEX", "LOG", "BUFFER POOL AND MEMORY", "ROW OPERATIONS");

    @TempDir
    Path dataDir;

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Inserts rows {@code from} .. {@code to} - 1 into t(id, payload) in batches of 100. */
    private static void insertRows(Connection c, int from, int to, int payloadLength) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = from; i < to; i++) {
                ps.setInt(1, i);
                ps.setString(2, Integer.toString(i).repeat(payloadLength / Integer.toString(i).length() + 1)
                        .substring(0, payloadLength));
                ps.addBatch();
                if ((i - from) % 100 == 99) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Test
    void layoutAndFiguresAgreeWithStatusVariables() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(200))");
            insertRows(c, 0, 500, 100);
            execute(c, "UPDATE t SET payload = 'x' WHERE id < 10");
            execute(c, "DELETE FROM t WHERE id >= 490");
            execute(c, "SET GLOBAL innodb_purge_run_now = ON"); // purge would change pages between readings

            Map<String, Long> before = status(c, "GLOBAL");
            InnodbStatusReader r = InnodbStatusReader.show(c);
            Map<String, Long> after = status(c, "GLOBAL");

            String text = r.text();
            assertTrue(text.startsWith("\n=====================================\n"), text);
            match(text, InnodbStatusReader.HEADER);
            match(text, InnodbStatusReader.AVERAGES);
            assertTrue(text.endsWith("----------------------------\nEND OF INNODB MONITOR OUTPUT\n"
                    + "============================\n"), text);
            assertEquals(SECTIONS, r.sectionTitles(), "one buffer pool instance: no INDIVIDUAL BUFFER POOL INFO");

            // Nothing ran between the three readings but SHOW statements, which touch no page or row.
            // Only the checkpointer thread may act meanwhile: it forces files and moves the
            // checkpoint, so those figures are checked to lie between the two readings.
            for (String name : List.of("Innodb_redo_log_current_lsn", "Innodb_buffer_pool_pages_dirty",
                    "Innodb_buffer_pool_pages_data", "Innodb_buffer_pool_pages_free", "Innodb_rows_read",
                    "Innodb_rows_inserted", "Innodb_pages_created", "Innodb_pages_read", "Innodb_pages_written",
                    "Innodb_data_reads", "Innodb_data_writes")) {
                assertEquals(before.get(name), after.get(name), name);
            }
            assertEquals(after.get("Innodb_redo_log_current_lsn"), r.number("LOG", LSN, 1));
            assertEquals(after.get("Innodb_redo_log_flushed_to_disk_lsn"), r.number("LOG", LOG_FLUSHED, 1));
            assertBetween(before, r.number("LOG", CHECKPOINT, 1), after, "Innodb_redo_log_checkpoint_lsn");
            long pagesFlushed = r.number("LOG", PAGES_FLUSHED, 1);
            assertTrue(pagesFlushed >= r.number("LOG", CHECKPOINT, 1) && pagesFlushed <= r.number("LOG", LSN, 1),
                    () -> "checkpoint <= pages flushed up to <= LSN:\n" + r.section("LOG"));
            assertEquals(after.get("Innodb_redo_log_current_lsn") - after.get("Innodb_redo_log_checkpoint_lsn"),
                    after.get("Innodb_checkpoint_age"));
            assertEquals(after.get("Innodb_log_writes") + after.get("Innodb_os_log_fsyncs"), r.number("LOG", LOG_IOS, 1));

            String pool = r.bufferPoolTotals();
            long size = r.number("BUFFER POOL AND MEMORY", POOL_SIZE, 1);
            long free = r.number("BUFFER POOL AND MEMORY", FREE, 1);
            long data = r.number("BUFFER POOL AND MEMORY", DATABASE_PAGES, 1);
            long modified = r.number("BUFFER POOL AND MEMORY", MODIFIED, 1);
            assertEquals(after.get("Innodb_buffer_pool_pages_total"), size);
            assertEquals(after.get("Innodb_buffer_pool_pages_free"), free);
            assertEquals(after.get("Innodb_buffer_pool_pages_data"), data);
            assertEquals(after.get("Innodb_buffer_pool_pages_dirty"), modified);
            assertTrue(modified > 0, "inserted rows leave dirty pages: nothing has flushed them");
            assertTrue(data + free <= size, pool);
            assertTrue(r.number("BUFFER POOL AND MEMORY", OLD_PAGES, 1) <= data, pool);
            assertEquals(data, r.number("BUFFER POOL AND MEMORY", LRU_LEN, 1), "LRU len is Database pages");
            assertEquals(after.get("Innodb_buffer_pool_pages_data") * after.get("Innodb_page_size"),
                    after.get("Innodb_buffer_pool_bytes_data"));
            Matcher pages = match(pool, PAGES);
            assertEquals(after.get("Innodb_pages_read"), Long.parseLong(pages.group(1)));
            assertEquals(after.get("Innodb_pages_created"), Long.parseLong(pages.group(2)));
            assertEquals(after.get("Innodb_pages_written"), Long.parseLong(pages.group(3)));
            Matcher pending = match(pool, PENDING_WRITES);
            assertEquals("0 0 0", pending.group(1) + " " + pending.group(2) + " " + pending.group(3),
                    "no write is in flight at a quiet point");
            match(pool, PAGE_RATES);
            match(pool, HIT_RATE);

            Matcher files = match(r.section("FILE I/O"), OS_FILE);
            assertEquals(after.get("Innodb_data_reads"), Long.parseLong(files.group(1)));
            assertEquals(after.get("Innodb_data_writes"), Long.parseLong(files.group(2)));
            assertBetween(before, Long.parseLong(files.group(3)), after, "Innodb_data_fsyncs");
            match(r.section("FILE I/O"), OS_FILE_RATES);

            Matcher rows = match(r.section("ROW OPERATIONS"), ROWS);
            assertEquals(after.get("Innodb_rows_inserted"), Long.parseLong(rows.group(1)));
            assertEquals(after.get("Innodb_rows_updated"), Long.parseLong(rows.group(2)));
            assertEquals(after.get("Innodb_rows_deleted"), Long.parseLong(rows.group(3)));
            assertEquals(after.get("Innodb_rows_read"), Long.parseLong(rows.group(4)));
            assertEquals(List.of(500L, 10L, 10L), List.of(Long.parseLong(rows.group(1)), Long.parseLong(rows.group(2)),
                    Long.parseLong(rows.group(3))));
            assertTrue(r.number("TRANSACTIONS", TRX_COUNTER, 1) > 0);
        }
    }

    /** {@code reported} lies between status variable {@code name} read before and after the report. */
    private static void assertBetween(Map<String, Long> before, long reported, Map<String, Long> after, String name) {
        assertTrue(before.get(name) <= reported && reported <= after.get(name),
                () -> name + ": " + before.get(name) + " <= " + reported + " <= " + after.get(name));
    }

    @Test
    void everySpellingOfTheStatementAnswersAndOtherEnginesAreUnknown() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            for (String sql : List.of("SHOW ENGINE innodb STATUS", "show engine InnoDB status", "SHOW ENGINE FLUSHDB STATUS",
                    "SHOW ENGINE STATUS", "SHOW ENGINE ALL STATUS")) {
                InnodbStatusReader r = InnodbStatusReader.show(c, sql);
                assertEquals(SECTIONS, r.sectionTitles(), sql);
            }
            SQLException e = assertThrows(SQLException.class, () -> InnodbStatusReader.show(c, "SHOW ENGINE MYISAM STATUS"));
            assertEquals(1286, e.getErrorCode());
            assertEquals("42000", e.getSQLState());
        }
    }

    @Test
    void figuresMoveWithWorkAndRatesCoverOnlyTheIntervalSinceTheLastPrintout() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(200))");
            InnodbStatusReader first = InnodbStatusReader.show(c);
            insertRows(c, 0, 300, 150);
            InnodbStatusReader second = InnodbStatusReader.show(c);
            InnodbStatusReader third = InnodbStatusReader.show(c);

            assertEquals(300, second.number("ROW OPERATIONS", ROWS, 1) - first.number("ROW OPERATIONS", ROWS, 1));
            assertTrue(second.number("LOG", LSN, 1) > first.number("LOG", LSN, 1), "inserts generate redo");
            assertTrue(second.number("BUFFER POOL AND MEMORY", InnodbStatusReader.PAGES, 2)
                    > first.number("BUFFER POOL AND MEMORY", InnodbStatusReader.PAGES, 2), "the table grew by pages");
            assertTrue(second.number("BUFFER POOL AND MEMORY", MODIFIED, 1) > 0);
            assertTrue(second.decimal("ROW OPERATIONS", ROW_RATES, 1) > 0, "rows were inserted since the first printout");
            assertTrue(match(second.bufferPoolTotals(), HIT_RATE).group(1) != null,
                    "pages were requested since the first printout");

            // Nothing happened between the second and the third printout.
            assertEquals(second.number("ROW OPERATIONS", ROWS, 1), third.number("ROW OPERATIONS", ROWS, 1));
            assertEquals(0.0, third.decimal("ROW OPERATIONS", ROW_RATES, 1));
            assertEquals(0.0, third.decimal("BUFFER POOL AND MEMORY", PAGE_RATES, 2));
            assertEquals("No buffer pool page gets since the last printout",
                    match(third.bufferPoolTotals(), HIT_RATE).group());
        }
    }

    @Test
    void perInstancePartsAddUpToTheTotals() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir, "innodb_buffer_pool_instances=2", "innodb_buffer_pool_size=16M")) {
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(200))");
            insertRows(c, 0, 2000, 150);
            InnodbStatusReader r = InnodbStatusReader.show(c);
            assertTrue(r.hasSection("INDIVIDUAL BUFFER POOL INFO"), r.text());
            assertEquals("BUFFER POOL AND MEMORY", r.sectionTitles().get(r.sectionTitles().indexOf("INDIVIDUAL BUFFER POOL INFO") - 1));
            List<String> instances = r.instances();
            assertEquals(2, instances.size(), r.text());

            String total = r.bufferPoolTotals();
            assertEquals(16L * 1024 * 1024 / queryLong(c, "SELECT 16384"), r.number("BUFFER POOL AND MEMORY", POOL_SIZE, 1));
            for (Pattern p : List.of(POOL_SIZE, FREE, DATABASE_PAGES, OLD_PAGES, MODIFIED)) {
                long sum = 0;
                for (String instance : instances) {
                    sum += Long.parseLong(match(instance, p).group(1));
                }
                assertEquals(Long.parseLong(match(total, p).group(1)), sum, p.pattern());
            }
            for (int g = 1; g <= 3; g++) {
                long sum = 0;
                for (String instance : instances) {
                    sum += Long.parseLong(match(instance, PAGES).group(g));
                }
                assertEquals(Long.parseLong(match(total, PAGES).group(g)), sum, "Pages read/created/written " + g);
            }
            for (String instance : instances) {
                long size = Long.parseLong(match(instance, POOL_SIZE).group(1));
                long used = Long.parseLong(match(instance, DATABASE_PAGES).group(1))
                        + Long.parseLong(match(instance, FREE).group(1));
                assertTrue(used <= size, instance);
                assertTrue(Long.parseLong(match(instance, DATABASE_PAGES).group(1)) > 0,
                        "pages are spread over both instances");
                assertEquals(1, count(instance, HIT_RATE), instance);
            }
        }
    }

    @Test
    void fileIoIsCountedWhenPagesAreEvictedAndReadBack() throws SQLException {
        // 4000 rows of 1500 bytes do not fit a 5 MiB pool: dirty pages are written to make room.
        long written;
        try (Connection c = TestDatabase.open(dataDir, "innodb_buffer_pool_size=5M")) {
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(2000))");
            insertRows(c, 0, 4000, 1500);
            Map<String, Long> s = status(c, "GLOBAL");
            InnodbStatusReader r = InnodbStatusReader.show(c);
            written = s.get("Innodb_pages_written");
            assertTrue(written > 0, "evicting dirty pages writes them");
            // (Whether a foreground thread had to write a page itself, Innodb_buffer_pool_wait_free,
            // depends on how far the page cleaner's LRU batches were ahead: not asserted.)
            assertTrue(s.get("Innodb_data_writes") >= written, "every page write is a file write");
            assertTrue(s.get("Innodb_data_written") >= written * s.get("Innodb_page_size"));
            // innodb_doublewrite is ON: pages go through the doublewrite file first, several a write.
            long dblwrPages = s.get("Innodb_dblwr_pages_written");
            assertTrue(dblwrPages > 0 && dblwrPages <= written, dblwrPages + " of " + written);
            assertTrue(s.get("Innodb_dblwr_writes") > 0 && s.get("Innodb_dblwr_writes") <= dblwrPages);
            // The page cleaner may write between the two readings: the report's figures are at least
            // the status figures read before it.
            assertTrue(Long.parseLong(match(r.section("FILE I/O"), OS_FILE).group(2)) >= s.get("Innodb_data_writes"));
            assertTrue(r.number("BUFFER POOL AND MEMORY", PAGES, 3) >= written);
            assertTrue(r.number("BUFFER POOL AND MEMORY", FREE, 1) < 320,
                    "the table did not fit the 320-frame pool: pages were evicted to make room");
            assertTrue(r.decimal("BUFFER POOL AND MEMORY", PAGE_RATES, 3) > 0, "pages were written since the engine opened");
        }
        // A new engine on the same directory: its counters start at zero, and reading the table
        // back reads its pages from the file.
        try (Connection c = TestDatabase.open(dataDir, "innodb_buffer_pool_size=5M")) {
            InnodbStatusReader before = InnodbStatusReader.show(c);
            assertEquals(4000, queryLong(c, "SELECT COUNT(*) FROM t WHERE payload IS NOT NULL"));
            Map<String, Long> s = status(c, "GLOBAL");
            InnodbStatusReader after = InnodbStatusReader.show(c);
            long reads = s.get("Innodb_data_reads");
            assertTrue(s.get("Innodb_pages_read") > 0, "the table's pages came from the file");
            assertTrue(reads >= s.get("Innodb_pages_read"), "every page read is a file read");
            assertEquals(s.get("Innodb_buffer_pool_reads"), s.get("Innodb_pages_read"));
            assertEquals(reads, Long.parseLong(match(after.section("FILE I/O"), OS_FILE).group(1)));
            Matcher rates = match(after.section("FILE I/O"), OS_FILE_RATES);
            assertTrue(Long.parseLong(rates.group(2)) > 0, "pages were read since the last printout: avg bytes/read");
            assertTrue(Double.parseDouble(rates.group(1)) > 0);
            Matcher hit = match(after.bufferPoolTotals(), HIT_RATE);
            assertTrue(hit.group(1) != null && Long.parseLong(hit.group(1)) < 1000,
                    () -> "some page requests missed the pool: " + hit.group());
            assertTrue(after.number("BUFFER POOL AND MEMORY", PAGES, 1) > before.number("BUFFER POOL AND MEMORY", PAGES, 1));
            // Pages read back are clean: the report tells modified pages from database pages.
            assertEquals(s.get("Innodb_buffer_pool_pages_dirty"), after.number("BUFFER POOL AND MEMORY", MODIFIED, 1));
            assertEquals(s.get("Innodb_buffer_pool_pages_data"), after.number("BUFFER POOL AND MEMORY", DATABASE_PAGES, 1));
            assertTrue(s.get("Innodb_buffer_pool_pages_dirty") < s.get("Innodb_buffer_pool_pages_data"),
                    after.bufferPoolTotals());
        }
    }

    @Test
    void everyOpenSessionIsListedInTransactions() throws SQLException {
        try (Connection a = TestDatabase.open(dataDir); Connection b = TestDatabase.open(dataDir)) {
            execute(a, "CREATE TABLE t (id INT PRIMARY KEY)");
            b.setAutoCommit(false);
            execute(b, "INSERT INTO t VALUES (1)");

            String trx = InnodbStatusReader.show(a).section("TRANSACTIONS");
            assertEquals(2, count(trx, TRANSACTION), trx);
            Matcher active = Pattern.compile("(?m)^---TRANSACTION (\\d+), ACTIVE (\\d+) sec\\n"
                    + "(\\d+) lock struct\\(s\\), heap size (\\d+), (\\d+) row lock\\(s\\), undo log entries 1\\n"
                    + "MySQL thread id (\\d+), OS thread handle (\\d+), query id (\\d+)$").matcher(trx);
            assertTrue(active.find(), trx);
            assertTrue(Long.parseLong(active.group(3)) >= 1, "B holds its table lock until it commits");
            assertTrue(match(trx, TRX_COUNTER).group(1).compareTo("0") > 0);
            assertTrue(Long.parseLong(match(trx, TRX_COUNTER).group(1)) > Long.parseLong(active.group(1)),
                    "the counter is past every id handed out");
            assertEquals(1, count(trx, Pattern.compile("(?m)^---TRANSACTION \\d+, not started$")), trx);

            b.commit();
            String committed = InnodbStatusReader.show(a).section("TRANSACTIONS");
            assertEquals(2, count(committed, Pattern.compile("(?m)^---TRANSACTION \\d+, not started$")), committed);
            assertFalse(committed.contains("ACTIVE"), committed);
        }
    }
}
