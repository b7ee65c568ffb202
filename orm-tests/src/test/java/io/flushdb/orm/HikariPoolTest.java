package io.flushdb.orm;

import static io.flushdb.orm.HibernateScenariosTest.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import io.flushdb.orm.support.CountingDataSource;
import io.flushdb.orm.support.LogCapture;
import io.flushdb.orm.support.ReferenceServerLifecycle;
import io.flushdb.orm.support.Target;
import io.flushdb.orm.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HikariCP over the driver, on FlushDB and on the reference server: validation through JDBC 4's
 * {@code isValid} (no test query), resetting what a borrower changed, network timeouts, and
 * several threads sharing a pool for transactions.
 *
 * <p>The pool's JDBC calls go through {@link CountingDataSource}, which counts {@code isValid}.
 * The surefire configuration sets {@code com.zaxxer.hikari.aliveBypassWindowMs=-1}, so HikariCP
 * validates a connection on every borrow rather than only after it idled for 500 ms.
 */
@ExtendWith(ReferenceServerLifecycle.class)
class HikariPoolTest {

    private static HikariDataSource pool(TestDatabase db, CountingDataSource counting, Consumer<HikariConfig> settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pool-" + db.target());
        config.setDataSource(counting.dataSource());
        settings.accept(config);
        return new HikariDataSource(config);
    }

