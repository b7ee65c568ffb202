package io.flushdb.driver.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.flushdb.driver.jdbc.JdbcDriver;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Boot 4 applications whose only data-source setting is {@code spring.datasource.url=jdbc:flushdb:...}:
 * the driver's {@link FlushDbDataSourceAutoConfiguration} supplies the driver class Boot cannot
 * guess, and the rest is Boot's own (HikariCP, JdbcTemplate, transactions, SQL initialization).
 *
 * <p>Each test boots a real application context. Spring Boot's logging system is turned off so that
 * it does not reconfigure java.util.logging under the other tests sharing this JVM.
 */
class SpringBootDataSourceTest {
    static {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private static ConfigurableApplicationContext boot(String... properties) {
        return new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }

    private static String memUrl(String name) {
        return "spring.datasource.url=jdbc:flushdb:mem:" + name + "?database=app&createDatabaseIfNotExist=true";
    }

    @Test
    void theUrlAloneGivesAPooledFlushDbDataSource() {
        try (ConfigurableApplicationContext ctx = boot(memUrl("spring-url"), "spring.datasource.hikari.maximum-pool-size=3")) {
            HikariDataSource ds = assertInstanceOf(HikariDataSource.class, ctx.getBean(DataSource.class));
            assertEquals(JdbcDriver.class.getName(), ds.getDriverClassName());
            assertEquals("jdbc:flushdb:mem:spring-url?database=app&createDatabaseIfNotExist=true", ds.getJdbcUrl());
            assertEquals(3, ds.getMaximumPoolSize(), "spring.datasource.hikari.* still binds");

            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertEquals("app", jdbc.queryForObject("SELECT DATABASE()", String.class));
            // The validation query Boot's health indicator sends to a database whose product name is MySQL.
            assertEquals(1, jdbc.queryForObject("/* ping */ SELECT 1", Integer.class));
            jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
            assertEquals(2, jdbc.update("INSERT INTO t VALUES (?, ?), (?, ?)", 1, "one", 2, "two"));
            assertEquals("two", jdbc.queryForObject("SELECT name FROM t WHERE id = ?", String.class, 2));
            // Spring translates MySQL's error code 1062 into its own exception type.
            assertThrows(DuplicateKeyException.class, () -> jdbc.update("INSERT INTO t VALUES (1, 'again')"));
            assertThrows(DataIntegrityViolationException.class, () -> jdbc.update("INSERT INTO t VALUES (NULL, 'x')"));
        }
    }

    @Test
    void springTransactionsCommitAndRollBack() {
        try (ConfigurableApplicationContext ctx = boot(memUrl("spring-tx"))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            jdbc.execute("CREATE TABLE account (id INT PRIMARY KEY, balance INT NOT NULL)");
            tx.executeWithoutResult(s -> jdbc.update("INSERT INTO account VALUES (1, 100), (2, 0)"));

            assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(s -> {
                jdbc.update("UPDATE account SET balance = balance - 70 WHERE id = 1");
                jdbc.update("UPDATE account SET balance = balance + 70 WHERE id = 2");
                throw new IllegalStateException("transfer refused");
            }));
            assertEquals(Map.of(1, 100, 2, 0), balances(jdbc), "the failed transfer was rolled back");

            tx.executeWithoutResult(s -> {
                jdbc.update("UPDATE account SET balance = balance - 30 WHERE id = 1");
                jdbc.update("UPDATE account SET balance = balance + 30 WHERE id = 2");
            });
            assertEquals(Map.of(1, 70, 2, 30), balances(jdbc));
        }
    }

    private static Map<Integer, Integer> balances(JdbcTemplate jdbc) {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        jdbc.query("SELECT id, balance FROM account", rs -> {
            out.put(rs.getInt(1), rs.getInt(2));
        });
        return out;
    }

    @Test
    void sqlInitializationRunsMySqlSchemaAndDataScripts() {
        try (ConfigurableApplicationContext ctx = boot(memUrl("spring-init"),
                "spring.sql.init.mode=always",
                "spring.sql.init.schema-locations=classpath:spring/schema.sql",
                "spring.sql.init.data-locations=classpath:spring/data.sql")) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertEquals(545924, jdbc.queryForObject("SELECT population FROM city WHERE name = 'lisboa'", Integer.class),
                    "ON DUPLICATE KEY UPDATE in data.sql, and the case-insensitive default collation");
            assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM city", Integer.class));
        }
    }

    @Test
    void aDataDirectoryKeepsItsRowsAcrossApplicationRestarts(@TempDir Path dir) {
        String url = "spring.datasource.url=jdbc:flushdb:" + dir.resolve("data") + "?database=app&createDatabaseIfNotExist=true";
        try (ConfigurableApplicationContext ctx = boot(url)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE note (id INT AUTO_INCREMENT PRIMARY KEY, body TEXT)");
            jdbc.update("INSERT INTO note (body) VALUES ('kept')");
        }
        try (ConfigurableApplicationContext ctx = boot(url)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertEquals("kept", jdbc.queryForObject("SELECT body FROM note WHERE id = 1", String.class));
        }
    }

    /** Without the auto-configuration, Boot fails as its DatabaseDriver lookup does for any unknown URL. */
    @Test
    void withoutTheAutoConfigurationBootCannotChooseADriver() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> boot(memUrl("spring-none"),
                "spring.autoconfigure.exclude=" + FlushDbDataSourceAutoConfiguration.class.getName()).close());
        assertTrue(causes(e).contains("Failed to determine a suitable driver class"), causes(e));
    }

    /** The setting documented for applications that exclude it (or run a Spring Boot without it). */
    @Test
    void anExplicitDriverClassNameWorksWithoutTheAutoConfiguration() {
        try (ConfigurableApplicationContext ctx = boot(memUrl("spring-explicit"),
                "spring.datasource.driver-class-name=" + JdbcDriver.class.getName(),
                "spring.autoconfigure.exclude=" + FlushDbDataSourceAutoConfiguration.class.getName())) {
            assertEquals(1, ctx.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class));
        }
    }

    /** Another database's URL is left to Boot: the condition does not match and Boot's own details are used. */
    @Test
    void otherUrlsAreLeftToSpringBoot() {
        // Lazy beans: the data source (whose driver is not on this class path) is never built.
        try (ConfigurableApplicationContext ctx = boot("spring.datasource.url=jdbc:mysql://127.0.0.1:9/app",
                "spring.main.lazy-initialization=true")) {
            JdbcConnectionDetails details = ctx.getBean(JdbcConnectionDetails.class);
            assertFalse(details instanceof FlushDbDataSourceAutoConfiguration.FlushDbConnectionDetails, details.getClass().getName());
            assertEquals("com.mysql.cj.jdbc.Driver", details.getDriverClassName());
        }
    }

    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
