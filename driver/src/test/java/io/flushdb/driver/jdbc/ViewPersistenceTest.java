package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views are part of the data dictionary: a view created, replaced or dropped in a file database
 * is found as it was after the engine is closed and opened again.
 */
class ViewPersistenceTest {
    private static Connection open(EngineRegistry registry, Path dir) throws SQLException {
        return new JdbcDriver(registry).connect(TestUrls.dir(dir), new Properties());
    }

    @Test
    void aViewSurvivesARestart(@TempDir Path dir) throws SQLException {
        EngineRegistry registry = new EngineRegistry();
        try (Connection c = open(registry, dir); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE shop");
            s.execute("USE shop");
            s.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20), price INT)");
            s.execute("INSERT INTO item VALUES (1, 'pen', 2), (2, 'book', 12), (3, 'lamp', 30)");
            s.execute("CREATE VIEW dear (what, cost) AS SELECT name, price FROM item WHERE price > 10");
            s.execute("CREATE VIEW gone AS SELECT id FROM item");
            s.execute("CREATE VIEW replaced AS SELECT 1 AS one");
            s.execute("CREATE OR REPLACE VIEW replaced AS SELECT COUNT(*) AS n FROM item");
            s.execute("DROP VIEW gone");
        }
        registry.closeAll();

        EngineRegistry again = new EngineRegistry();
        try (Connection c = open(again, dir); Statement s = c.createStatement()) {
            s.execute("USE shop");
            try (ResultSet rs = s.executeQuery("SELECT what, cost FROM dear ORDER BY cost")) {
                assertTrue(rs.next());
                assertEquals("book", rs.getString(1));
                assertEquals(12, rs.getInt(2));
                assertTrue(rs.next());
                assertEquals("lamp", rs.getString("what"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT n FROM replaced")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1));
            }
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM gone"));
            assertEquals(1146, e.getErrorCode());
            try (ResultSet rs = s.executeQuery("SHOW FULL TABLES")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(':').append(rs.getString(2)).append(';');
                }
                assertEquals("dear:VIEW;item:BASE TABLE;replaced:VIEW;", sb.toString());
            }
            // The name stays taken by the view, and dropping it frees it for a table.
            SQLException taken = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE dear (a INT)"));
            assertEquals(1050, taken.getErrorCode());
            s.execute("DROP VIEW dear");
            s.execute("CREATE TABLE dear (a INT)");
        }
        again.closeAll();
    }
}
