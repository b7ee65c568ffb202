package io.flushdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReportTest {

    /** ops/s = operations × 1e9 / elapsed: 100,000 ops in 1 s is 100,000 ops/s. */
    private static RunResult ok(String workload, String target, long opsPerSecond, boolean asRequested) {
        LatencySummary l = new LatencySummary(100_000, 100_000L * 1_000_000_000L / opsPerSecond,
                1e9 / opsPerSecond, 8_000, 25_500, 1_000_000);
        return new RunResult(workload, target, target.toUpperCase() + " 1.0", "embedded, in-process",
                "fsync per commit", asRequested, l, null);
    }

    private static RunResult failed(String workload, String target, String why) {
        return RunResult.failed(workload, target, "", "", "", true, why);
    }

    private static Report report(String baseline, List<RunResult> results) {
        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("insert-autocommit", "one INSERT per transaction");
        operations.put("point-select", "one SELECT by primary key");
        MachineFacts machine =
                new MachineFacts("17", "Linux", 2, "cpu", 1024, "ext4", List.of("-Xmx1g"), 0.5);
        return new Report("FlushDB bench, test", machine, "warm-up 1 + timed 2", "--ops 2", "default",
                baseline, operations, results);
    }

    @Test
    void ratiosAgainstTheBaselineOfTheSameWorkload() {
        List<RunResult> rows = List.of(ok("w", "flushdb", 20_000, true), ok("w", "h2", 50_000, true));
        assertEquals(2.5, Ratios.targetOverBaseline(rows.get(1), rows, "flushdb").getAsDouble(), 1e-9);
        assertEquals(0.4, Ratios.baselineOverTarget(rows.get(1), rows, "flushdb").getAsDouble(), 1e-9);
        assertEquals(1.0, Ratios.targetOverBaseline(rows.get(0), rows, "flushdb").getAsDouble(), 1e-9);
    }

    @Test
    void noRatioWhenTheBaselineFailedOrIsAbsent() {
        List<RunResult> rows =
                List.of(failed("w", "flushdb", "No suitable driver"), ok("w", "h2", 50_000, true));
        assertEquals(OptionalDouble.empty(), Ratios.targetOverBaseline(rows.get(1), rows, "flushdb"));
        assertEquals(OptionalDouble.empty(), Ratios.baselineOverTarget(rows.get(1), rows, "sqlite"));
        assertEquals(OptionalDouble.empty(), Ratios.targetOverBaseline(rows.get(0), rows, "h2"));
    }

    @Test
    void tableShowsRatesRatiosAndFailures() {
        String text = report("flushdb", List.of(
                ok("insert-autocommit", "flushdb", 20_000, true),
                ok("insert-autocommit", "h2", 50_000, false),
                failed("insert-autocommit", "sqlite", "database is locked"),
                ok("point-select", "flushdb", 100_000, true),
                ok("point-select", "h2", 25_000, false))).text();

        assertTrue(text.contains("insert-autocommit: one INSERT per transaction\n"), text);
        assertTrue(text.contains(
                "target              ops/s   mean us    p50 us    p99 us   x/flushdb   flushdb/x\n"), text);
        assertTrue(text.contains(
                "flushdb            20,000      50.0      8.00      25.5        1.00        1.00\n"), text);
        assertTrue(text.contains(
                "h2 (!)             50,000      20.0      8.00      25.5        2.50        0.40\n"), text);
        assertTrue(text.contains("sqlite       failed: database is locked\n"), text);
        assertTrue(text.contains(
                "h2 (!)             25,000      40.0      8.00      25.5        0.25        4.00\n"), text);
        assertTrue(text.contains("(!) not the requested durability"), text);
    }

    @Test
    void everyTableRowHasTheHeaderWidth() {
        String text = report("flushdb", List.of(ok("insert-autocommit", "flushdb", 1_234_567, true),
                ok("insert-autocommit", "hsqldb", 3, true))).text();
        String[] lines = text.split("\n");
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (header < 0 && lines[i].startsWith("target ")) {
                header = i;
            }
        }
        assertEquals(lines[header].length(), lines[header + 1].length(), lines[header + 1]);
        assertEquals(lines[header].length(), lines[header + 2].length(), lines[header + 2]);
    }

    @Test
    void targetsBlockDescribesAFailedTargetOnce() {
        String text = report("flushdb", List.of(failed("insert-autocommit", "flushdb", "No suitable driver"),
                failed("point-select", "flushdb", "No suitable driver"),
                ok("insert-autocommit", "h2", 5, true))).text();
        assertEquals(1, text.split("  flushdb   failed: No suitable driver", -1).length - 1, text);
        assertTrue(text.contains("  h2        H2 1.0; embedded, in-process\n"), text);
        assertTrue(text.contains("            durability: fsync per commit\n"), text);
        assertFalse(text.contains("(!)"), text);
    }

    @Test
    void csvHasOneLinePerRunAndQuotesFields() {
        String csv = report("flushdb", List.of(ok("insert-autocommit", "flushdb", 20_000, true),
                failed("insert-autocommit", "sqlite", "near \"x\": syntax error, code 1"))).csv();
        String[] lines = csv.split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("workload,target,status,ops_per_s,"), lines[0]);
        assertTrue(lines[1].startsWith("insert-autocommit,flushdb,ok,20000.0,50.000,8.000,25.500,1000.000,"
                + "100000,5.000,flushdb,1.0000,1.0000,default,"), lines[1]);
        assertTrue(lines[2].startsWith("insert-autocommit,sqlite,failed,,,,,,,,flushdb,,,default,"),
                lines[2]);
        assertTrue(lines[2].endsWith(",\"near \"\"x\"\": syntax error, code 1\""), lines[2]);
    }

    @Test
    void csvFieldQuoting() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("", Csv.field(null));
    }

    @Test
    void microsecondFormatting() {
        assertEquals("7.57", Report.micros(7_570));
        assertEquals("25.5", Report.micros(25_500));
        assertEquals("1,228", Report.micros(1_228_000));
        assertEquals("n/a", Report.ratio(OptionalDouble.empty()));
        assertEquals("14.32", Report.ratio(OptionalDouble.of(14.3215)));
        assertEquals("0.070", Report.ratio(OptionalDouble.of(0.0698)));
    }

    @Test
    void runResultSurvivesTheTripToTheParentJvm() throws Exception {
        RunResult original = ok("point-select", "sqlite", 111_439, false);
        RunResult failure =
                failed("point-select", "flushdb", "No suitable driver found for jdbc:flushdb:<datadir>");
        for (RunResult r : List.of(original, failure)) {
            StringWriter out = new StringWriter();
            r.store(out);
            assertEquals(r, RunResult.load(new StringReader(out.toString())));
        }
    }
}