    private static CountingDataSource counting(TestDatabase db) {
        return new CountingDataSource(new DriverDataSource(db.url(), null, new Properties(), db.user(), db.password()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void validatesBorrowedConnectionsWithIsValid(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            CountingDataSource counting = counting(db);
            try (HikariDataSource ds = pool(db, counting, c -> c.setMaximumPoolSize(2))) {
                assertEquals(null, ds.getConnectionTestQuery(), "no test query: HikariCP uses isValid");
                int before = counting.isValid.get();
                for (int i = 0; i < 3; i++) {
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT 1")) {
                        assertTrue(rs.next());
                    }
                }
                assertTrue(counting.isValid.get() >= before + 3,
                        () -> "every borrow is validated with isValid: " + (counting.isValid.get() - before));
            }
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void isValidAnswersAsJdbcSays(Target target) throws Exception {
        try (TestDatabase db = TestDatabase.create(target)) {
            Connection c = db.connect();
            assertTrue(c.isValid(0));
            assertTrue(c.isValid(5));
            if (target == Target.FLUSHDB) {
                // JDBC: "SQLException if the value supplied for timeout is less than 0". Connector/J
                // ignores a negative timeout; FlushDB follows the specification.
                SQLException negative = assertThrows(SQLException.class, () -> c.isValid(-1));
                assertEquals("S1009", negative.getSQLState());
            }
            c.close();
            assertFalse(c.isValid(1), "a closed connection is not valid, and says so without throwing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void networkTimeoutIsKeptAndChecked(Target target) throws Exception {
        try (TestDatabase db = TestDatabase.create(target)) {
            Connection c = db.connect();
            assertEquals(0, c.getNetworkTimeout());
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                c.setNetworkTimeout(executor, 7_000);
                assertEquals(7_000, c.getNetworkTimeout());
                SQLException negative = assertThrows(SQLException.class, () -> c.setNetworkTimeout(executor, -1));
                assertEquals("S1009", negative.getSQLState());
                assertEquals(7_000, c.getNetworkTimeout());
                c.setNetworkTimeout(executor, 0);
                assertEquals(0, c.getNetworkTimeout());
                c.close();
                SQLException closed = assertThrows(SQLException.class, c::getNetworkTimeout);
                assertEquals("08003", closed.getSQLState());
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void poolAppliesAndRestoresNetworkTimeout(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (HikariDataSource ds = pool(db, counting(db), c -> {
                c.setMaximumPoolSize(1);
                c.setValidationTimeout(3_000);
            })) {
                try (Connection c = ds.getConnection()) {
                    assertEquals(0, c.getNetworkTimeout(), "restored after validation, which sets the validation timeout");
                    c.setNetworkTimeout(Runnable::run, 9_000);
                    assertEquals(9_000, c.getNetworkTimeout());
                }
                try (Connection c = ds.getConnection()) {
                    assertEquals(0, c.getNetworkTimeout(), "reset when the connection came back");
                }
            }
            assertTrue(logs.atLeast(java.util.logging.Level.INFO).stream().noneMatch(l -> l.contains("network timeout")),
                    () -> "HikariCP found get/setNetworkTimeout usable: " + logs.atLeast(java.util.logging.Level.INFO));
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void stateChangedByABorrowerIsResetOnReturn(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            String other = db.createSiblingDatabase("other");
            try (Connection setup = db.connect(); Statement st = setup.createStatement()) {
                st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            }
            try (HikariDataSource ds = pool(db, counting(db), c -> {
                c.setMaximumPoolSize(1);
                c.setCatalog(db.database()); // HikariCP restores the catalog only when it is configured
            })) {
                Connection first;
                try (Connection c = ds.getConnection()) {
                    first = c.unwrap(Connection.class);
                    assertTrue(c.getAutoCommit());
                    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
                    assertFalse(c.isReadOnly());
                    assertEquals(db.database(), c.getCatalog());

                    c.setAutoCommit(false);
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO t VALUES (1)"); // left uncommitted
                    }
                    c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                    c.setCatalog(other);
                    c.setReadOnly(true);
                    assertEquals(other, c.getCatalog());
                }
                try (Connection c = ds.getConnection()) {
                    assertSame(first, c.unwrap(Connection.class), "the same physical connection, from a pool of one");
                    assertTrue(c.getAutoCommit());
                    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
                    assertFalse(c.isReadOnly());
                    assertEquals(db.database(), c.getCatalog());
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
                        assertTrue(rs.next());
                        assertEquals(0, rs.getInt(1), "the uncommitted insert was rolled back on return");
                    }
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO t VALUES (2)"); // a read-only session would refuse this
                    }
                }
            }
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void concurrentTransfersKeepTheTotal(Target target) throws Exception {
        int accounts = 8;
        int threads = 6;
        int transfersPerThread = 40;
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Connection setup = db.connect(); Statement st = setup.createStatement()) {
                st.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                st.execute("CREATE TABLE transfer (id BIGINT AUTO_INCREMENT PRIMARY KEY, worker INT NOT NULL, amount BIGINT NOT NULL)");
                for (int i = 0; i < accounts; i++) {
                    st.execute("INSERT INTO account VALUES (" + i + ", 1000)");
                }
            }
            try (HikariDataSource ds = pool(db, counting(db), c -> {
                c.setMaximumPoolSize(3); // fewer connections than threads: borrowers wait for each other
                c.setAutoCommit(false);
                c.setConnectionTimeout(30_000);
            })) {
                ExecutorService executor = Executors.newFixedThreadPool(threads);
                List<Future<Long>> results = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    Callable<Long> job = () -> transfers(ds, worker, accounts, transfersPerThread);
                    results.add(executor.submit(job));
                }
                long moved = 0;
                for (Future<Long> f : results) {
                    moved += f.get(60, TimeUnit.SECONDS);
                }
                executor.shutdown();
                assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    assertEquals(accounts * 1000L, single(st, "SELECT SUM(balance) FROM account"), "money is neither made nor lost");
                    assertEquals((long) threads * transfersPerThread, single(st, "SELECT COUNT(*) FROM transfer"));
                    assertEquals(moved, single(st, "SELECT SUM(amount) FROM transfer"));
                    c.commit();
                }
                assertEquals(0, ds.getHikariPoolMXBean().getActiveConnections());
            }
            assertQuiet(target, logs);
        }
    }

    /** Moves money between random accounts, locking both rows in id order; retries deadlock victims. */
    private static long transfers(HikariDataSource ds, int worker, int accounts, int count) throws SQLException {
        Random random = new Random(worker);
        long moved = 0;
        for (int done = 0; done < count; ) {
            int a = random.nextInt(accounts);
            int b = (a + 1 + random.nextInt(accounts - 1)) % accounts;
            long amount = 1 + random.nextInt(50);
            try (Connection c = ds.getConnection()) {
                try {
                    try (PreparedStatement lock = c.prepareStatement(
                            "SELECT id, balance FROM account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")) {
                        lock.setInt(1, Math.min(a, b));
                        lock.setInt(2, Math.max(a, b));
                        try (ResultSet rs = lock.executeQuery()) {
                            int rows = 0;
                            while (rs.next()) {
                                rows++;
                            }
                            assertEquals(2, rows);
                        }
                    }
                    try (PreparedStatement move = c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
                        move.setLong(1, -amount);
                        move.setInt(2, a);
                        move.addBatch();
                        move.setLong(1, amount);
                        move.setInt(2, b);
                        move.addBatch();
                        int[] counts = move.executeBatch();
                        assertEquals(2, counts.length);
                    }
                    try (PreparedStatement log = c.prepareStatement("INSERT INTO transfer (worker, amount) VALUES (?, ?)")) {
                        log.setInt(1, worker);
                        log.setLong(2, amount);
                        assertEquals(1, log.executeUpdate());
                    }
                    c.commit();
                    moved += amount;
                    done++;
                } catch (SQLException e) {
                    c.rollback();
                    if (e.getErrorCode() != 1213 && e.getErrorCode() != 1205) { // deadlock, lock wait timeout
                        throw e;
                    }
                }
            }
        }
        return moved;
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
