package io.flushdb.bench.workloads;

import io.flushdb.bench.peers.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The table the key-value workloads share, {@code t(id BIGINT PRIMARY KEY, k INT,
 * v VARCHAR(100))}, and the contents of its rows as pure functions of the id, so a reader can
 * check every value it reads without keeping the data.
 */
public final class BenchTable {

    public static final String NAME = "t";

    /** Length of every {@code v} value: about 60 characters, as the workloads specify. */
    public static final int VALUE_LENGTH = 60;

    private static final int LOAD_BATCH_ROWS = 1000;
    private static final int DISTINCT_VALUES = 1024;
    private static final String[] VALUES = makeValues();

    private BenchTable() {
    }

    /** Creates the empty table with the peer's DDL. */
    public static void create(Peer peer, Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(peer.createTable(NAME, "id", "k INT, v VARCHAR(100)"));
        }
    }

    /**
     * Inserts ids 0 to {@code rows - 1} in transactions of {@value #LOAD_BATCH_ROWS} rows with
     * JDBC batches, then restores autocommit.
     */
    public static void load(Connection connection, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(insertSql())) {
            for (int id = 0; id < rows; id++) {
                bindRow(insert, id);
                insert.addBatch();
                if ((id + 1) % LOAD_BATCH_ROWS == 0 || id == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public static String insertSql() {
        return "INSERT INTO " + NAME + "(id, k, v) VALUES (?, ?, ?)";
    }

    public static void bindRow(PreparedStatement insert, long id) throws SQLException {
        insert.setLong(1, id);
        insert.setInt(2, k(id));
        insert.setString(3, v(id));
    }

    /** Column {@code k} of row {@code id}. */
    public static int k(long id) {
        return (int) (mix(id) >>> 32);
    }

    /** Column {@code v} of row {@code id}: one of a fixed set of strings, so no allocation. */
    public static String v(long id) {
        return VALUES[(int) (mix(id) & (DISTINCT_VALUES - 1))];
    }

    /** The SplitMix64 finaliser: a cheap, well-spread bijection on longs. */
    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String[] makeValues() {
        SplittableRandom random = new SplittableRandom(20240601L);
        String[] values = new String[DISTINCT_VALUES];
        char[] chars = new char[VALUE_LENGTH];
        for (int i = 0; i < values.length; i++) {
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) ('a' + random.nextInt(26));
            }
            values[i] = new String(chars);
        }
        return values;
    }
}
