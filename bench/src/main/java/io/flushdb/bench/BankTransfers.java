package io.flushdb.bench;

import io.flushdb.bench.peers.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The bank scenario's workload: money transfers between the accounts of
 * {@code acct(id BIGINT PRIMARY KEY, balance BIGINT NOT NULL)}, each a transaction of its own.
 *
 * <p>Set-up loads {@code accounts} rows with a balance of {@value #INITIAL_BALANCE} each, in
 * batches, committed every {@value #LOAD_COMMIT} rows. One step is one transfer: autocommit
 * off, isolation REPEATABLE READ where the driver supports it (else the connection's default);
 * two distinct random accounts and an amount of 1 to {@value #MAX_AMOUNT}; both rows locked
 * with {@value #LOCK} in a random order, so that two transfers can deadlock as in a real
 * application; a rollback, counted as declined, when the source balance is below the amount;
 * else {@value #DEBIT} and {@value #CREDIT}, and commit. On a peer without
 * {@code FOR UPDATE} (SQLite) the transaction starts with {@value #DEBIT_IF_COVERED}, which takes
 * the peer's write lock at once and declines the transfer when it changes no row.
 *
 * <p>A conflict the peer reports as such ({@link Peer#isConflict}: deadlock, serialization
 * failure, lock wait timeout) rolls the attempt back, counts a retry and runs the same transfer
 * again; any other failure fails the run. Afterwards the table must still hold {@code accounts}
 * rows, none negative, whose balances add up to {@code accounts} × {@value #INITIAL_BALANCE}.
 *
 * <p>Each client draws from its own {@link SplittableRandom}, split off one seeded by
 * {@code --seed} on the harness thread: no generator is shared between threads.
 */
final class BankTransfers implements ConcurrentWorkload {

    static final String TABLE = "acct";
    static final long INITIAL_BALANCE = 1000;
    static final int MAX_AMOUNT = 100;
    static final String LOCK = "SELECT balance FROM " + TABLE + " WHERE id = ? FOR UPDATE";
    static final String DEBIT = "UPDATE " + TABLE + " SET balance = balance - ? WHERE id = ?";
    static final String CREDIT = "UPDATE " + TABLE + " SET balance = balance + ? WHERE id = ?";
    static final String DEBIT_IF_COVERED = DEBIT + " AND balance >= ?";

    private static final int LOAD_BATCH = 1_000;
    private static final int LOAD_COMMIT = 100_000;
    /** A transfer that loses this many conflicts in a row fails the run rather than spin on. */
    private static final int MAX_ATTEMPTS = 10_000;

    private final int accounts;
    private final SplittableRandom seeds;
    /** Set by {@link #setUp} on the harness thread, read by clients it creates afterwards. */
    private boolean repeatableRead;

    BankTransfers(int accounts, long seed) {
        if (accounts < 2) {
            throw new IllegalArgumentException("a transfer needs two accounts, got " + accounts);
        }
        this.accounts = accounts;
        this.seeds = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return BenchOptions.BANK;
    }

    @Override
    public String operation() {
        return String.format(Locale.ROOT, "one transfer per transaction between two distinct random accounts of"
                + " %,d, amount 1..%d: both rows locked in random order with %s (where the peer has it),"
                + " rolled back if the source balance is short, else two UPDATEs and COMMIT; a conflict is rolled"
                + " back and the same transfer retried", accounts, MAX_AMOUNT, LOCK);
    }

    @Override
    public String setUp(Peer peer, Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(peer.createTable(TABLE, "id", "balance BIGINT NOT NULL"));
        }
        admin.setAutoCommit(false);
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
            for (int id = 0; id < accounts; id++) {
                insert.setLong(1, id);
                insert.setLong(2, INITIAL_BALANCE);
                insert.addBatch();
                if ((id + 1) % LOAD_BATCH == 0 || id + 1 == accounts) {
                    insert.executeBatch();
                }
                if ((id + 1) % LOAD_COMMIT == 0 || id + 1 == accounts) {
                    admin.commit();
                }
            }
        } finally {
            admin.setAutoCommit(true);
        }
        // The admin connection runs with the clients' isolation, to read back what that is.
        repeatableRead = admin.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ);
        if (repeatableRead) {
            admin.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        String isolation = "isolation " + peer.isolationInForce(admin) + (repeatableRead ? ""
                : " (the connection's default: the driver does not support REPEATABLE READ)");
        String locking = peer.locksRowsForUpdate()
                ? "both rows locked with SELECT ... FOR UPDATE, in random order"
                : "no SELECT ... FOR UPDATE: the debit UPDATE comes first and takes the write lock";
        return isolation + "; " + locking;
    }

    @Override
    public Client client(Peer peer, Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        if (repeatableRead) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        return new Transfers(peer, connection, seeds.split());
    }

    /** One client's transfers. */
    private final class Transfers implements Client {
        private final Peer peer;
        private final Connection connection;
        private final SplittableRandom random;
        private final boolean locking;
        private final PreparedStatement lock;
        private final PreparedStatement debit;
        private final PreparedStatement credit;

        Transfers(Peer peer, Connection connection, SplittableRandom random) throws SQLException {
            this.peer = peer;
            this.connection = connection;
            this.random = random;
            this.locking = peer.locksRowsForUpdate();
            this.lock = locking ? connection.prepareStatement(LOCK) : null;
            this.debit = connection.prepareStatement(locking ? DEBIT : DEBIT_IF_COVERED);
            this.credit = connection.prepareStatement(CREDIT);
        }

        @Override
        public void step(Tally tally) throws SQLException {
            long from = random.nextInt(accounts);
            long to = random.nextInt(accounts - 1);
            if (to >= from) {
                to++;
            }
            long amount = 1 + random.nextInt(MAX_AMOUNT);
            boolean fromFirst = random.nextBoolean();
            for (int attempt = 1; ; attempt++) {
                try {
                    boolean covered = locking ? lockedTransfer(from, to, amount, fromFirst)
                            : debitFirstTransfer(from, to, amount);
                    if (covered) {
                        connection.commit();
                        tally.committed();
                    } else {
                        connection.rollback();
                        tally.declined();
                    }
                    return;
                } catch (SQLException e) {
                    if (!isConflict(peer, e)) {
                        throw e;
                    }
                    connection.rollback();
                    tally.retried();
                    if (attempt == MAX_ATTEMPTS) {
                        throw new SQLException("transfer of " + amount + " from " + from + " to " + to
                                + " lost " + MAX_ATTEMPTS + " conflicts in a row, the last: " + e.getMessage(), e);
                    }
                }
            }
        }

        /** Locks both rows in the order drawn; false (nothing changed) if {@code from} is short. */
        private boolean lockedTransfer(long from, long to, long amount, boolean fromFirst) throws SQLException {
            long balance = fromFirst ? lockRow(from) : -1;
            lockRow(to);
            if (!fromFirst) {
                balance = lockRow(from);
            }
            if (balance < amount) {
                return false;
            }
            update(debit, amount, from);
            update(credit, amount, to);
            return true;
        }

        /** The debit first, only if covered; false (nothing changed) if it was not. */
        private boolean debitFirstTransfer(long from, long to, long amount) throws SQLException {
            debit.setLong(1, amount);
            debit.setLong(2, from);
            debit.setLong(3, amount);
            if (debit.executeUpdate() == 0) {
                return false;
            }
            update(credit, amount, to);
            return true;
        }

        private long lockRow(long id) throws SQLException {
            lock.setLong(1, id);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("account " + id + " not found by " + LOCK);
                }
                return rs.getLong(1);
            }
        }

        private void update(PreparedStatement statement, long amount, long id) throws SQLException {
            statement.setLong(1, amount);
            statement.setLong(2, id);
            StatementLoop.expectOneRow(statement.executeUpdate(), "UPDATE", id);
        }

        @Override
        public void close() throws SQLException {
            try {
                if (lock != null) {
                    lock.close();
                }
                debit.close();
            } finally {
                credit.close();
            }
        }
    }

    /** Whether {@code e}, a cause of it or an exception chained to it is a conflict the peer names. */
    static boolean isConflict(Peer peer, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException next = s; next != null; next = next.getNextException()) {
                    if (peer.isConflict(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The accounts are all there, none negative, and the money is all there. */
    @Override
    public void verify(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(balance), MIN(balance) FROM " + TABLE)) {
            rs.next();
            long rows = rs.getLong(1);
            long sum = rs.getLong(2);
            long min = rs.getLong(3);
            long expected = accounts * INITIAL_BALANCE;
            if (rows != accounts || sum != expected) {
                throw new SQLException(String.format(Locale.ROOT, "after the run: %,d accounts holding %,d in all,"
                        + " expected %,d holding %,d", rows, sum, accounts, expected));
            }
            if (min < 0) {
                throw new SQLException("after the run an account holds " + min + ", below 0");
            }
        }
    }
}
