package io.flushdb.driver.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlTest {

    private static JdbcUrl parse(String url) throws SQLException {
        return JdbcUrl.parse(url, new Properties());
    }

    private static Map<String, Object> settings(String url) throws SQLException {
        return parse(url).settings().values();
    }

    @Test
    void acceptsOnlyFlushDbUrls() {
        assertTrue(JdbcUrl.accepts("jdbc:flushdb:mem:x"));
        assertTrue(JdbcUrl.accepts("jdbc:flushdb:/var/lib/db"));
        assertFalse(JdbcUrl.accepts("jdbc:mysql://localhost/db"));
        assertFalse(JdbcUrl.accepts("jdbc:flush:mem:x"));
        assertFalse(JdbcUrl.accepts(null));
    }

    @Test
    void relativeDirectoryResolvesAgainstWorkingDirectory() throws SQLException {
        JdbcUrl u = parse("jdbc:flushdb:data/db1");
        assertFalse(u.location().isMemory());
        assertEquals(Path.of("").toAbsolutePath().resolve("data/db1").normalize(), u.location().directory());
    }

    @Test
    void absoluteDirectoryIsKept() throws SQLException {
        Path dir = Path.of("").toAbsolutePath().resolve("x").resolve("y");
        assertEquals(dir, parse("jdbc:flushdb:" + dir + "?database=a").location().directory());
    }

    @Test
    void tildeIsNotExpanded() throws SQLException {
        assertEquals(Path.of("").toAbsolutePath().resolve("~").resolve("db"), parse("jdbc:flushdb:~/db").location().directory());
    }

    @Test
    void memoryUrlNamesTheDatabase() throws SQLException {
        JdbcUrl u = parse("jdbc:flushdb:mem:test-1?database=shop");
        assertTrue(u.location().isMemory());
        assertEquals("test-1", u.location().memoryName());
        assertEquals("shop", u.database());
        assertEquals("mem:test-1", u.location().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:flushdb:", "jdbc:flushdb:mem:", "jdbc:flushdb:?database=x", "jdbc:flushdb:mem:?a=b"})
    void missingLocationIsAnError(String url) {
        SQLException e = assertThrows(SQLException.class, () -> parse(url));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().startsWith("Missing"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "innodb_buffer_pool_size=256M, innodb_buffer_pool_size, 268435456",
        "innodb_buffer_pool_size=1G, innodb_buffer_pool_size, 1073741824",
        "innodb_buffer_pool_size=8388608, innodb_buffer_pool_size, 8388608",
        "innodb_page_size=8k, innodb_page_size, 8192",
        "innodb_page_size=65536, innodb_page_size, 65536",
        "innodb_buffer_pool_instances=4, innodb_buffer_pool_instances, 4",
        "innodb_old_blocks_pct=20, innodb_old_blocks_pct, 20",
        "innodb_old_blocks_time=0, innodb_old_blocks_time, 0",
        "innodb_lru_scan_depth=2048, innodb_lru_scan_depth, 2048",
        "innodb_lock_wait_timeout=5, innodb_lock_wait_timeout, 5",
        "INNODB_Buffer_Pool_Size=64m, innodb_buffer_pool_size, 67108864",
    })
    void startupSettingsWithSuffixes(String property, String setting, long expected) throws SQLException {
        assertEquals(Map.of(setting, expected), settings("jdbc:flushdb:mem:s?" + property));
    }

    @Test
    void severalPropertiesAreSeparatedByAmpersands() throws SQLException {
        JdbcUrl u = parse("jdbc:flushdb:mem:s?innodb_page_size=4k&database=app&createDatabaseIfNotExist=true"
                + "&innodb_lock_wait_timeout=3");
        assertEquals(Map.of("innodb_page_size", 4096L, "innodb_lock_wait_timeout", 3L),
                u.settings().values());
        assertEquals("app", u.database());
        assertTrue(u.createDatabaseIfNotExist());
    }

    @Test
    void propertiesArgumentIsReadAndTheUrlWins() throws SQLException {
        Properties p = new Properties();
        p.setProperty("innodb_buffer_pool_size", "16M");
        p.setProperty("innodb_lru_scan_depth", "500");
        p.setProperty("database", "fromProps");
        p.setProperty("user", "app");
        p.setProperty("password", "secret");
        JdbcUrl u = JdbcUrl.parse("jdbc:flushdb:mem:p?INNODB_BUFFER_POOL_SIZE=32M&database=fromUrl", p);
        assertEquals(Map.of("innodb_buffer_pool_size", 32L << 20, "innodb_lru_scan_depth", 500L),
                u.settings().values());
        assertEquals("fromUrl", u.database());
        assertEquals("app", u.user());
        assertFalse(u.createDatabaseIfNotExist());
    }

    @Test
    void unknownPropertyInUrlIsNamed() {
        SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:flushdb:mem:x?innodb_bufer_pool_size=1G"));
        assertTrue(e.getMessage().contains("Unknown connection property 'innodb_bufer_pool_size'"), e.getMessage());
    }

    @Test
    void unknownPropertyInPropertiesIsNamed() {
        Properties p = new Properties();
        p.setProperty("useSSL", "false");
        SQLException e = assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:flushdb:mem:x", p));
        assertTrue(e.getMessage().contains("'useSSL'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "innodb_buffer_pool_size=lots", "innodb_buffer_pool_size=12X", "innodb_buffer_pool_size=-5M",
        "innodb_buffer_pool_size=", "innodb_buffer_pool_size=99999999999E", "innodb_page_size=12k",
        "innodb_page_size=128k", "innodb_old_blocks_pct=200", "innodb_buffer_pool_instances=0",
        "innodb_lru_scan_depth=10", "innodb_buffer_pool_size=1M", "createDatabaseIfNotExist=maybe",
    })
    void invalidValuesAreErrorsNamingTheProperty(String property) {
        SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:flushdb:mem:x?" + property));
        String name = property.substring(0, property.indexOf('='));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void malformedQueryIsAnError() {
        assertThrows(SQLException.class, () -> parse("jdbc:flushdb:mem:x?database"));
        assertThrows(SQLException.class, () -> parse("jdbc:flushdb:mem:x?=3"));
        assertThrows(SQLException.class, () -> parse("jdbc:flushdb:mem:x?database=a%2"));
    }

    @Test
    void valuesArePercentDecodedButPathsAreNot() throws SQLException {
        JdbcUrl u = parse("jdbc:flushdb:my%20dir?database=caf%C3%A9+bar");
        assertEquals("café+bar", u.database());
        assertTrue(u.location().directory().endsWith("my%20dir"));
    }

    @Test
    void emptyQueryAndEmptyDatabaseMeanNone() throws SQLException {
        assertNull(parse("jdbc:flushdb:mem:x?").database());
        assertNull(parse("jdbc:flushdb:mem:x?database=").database());
        assertTrue(parse("jdbc:flushdb:mem:x").settings().values().isEmpty());
    }
}
