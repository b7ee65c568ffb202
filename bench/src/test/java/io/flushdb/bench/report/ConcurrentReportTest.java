package io.flushdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentReportTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String ROW = "%-12s %7s %6s %12s %9s %13s %14s %12s %12s";
    private static final MachineFacts MACHINE =
            new MachineFacts("17", "Linux", 2, "cpu", 1024, "ext4", List.of("-Xmx1g"), 0.5);

    /**
     * Three rounds of 1, 4, 16 threads; round 2 on a slow disk. Commits/s per round:
     * 1 thread 4,000, 2,000, 5,000 (median 4,000); 4 threads 12,000, 5,000, 10,000 (median
     * 10,000; ratios 3, 2.5, 2: median 2.5); 16 threads 16,000, 12,000, 25,000 (median 16,000;
     * ratios 4, 6, 5: median 5, where the ratio of the medians would be 4). Log fsyncs/s with
     * 16 threads: 2,000, 1,000, 2,000 (median 2,000; in total 7,000 in 4 s).
     */
    private static CommitRates flushDb() {
        return new CommitRates("flushdb", "FlushDB 1.0", "embedded, in-process", "flush=1", true, List.of(
                new CommitRates.Phase(1, 1, 4_000, SECOND, 4_000),
                new CommitRates.Phase(1, 4, 12_000, SECOND, 3_000),
                new CommitRates.Phase(1, 16, 16_000, SECOND, 2_000),
                new CommitRates.Phase(2, 1, 2_000, SECOND, 2_000),
                new CommitRates.Phase(2, 4, 5_000, SECOND, 1_000),
                new CommitRates.Phase(2, 16, 12_000, SECOND, 1_000),
                new CommitRates.Phase(3, 1, 5_000, SECOND, 5_000),
                new CommitRates.Phase(3, 4, 10_000, SECOND, 2_000),
                new CommitRates.Phase(3, 16, 50_000, 2 * SECOND, 4_000)), null);
    }

    /** Failed in round 2 after its 1-thread phase; keeps no fsync count. */
    private static CommitRates sqlite() {
        return new CommitRates("sqlite", "SQLite 3", "embedded, in-process", "wal, FULL", true, List.of(
                new CommitRates.Phase(1, 1, 3_000, SECOND, -1),
                new CommitRates.Phase(1, 4, 3_000, SECOND, -1),
                new CommitRates.Phase(2, 1, 1_500, SECOND, -1)), "database is locked");
    }

    private static ConcurrentReport report(List<CommitRates> results) {
        return report(results, null);
    }

    private static ConcurrentReport report(List<CommitRates> results, FsyncRate after) {
        return new ConcurrentReport(ConcurrentReport.Scenario.GROUP_COMMIT, "FlushDB bench, group commit, test", MACHINE,
                "threads 1,4,16",
                "--scenario group-commit", "fsync-per-commit", "INSERT INTO c VALUES (?, ?)",
                new FsyncRate(512, false, 10_000, 2 * SECOND), new FsyncRate(512, true, 2_000, SECOND), after,
                "512-byte writes", null, results);
    }

    private static String row(Object... columns) {
        return String.format(ROW, columns);
    }

    @Test
    void phaseFigures() {
        CommitRates r = flushDb();
        CommitRates.Phase sixteen = r.phases().get(8);
        assertEquals(25_000, sixteen.commitsPerSecond(), 1e-9);
        assertEquals(12.5, sixteen.commitsPerFsync().getAsDouble(), 1e-9);
        assertEquals(2_000, sixteen.logFsyncsPerSecond().getAsDouble(), 1e-9);
        assertEquals(5.0, r.ratioInRound(sixteen).getAsDouble(), 1e-9); // / round 3's 5,000
        assertEquals(640_000, sixteen.meanNanos(), 1e-6); // 16 threads x 2 s / 50,000 commits
        assertTrue(new CommitRates.Phase(1, 4, 100, SECOND, -1).commitsPerFsync().isEmpty());
    }

    @Test
    void summariesTakeMediansOverRoundsAndTotalsForFsyncs() {
        List<CommitRates.Summary> s = flushDb().summaries();
        assertEquals(List.of(1, 4, 16), s.stream().map(CommitRates.Summary::threads).toList());
        CommitRates.Summary sixteen = s.get(2);
        assertEquals(3, sixteen.rounds().size());
        assertEquals(16_000, sixteen.medianPerSecond(), 1e-9);
        assertEquals(5.0, sixteen.overFirst().getAsDouble(), 1e-9);
        assertEquals(1_000_000, sixteen.meanNanos(), 1e-6); // 16 threads / 16,000 commits/s
        assertEquals(2_000, sixteen.medianLogFsyncsPerSecond().getAsDouble(), 1e-9);
        // totals: 78,000 commits in 4 s, 7,000 fsyncs
        assertEquals(78_000, sixteen.total().commits());
        assertEquals(4 * SECOND, sixteen.total().elapsedNanos());
        assertEquals(7_000, sixteen.total().logFsyncs());
        assertEquals(78.0 / 7, sixteen.total().commitsPerFsync().getAsDouble(), 1e-9);
        assertEquals(2.5, s.get(1).overFirst().getAsDouble(), 1e-9);
        assertEquals(1.0, s.get(0).overFirst().getAsDouble(), 1e-9);

        List<CommitRates.Summary> partial = sqlite().summaries();
        assertEquals(2, partial.get(0).rounds().size());
        assertEquals(2_250, partial.get(0).medianPerSecond(), 1e-9); // mean of 3,000 and 1,500
        assertEquals(1, partial.get(1).rounds().size());
        assertEquals(-1, partial.get(1).total().logFsyncs());
        assertTrue(partial.get(1).medianLogFsyncsPerSecond().isEmpty());
    }

    @Test
    void theFirstThreadCountIsTheBaseOfTheRatios() {
        CommitRates r = new CommitRates("flushdb", "FlushDB 1.0", "", "", true, List.of(
                new CommitRates.Phase(1, 4, 8_000, SECOND, 2_000),
                new CommitRates.Phase(1, 1, 4_000, SECOND, 4_000)), null);
        assertEquals(4, r.firstThreads());
        assertEquals(0.5, r.summaries().get(1).overFirst().getAsDouble(), 1e-9);
        String text = report(List.of(r)).text();
        assertTrue(text.contains("x/4 threads"), text);
        assertTrue(text.contains("4-thread commits/s in round r"), text);
    }

    @Test
    void tableShowsMediansAndRatiosToOneThreadAndToTheRawFsyncRate() {
        String text = report(List.of(flushDb(), sqlite())).text();
        // raw force(false): 10,000 in 2 s = 5,000/s
        assertTrue(text.contains("5,000 /s"), text);
        assertTrue(text.contains(row("target", "threads", "rounds", "commits/s", "mean us", "log fsyncs/s",
                "commits/fsync", "x/1 thread", "x/raw fsync")), text);
        // 16 threads / 16,000 commits/s = 1,000 us; 78,000 / 7,000 = 11.14; 16,000 / 5,000 = 3.20
        assertTrue(text.contains(row("flushdb", 16, 3, "16,000", "1,000", "2,000", "11.14", "5.00", "3.20")), text);
        // 4 threads / 10,000 commits/s = 400 us; fsyncs/s 3,000, 1,000, 2,000; 27,000 / 6,000 = 4.50
        assertTrue(text.contains(row("flushdb", 4, 3, "10,000", "400.0", "2,000", "4.50", "2.50", "2.00")), text);
        assertTrue(text.contains(row("flushdb", 1, 3, "4,000", "250.0", "4,000", "1.00", "1.00", "0.80")), text);
        // sqlite, 1 thread / 2,250 commits/s (the mean of its two rounds) = 444.4 us; 2,250 / 5,000 = 0.45
        assertTrue(text.contains(row("sqlite", 1, 2, "2,250", "444.4", "n/a", "n/a", "1.00", "0.45")), text);
        assertTrue(text.contains(row("sqlite", 4, 1, "3,000", "1,333", "n/a", "n/a", "1.00", "0.60")), text);
        assertTrue(text.contains("sqlite       failed: database is locked"), text);
        // per round: each phase with its ratio within the round; a phase that did not run is '-'
        assertTrue(text.contains(String.format("%-12s %7s %16s %16s %16s", "flushdb", 3, "5,000 (1.00)",
                "10,000 (2.00)", "25,000 (5.00)")), text);
        assertTrue(text.contains(String.format("%-12s %7s %16s %16s %16s", "sqlite", 2, "1,500 (1.00)", "-", "-")),
                text);
        assertTrue(text.contains("x/1 thread = median over the rounds of (commits/s in round r / the same target's"
                + " 1-thread commits/s in round r)"), text);
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
    void csvHasOneLinePerPhaseThenOneSummaryLinePerThreadCount() {
        String[] lines = report(List.of(flushDb())).csv().split("\n");
        assertEquals(1 + 9 + 3, lines.length);
        assertTrue(lines[0].startsWith("scenario,target,status,row,round,rounds,threads,commits,elapsed_s,"
                + "commits_per_s,mean_us,log_fsyncs,log_fsyncs_per_s,commits_per_fsync,ratio_over_first_threads,"
                + "first_threads,raw_fsyncs_per_s,ratio_over_raw_fsync,"), lines[0]);
        assertTrue(lines[9].startsWith("group-commit,flushdb,ok,round,3,,16,50000,2.000,25000.0,640.000,4000,"
                + "2000.0,12.500,5.0000,1,5000.0,5.0000,,,,,,,fsync-per-commit,"), lines[9]);
        assertTrue(lines[12].startsWith("group-commit,flushdb,ok,summary,,3,16,78000,4.000,16000.0,1000.000,7000,"
                + "2000.0,11.143,5.0000,1,5000.0,3.2000,"), lines[12]);
        String[] failed = report(List.of(new CommitRates("h2", "", "", "", true, List.of(), "no driver")))
                .csv().split("\n");
        assertEquals(2, failed.length);
        assertTrue(failed[1].startsWith("group-commit,h2,failed,,,,,,,,,,,,,,5000.0,,,,,,,,fsync-per-commit,"),
                failed[1]);
        assertTrue(failed[1].endsWith(",no driver"), failed[1]);
    }

    @Test
    void ratiosToTheRawRateUseTheMeanOfBeforeAndAfter() {
        // before 5,000/s, after 7,000/s: 16 threads at a median 16,000 commits/s is 16,000 / 6,000 = 2.67
        ConcurrentReport r = report(List.of(flushDb()), new FsyncRate(512, false, 7_000, SECOND));
        assertEquals(6_000, r.rawFsyncPerSecond().getAsDouble(), 1e-9);
        String text = r.text();
        assertTrue(text.contains("the mean of the two force(false) rates: 6,000 /s"), text);
        assertTrue(text.contains(row("flushdb", 16, 3, "16,000", "1,000", "2,000", "11.14", "5.00", "2.67")), text);
    }

    private static final String BANK_ROW = "%-12s %7s %6s %12s %9s %10s %10s %13s %14s %12s %10s %12s";

    /**
     * Bank transfers, two rounds of 1 and 4 threads. Transfers/s: 1 thread 1,000, 2,000 (median
     * 1,500); 4 threads 3,000, 5,000 (median 4,000; ratios 3, 2.5: median 2.75). Over the rounds
     * with 4 threads: 8,000 transfers, 50 retries (6.25 per 1,000), 80 short (10 per 1,000),
     * 2,000 log fsyncs (4 transfers each).
     */
    private static CommitRates bankFlushDb() {
        return new CommitRates("flushdb", "FlushDB 1.0", "embedded, in-process", "flush=1", true,
                "isolation REPEATABLE READ; both rows locked with SELECT ... FOR UPDATE, in random order", List.of(
                        new CommitRates.Phase(1, 1, 1_000, SECOND, 1_000, 0, 10),
                        new CommitRates.Phase(1, 4, 3_000, SECOND, 1_000, 30, 30),
                        new CommitRates.Phase(2, 1, 2_000, SECOND, 2_000, 0, 20),
                        new CommitRates.Phase(2, 4, 5_000, SECOND, 1_000, 20, 50)), null);
    }

    /**
     * No fsync count. 1 thread 3,000 in both rounds; 4 threads 3,000, 2,200 (median 2,600;
     * ratios 1, 0.733: median 0.867); 16 threads in round 1 only, which flushdb never ran.
     */
    private static CommitRates bankSqlite() {
        return new CommitRates("sqlite", "SQLite 3", "embedded, in-process", "wal, FULL", true,
                "isolation SERIALIZABLE (the connection's default: the driver does not support REPEATABLE READ)",
                List.of(new CommitRates.Phase(1, 1, 3_000, SECOND, -1, 0, 0),
                        new CommitRates.Phase(1, 4, 3_000, SECOND, -1, 6, 3),
                        new CommitRates.Phase(1, 16, 1_000, SECOND, -1, 0, 0),
                        new CommitRates.Phase(2, 1, 3_000, SECOND, -1, 0, 0),
                        new CommitRates.Phase(2, 4, 2_200, SECOND, -1, 4, 2)), null);
    }

    private static ConcurrentReport bankReport(List<CommitRates> results) {
        return new ConcurrentReport(ConcurrentReport.Scenario.BANK, "FlushDB bench, bank transfers, test", MACHINE,
                "threads 1,4", "--scenario bank", "fsync-per-commit", "one transfer per transaction",
                new FsyncRate(512, false, 10_000, 2 * SECOND), null, null, "512-byte writes", null, results);
    }

    private static String bankRow(Object... columns) {
        return String.format(BANK_ROW, columns);
    }

    @Test
    void bankTableShowsRetriesShortTransfersAndRatiosToFlushDbAtTheSameThreadCount() {
        String text = bankReport(List.of(bankFlushDb(), bankSqlite())).text();
        assertTrue(text.contains("bank: one transfer per transaction\n"), text);
        assertTrue(text.contains(bankRow("target", "threads", "rounds", "transfers/s", "mean us", "retries/1k",
                "short/1k", "log fsyncs/s", "commits/fsync", "x/1 thread", "x/flushdb", "x/raw fsync")), text);
        // 1 thread / 1,500 transfers/s = 666.7 us; 30 short of 3,000; 1,500 / 5,000 raw = 0.30
        assertTrue(text.contains(bankRow("flushdb", 1, 2, "1,500", "666.7", "0.0", "10.0", "1,500", "1.00", "1.00",
                "1.00", "0.30")), text);
        assertTrue(text.contains(bankRow("flushdb", 4, 2, "4,000", "1,000", "6.3", "10.0", "1,000", "4.00", "2.75",
                "1.00", "0.80")), text);
        // x/flushdb: 3,000 / 1,500 = 2.00 with one thread; 2,600 / 4,000 = 0.65 with four
        assertTrue(text.contains(bankRow("sqlite", 1, 2, "3,000", "333.3", "0.0", "0.0", "n/a", "n/a", "1.00", "2.00",
                "0.60")), text);
        // 10 retries and 5 short of 5,200 transfers: 1.9 and 1.0 per 1,000
        assertTrue(text.contains(bankRow("sqlite", 4, 2, "2,600", "1,538", "1.9", "1.0", "n/a", "n/a", "0.87", "0.65",
                "0.52")), text);
        // flushdb has no 16-thread figure to divide by
        assertTrue(text.contains(bankRow("sqlite", 16, 1, "1,000", "16,000", "0.0", "0.0", "n/a", "n/a", "0.33", "n/a",
                "0.20")), text);
        assertTrue(text.contains("x/flushdb = this target's transfers/s (the median over its rounds) / flushdb's"
                + " transfers/s (the median over its rounds) at the same thread count; above 1 the target is faster."),
                text);
        assertTrue(text.contains("x/1 thread = median over the rounds of (transfers/s in round r / the same target's"
                + " 1-thread transfers/s in round r)"), text);
        assertTrue(text.contains("workload: isolation REPEATABLE READ; both rows locked with SELECT ... FOR UPDATE"),
                text);
        assertTrue(text.contains("workload: isolation SERIALIZABLE (the connection's default"), text);
        // the group-commit table has none of these columns
        String groupCommit = report(List.of(flushDb())).text();
        assertFalse(groupCommit.contains("x/flushdb"), groupCommit);
        assertFalse(groupCommit.contains("retries/1k"), groupCommit);
        assertFalse(groupCommit.contains("workload:"), groupCommit);
    }

    @Test
    void bankCsvNamesTheScenarioAndCarriesRetriesShortTransfersAndTheRatioToFlushDb() {
        String[] lines = bankReport(List.of(bankFlushDb(), bankSqlite())).csv().split("\n");
        assertEquals(1 + 4 + 2 + 5 + 3, lines.length);
        assertTrue(lines[2].startsWith("bank,flushdb,ok,round,1,,4,3000,1.000,3000.0,1333.333,1000,1000.0,3.000,"
                + "3.0000,1,5000.0,0.6000,30,30,10.000,10.000,flushdb,,fsync-per-commit,"), lines[2]);
        assertTrue(lines[14].startsWith("bank,sqlite,ok,summary,,1,16,1000,1.000,1000.0,16000.000,,,,0.3333,1,"
                + "5000.0,0.2000,0,0,0.000,0.000,flushdb,,"), lines[14]);
        assertTrue(lines[13].startsWith("bank,sqlite,ok,summary,,2,4,5200,2.000,2600.0,1538.462,,,,0.8667,1,"
                + "5000.0,0.5200,10,5,1.923,0.962,flushdb,0.6500,"), lines[13]);
        assertTrue(lines[13].endsWith(",isolation SERIALIZABLE (the connection's default: the driver does not support"
                + " REPEATABLE READ),"), lines[13]);
    }

    @Test
    void bankResultsKeepRetriesShortTransfersAndNotesThroughTheChildFile() throws Exception {
        StringWriter out = new StringWriter();
        bankFlushDb().store(out);
        assertEquals(bankFlushDb(), CommitRates.load(new StringReader(out.toString())));
        CommitRates.Phase total = bankFlushDb().summaries().get(1).total();
        assertEquals(50, total.retries());
        assertEquals(80, total.declined());
        assertEquals(6.25, total.retriesPerThousand().getAsDouble(), 1e-9);
    }
}
