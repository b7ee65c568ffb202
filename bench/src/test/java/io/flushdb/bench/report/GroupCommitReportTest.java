package io.flushdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupCommitReportTest {

    private static final long SECOND = 1_000_000_000L;

    private static CommitRates flushDb() {
        return new CommitRates("flushdb", "FlushDB 1.0", "embedded, in-process", "flush=1", true, List.of(
                new CommitRates.Phase(1, 4_000, SECOND, 4_000),
                new CommitRates.Phase(4, 12_000, SECOND, 3_000),
                new CommitRates.Phase(16, 40_000, 2 * SECOND, 2_500)), null);
    }

    private static GroupCommitReport report(List<CommitRates> results) {
        return report(results, null);
    }

    private static GroupCommitReport report(List<CommitRates> results, FsyncRate after) {
        MachineFacts machine = new MachineFacts("17", "Linux", 2, "cpu", 1024, "ext4", List.of("-Xmx1g"), 0.5);
        return new GroupCommitReport("FlushDB bench, group commit, test", machine, "threads 1,4,16",
                "--scenario group-commit", "fsync-per-commit", "INSERT INTO c VALUES (?, ?)",
                new FsyncRate(512, false, 10_000, 2 * SECOND), new FsyncRate(512, true, 2_000, SECOND), after,
                "512-byte writes", null, results);
    }

    @Test
    void phaseFigures() {
        CommitRates r = flushDb();
        CommitRates.Phase sixteen = r.phases().get(2);
        assertEquals(20_000, sixteen.commitsPerSecond(), 1e-9);
        assertEquals(16.0, sixteen.commitsPerFsync().getAsDouble(), 1e-9);
        assertEquals(1_250, sixteen.logFsyncsPerSecond().getAsDouble(), 1e-9);
        assertEquals(5.0, r.overOneThread(sixteen).getAsDouble(), 1e-9);
        assertEquals(800_000, sixteen.meanNanos(), 1e-6); // 16 threads x 2 s / 40,000 commits
        assertTrue(new CommitRates.Phase(4, 100, SECOND, -1).commitsPerFsync().isEmpty());
    }

    @Test
    void tableShowsRatiosToOneThreadAndToTheRawFsyncRate() {
        CommitRates sqlite = new CommitRates("sqlite", "SQLite 3", "embedded, in-process", "wal, FULL", true,
                List.of(new CommitRates.Phase(1, 3_000, SECOND, -1)), "database is locked");
        String text = report(List.of(flushDb(), sqlite)).text();
        // raw force(false): 10,000 in 2 s = 5,000/s
        assertTrue(text.contains("5,000 /s"), text);
        assertTrue(text.contains(String.format("%-12s %7s %12s %9s %13s %14s %11s %12s", "flushdb", 16, "20,000",
                "800.0", "1,250", "16.00", "5.00", "4.00")), text);
        assertTrue(text.contains(String.format("%-12s %7s %12s %9s %13s %14s %11s %12s", "sqlite", 1, "3,000",
                "333.3", "n/a", "n/a", "1.00", "0.60")), text);
        assertTrue(text.contains("sqlite       failed: database is locked"), text);
    }

    @Test
    void storedAndLoadedResultsAreEqual() throws Exception {
        StringWriter out = new StringWriter();
        flushDb().store(out);
        assertEquals(flushDb(), CommitRates.load(new StringReader(out.toString())));
        CommitRates failed = new CommitRates("h2", "", "", "", false, List.of(), "no driver");
        out = new StringWriter();
        failed.store(out);
        CommitRates loaded = CommitRates.load(new StringReader(out.toString()));
        assertEquals(failed, loaded);
        assertFalse(loaded.succeeded());
    }

    @Test
    void csvHasOneLinePerPhase() {
        String[] lines = report(List.of(flushDb())).csv().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[3].startsWith("group-commit,flushdb,ok,16,40000,2.000,20000.0,800.000,2500,1250.0,16.000,"
                + "5.0000,5000.0,4.0000,"), lines[3]);
    }

    @Test
    void ratiosToTheRawRateUseTheMeanOfBeforeAndAfter() {
        // before 5,000/s, after 7,000/s: 16 threads at 20,000 commits/s is 20,000 / 6,000 = 3.33
        GroupCommitReport r = report(List.of(flushDb()), new FsyncRate(512, false, 7_000, SECOND));
        assertEquals(6_000, r.rawFsyncPerSecond().getAsDouble(), 1e-9);
        String text = r.text();
        assertTrue(text.contains("the mean of the two force(false) rates: 6,000 /s"), text);
        assertTrue(text.contains(String.format("%-12s %7s %12s %9s %13s %14s %11s %12s", "flushdb", 16, "20,000",
                "800.0", "1,250", "16.00", "5.00", "3.33")), text);
    }
}
