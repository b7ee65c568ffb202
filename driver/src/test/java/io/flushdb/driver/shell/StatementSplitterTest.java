package io.flushdb.driver.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolons() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), StatementSplitter.split("SELECT 1; SELECT 2;"));
        assertEquals(List.of("SELECT 1", "SELECT 2"), StatementSplitter.split("SELECT 1;\n\nSELECT 2"), "the last needs no ;");
        assertEquals(List.of("SELECT 1"), StatementSplitter.split(";;SELECT 1;;  ;"), "empty statements are skipped");
        assertEquals(List.of(), StatementSplitter.split("   "));
    }

    @Test
    void semicolonsInQuotesAndBackticksDoNotSplit() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', \"c;d\")", "SELECT `x;y` FROM t"),
                StatementSplitter.split("INSERT INTO t VALUES ('a;b', \"c;d\"); SELECT `x;y` FROM t;"));
    }

    @Test
    void escapedAndDoubledQuotesStayInside() {
        assertEquals(List.of("SELECT 'it\\'s; fine'", "SELECT 'it''s; fine'", "SELECT `a``;b`"),
                StatementSplitter.split("SELECT 'it\\'s; fine'; SELECT 'it''s; fine'; SELECT `a``;b`;"));
        assertEquals(List.of("SELECT 'a\\\\'", "SELECT 2"), StatementSplitter.split("SELECT 'a\\\\'; SELECT 2;"),
                "an escaped backslash does not escape the quote");
        assertEquals(List.of("SELECT `a\\`", "SELECT 2"), StatementSplitter.split("SELECT `a\\`; SELECT 2;"),
                "backslash is not an escape in backticks");
    }

    @Test
    void commentsAreDroppedWithTheirSemicolons() {
        assertEquals(List.of("SELECT 1", "SELECT   2"),
                StatementSplitter.split("-- first; still a comment\nSELECT 1; # another; comment\nSELECT /* ; */ 2;"),
                "a block comment becomes one space");
        assertEquals(List.of("SELECT 1"), StatementSplitter.split("SELECT 1; -- trailing"));
        assertEquals(List.of("SELECT 5--3"), StatementSplitter.split("SELECT 5--3;"), "-- needs a space to start a comment");
        assertEquals(List.of("SELECT 1"), StatementSplitter.split("SELECT 1;--\n"), "-- at the end of a line is a comment");
    }

    @Test
    void hintsAndVersionCommentsAreKept() {
        assertEquals(List.of("SELECT /*+ NO_INDEX(t) */ 1", "SELECT /*!80000 2 */"),
                StatementSplitter.split("SELECT /*+ NO_INDEX(t) */ 1; SELECT /*!80000 2 */;"));
    }

    @Test
    void statementsSpanFedLines() {
        StatementSplitter s = new StatementSplitter();
        assertEquals(List.of(), s.feed("SELECT 'a\n"));
        assertEquals(StatementSplitter.State.SINGLE_QUOTE, s.state());
        assertTrue(s.hasPending());
        assertEquals(List.of(), s.feed("b' /* open\n"));
        assertEquals(StatementSplitter.State.BLOCK_COMMENT, s.state());
        assertEquals(List.of("SELECT 'a\nb'"), s.feed("close */;\n").stream().map(String::strip).toList());
        assertFalse(s.hasPending());
        assertEquals(StatementSplitter.State.NORMAL, s.state());
        s.feed("SELECT `x\n");
        assertEquals(StatementSplitter.State.BACKTICK, s.state());
        s.clear();
        assertFalse(s.hasPending());
        assertEquals(List.of("SELECT 1"), s.feed("SELECT 1;\n"));
    }
}
