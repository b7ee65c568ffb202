package io.flushdb.compat.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script format as {@code docs/compat/differential.md} describes it; needs no server. */
class ScriptParserTest {

    private static final String SAMPLE = String.join("\n",
            "# Covers: a sample.",
            "",
            "CREATE TABLE t (",
            "  id INT PRIMARY KEY,",
            "  name VARCHAR(20)",
            ");",
            "-- ok 0",
            "SELECT id, name FROM t ORDER BY id;",
            "-- result",
            "id:INT\tname:VARCHAR",
            "1\ta",
            "2\tNULL",
            "3\t(empty)",
            "-- end",
            "INSERT INTO t VALUES (1, 'x');",
            "-- error 1062 23000",
            "-- unordered",
            "SELECT name FROM t;",
            "");

    @Test
    void parsesStatementsOutcomesAndComments() {
        Script script = ScriptParser.parse("query/sample.test", SAMPLE);
        assertEquals("query", script.area());
        List<ScriptStatement> statements = script.statements();
        assertEquals(4, statements.size());

        ScriptStatement create = statements.get(0);
        assertEquals(3, create.line());
        assertEquals("CREATE TABLE t (\n  id INT PRIMARY KEY,\n  name VARCHAR(20)\n)", create.executableSql());
        assertEquals(new Outcome.UpdateCount(0), create.expected());

        Outcome.ResultTable table = assertInstanceOf(Outcome.ResultTable.class, statements.get(1).expected());
        assertEquals(List.of(new Outcome.Column("id", "INT"), new Outcome.Column("name", "VARCHAR")), table.columns());
        assertEquals(List.of(List.of("1", "a"), Arrays.asList("2", null), List.of("3", "")), table.rows());
        assertEquals(RowOrder.ORDERED, statements.get(1).rowOrder());

        Outcome.Failure failure = assertInstanceOf(Outcome.Failure.class, statements.get(2).expected());
        assertEquals(1062, failure.errorCode());
        assertEquals("23000", failure.sqlState());

        ScriptStatement unrecorded = statements.get(3);
        assertNull(unrecorded.expected());
        assertEquals(RowOrder.UNORDERED, unrecorded.orderDirective());
        assertTrue(script.entries().get(0) instanceof Script.Text text && text.line().startsWith("# Covers"));
    }

    @Test
    void parsesMarkedDifferenceWithBothBlocks() {
        Script script = ScriptParser.parse("types/x.test", String.join("\n",
                "-- mariadb-differs: MariaDB types integer literals as INT, MySQL 8.0 as BIGINT",
                "SELECT 1 AS one;",
                "-- result",
                "one:BIGINT",
                "1",
                "-- end",
                "-- mariadb result",
                "one:INT",
                "1",
                "-- end",
                ""));
        ScriptStatement statement = script.statements().get(0);
        assertTrue(statement.marked());
        assertEquals(List.of(new Outcome.Column("one", "BIGINT")),
                ((Outcome.ResultTable) statement.expectationFor(false)).columns());
        assertEquals(List.of(new Outcome.Column("one", "INT")),
                ((Outcome.ResultTable) statement.expectationFor(true)).columns());
    }

    @Test
    void unmarkedStatementUsesTheMySqlBlockOnEveryReference() {
        ScriptStatement statement = ScriptParser.parse("a/b.test", "DELETE FROM t;\n-- ok 3\n").statements().get(0);
        assertEquals(new Outcome.UpdateCount(3), statement.expectationFor(true));
        assertEquals(new Outcome.UpdateCount(3), statement.expectationFor(false));
    }

    @Test
    void rejectsMalformedScripts() {
        assertFormatError("SELECT 1\n", "does not end with ';'");
        assertFormatError("SELECT 1;\n-- mariadb ok 0\n", "needs a '-- mariadb-differs");
        assertFormatError("SELECT 1;\n-- result\na:INT\n1\t2\n-- end\n", "row has 2 values");
        assertFormatError("SELECT 1;\n-- result\na:INT\n1\n", "no '-- end'");
        assertFormatError("-- orderd\nSELECT 1;\n", "unknown directive");
        assertFormatError("-- ordered\n\nSELECT 1;\n", "followed at once");
        assertFormatError("-- ok 1\n", "without a statement");
        assertFormatError("SELECT 1;\n-- ok 1\n-- ok 2\n", "unexpected outcome block");
        assertFormatError("SELECT 1;\n-- result\nnotype\n-- end\n", "is not label:TYPE");
    }

    @Test
    void reportsTheLineOfAFormatError() {
        ScriptFormatException error = assertThrows(ScriptFormatException.class,
                () -> ScriptParser.parse("dml/x.test", "# header\nSELECT 1;\n-- result\na:INT\n1\t2\n-- end\n"));
        assertTrue(error.getMessage().startsWith("dml/x.test:5: "), error.getMessage());
    }

