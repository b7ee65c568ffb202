package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.TestDatabase.assertCheckTableOk;
import static io.flushdb.compat.jdbc.TestDatabase.assertSameRows;
import static io.flushdb.compat.jdbc.TestDatabase.queryLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of about 100 MiB behind an 8 MiB buffer pool: writing it evicts dirty pages, rewriting
 * scattered rows reads evicted pages back, changes them and evicts them dirty again, and every check
 * reads most pages from the file. All rows must read back exactly, before and after a reopen with
 * the same small pool: per-range aggregates, random point reads, lookups through a secondary index, a
 * full scan, and {@code CHECK TABLE}.
 *
 * <p>The test asserts that the table's {@code .ibd} file is at least ten times the pool, so that it
 * tests what its name says. Rows are a pure function of the row number and a seed
 * ({@link Reading#inserted}); {@link #REWRITTEN} says which rows the rewrite pass changed, and
 * {@link Rewrite} how.
 */
class SmallBufferPoolTest {
    private static final String POOL_SETTING = "innodb_buffer_pool_size=8M";
    private static final long POOL_BYTES = 8L << 20;
    private static final int ROWS = 100_000;
    private static final int REWRITES = 10_000;
    private static final int COMMIT_EVERY = 5_000;
    private static final int GROUPS = 250;
    private static final int RANGE = 10_000;
    private static final long SEED = 0xB0FF_E12L;
    private static final String COLUMNS = "id, grp, n, payload";
    /** The rows, by row number, that the rewrite pass updates. */
    private static final BitSet REWRITTEN = rewrittenRows();

    @TempDir
    Path dataDir;

    /** Row {@code i} (0-based) has id {@code i + 1}. */
    record Reading(int id, int grp, long n, String payload) {

        /** Row {@code i} as inserted. */
        static Reading inserted(int i) {
            SplittableRandom r = random(i, 1);
            int grp = r.nextInt(GROUPS);
            long n = r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            return new Reading(i + 1, grp, n, text(r, r.nextInt(900, 1100)));
        }

        /** Row {@code i} as the table holds it after the rewrite pass. */
        static Reading current(int i) {
            Reading row = inserted(i);
            if (!REWRITTEN.get(i)) {
                return row;
            }
            Rewrite change = Rewrite.of(i);
            return new Reading(row.id(), Math.floorMod(row.grp() + change.groupShift(), GROUPS), row.n() + change.addend(),
                    row.payload() + change.suffix());
        }

        /** The {@code grp} of {@link #current} row {@code i}, without generating its payload. */
        static int currentGroup(int i) {
            int grp = random(i, 1).nextInt(GROUPS);
            return REWRITTEN.get(i) ? (grp + Rewrite.of(i).groupShift()) % GROUPS : grp;
        }

        static Reading read(ResultSet rs) throws SQLException {
            return new Reading(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getString(4));
        }
    }

    /** What the rewrite pass does to row {@code i}: another group, a changed number, a longer payload. */
    record Rewrite(int groupShift, long addend, String suffix) {
        static Rewrite of(int i) {
            SplittableRandom r = random(i, 2);
            return new Rewrite(r.nextInt(1, GROUPS), r.nextLong(-1_000_000L, 1_000_000L), text(r, r.nextInt(100, 300)));
        }
    }

    private static SplittableRandom random(int i, int stream) {
        return new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L) ^ ((long) stream << 56));
    }

    private static String text(SplittableRandom r, int length) {
        char[] text = new char[length];
        for (int k = 0; k < length; k++) {
            text[k] = "abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36));
        }
        return new String(text);
    }

    private static BitSet rewrittenRows() {
        BitSet rows = new BitSet(ROWS);
        Random random = new Random(SEED);
        while (rows.cardinality() < REWRITES) {
            rows.set(random.nextInt(ROWS));
        }
        return rows;
    }

    @Test
    void everyRowReadsBackAfterEvictionsAndAfterReopen() throws SQLException, IOException {
        try (Connection c = TestDatabase.open(dataDir, POOL_SETTING)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE readings (id INT PRIMARY KEY, grp INT NOT NULL, n BIGINT NOT NULL, "
                        + "payload VARCHAR(1400) NOT NULL, KEY idx_readings_grp (grp))");
            }
            insertAll(c);
            rewriteScatteredRows(c);
            verify(c, "before reopen");
        }
        long fileBytes = Files.size(dataDir.resolve(TestDatabase.DATABASE).resolve("readings.ibd"));
        assertTrue(fileBytes >= 10 * POOL_BYTES, "readings.ibd is only " + fileBytes + " bytes");

        try (Connection c = TestDatabase.open(dataDir, POOL_SETTING)) {
            verify(c, "after reopen");
        }
    }

    private static void insertAll(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO readings (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                Reading row = Reading.inserted(i);
                ps.setInt(1, row.id());
                ps.setInt(2, row.grp());
                ps.setLong(3, row.n());
                ps.setString(4, row.payload());
                assertEquals(1, ps.executeUpdate());
                if ((i + 1) % COMMIT_EVERY == 0) {
                    c.commit();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * Applies {@link Rewrite} to the {@link #REWRITTEN} rows, in a shuffled order. Each new value is
     * computed from the old one, so a stale or lost page read by the UPDATE shows in the result.
     */
    private static void rewriteScatteredRows(Connection c) throws SQLException {
        List<Integer> order = new ArrayList<>();
        REWRITTEN.stream().forEach(order::add);
        Collections.shuffle(order, new Random(SEED + 1));
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE readings SET grp = MOD(grp + ?, " + GROUPS + "), "
                + "n = n + ?, payload = CONCAT(payload, ?) WHERE id = ?")) {
            int done = 0;
            for (int i : order) {
                Rewrite change = Rewrite.of(i);
                ps.setInt(1, change.groupShift());
                ps.setLong(2, change.addend());
                ps.setString(3, change.suffix());
                ps.setInt(4, i + 1);
                assertEquals(1, ps.executeUpdate(), "update of id " + (i + 1));
                if (++done % COMMIT_EVERY == 0) {
                    c.commit();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void verify(Connection c, String phase) throws SQLException {
        assertEquals(ROWS, queryLong(c, "SELECT COUNT(*) FROM readings"), phase);
        verifyRangeAggregates(c, phase);
        verifyPointReads(c, phase);
        verifyGroupLookups(c, phase);
        verifyFullScan(c, phase);
        assertCheckTableOk(c, "readings");
    }

    /** COUNT, SUM(n), SUM(grp) and SUM(LENGTH(payload)) of each range of {@link #RANGE} ids. */
    private static void verifyRangeAggregates(Connection c, String phase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(n), SUM(grp), SUM(LENGTH(payload)) "
                + "FROM readings WHERE id >= ? AND id < ?")) {
            for (int from = 0; from < ROWS; from += RANGE) {
                long n = 0;
                long grp = 0;
                long length = 0;
                for (int i = from; i < from + RANGE; i++) {
                    Reading row = Reading.current(i);
                    n += row.n();
                    grp += row.grp();
                    length += row.payload().length();
                }
                ps.setInt(1, from + 1);
                ps.setInt(2, from + RANGE + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(List.of(String.valueOf(RANGE), String.valueOf(n), String.valueOf(grp),
                            String.valueOf(length)),
                            List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            phase + ": ids " + (from + 1) + " to " + (from + RANGE));
                }
            }
        }
    }

    private static void verifyPointReads(Connection c, String phase) throws SQLException {
        Random random = new Random(SEED + 2);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM readings WHERE id = ?")) {
            for (int k = 0; k < 2_000; k++) {
                int i = random.nextInt(ROWS);
                ps.setInt(1, i + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), phase + ": id " + (i + 1));
                    assertEquals(Reading.current(i), Reading.read(rs), phase + ": id " + (i + 1));
                    assertFalse(rs.next());
                }
            }
        }
    }

    /** Rows found through {@code idx_readings_grp}, each a clustered-index lookup on a random page. */
    private static void verifyGroupLookups(Connection c, String phase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM readings WHERE grp = ? ORDER BY id")) {
            for (int grp : new int[] {0, 17, 123, GROUPS - 1}) {
                List<Reading> expected = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    if (Reading.currentGroup(i) == grp) {
                        expected.add(Reading.current(i));
                    }
                }
                ps.setInt(1, grp);
                List<Reading> actual = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actual.add(Reading.read(rs));
                    }
                }
                assertSameRows(expected, actual, phase + ": grp " + grp);
            }
        }
    }

    private static void verifyFullScan(Connection c, String phase) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM readings ORDER BY id")) {
            for (int i = 0; i < ROWS; i++) {
                assertTrue(rs.next(), phase + ": the scan ended after " + i + " rows");
                Reading expected = Reading.current(i);
                Reading actual = Reading.read(rs);
                if (!expected.equals(actual)) {
                    assertEquals(expected, actual, phase + ": row " + i + " of the scan");
                }
            }
            assertFalse(rs.next(), phase + ": more than " + ROWS + " rows");
        }
    }
}
