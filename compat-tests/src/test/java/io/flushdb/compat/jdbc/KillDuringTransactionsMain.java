package io.flushdb.compat.jdbc;

import io.flushdb.compat.jdbc.CrashJournal.Note;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The child JVM of {@link KillDuringTransactionsTest}: opens the data directory in {@code args[0]}
 * through {@code DriverManager} with the URL settings in {@code args[3..]}, creates the tables if
 * needed ({@value #ACCOUNTS} accounts of {@value #INITIAL_BALANCE}), prints {@value CrashChild#RUNNING} and
 * then runs multi-statement transactions (autocommit off) chosen by a generator seeded with
 * {@code args[1]}, forever, journalling each in {@code args[2]}. It is meant to be killed.
 *
 * <p>Transaction {@code k} (numbered on from the largest id in {@code txn}) runs, in this order:
 * <ol>
 *   <li>{@code INSERT INTO txn VALUES (k, P, 'pending')}, P from {@value #MIN_PARTS} to
 *       {@value #MAX_PARTS};</li>
 *   <li>its P {@code ledger} rows (parts 1 to P), in one multi-row INSERT or one INSERT each;</li>
 *   <li>{@code UPDATE account SET balance = balance - amount} of one account;</li>
 *   <li>sometimes an UPDATE of the note of one ledger row: of an earlier committed transaction, or
 *       one of its own;</li>
 *   <li>{@code UPDATE account SET balance = balance + amount} of another account;</li>
 *   <li>sometimes a read of its own ledger rows, which must show all P of them;</li>
 *   <li>{@code UPDATE txn SET outcome = 'committed' WHERE id = k};</li>
 * </ol>
 * then commits, or, for about {@value #ROLLBACK_PERCENT}% of them, rolls back after a random number
 * of those statements.
 *
 * <p>Journal lines, each written with one {@link FileChannel#write} (a SIGKILL keeps what was
 * written, so no fsync), tokens separated by single spaces:
 * <ul>
 *   <li>{@code begin <k> <P> <commit|rollback> <from> <to> <amount> <noteTxn> <notePart>}, before
 *       the transaction's first statement: what it is going to do, and whether it is going to
 *       commit or roll back; {@code noteTxn} and {@code notePart} name the ledger row whose note it
 *       updates, both 0 if none;</li>
 *   <li>{@code commit <k>} after {@code commit()} returned;</li>
 *   <li>{@code rollback <k>} after {@code rollback()} returned.</li>
 * </ul>
 *
 * <p>A note, when not NULL, says whose it is: {@code #<txn>.<part>.<writer>.<length>.<seed hex>#}
 * followed by {@link Note#text()} of that length and seed (hence several KB to tens of KB, in
 * overflow pages, for some), where {@code writer} is the transaction that wrote it (the inserting
 * one, or the last that updated it). A NULL note is the inserting transaction's.
 *
 * <p>A statement that does not do what the child expects (a wrong update count, a wrong count of its
 * own ledger rows, any error) ends it with exit status 5 and the reason on standard error.
 */
public final class KillDuringTransactionsMain {
    static final int ACCOUNTS = 100;
    static final long INITIAL_BALANCE = 1_000;
    static final int MIN_PARTS = 2;
    static final int MAX_PARTS = 6;
    static final int ROLLBACK_PERCENT = 15;
    static final String[] TABLES = {"account", "txn", "ledger"};
    static final String[] CREATE_TABLES = {
        "CREATE TABLE IF NOT EXISTS account (id INT PRIMARY KEY, balance BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS txn (id BIGINT PRIMARY KEY, parts INT NOT NULL, outcome VARCHAR(10))",
        "CREATE TABLE IF NOT EXISTS ledger (txn BIGINT, part INT, note TEXT, PRIMARY KEY (txn, part), "
                + "KEY note_txn (txn))"};
    /** {@code txn.outcome} of a transaction's row until its last statement. */
    static final String PENDING = "pending";
    /** {@code txn.outcome} its last statement sets. */
    static final String COMMITTED = "committed";

    /** A transaction of the table: id and number of parts. */
    private record Done(long id, int parts) {
    }

    /** One statement of a transaction. */
    private interface Step {
        void run() throws SQLException;
    }

    private final Connection c;
    private final SplittableRandom random;
    private final FileChannel journal;
    /** The committed transactions, from the table at start and those this child committed. */
    private final List<Done> committed = new ArrayList<>();
    private long next = 1;

    private KillDuringTransactionsMain(Connection c, long seed, FileChannel journal) {
        this.c = c;
        this.random = new SplittableRandom(seed);
        this.journal = journal;
    }

    public static void main(String[] args) {
        CrashChild.childMain(args, (c, seed, journal) -> {
            try (Statement st = c.createStatement()) {
                for (String create : CREATE_TABLES) {
                    st.execute(create);
                }
            }
            KillDuringTransactionsMain child = new KillDuringTransactionsMain(c, seed, journal);
            child.createAccounts();
            child.readTransactions();
            c.setAutoCommit(false);
            CrashChild.running();
            while (true) {
                child.transaction();
            }
        });
    }

    /** Creates the accounts (autocommit, one statement) in a new table. */
    private void createAccounts() throws SQLException {
        long count = TestDatabase.queryLong(c, "SELECT COUNT(*) FROM account");
        if (count == ACCOUNTS) {
            return;
        }
        if (count != 0) {
            throw new IllegalStateException(count + " accounts");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO account VALUES ");
        for (int id = 1; id <= ACCOUNTS; id++) {
            sql.append(id == 1 ? "(" : ", (").append(id).append(", ").append(INITIAL_BALANCE).append(')');
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql.toString());
        }
    }

    private void readTransactions() throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, parts FROM txn ORDER BY id")) {
            while (rs.next()) {
                committed.add(new Done(rs.getLong(1), rs.getInt(2)));
                next = rs.getLong(1) + 1;
            }
        }
    }

    /** Picks one transaction, journals it, runs it, checks it and journals its outcome. */
    private void transaction() throws SQLException, IOException {
        long k = next++;
        int parts = MIN_PARTS + random.nextInt(MAX_PARTS - MIN_PARTS + 1);
        boolean commit = random.nextInt(100) >= ROLLBACK_PERCENT;
        int from = 1 + random.nextInt(ACCOUNTS);
        int to = 1 + random.nextInt(ACCOUNTS - 1);
        if (to >= from) {
            to++;
        }
        long amount = 1 + random.nextInt(500);
        long noteTxn = 0;
        int notePart = 0;
        int roll = random.nextInt(100);
        if (roll < 10) {
            noteTxn = k;
            notePart = 1 + random.nextInt(parts);
        } else if (roll < 40 && !committed.isEmpty()) {
            Done d = committed.get(random.nextInt(committed.size()));
            noteTxn = d.id();
            notePart = 1 + random.nextInt(d.parts());
        }

        List<Step> steps = new ArrayList<>();
        steps.add(() -> update("INSERT INTO txn VALUES (?, ?, ?)", 1, k, parts, PENDING));
        List<String> notes = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            Note note = newNote();
            notes.add(note == null ? null : noteText(k, part, k, note));
        }
        if (random.nextInt(100) < 30) {
            steps.add(() -> {
                StringBuilder sql = new StringBuilder("INSERT INTO ledger (txn, part, note) VALUES ");
                List<Object> values = new ArrayList<>();
                for (int part = 1; part <= parts; part++) {
                    sql.append(part == 1 ? "(?, ?, ?)" : ", (?, ?, ?)");
                    values.addAll(Arrays.asList(k, part, notes.get(part - 1)));
                }
                update(sql.toString(), parts, values.toArray());
            });
        } else {
            for (int part = 1; part <= parts; part++) {
                int p = part;
                steps.add(() -> update("INSERT INTO ledger (txn, part, note) VALUES (?, ?, ?)", 1, k, p,
                        notes.get(p - 1)));
            }
        }
        int debit = from;
        steps.add(() -> update("UPDATE account SET balance = balance - ? WHERE id = ?", 1, amount, debit));
        if (noteTxn != 0) {
            long j = noteTxn;
            int q = notePart;
            String text = noteText(j, q, k, newBigNote());
            steps.add(() -> update("UPDATE ledger SET note = ? WHERE txn = ? AND part = ?", 1, text, j, q));
        }
        int credit = to;
        steps.add(() -> update("UPDATE account SET balance = balance + ? WHERE id = ?", 1, amount, credit));
        if (random.nextInt(100) < 15) {
            steps.add(() -> {
                long own = TestDatabase.queryLong(c, "SELECT COUNT(*) FROM ledger WHERE txn = " + k);
                if (own != parts) {
                    throw new IllegalStateException("transaction " + k + " sees " + own + " of its " + parts
                            + " ledger rows");
                }
            });
        }
        steps.add(() -> update("UPDATE txn SET outcome = ? WHERE id = ?", 1, COMMITTED, k));
        int stop = commit ? steps.size() : 1 + random.nextInt(steps.size());

        write("begin " + k + " " + parts + " " + (commit ? "commit " : "rollback ") + from + " " + to + " "
                + amount + " " + noteTxn + " " + notePart);
        for (int i = 0; i < stop; i++) {
            steps.get(i).run();
        }
        if (commit) {
            c.commit();
            committed.add(new Done(k, parts));
            write("commit " + k);
        } else {
            c.rollback();
            write("rollback " + k);
        }
    }

    /** Runs an INSERT or UPDATE with {@code args} and checks that it changed {@code expected} rows. */
    private void update(String sql, int expected, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            int count = ps.executeUpdate();
            if (count != expected) {
                throw new IllegalStateException(count + " rows changed, " + expected + " expected, by " + sql
                        + " with " + Arrays.toString(args));
            }
        }
    }

    /** NULL, short, several KB or tens of KB (overflow chains of several pages). */
    private Note newNote() {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return null;
        }
        return roll < 60 ? new Note(random.nextInt(200), random.nextLong()) : newBigNote();
    }

    /** Mostly several KB, sometimes tens of KB. */
    private Note newBigNote() {
        int length = random.nextInt(100) < 75 ? 2_000 + random.nextInt(7_000) : 9_000 + random.nextInt(31_000);
        return new Note(length, random.nextLong());
    }

    /** The note of ledger row ({@code txn}, {@code part}) as {@code writer} writes it. */
    static String noteText(long txn, int part, long writer, Note note) {
        return noteHeader(txn, part, writer, note) + note.text();
    }

    static String noteHeader(long txn, int part, long writer, Note note) {
        return "#" + txn + "." + part + "." + writer + "." + note.length() + "." + Long.toHexString(note.seed()) + "#";
    }

    /** Appends {@code line} with one write; no fsync, as a SIGKILL keeps what the process wrote. */
    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            journal.write(bytes);
        }
    }
}
