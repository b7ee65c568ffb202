package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money moves between 1,000 accounts: 16 threads, each through its own pooled connection
 * (HikariCP), transfer random amounts in REPEATABLE READ transactions that lock the two rows in
 * random order (so deadlocks happen, and the victim retries), for a bounded time, while readers
 * check in consistent snapshots that the total never changes. At the end the total is the same,
 * every account is accounted for, and CHECK TABLE passes.
 *
 * <p>{@code -Dflushdb.bank.seconds=N} runs it longer (default 6), {@code -Dflushdb.bank.threads=N}
 * with another number of writers (default 16); it prints the transfers per second.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BankTransferStressTest {
    private static final int ACCOUNTS = 1_000;
    private static final long START_BALANCE = 1_000;
    private static final int WRITERS = Integer.getInteger("flushdb.bank.threads", 16);
    private static final int READERS = 2;

    @TempDir
    Path dir;

    @Test
    void transfersNeverChangeTheTotal() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:flushdb:" + dir.toAbsolutePath() + "?database=" + TestDatabase.DATABASE + "&createDatabaseIfNotExist=true");
        config.setMaximumPoolSize(WRITERS + READERS);
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                StringBuilder values = new StringBuilder();
                for (int id = 1; id <= ACCOUNTS; id++) {
                    values.append(id == 1 ? "" : ",").append('(').append(id).append(',').append(START_BALANCE).append(')');
                }
                s.execute("INSERT INTO account VALUES " + values);
            }
            long total = ACCOUNTS * START_BALANCE;
            long seconds = Long.getLong("flushdb.bank.seconds", 6);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong transfers = new AtomicLong();
            AtomicLong deadlocks = new AtomicLong();
            AtomicLong snapshots = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long seed = 17L * w + 1;
                threads.add(new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    try (Connection c = pool.getConnection()) {
                        c.setAutoCommit(false);
                        while (!stop.get() && System.nanoTime() < deadline) {
                            int from = 1 + random.nextInt(ACCOUNTS);
                            int to = 1 + random.nextInt(ACCOUNTS - 1);
                            if (to >= from) {
                                to++;
                            }
                            int amount = 1 + random.nextInt(50);
                            if (transfer(c, from, to, amount)) {
                                transfers.incrementAndGet();
                            } else {
                                deadlocks.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        stop.set(true);
                    }
                }, "writer-" + w));
            }
            for (int r = 0; r < READERS; r++) {
                threads.add(new Thread(() -> {
                    try (Connection c = pool.getConnection()) {
                        c.setAutoCommit(false);
                        while (!stop.get() && System.nanoTime() < deadline) {
                            long first = sum(c);
                            long count = count(c);
                            long again = sum(c);
                            c.commit();
                            assertEquals(total, first, "a consistent snapshot's total");
                            assertEquals(first, again, "the same snapshot twice");
                            assertEquals(ACCOUNTS, count);
                            snapshots.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        stop.set(true);
                    }
                }, "reader-" + r));
            }
            long started = System.nanoTime();
            for (Thread t : threads) {
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (failure.get() != null) {
                throw new AssertionError("a worker failed", failure.get());
            }
            System.out.printf("bank stress: %d transfers (%.0f/s) by %d threads, %d deadlock retries, %d snapshots%n",
                    transfers.get(), transfers.get() / elapsed, WRITERS, deadlocks.get(), snapshots.get());
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(true);
                assertEquals(total, sum(c));
                assertEquals(ACCOUNTS, count(c));
                TestDatabase.assertCheckTableOk(c, "account");
            }
            assertTrue(transfers.get() > 0, "transfers were made");
            assertTrue(snapshots.get() > 0, "snapshots were checked");
        }
    }

    /**
     * One transfer, locking the two rows in the order given (random across threads, so deadlocks
     * happen). Returns true when it committed, false when it was a deadlock victim (rolled back by
     * the engine; the caller goes on with another transfer).
     */
    private static boolean transfer(Connection c, int from, int to, int amount) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT balance FROM account WHERE id = ? FOR UPDATE");
             PreparedStatement move = c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
            lock.setInt(1, from);
            long fromBalance;
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                fromBalance = rs.getLong(1);
            }
            lock.setInt(1, to);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            if (fromBalance < amount) {
                c.commit();
                return true;
            }
            move.setLong(1, -amount);
            move.setInt(2, from);
            assertEquals(1, move.executeUpdate());
            move.setLong(1, amount);
            move.setInt(2, to);
            assertEquals(1, move.executeUpdate());
            c.commit();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == 1213) {
                assertEquals("40001", e.getSQLState());
                c.rollback(); // the engine rolled it back already; this ends it on the JDBC side
                return false;
            }
            throw e;
        }
    }

    private static long sum(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(balance) FROM account")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM account")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
