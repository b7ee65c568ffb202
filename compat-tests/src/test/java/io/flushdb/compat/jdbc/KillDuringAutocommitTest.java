package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.CrashChild.SETTINGS;
import static io.flushdb.compat.jdbc.TestDatabase.assertCheckTableOk;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flushdb.compat.jdbc.CrashJournal.Contents;
import io.flushdb.compat.jdbc.CrashJournal.Op;
import io.flushdb.compat.jdbc.CrashJournal.Pending;
import io.flushdb.compat.jdbc.CrashJournal.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@link KillDuringAutocommitMain}) with SIGKILL at a random moment while it
 * runs autocommit INSERT, UPDATE and DELETE statements, then opens the data directory here (crash
 * recovery) and checks that the table is exactly what the child's journal ({@link CrashJournal})
 * says: every statement whose commit returned is there, the one statement that was running is
 * wholly there or wholly absent, nothing else is, and {@code CHECK TABLE} finds the indexes
 * consistent. Then the next child goes on on the same directory, {@value #DEFAULT_KILLS} times by
 * default.
 *
 * <p>The engines run with a 5 MiB buffer pool, the smallest redo log (8 MiB, so it wraps several
 * times over a run), a 256 KiB log buffer (so a statement's redo can reach the file before its
 * commit) and a checkpoint every 50 ms; notes of several KB to tens of KB make overflow chains.
 * Most verifications here end with {@code innodb_fast_shutdown=2}, so the next child starts with
 * recovery and redo piles up across rounds until the checkpointer must flush pages while the child
 * works: kills then land during page writes, checkpoints and log wrap-arounds too. One in
 * {@value CrashChild#CLEAN_SHUTDOWN_EVERY} ends with a clean shutdown.
 *
 * <p>What a SIGKILL cannot show: the operating system keeps what the process wrote, so a missing
 * fsync goes unnoticed here; a commit that returns before its redo is written does not (with
 * {@code innodb_flush_log_at_trx_commit=0} in the child the first round fails).
 *
 * <p>System properties: {@code flushdb.crash.seed} replays a run (the seed is printed first, as
 * {@code crash test seed=...}) with the same child seeds, kill delays and shutdown kinds; only the
 * first child's statements repeat exactly, as how far each child gets before its kill is timing
 * and the next one starts from that table; {@code flushdb.crash.kills} sets the number of kills.
 * A failed run leaves its temporary directory (data directory, journals, the children's standard
 * error).
 */
class KillDuringAutocommitTest {
    private static final int DEFAULT_KILLS = 30;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private final CrashChild children = new CrashChild();

    @AfterEach
    void stopTimer() {
        children.close();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyCommittedStatementSurvivesSigkillAndNothingElseDoes() throws Exception {
        CrashChild.Plan plan = new CrashChild.Plan("crash test", "flushdb.crash.seed", "flushdb.crash.kills",
                DEFAULT_KILLS, tmp);
        long seed = plan.seed;
        int kills = plan.kills;
        Path dataDir = tmp.resolve("data");

        NavigableMap<Long, Row> model = new TreeMap<>();
        long statements = 0;
        int pendingThere = 0;
        int pendingAbsent = 0;
        long started = System.nanoTime();
        for (int round = 0; round < kills; round++) {
            CrashChild.Round r = plan.round(round);
            String where = r.where();
            int delay = r.delayMs();
            boolean cleanShutdown = r.cleanShutdown();
            Path journal = r.journal();
            long roundStart = System.nanoTime();
            long startMs = children.runAndKill(KillDuringAutocommitMain.class, dataDir, r);
            long checkStart = System.nanoTime();

            Contents contents;
            try {
                contents = CrashJournal.parse(Files.readString(journal, StandardCharsets.UTF_8), 1);
            } catch (IllegalStateException e) {
                throw new AssertionError(where + ": bad journal " + journal, e);
            }
            for (Op op : contents.committed()) {
                try {
                    op.applyTo(model);
                } catch (IllegalStateException e) {
                    throw new AssertionError(where + ": the child committed a statement the model refuses: "
                            + op.format(), e);
                }
            }
            statements += contents.committed().size();
            Pending pending = contents.pending();

            try (Connection c = TestDatabase.open(dataDir, SETTINGS)) {
                List<List<String>> actual = TestDatabase.queryRows(c, CrashJournal.SELECT_ALL);
                List<List<String>> withoutPending = cells(model);
                if (actual.equals(withoutPending)) {
                    pendingAbsent += pending == null ? 0 : 1;
                } else if (pending != null && !pending.shouldFail()) {
                    NavigableMap<Long, Row> withPending;
                    try {
                        withPending = CrashJournal.with(model, pending.op());
                    } catch (IllegalStateException e) {
                        throw new AssertionError(where + ": the pending statement cannot apply to the model: "
                                + pending.line(), e);
                    }
                    if (!actual.equals(cells(withPending))) {
                        fail(where + ": the table is neither the " + contents.committed().size()
                                + " committed statements' result (" + firstDifference(withoutPending, actual)
                                + ") nor that plus the pending statement " + pending.line() + " ("
                                + firstDifference(cells(withPending), actual) + ")");
                    }
                    model = withPending;
                    pendingThere++;
                } else {
                    fail(where + ": the table is not the " + contents.committed().size()
                            + " committed statements' result: " + firstDifference(withoutPending, actual)
                            + (pending == null ? " (no statement was pending)"
                                    : " (the pending statement was to fail: " + pending.line() + ")"));
                }
                assertCheckTableOk(c, CrashJournal.TABLE);
                if (!cleanShutdown) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET GLOBAL innodb_fast_shutdown = 2");
                    }
                }
            }
            long checkMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - checkStart);
            long roundMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart);
            System.out.println("crash test " + where + ": child started in " + startMs + " ms, killed after "
                    + delay + " ms, recovery and checks took " + checkMs + " ms, round " + roundMs + " ms, "
                    + (cleanShutdown ? "clean shutdown, " : "fast shutdown 2, ")
                    + contents.committed().size() + " statements committed, pending: "
                    + (pending == null ? "none" : pending.line().substring(0, Math.min(60, pending.line().length())))
                    + ", rows " + model.size());
        }
        System.out.println("crash test seed=" + seed + ": " + kills + " kills, " + statements
                + " committed statements, pending statement found committed " + pendingThere + " times, absent "
                + pendingAbsent + " times, " + model.size() + " rows at the end, "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        assertTrue(statements > kills, "the children committed only " + statements + " statements");
    }

    private static List<List<String>> cells(NavigableMap<Long, Row> table) {
        List<List<String>> out = new ArrayList<>(table.size());
        for (Row r : table.values()) {
            out.add(r.cells());
        }
        return out;
    }

    /** The first row where {@code actual} differs from {@code expected}, abbreviated. */
    private static String firstDifference(List<List<String>> expected, List<List<String>> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "row " + i + ": expected " + abbreviate(expected.get(i)) + ", found "
                        + abbreviate(actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            int i = Math.min(expected.size(), actual.size());
            return expected.size() + " rows expected, " + actual.size() + " found; first extra: "
                    + abbreviate((expected.size() > i ? expected : actual).get(i)) + " ("
                    + (expected.size() > i ? "missing" : "unexpected") + ")";
        }
        return "no difference";
    }

    private static String abbreviate(List<String> row) {
        List<String> out = new ArrayList<>();
        for (String cell : row) {
            out.add(cell == null ? "NULL" : cell.length() <= 40 ? cell
                    : cell.substring(0, 30) + "...(" + cell.length() + " chars, hash " + cell.hashCode() + ")");
        }
        return out.toString();
    }
}