    private static void assertFormatError(String text, String expectedFragment) {
        ScriptFormatException error = assertThrows(ScriptFormatException.class, () -> ScriptParser.parse("t.test", text));
        assertTrue(error.getMessage().contains(expectedFragment), error.getMessage());
    }

    @Test
    void sessionCommandsAndProgressBlocksRoundTrip() {
        String text = String.join("\n",
                "connection b;",
                "send UPDATE t SET n = 1 WHERE id = 1;",
                "-- blocked",
                "-- mariadb-differs: a reason",
                "send UPDATE t SET n = 2 WHERE id = 2;",
                "-- not blocked",
                "-- mariadb blocked",
                "reap;",
                "-- ok 1",
                "");
        Script script = ScriptParser.parse("concurrency/sample.test", text);
        List<ScriptStatement> statements = script.statements();
        assertTrue(ScriptSessions.isCommand(statements.get(0)));
        assertNull(statements.get(0).expected());
        assertTrue(ScriptSessions.isCommand(statements.get(1)));
        assertEquals(new Outcome.Progress(true), statements.get(1).expected());
        assertEquals(new Outcome.Progress(false), statements.get(2).expected());
        assertEquals(new Outcome.Progress(true), statements.get(2).mariadbExpected());
        assertTrue(ScriptSessions.isCommand(statements.get(3)));
        assertEquals(new Outcome.UpdateCount(1), statements.get(3).expected());
        assertEquals(text, ScriptWriter.write(script));
        assertNull(OutcomeComparison.difference(new Outcome.Progress(true), new Outcome.Progress(true), RowOrder.UNORDERED));
        assertTrue(OutcomeComparison.difference(new Outcome.Progress(true), new Outcome.Progress(false), RowOrder.UNORDERED)
                .contains("not blocked"));
    }

    @Test
    void warningCodesFollowTheirBlockAndRoundTrip() {
        String text = String.join("\n",
                "INSERT INTO t VALUES ('x');",
                "-- ok 1",
                "-- warnings 1366 1265",
                "-- mariadb-differs: a reason",
                "SELECT 1 / 0 AS q;",
                "-- result",
                "q:DECIMAL",
                "NULL",
                "-- end",
                "-- warnings 1365",
                "-- mariadb result",
                "q:DECIMAL",
                "NULL",
                "-- end",
                "");
        Script script = ScriptParser.parse("types/sample.test", text);
        List<ScriptStatement> statements = script.statements();
        assertEquals(new Outcome.UpdateCount(1, List.of(1366, 1265)), statements.get(0).expected());
        Outcome.ResultTable mysql = assertInstanceOf(Outcome.ResultTable.class, statements.get(1).expected());
        assertEquals(List.of(1365), mysql.warnings());
        Outcome.ResultTable mariadb = assertInstanceOf(Outcome.ResultTable.class, statements.get(1).mariadbExpected());
        assertEquals(List.of(), mariadb.warnings());
        assertEquals(text, ScriptWriter.write(script));
        assertTrue(OutcomeComparison.difference(statements.get(0).expected(), new Outcome.UpdateCount(1),
                RowOrder.UNORDERED).contains("warnings: expected [1366, 1265], got none"));
        assertThrows(ScriptFormatException.class, () -> ScriptParser.parse("x.test", "SELECT 1;\n-- warnings 1\n"));
    }

    @Test
    void paramsDirectiveBindsTypedParametersAndRoundTrips() {
        String text = String.join("\n",
                "-- unordered",
                "-- params\tint:7\tstring:NULL\tstring:(empty)\tstring:a\\tb\\x20\tbytes:00ff\tnull:VARCHAR",
                "SELECT ?, ?, ?, ?, ?, ?;",
                "-- ok 0",
                "");
        Script script = ScriptParser.parse("dml/params.test", text);
        ScriptStatement statement = script.statements().get(0);
        assertEquals(List.of(
                new ScriptParameter(ScriptParameter.Kind.INT, "7"),
                new ScriptParameter(ScriptParameter.Kind.STRING, null),
                new ScriptParameter(ScriptParameter.Kind.STRING, ""),
                new ScriptParameter(ScriptParameter.Kind.STRING, "a\tb "),
                new ScriptParameter(ScriptParameter.Kind.BYTES, "00ff"),
                new ScriptParameter(ScriptParameter.Kind.NULL, "VARCHAR")), statement.parameters());
        assertEquals(text, ScriptWriter.write(script));
        assertTrue(ScriptParser.parse("x.test", "SELECT 1;\n").statements().get(0).parameters().isEmpty());

        assertFormatError("-- params\tinteger:1\nSELECT ?;\n", "unknown parameter kind 'integer'");
        assertFormatError("-- params\tint:NULL\nSELECT ?;\n", "use null:TYPE");
        assertFormatError("-- params\tnull:NOTATYPE\nSELECT ?;\n", "NOTATYPE");
        assertFormatError("-- params\tint\nSELECT ?;\n", "is not kind:value");
        assertFormatError("-- params\tint:1\n-- params\tint:2\nSELECT ?;\n", "two '-- params'");
    }
}
