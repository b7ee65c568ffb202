package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.CrashChild.SETTINGS;
import static io.flushdb.compat.jdbc.TestDatabase.assertCheckTableOk;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flushdb.compat.jdbc.CrashJournal.Note;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@link KillDuringTransactionsMain}) with SIGKILL at a random moment while it
 * runs multi-statement transactions (a {@code txn} row, 2 to 6 {@code ledger} rows with notes up to
 * tens of KB, a transfer between two accounts, sometimes a note of an older transaction rewritten;
 * about one in seven rolled back, at a random point), then opens the data directory here (crash
 * recovery) and checks the tables against the child's journal and against everything the earlier
 * children committed:
 * <ol>
 *   <li>every transaction journalled {@code commit k} is there: its {@code txn} row and exactly
 *       its P {@code ledger} rows;</li>
 *   <li>every transaction journalled {@code rollback k} is absent: no {@code txn} row, no
 *       {@code ledger} row;</li>
 *   <li>the transaction that was running when the child died (a {@code begin} line without its
 *       outcome), if any, is wholly there or wholly absent, and absent if it was heading for a
 *       rollback;</li>
 *   <li>no {@code ledger} row lacks its {@code txn} row, no {@code txn} row has a number of ledger
 *       rows other than its {@code parts}, every {@code txn} row's outcome is {@code committed}
 *       (SQL queries);</li>
 *   <li>there are {@value KillDuringTransactionsMain#ACCOUNTS} accounts and the balances add up to
 *       the initial total (SQL queries);</li>
 *   <li>{@code CHECK TABLE} finds the three tables' indexes consistent;</li>
 *   <li>and, over all three tables, the state is exactly the model's: the committed transactions of
 *       all rounds (and the running one if it is there), each ledger note intact and written by the
 *       transaction that last wrote it (notes say whose they are), each account's balance the sum
 *       of the committed transfers.</li>
 * </ol>
 * Then the next child goes on on the same directory, {@value #DEFAULT_KILLS} times by default.
 *
 * <p>The engines run with the settings of {@link KillDuringAutocommitTest}: a 5 MiB buffer pool,
 * 8 MiB of redo, a 256 KiB log buffer and a checkpoint every 50 ms. Most verifications end with
 * {@code innodb_fast_shutdown=2}, so the next child starts with recovery (and the rollback of the
 * transaction the kill cut off may be left to it); one in {@value CrashChild#CLEAN_SHUTDOWN_EVERY} ends with
 * a clean shutdown.
 *
 * <p>System properties: {@code flushdb.crash.txseed} replays a run (the seed is printed first, as
 * {@code transaction crash test seed=...}) with the same child seeds, kill delays and shutdown
 * kinds (how far each child gets is timing); {@code flushdb.crash.txkills} sets the number of
 * kills. A failed run leaves its temporary directory (data directory, journals, the children's
 * standard error).
 */
class KillDuringTransactionsTest {
    private static final int DEFAULT_KILLS = 12;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private final CrashChild children = new CrashChild();

    @AfterEach
    void stopTimer() {
        children.close();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void committedTransactionsSurviveSigkillWholeAndNothingElseDoes() throws Exception {
        CrashChild.Plan plan = new CrashChild.Plan("transaction crash test", "flushdb.crash.txseed",
                "flushdb.crash.txkills", DEFAULT_KILLS, tmp);
        long seed = plan.seed;
        int kills = plan.kills;
        Path dataDir = tmp.resolve("data");

        Model model = Model.initial();
        long committedTotal = 0;
        long rolledBackTotal = 0;
        int pendingThere = 0;
        int pendingAbsent = 0;
        long started = System.nanoTime();
        for (int round = 0; round < kills; round++) {
            CrashChild.Round r = plan.round(round);
            String where = r.where();
            int delay = r.delayMs();
            boolean cleanShutdown = r.cleanShutdown();
            Path journalFile = r.journal();
            long roundStart = System.nanoTime();
            long startMs = children.runAndKill(KillDuringTransactionsMain.class, dataDir, r);
            long checkStart = System.nanoTime();

            Journal journal;
            try {
                journal = Journal.parse(Files.readString(journalFile, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": bad journal " + journalFile, e);
            }
            for (Begin b : journal.committed()) {
                try {
                    model.apply(b);
                } catch (IllegalStateException e) {
                    throw new AssertionError(where + ": the child committed a transaction the model refuses: "
                            + b.line(), e);
                }
            }
            Begin pending = journal.pending();
            Model withPending = null;
            if (pending != null) {
                withPending = model.copy();
                try {
                    withPending.apply(pending);
                } catch (IllegalStateException e) {
                    throw new AssertionError(where + ": the running transaction cannot apply to the model: "
                            + pending.line(), e);
                }
            }

            List<String> problems = new ArrayList<>();
            String pendingOutcome;
            Model actual;
            try (Connection c = TestDatabase.open(dataDir, SETTINGS)) {
                actual = Model.read(c, problems);
                checkJournal(journal, actual, problems);
                checkInvariants(c, problems);
                for (String table : KillDuringTransactionsMain.TABLES) {
                    try {
                        assertCheckTableOk(c, table);
                    } catch (AssertionError e) {
                        problems.add(e.getMessage());
                    }
                }

                // 7: exactly the committed transactions of all rounds, with or without the running one.
                String withoutDifference = model.firstDifference(actual);
                if (withoutDifference == null) {
                    pendingOutcome = pending == null ? "none" : "absent";
                    pendingAbsent += pending == null ? 0 : 1;
                } else if (withPending != null && pending.commit() && withPending.firstDifference(actual) == null) {
                    pendingOutcome = "committed";
                    pendingThere++;
                    model = withPending;
                } else {
                    problems.add("the tables are not the committed transactions' result: " + withoutDifference
                            + (withPending == null ? " (no transaction was running)"
                                    : "; nor that plus the running transaction " + pending.line() + ": "
                                            + withPending.firstDifference(actual)));
                    pendingOutcome = "inconsistent";
                }
                if (!problems.isEmpty()) {
                    fail(where + ": " + problems.size() + " problems after recovery (journal " + journalFile
                            + "):\n  " + String.join("\n  ", problems));
                }
                if (!cleanShutdown) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET GLOBAL innodb_fast_shutdown = 2");
                    }
                }
            }
            committedTotal += journal.committed().size();
            rolledBackTotal += journal.rolledBack().size();
            long checkMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - checkStart);
            long roundMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart);
            System.out.println("transaction crash test " + where + ": child started in " + startMs
                    + " ms, killed after " + delay + " ms, recovery and checks took " + checkMs + " ms, round "
                    + roundMs + " ms, " + (cleanShutdown ? "clean shutdown, " : "fast shutdown 2, ")
                    + journal.committed().size() + " committed, " + journal.rolledBack().size()
                    + " rolled back, running: " + (pending == null ? "none"
                            : pending.k() + " (" + (pending.commit() ? "to commit" : "to roll back") + ") "
                                    + pendingOutcome)
                    + ", transactions " + model.txns.size() + ", ledger rows " + model.notes.size());
        }
        System.out.println("transaction crash test seed=" + seed + ": " + kills + " kills, " + committedTotal
                + " committed and " + rolledBackTotal + " rolled back transactions, running transaction found "
                + "committed " + pendingThere + " times, absent " + pendingAbsent + " times, "
                + model.txns.size() + " transactions and " + model.notes.size() + " ledger rows at the end, "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        assertTrue(committedTotal > kills, "the children committed only " + committedTotal + " transactions");
    }

    /** Checks 1 to 3: the journal's transactions, each on its own. */
    private static void checkJournal(Journal journal, Model actual, List<String> problems) {
        for (Begin b : journal.committed()) {
            Integer parts = actual.txns.get(b.k());
            int ledger = actual.ledgerRows(b.k());
            if (parts == null || parts != b.parts() || ledger != b.parts()) {
                problems.add("committed transaction " + b.k() + " (" + b.line() + ") is not whole: txn row "
                        + (parts == null ? "missing" : "with parts " + parts) + ", " + ledger + " ledger rows");
            }
        }
        for (Begin b : journal.rolledBack()) {
            Integer parts = actual.txns.get(b.k());
            int ledger = actual.ledgerRows(b.k());
            if (parts != null || ledger != 0) {
                problems.add("rolled back transaction " + b.k() + " (" + b.line() + ") is not absent: txn row "
                        + (parts == null ? "missing" : "with parts " + parts) + ", " + ledger + " ledger rows");
            }
        }
        Begin p = journal.pending();
        if (p != null) {
            Integer parts = actual.txns.get(p.k());
            int ledger = actual.ledgerRows(p.k());
            boolean whole = parts != null && parts == p.parts() && ledger == p.parts();
            boolean absent = parts == null && ledger == 0;
            if (!whole && !absent) {
                problems.add("the running transaction " + p.k() + " (" + p.line() + ") is partly there: txn row "
                        + (parts == null ? "missing" : "with parts " + parts) + ", " + ledger + " ledger rows");
            } else if (whole && !p.commit()) {
                problems.add("the running transaction " + p.k() + " (" + p.line() + "), which was to roll back, "
                        + "is there");
            }
        }
    }

    /** Checks 4 and 5, in SQL. */
    private static void checkInvariants(Connection c, List<String> problems) throws SQLException {
        List<List<String>> orphans = TestDatabase.queryRows(c, "SELECT l.txn, l.part FROM ledger l "
                + "LEFT JOIN txn t ON t.id = l.txn WHERE t.id IS NULL ORDER BY l.txn, l.part LIMIT 10");
        if (!orphans.isEmpty()) {
            problems.add("ledger rows without their txn row (txn, part; first 10): " + orphans);
        }
        List<List<String>> miscounted = TestDatabase.queryRows(c, "SELECT t.id, t.parts, COUNT(l.part) FROM txn t "
                + "LEFT JOIN ledger l ON l.txn = t.id GROUP BY t.id, t.parts HAVING COUNT(l.part) <> t.parts "
                + "ORDER BY t.id LIMIT 10");
        if (!miscounted.isEmpty()) {
            problems.add("txn rows whose ledger row count is not their parts (id, parts, count; first 10): "
                    + miscounted);
        }
        long notCommitted = TestDatabase.queryLong(c,
                "SELECT COUNT(*) FROM txn WHERE outcome IS NULL OR outcome <> '" + KillDuringTransactionsMain.COMMITTED + "'");
        if (notCommitted != 0) {
            problems.add(notCommitted + " txn rows whose outcome is not " + KillDuringTransactionsMain.COMMITTED);
        }
        List<List<String>> accounts = TestDatabase.queryRows(c, "SELECT COUNT(*), SUM(balance) FROM account");
        List<String> expected = List.of(Integer.toString(KillDuringTransactionsMain.ACCOUNTS),
                Long.toString(KillDuringTransactionsMain.ACCOUNTS * KillDuringTransactionsMain.INITIAL_BALANCE));
        if (!accounts.equals(List.of(expected))) {
            problems.add("account COUNT(*) and SUM(balance) are " + accounts + ", not " + expected);
        }
    }

    /** A {@code begin} line: transaction {@code k} and what it does. */
    record Begin(long k, int parts, boolean commit, int from, int to, long amount, long noteTxn, int notePart,
            String line) {
        static Begin parse(String line) {
            String[] t = line.split(" ");
            check(t.length == 9 && (t[3].equals("commit") || t[3].equals("rollback")), "bad begin line: " + line);
            return new Begin(Long.parseLong(t[1]), Integer.parseInt(t[2]), t[3].equals("commit"),
                    Integer.parseInt(t[4]), Integer.parseInt(t[5]), Long.parseLong(t[6]), Long.parseLong(t[7]),
                    Integer.parseInt(t[8]), line);
        }
    }

    /** What a journal says: committed and rolled back transactions in order, the running one if any. */
    record Journal(List<Begin> committed, List<Begin> rolledBack, Begin pending) {
        /**
         * Parses a whole journal. A last line without its newline is a write the kill cut short: it
         * is ignored (a cut {@code begin}: the transaction never started; a cut outcome: the
         * transaction stays running, which it may be, for all the journal can say).
         */
        static Journal parse(String text) {
            List<Begin> committed = new ArrayList<>();
            List<Begin> rolledBack = new ArrayList<>();
            Begin open = null;
            long lastK = -1;
            int end = text.lastIndexOf('\n') + 1;
            String[] lines = end == 0 ? new String[0] : text.substring(0, end - 1).split("\n", -1);
            for (String line : lines) {
                String[] t = line.split(" ");
                switch (t[0]) {
                    case "begin" -> {
                        check(open == null, "a begin line while " + (open == null ? "" : open.line()) + " runs: "
                                + line);
                        open = Begin.parse(line);
                        check(lastK < 0 || open.k() == lastK + 1, "transaction " + open.k() + " after " + lastK);
                        lastK = open.k();
                    }
                    case "commit", "rollback" -> {
                        check(t.length == 2 && open != null && open.k() == Long.parseLong(t[1])
                                && open.commit() == t[0].equals("commit"), "outcome without its begin line ("
                                + (open == null ? "none" : open.line()) + "): " + line);
                        (open.commit() ? committed : rolledBack).add(open);
                        open = null;
                    }
                    default -> throw new IllegalStateException("unknown journal line: " + line);
                }
            }
            return new Journal(committed, rolledBack, open);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** A ledger row's primary key. */
    record LedgerKey(long txn, int part) {
        static final Comparator<LedgerKey> ORDER =
                Comparator.comparingLong(LedgerKey::txn).thenComparingInt(LedgerKey::part);

        @Override
        public String toString() {
            return "(" + txn + ", " + part + ")";
        }
    }

    /**
     * The three tables as the test sees them: {@code txn} as id → parts, {@code ledger} as key →
     * the transaction that wrote the note, {@code account} as id → balance.
     */
    static final class Model {
        final NavigableMap<Long, Integer> txns = new TreeMap<>();
        final NavigableMap<LedgerKey, Long> notes = new TreeMap<>(LedgerKey.ORDER);
        final NavigableMap<Integer, Long> balances = new TreeMap<>();

        static Model initial() {
            Model m = new Model();
            for (int id = 1; id <= KillDuringTransactionsMain.ACCOUNTS; id++) {
                m.balances.put(id, KillDuringTransactionsMain.INITIAL_BALANCE);
            }
            return m;
        }

        Model copy() {
            Model m = new Model();
            m.txns.putAll(txns);
            m.notes.putAll(notes);
            m.balances.putAll(balances);
            return m;
        }

        /** Applies transaction {@code b} as it commits. */
        void apply(Begin b) {
            check(!txns.containsKey(b.k()), "transaction " + b.k() + " is there already");
            txns.put(b.k(), b.parts());
            for (int part = 1; part <= b.parts(); part++) {
                notes.put(new LedgerKey(b.k(), part), b.k());
            }
            if (b.noteTxn() != 0) {
                LedgerKey key = new LedgerKey(b.noteTxn(), b.notePart());
                check(notes.containsKey(key), "note update of ledger row " + key + ", which is not there");
                notes.put(key, b.k());
            }
            Long from = balances.get(b.from());
            Long to = balances.get(b.to());
            check(from != null && to != null && b.from() != b.to(), "transfer between " + b.from() + " and " + b.to());
            balances.put(b.from(), from - b.amount());
            balances.put(b.to(), to + b.amount());
        }

        int ledgerRows(long txn) {
            return notes.subMap(new LedgerKey(txn, Integer.MIN_VALUE), true, new LedgerKey(txn, Integer.MAX_VALUE),
                    true).size();
        }

        /** The first difference between this (expected) and {@code actual}, or null if they are equal. */
        String firstDifference(Model actual) {
            String d = firstDifference("txn (id: parts)", txns, actual.txns);
            if (d == null) {
                d = firstDifference("ledger ((txn, part): note writer)", notes, actual.notes);
            }
            if (d == null) {
                d = firstDifference("account (id: balance)", balances, actual.balances);
            }
            return d;
        }

        private static <K, V> String firstDifference(String what, NavigableMap<K, V> expected,
                NavigableMap<K, V> actual) {
            if (expected.equals(actual)) {
                return null;
            }
            TreeSet<K> keys = new TreeSet<>(expected.comparator());
            keys.addAll(expected.keySet());
            keys.addAll(actual.keySet());
            int differences = 0;
            K first = null;
            for (K key : keys) {
                if (!Objects.equals(expected.get(key), actual.get(key))) {
                    differences++;
                    first = first == null ? key : first;
                }
            }
            return what + ": " + differences + " differences, the first at " + first + ": expected "
                    + (expected.containsKey(first) ? expected.get(first) : "no row") + ", found "
                    + (actual.containsKey(first) ? actual.get(first) : "no row");
        }

        /**
         * Reads the three tables; adds to {@code problems} each note that is not intact or not its
         * row's (its header names another row, or its text is not the header's).
         */
        static Model read(Connection c, List<String> problems) throws SQLException {
            Model m = new Model();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT id, parts FROM txn ORDER BY id")) {
                    while (rs.next()) {
                        m.txns.put(rs.getLong(1), rs.getInt(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT txn, part, note FROM ledger ORDER BY txn, part")) {
                    while (rs.next()) {
                        LedgerKey key = new LedgerKey(rs.getLong(1), rs.getInt(2));
                        m.notes.put(key, writer(key, rs.getString(3), problems));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT id, balance FROM account ORDER BY id")) {
                    while (rs.next()) {
                        m.balances.put(rs.getInt(1), rs.getLong(2));
                    }
                }
            }
            return m;
        }

        /** Who wrote {@code note} of row {@code key}: its inserter if NULL, else its header's writer. */
        private static long writer(LedgerKey key, String note, List<String> problems) {
            if (note == null) {
                return key.txn();
            }
            int close = note.indexOf('#', 1);
            String[] h = close < 0 || !note.startsWith("#") ? new String[0] : note.substring(1, close).split("\\.");
            if (h.length != 5) {
                problems.add("ledger row " + key + ": note without a header: " + abbreviate(note));
                return -1;
            }
            try {
                long txn = Long.parseLong(h[0]);
                int part = Integer.parseInt(h[1]);
                long writer = Long.parseLong(h[2]);
                Note expected = new Note(Integer.parseInt(h[3]), Long.parseUnsignedLong(h[4], 16));
                if (txn != key.txn() || part != key.part()) {
                    problems.add("ledger row " + key + " has the note of row (" + txn + ", " + part + ")");
                } else if (!note.substring(close + 1).equals(expected.text())) {
                    problems.add("ledger row " + key + ": the note of header "
                            + KillDuringTransactionsMain.noteHeader(txn, part, writer, expected) + " has other text: "
                            + abbreviate(note) + " (" + note.length() + " chars)");
                }
                return writer;
            } catch (NumberFormatException e) {
                problems.add("ledger row " + key + ": bad note header: " + abbreviate(note));
                return -1;
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 60 ? s : s.substring(0, 60) + "...";
        }
    }
}
