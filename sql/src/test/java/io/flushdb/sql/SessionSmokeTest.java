package io.flushdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.MySqlValues;
import io.flushdb.storage.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSmokeTest {
    static List<String> rows(StatementResult r) {
        List<String> out = new ArrayList<>();
        for (Object[] row : r.rows()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append('|');
                }
                sb.append(MySqlValues.toText(row[i], r.columns().get(i)));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void basicStatementsWork() {
        try (SqlEngine engine = SqlEngine.open(EngineConfig.memory("smoke")); Session s = engine.newSession(null)) {
            s.execute("CREATE DATABASE shop");
            s.execute("USE shop");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20) NOT NULL, price DECIMAL(10,2), KEY idx_name (name))");
            StatementResult ins = s.execute("INSERT INTO t (name, price) VALUES ('apple', 1.5), ('Banana', 2.25), ('cherry', NULL)");
            assertEquals(3, ins.updateCount());
            assertEquals(List.of(1L, 2L, 3L), ins.generatedKeys());
            assertEquals(List.of("1|apple|1.50", "2|Banana|2.25", "3|cherry|NULL".replace("NULL", "null")),
                    rows(s.execute("SELECT * FROM t ORDER BY id")));
            assertEquals(List.of("2|Banana"), rows(s.execute("SELECT id, name FROM t WHERE name = 'banana'")));
            assertEquals(List.of("apple", "Banana", "cherry"), rows(s.execute("SELECT name FROM t ORDER BY name")));
            assertEquals(List.of("1"), rows(s.execute("SELECT LAST_INSERT_ID()")), "the first id of a multi-row INSERT");
            assertEquals(List.of("2.5000"), rows(s.execute("SELECT 5/2")));
            assertEquals(1, s.execute("UPDATE t SET price = price * 2 WHERE id = 2").updateCount());
            assertEquals(List.of("4.50"), rows(s.execute("SELECT price FROM t WHERE id = 2")));
            assertEquals(1, s.execute("DELETE FROM t WHERE name LIKE 'ch%'").updateCount());
            assertEquals(List.of("2"), rows(s.execute("SELECT COUNT(*) FROM t")));
            MySqlException dup = assertThrows(MySqlException.class, () -> s.execute("INSERT INTO t VALUES (1, 'x', 0)"));
            assertEquals(1062, dup.code());
            MySqlException missing = assertThrows(MySqlException.class, () -> s.execute("SELECT * FROM nope"));
            assertEquals(1146, missing.code());
            MySqlException col = assertThrows(MySqlException.class, () -> s.execute("SELECT nope FROM t"));
            assertEquals(1054, col.code());
            MySqlException syntax = assertThrows(MySqlException.class, () -> s.execute("SELEC 1"));
            assertEquals(1064, syntax.code());
        }
    }
}
