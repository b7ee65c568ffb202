package io.flushdb.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.MySqlValues;
import io.flushdb.storage.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE, RENAME TABLE and CREATE TABLE ... SELECT beyond what the differential scripts
 * check: the refused actions, the plan cache, and the files after a reopen.
 */
class AlterTableTest {
    @TempDir
    Path dir;

    private static List<String> rows(StatementResult r) {
        List<String> out = new ArrayList<>();
        for (Object[] row : r.rows()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(i > 0 ? "|" : "").append(MySqlValues.toText(row[i], r.columns().get(i)));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static int code(Session s, String sql) {
        return assertThrows(MySqlException.class, () -> s.execute(sql)).code();
    }

    @Test
    void foreignKeysAreAddedCheckedAndDroppedWhileInlineReferencesAreIgnored() {
        try (SqlEngine engine = SqlEngine.open(EngineConfig.memory("alter-fk")); Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE p (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE c (id INT PRIMARY KEY, pid INT)");
            s.execute("INSERT INTO p VALUES (1)");
            s.execute("INSERT INTO c VALUES (1, 1), (2, 2)");
            assertEquals(1452, code(s, "ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id)"));
            s.execute("DELETE FROM c WHERE id = 2");
            s.execute("ALTER TABLE c ADD COLUMN x INT, ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id)");
            s.execute("ALTER TABLE c MODIFY pid INT REFERENCES p (id)");
            String fks = "SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE TABLE_NAME = 'c'";
            assertEquals(List.of("fk"), rows(s.execute(fks)));
            assertEquals(1452, code(s, "INSERT INTO c VALUES (3, 3, NULL)"));
            s.execute("ALTER TABLE c DROP FOREIGN KEY fk");
            assertEquals(List.of(), rows(s.execute(fks)));
            assertEquals(1091, code(s, "ALTER TABLE c DROP FOREIGN KEY fk"));
            s.execute("INSERT INTO c VALUES (3, 3, NULL)");
        }
    }

    @Test
    void preparedQueriesSeeTheNewDefinition() {
        try (SqlEngine engine = SqlEngine.open(EngineConfig.memory("alter-plans")); Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5))");
            s.execute("INSERT INTO t VALUES (1, 'a')");
            assertEquals(List.of("1|a"), rows(s.execute("SELECT * FROM t")));
            s.execute("ALTER TABLE t ADD COLUMN w INT DEFAULT 3, MODIFY v VARCHAR(10) NOT NULL");
            assertEquals(List.of("1|a|3"), rows(s.execute("SELECT * FROM t")));
            s.execute("ALTER TABLE t RENAME COLUMN w TO z");
            assertEquals(1054, code(s, "SELECT w FROM t"));
            assertEquals(List.of("3"), rows(s.execute("SELECT z FROM t")));
            s.execute("RENAME TABLE t TO u");
            assertEquals(1146, code(s, "SELECT * FROM t"));
            assertEquals(List.of("1|a|3"), rows(s.execute("SELECT * FROM u")));
        }
    }

    @Test
    void rebuiltAndRenamedTablesSurviveAReopen() {
        try (SqlEngine engine = SqlEngine.open(EngineConfig.directory(dir)); Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5), KEY v (v))");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            s.execute("ALTER TABLE t MODIFY v VARCHAR(20), ADD COLUMN n BIGINT NOT NULL");
            s.execute("ALTER TABLE t ADD UNIQUE (n, id)");
            s.execute("RENAME TABLE t TO moved");
            s.execute("CREATE TABLE copy SELECT id, v FROM moved WHERE id > 1");
            assertEquals(1062, code(s, "CREATE TABLE bad (PRIMARY KEY (n)) SELECT n FROM moved"));
        }
        assertTrue(Files.exists(dir.resolve("d/moved.ibd")));
        assertFalse(Files.exists(dir.resolve("d/t.ibd")));
        assertFalse(Files.exists(dir.resolve("d/bad.ibd")));
        try (Stream files = new Stream(dir.resolve("d"))) {
            assertEquals(List.of("copy.ibd", "moved.ibd"), files.names(), "no temporary file is left");
        }
        try (SqlEngine engine = SqlEngine.open(EngineConfig.directory(dir)); Session s = engine.newSession(null)) {
            s.execute("USE d");
            assertEquals(List.of("1|a|0", "2|b|0", "3|c|0"), rows(s.execute("SELECT id, v, n FROM moved ORDER BY id")));
            assertEquals(List.of("2|b", "3|c"), rows(s.execute("SELECT id, v FROM copy ORDER BY id")));
            assertEquals(1062, code(s, "INSERT INTO moved VALUES (9, 'x', 0), (9, 'y', 0)"));
            assertEquals(List.of("n", "PRIMARY", "v"), rows(s.execute("SELECT DISTINCT INDEX_NAME FROM "
                    + "information_schema.STATISTICS WHERE TABLE_NAME = 'moved' ORDER BY INDEX_NAME")));
            assertEquals(1146, code(s, "SELECT * FROM bad"));
        }
    }

    /** The sorted file names of a directory. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path d) {
            try {
                files = Files.list(d);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        List<String> names() {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
