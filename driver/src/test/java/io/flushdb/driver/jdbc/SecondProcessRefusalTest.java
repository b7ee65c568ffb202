package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.testing.Tables;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory open in this JVM is refused to a second process with a clear SQLException, and
 * the refusal changes nothing on disk.
 */
class SecondProcessRefusalTest {

    @Test
    void aSecondProcessIsRefusedAndTheDataIsIntact(@TempDir Path dir) throws Exception {
        String url = TestUrls.dir(dir);
        EngineRegistry registry = new EngineRegistry();
        JdbcDriver driver = new JdbcDriver(registry);
        try (JdbcConnection held = (JdbcConnection) driver.connect(url, new Properties())) {
            var dict = held.lease().engine().storage().dictionary();
            dict.createDatabase("kept", Collation.UTF8MB4_0900_AI_CI, false);
            dict.createTable(Tables.people("kept"));

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SecondProcessMain.class.getName(), url)
                    .redirectErrorStream(false).start();
            child.getOutputStream().close();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
            String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, child.exitValue(), "refused with an SQLException; stdout: " + stdout + " stderr: " + stderr);
            assertTrue(stderr.contains("java.sql.SQLNonTransientConnectionException [0/08001]"), stderr);
            assertTrue(stderr.contains("is in use by another process"), stderr);
            assertTrue(stderr.contains(dir.toRealPath().toString()), "names the directory: " + stderr);

            // the holder is unaffected
            assertTables(held.getMetaData());
        }
        assertEquals(0, registry.openEngineCount());
        try (JdbcConnection reopened = (JdbcConnection) driver.connect(url, new Properties())) {
            assertTables(reopened.getMetaData());
        }
    }

    private static void assertTables(DatabaseMetaData md) throws SQLException {
        try (ResultSet rs = md.getColumns("kept", null, "people", "%")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(4, n);
        }
    }

    @Test
    void theChildCanOpenAFreeDirectory(@TempDir Path dir) throws Exception {
        // the same child, with nothing holding the directory, connects: the refusal above is the lock's doing
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecondProcessMain.class.getName(), TestUrls.dir(dir))
                .start();
        child.getOutputStream().close();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), stderr);
        assertTrue(List.of(System.getProperty("java.class.path").split(File.pathSeparator)).size() > 1,
                "the child ran with the test class path");
    }
}
