package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JdbcDriverTest {

    @Test
    void registeredAsAServiceAndFoundByDriverManager() throws SQLException {
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == JdbcDriver.class));
        assertTrue(DriverManager.getDriver("jdbc:flushdb:mem:x") instanceof JdbcDriver);
        try (Connection c = DriverManager.getConnection(TestUrls.mem())) {
            assertEquals("FlushDB JDBC Driver", c.getMetaData().getDriverName());
        }
    }

    @Test
    void otherUrlsAreLeftToOtherDrivers() throws SQLException {
        JdbcDriver d = new JdbcDriver();
        assertFalse(d.acceptsURL("jdbc:mysql://localhost:3306/db"));
        assertNull(d.connect("jdbc:mysql://localhost:3306/db", new Properties()));
    }

    @Test
    void userAndPasswordAreAcceptedAndOtherPropertiesRefused() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestUrls.mem(), "root", "secret")) {
            assertEquals("root", c.getMetaData().getUserName());
        }
        Properties p = new Properties();
        p.setProperty("serverTimezone", "UTC");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(TestUrls.mem(), p));
        assertTrue(e.getMessage().contains("'serverTimezone'"), e.getMessage());
    }

    @Test
    void versionComesFromTheBuild() {
        JdbcDriver d = new JdbcDriver();
        assertTrue(DriverVersion.VERSION.matches("\\d+\\.\\d+.*"), DriverVersion.VERSION);
        assertEquals(Integer.parseInt(DriverVersion.VERSION.split("\\.")[0]), d.getMajorVersion());
        assertEquals(Integer.parseInt(DriverVersion.VERSION.split("\\.")[1]), d.getMinorVersion());
        assertFalse(d.jdbcCompliant());
    }

    @Test
    void propertyInfoListsEveryKnownProperty() {
        DriverPropertyInfo[] info = new JdbcDriver().getPropertyInfo("jdbc:flushdb:mem:x", null);
        assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals("innodb_buffer_pool_size")));
        assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals("createDatabaseIfNotExist")));
        assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals("innodb_io_capacity")));
        assertTrue(Arrays.stream(info).noneMatch(i -> i.name.equals("version")), "not settable at startup");
        assertTrue(Arrays.stream(info).noneMatch(i -> i.name.equals("last_insert_id")), "SESSION only");
        long settable = io.flushdb.sql.vars.SystemVariables.all().stream()
                .filter(v -> io.flushdb.driver.engine.StartupSettings.isVariable(v.name())).count();
        assertEquals(4 + settable, info.length);
    }

    @Test
    void dataSourceOpensConnections() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        assertThrows(SQLException.class, ds::getConnection);
        ds.setUrl(TestUrls.mem());
        ds.setUser("app");
        try (Connection c = ds.getConnection()) {
            assertEquals("app", c.getMetaData().getUserName());
            assertTrue(c.isValid(1));
        }
        assertTrue(ds.isWrapperFor(javax.sql.DataSource.class));
    }
}
