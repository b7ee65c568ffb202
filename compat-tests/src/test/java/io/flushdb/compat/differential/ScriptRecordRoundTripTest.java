package io.flushdb.compat.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing scripts back (what record mode does), and the marking rules of record mode; no server. */
class ScriptRecordRoundTripTest {

    @Test
    void parseThenWriteGivesBackTheSameText() {
        String text = String.join("\n",
                "# Covers: round trip.",
                "",
                "-- mariadb-differs: MariaDB types integer literals as INT",
                "-- ordered",
                "SELECT 1 AS a,",
                "       'x' AS b;",
                "-- result",
                "a:BIGINT\tb:VARCHAR",
                "1\tx",
                "-- end",
                "-- mariadb result",
                "a:INT\tb:VARCHAR",
                "1\tx",
                "-- end",
                "UPDATE t SET a = 1;",
                "-- ok 2",
                "DROP TABLE nope;",
                "-- error 1051 42S02",
                "SELECT 2;",
                "");
        assertEquals(text, ScriptWriter.write(ScriptParser.parse("a/b.test", text)));
    }

    @Test
    void recordedOutcomesSurviveWriteAndParse() {
        Script script = ScriptParser.parse("a/b.test", "SELECT v FROM t;\nINSERT INTO t VALUES (1);\n");
        Outcome.ResultTable awkward = new Outcome.ResultTable(
                List.of(new Outcome.Column("v", "VARCHAR"), new Outcome.Column("w:x", "BIGINT UNSIGNED")),
                List.of(Arrays.asList(null, "1"), List.of("", "2"), List.of("NULL", "3"), List.of("(empty)", "4"),
                        List.of("tab\there", "5"), List.of("line\nbreak\\", "6"), List.of("trailing  ", "7"),
                        List.of("\u0001ctl", "8")));
        List<Outcome> recorded = List.of(awkward, new Outcome.Failure(1146, "42S02", "ignored message"));
        int[] next = {0};
        Script filled = script.mapStatements(statement -> statement.withExpected(recorded.get(next[0]++)));

        String written = ScriptWriter.write(filled);
        assertTrue(written.contains("\\NULL\t3"), written);
        assertTrue(written.contains("trailing \\x20\t7"), written);
        Script reread = ScriptParser.parse("a/b.test", written);
        assertEquals(awkward, reread.statements().get(0).expected());
        assertEquals(new Outcome.Failure(1146, "42S02", null), reread.statements().get(1).expected());
        assertEquals(written, ScriptWriter.write(reread));
    }

    @Test
    void cellTextRoundTrips() {
        for (String value : new String[] {null, "", "NULL", "(empty)", "\\N", "a\tb", "x ", " x", "\\x41", "é€"}) {
            assertEquals(value, CellText.decode(CellText.encode(value)), String.valueOf(value));
        }
        assertEquals("NULL", CellText.encodeLabel("NULL"));
        assertEquals("NULL", CellText.decodeLabel("NULL"));
    }

    @Test
    void recordOnMariaDbFillsOnlyTheMariadbBlockOfAMarkedStatement() {
        Script script = ScriptParser.parse("a/b.test", String.join("\n",
                "-- mariadb-differs: MariaDB types integer literals as INT",
                "SELECT 1 AS a;",
                "-- result",
                "a:BIGINT",
                "1",
                "-- end",
                ""));
        ScriptStatement statement = script.statements().get(0);
        Outcome mariadb = table("a", "INT", "1");
        ScriptReport report = new ScriptReport(script);

        ScriptStatement recorded = ScriptRunner.recordOne(script, statement, mariadb, true, report);
        assertEquals(statement.expected(), recorded.expected()); // the hand-written MySQL block stays
        assertEquals(mariadb, recorded.mariadbExpected());
        assertTrue(report.passed());
    }

    @Test
    void recordOnMySqlNeverOverwritesAMarkedStatementButReportsDisagreement() {
        Script script = ScriptParser.parse("a/b.test",
                "-- mariadb-differs: reason\nSELECT 1 AS a;\n-- result\na:BIGINT\n1\n-- end\n");
        ScriptStatement statement = script.statements().get(0);
        ScriptReport report = new ScriptReport(script);

        ScriptStatement recorded = ScriptRunner.recordOne(script, statement, table("a", "INT", "1"), false, report);
        assertEquals(statement, recorded);
        assertEquals(1, report.referenceProblemCount());
    }

    @Test
    void recordOfAMarkedStatementWithoutMySqlBlockAsksForOne() {
        Script script = ScriptParser.parse("a/b.test", "-- mariadb-differs: reason\nSELECT 1 AS a;\n");
        ScriptReport report = new ScriptReport(script);
        ScriptStatement recorded = ScriptRunner.recordOne(script, script.statements().get(0), table("a", "INT", "1"),
                true, report);
        assertNull(recorded.expected());
        assertEquals(table("a", "INT", "1"), recorded.mariadbExpected());
        assertEquals(1, report.referenceProblemCount());
    }

    @Test
    void recordOfAnUnmarkedStatementWritesTheOutcomeWithoutMessage() {
        Script script = ScriptParser.parse("a/b.test", "DROP TABLE nope;\n-- ok 0\n");
        ScriptReport report = new ScriptReport(script);
        ScriptStatement recorded = ScriptRunner.recordOne(script, script.statements().get(0),
                new Outcome.Failure(1051, "42S02", "Unknown table"), true, report);
        assertEquals(new Outcome.Failure(1051, "42S02", null), recorded.expected());
        assertEquals(1, report.notes().size());
        assertTrue(report.notes().get(0).contains("a/b.test:1 changed outcome"), report.notes().get(0));
    }

    private static Outcome.ResultTable table(String label, String type, String value) {
        return new Outcome.ResultTable(List.of(new Outcome.Column(label, type)), List.of(List.of(value)));
    }
}
