package io.flushdb.driver.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell over real statements: output in the mysql client's form. */
class ShellSqlTest {

    /** Timings vary; the rest of the output must not. */
    private static String normalize(String out) {
        return out.replaceAll("\\(\\d+\\.\\d\\d sec\\)", "(T sec)").replace(System.lineSeparator(), "\n");
    }

    @Test
    void executeRunsEveryStatementAndPrintsTheirOutput() {
        ShellTest.Run r = ShellTest.run("", false, ShellTest.mem(), "-e",
                "CREATE DATABASE shop; USE shop; CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10)); "
                + "INSERT INTO t VALUES (1, 'apple'), (22, NULL); SELECT * FROM t ORDER BY id; "
                + "SELECT * FROM t WHERE id > 100");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertEquals(String.join("\n",
                "Query OK, 1 row affected (T sec)",
                "Database changed",
                "Query OK, 0 rows affected (T sec)",
                "Query OK, 2 rows affected (T sec)",
                "+----+-------+",
                "| id | name  |",
                "+----+-------+",
                "|  1 | apple |",
                "| 22 | NULL  |",
                "+----+-------+",
                "2 rows in set (T sec)",
                "Empty set (T sec)",
                ""), normalize(r.out()));
    }

    @Test
    void theFirstErrorStopsExecuteWithStatusOne() {
        ShellTest.Run r = ShellTest.run("", false, ShellTest.mem(), "-e",
                "CREATE DATABASE shop; SELECT * FROM shop.missing; CREATE DATABASE never");
        assertEquals(1, r.status());
        assertEquals("ERROR 1146 (42S02): Table 'shop.missing' doesn't exist\n", normalize(r.err()));
        assertEquals("Query OK, 1 row affected (T sec)\n", normalize(r.out()));
    }

    @Test
    void aDataDirectoryKeepsItsDataBetweenRuns(@TempDir Path dir) {
        String url = "jdbc:flushdb:" + dir + "?" + ShellTest.SMALL_POOL;
        assertEquals(0, ShellTest.run("", false, url, "-e",
                "CREATE DATABASE d; CREATE TABLE d.t (id INT PRIMARY KEY); INSERT INTO d.t VALUES (7)").status());
        ShellTest.Run r = ShellTest.run("SELECT id FROM d.t;\n", false, url);
        assertEquals(0, r.status(), r.err());
        assertTrue(normalize(r.out()).contains("|  7 |\n+----+\n1 row in set (T sec)"), r.out());
    }
}
