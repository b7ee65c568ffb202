package io.flushdb.compat.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failing statement's report looks like; no server. */
class ProblemReportTest {

    private static final Script SCRIPT = ScriptParser.parse("dml/sample.test", String.join("\n",
            "# header",
            "INSERT INTO t VALUES (1, 'x');",
            "-- error 1062 23000",
            "SELECT id,",
            "       name FROM t ORDER BY id;",
            "-- result",
            "id:INT\tname:VARCHAR",
            "1\ta",
            "2\tb",
            "-- end",
            ""));

    @Test
    void errorMismatchShowsLocationStatementBothBlocksAndTheServerMessage() {
        ScriptStatement insert = SCRIPT.statements().get(0);
        String report = ScriptRunner.problem(SCRIPT, insert, "FlushDB vs MySQL 8.0 outcome", insert.expected(),
                new Outcome.UpdateCount(1));
        assertEquals(String.join("\n",
                "dml/sample.test:2 [FlushDB vs MySQL 8.0 outcome]",
                "    INSERT INTO t VALUES (1, 'x');",
                "  expected:",
                "    -- error 1062 23000",
                "  actual:",
                "    -- ok 1",
                "  expected error 1062 (23000), got update count 1"), report);

        String wrongError = ScriptRunner.problem(SCRIPT, insert, "FlushDB", insert.expected(),
                new Outcome.Failure(1064, "42000", "You have an error in your SQL syntax"));
        assertTrue(wrongError.contains("    -- error 1064 42000    (You have an error in your SQL syntax)"), wrongError);
    }

    @Test
    void resultMismatchShowsARowDiffUnderTheMultiLineStatement() {
        ScriptStatement select = SCRIPT.statements().get(1);
        Outcome actual = new Outcome.ResultTable(select.expected() instanceof Outcome.ResultTable table
                ? table.columns() : List.of(), List.of(List.of("1", "a"), List.of("2", "B")));
        String report = ScriptRunner.problem(SCRIPT, select, "FlushDB", select.expected(), actual);
        assertTrue(report.startsWith("dml/sample.test:4 [FlushDB]\n    SELECT id,\n           name FROM t ORDER BY id;\n"),
                report);
        assertTrue(report.contains("\n        1\ta\n      - 2\tb\n      + 2\tB"), report);
    }

    @Test
    void agreementIsNoProblem() {
        ScriptStatement insert = SCRIPT.statements().get(0);
        assertNull(ScriptRunner.problem(SCRIPT, insert, "x", insert.expected(), new Outcome.Failure(1062, "23000", "dup")));
    }
}
