package io.flushdb.driver.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineLease;
import io.flushdb.driver.engine.EngineLocation;
import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.driver.engine.StartupSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell run in-process with captured streams; exit statuses come back from {@code Shell.run}. */
class ShellTest {
    static final String SMALL_POOL = "innodb_buffer_pool_size=5M";

    /** Output, error output and status of one run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String input, boolean interactive, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Shell.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                interactive);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String mem() {
        return "jdbc:flushdb:mem:shell-" + UUID.randomUUID() + "?" + SMALL_POOL;
    }

    @Test
    void helpExitsZero() {
        Run r = run("", false, "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: java -jar flushdb.jar"), r.out());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, run("", false, "--frobnicate").status());
        assertEquals(2, run("", false, "-e").status());
        Run r = run("", false, "jdbc:flushdb:mem:a", "jdbc:flushdb:mem:b");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("more than one URL"), r.err());
    }

    @Test
    void aFailingStatementExitsOneWithMysqlsErrorLine() {
        Run r = run("", false, mem(), "-e", "SELEKT 1");
        assertEquals(1, r.status());
        assertTrue(r.err().matches("ERROR \\d{4} \\([0-9A-Z]{5}\\): .+\\R"), r.err());
    }

    @Test
    void aBadUrlPropertyExitsOne() {
        Run r = run("", false, "jdbc:flushdb:mem:x?nonsense=1", "-e", "SELECT 1");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Unknown connection property 'nonsense'"), r.err());
    }

    @Test
    void aDirectoryInUseElsewhereIsReported(@TempDir Path dir) throws Exception {
        EngineRegistry elsewhere = new EngineRegistry();
        try (EngineLease held = elsewhere.acquire(EngineLocation.directory(dir), StartupSettings.NONE)) {
            Run r = run("", false, dir.toString(), "-e", "SELECT 1");
            assertEquals(1, r.status());
            assertTrue(r.err().startsWith("ERROR 0 (08001): Cannot open the FlushDB database at "), r.err());
            assertTrue(r.err().contains("in use by another process"), r.err());
        }
    }

    @Test
    void interactiveSessionShowsPromptsAndGoesOnAfterErrors() {
        Run r = run("SELEKT\n  1;\nhelp\nSELEKT 2;\n\\q\n", true, mem());
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Welcome to the FlushDB shell."), r.out());
        assertTrue(r.out().contains("Server version: 8.0.36-FlushDB-"), r.out());
        assertTrue(r.out().contains("flushdb>     -> flushdb> "), "continuation prompt: " + r.out());
        assertTrue(r.out().contains("End each SQL statement with ;"), "help: " + r.out());
        assertEquals(2, r.err().lines().filter(l -> l.startsWith("ERROR ")).count(), r.err());
        assertTrue(r.out().endsWith("Bye\n") || r.out().endsWith("Bye" + System.lineSeparator()), r.out());
    }

    @Test
    void quoteAndCommentPromptsAndClear() {
        Run r = run("SELECT 'a\nb' /*\n*/ \\c\nexit\n", true, mem());
        assertEquals(0, r.status());
        assertTrue(r.out().contains("flushdb>     '> "), r.out());
        assertTrue(r.out().contains("   /*> "), r.out());
        assertEquals("", r.err(), "\\c dropped the statement unsent");
    }

    @Test
    void endOfInputEndsAnInteractiveSession() {
        Run r = run("", true, mem());
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Bye"));
    }

    @Test
    void pipedInputStopsAtTheFirstError() {
        Run r = run("SELEKT 1;\nSELEKT 2;\n", false, mem());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), "stopped after the first: " + r.err());
        assertFalse(r.out().contains("flushdb>"), "no prompts when not interactive");
        assertEquals(0, run("quit\nSELEKT 1;\n", false, mem()).status(), "quit ends the script first");
        assertEquals(0, run("-- only a comment\n", false, mem()).status());
    }

    @Test
    void numericTypesAreRightAligned() {
        assertTrue(Shell.isNumeric("INT UNSIGNED"));
        assertTrue(Shell.isNumeric("DECIMAL"));
        assertTrue(Shell.isNumeric("YEAR"));
        assertTrue(Shell.isNumeric("BIT"));
        assertFalse(Shell.isNumeric("VARCHAR"));
        assertFalse(Shell.isNumeric("DATETIME"));
    }
}
