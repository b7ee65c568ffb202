package io.flushdb.compat.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordered versus unordered comparison, and what a difference looks like; no server. */
class OutcomeComparisonTest {

    private static final List<Outcome.Column> COLUMNS =
            List.of(new Outcome.Column("id", "INT"), new Outcome.Column("name", "VARCHAR"));

    @Test
    void unorderedResultsCompareAsMultisets() {
        Outcome expected = rows("1|a", "2|b", "2|b");
        Outcome shuffled = rows("2|b", "1|a", "2|b");
        assertNull(OutcomeComparison.difference(expected, shuffled, RowOrder.UNORDERED));

        Outcome missingDuplicate = rows("2|b", "1|a", "3|c");
        String difference = OutcomeComparison.difference(expected, missingDuplicate, RowOrder.UNORDERED);
        assertTrue(difference.contains("- 2\tb"), difference);
        assertTrue(difference.contains("+ 3\tc"), difference);
    }

    @Test
    void orderedResultsCompareRowByRow() {
        Outcome expected = rows("1|a", "2|b", "3|c");
        Outcome swapped = rows("1|a", "3|c", "2|b");
        assertNull(OutcomeComparison.difference(expected, expected, RowOrder.ORDERED));
        String difference = OutcomeComparison.difference(expected, swapped, RowOrder.ORDERED);
        assertTrue(difference.startsWith("rows differ (ordered"), difference);
        assertTrue(difference.contains("    1\ta"), difference);
        assertTrue(difference.contains("- 2\tb") || difference.contains("- 3\tc"), difference);
    }

    @Test
    void columnTypesAndLabelsMustMatch() {
        Outcome expected = rows("1|a");
        Outcome widened = new Outcome.ResultTable(
                List.of(new Outcome.Column("id", "BIGINT"), new Outcome.Column("name", "VARCHAR")),
                List.of(List.of("1", "a")));
        String difference = OutcomeComparison.difference(expected, widened, RowOrder.UNORDERED);
        assertTrue(difference.contains("column 1: expected id:INT, got id:BIGINT"), difference);
    }

    @Test
    void errorsCompareCodeAndSqlStateButNotMessage() {
        Outcome expected = new Outcome.Failure(1062, "23000", null);
        assertNull(OutcomeComparison.difference(expected, new Outcome.Failure(1062, "23000", "Duplicate entry"),
                RowOrder.UNORDERED));
        String difference = OutcomeComparison.difference(expected, new Outcome.Failure(1064, "42000", "syntax"),
                RowOrder.UNORDERED);
        assertEquals("error: expected 1062 (23000), got 1064 (42000): syntax", difference);
        assertTrue(OutcomeComparison.difference(expected, new Outcome.UpdateCount(1), RowOrder.UNORDERED)
                .startsWith("expected error 1062 (23000), got update count 1"));
    }

    @Test
    void onlyATopLevelOrderByOrdersTheRows() {
        assertTrue(RowOrder.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a"));
        assertTrue(RowOrder.hasTopLevelOrderBy("select a from t\norder\n  by a desc limit 3"));
        assertTrue(RowOrder.hasTopLevelOrderBy("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1"));
        assertFalse(RowOrder.hasTopLevelOrderBy("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 2) d"));
        assertFalse(RowOrder.hasTopLevelOrderBy("SELECT a FROM t WHERE b = 'ORDER BY'"));
        assertFalse(RowOrder.hasTopLevelOrderBy("SELECT `order` FROM t -- ORDER BY x\n"));
        assertFalse(RowOrder.hasTopLevelOrderBy("SELECT a AS `ORDER BY` FROM t"));
        assertFalse(RowOrder.hasTopLevelOrderBy("SELECT border FROM t WHERE x IN (SELECT y FROM u ORDER BY y)"));
        assertEquals(RowOrder.UNORDERED, RowOrder.of("SELECT a FROM t ORDER BY a", RowOrder.UNORDERED));
        assertEquals(RowOrder.ORDERED, RowOrder.of("SELECT a FROM t", RowOrder.ORDERED));
    }

    /** A result with {@link #COLUMNS}; each row is written "id|name". */
    private static Outcome rows(String... rows) {
        return new Outcome.ResultTable(COLUMNS, Arrays.stream(rows).map(row -> List.of(row.split("\\|"))).toList());
    }
}
