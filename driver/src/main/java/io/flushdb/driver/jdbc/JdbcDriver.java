package io.flushdb.driver.jdbc;

import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.driver.url.JdbcUrl;
import io.flushdb.driver.url.UrlProperties;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:flushdb:} driver, registered with {@link DriverManager} when the class loads and
 * found through {@code META-INF/services/java.sql.Driver}. URLs: {@code jdbc:flushdb:<datadir>} and
 * {@code jdbc:flushdb:mem:<name>}, with properties (see {@link JdbcUrl} and {@code docs/jdbc.md}).
 * Connections to one data directory share one engine from {@link EngineRegistry#shared()}.
 *
 * <p>Concurrency: thread-safe and stateless; the registry holds the engines.
 */
public final class JdbcDriver implements Driver {
    static final String NAME = "FlushDB JDBC Driver";

    static {
        try {
            DriverManager.registerDriver(new JdbcDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EngineRegistry registry;

    public JdbcDriver() {
        this(EngineRegistry.shared());
    }

    /** A driver over its own registry (tests). */
    JdbcDriver(EngineRegistry registry) {
        this.registry = registry;
    }

    /** Null for a URL that is not {@code jdbc:flushdb:}, as JDBC asks, so other drivers can try it. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return JdbcConnection.open(registry, JdbcUrl.parse(url, info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        Properties given = info == null ? new Properties() : info;
        List<DriverPropertyInfo> out = new ArrayList<>();
        out.add(property(UrlProperties.DATABASE, given, "Default database of the connection"));
        out.add(property(UrlProperties.CREATE_DATABASE_IF_NOT_EXIST, given,
                "Create the default database if it does not exist (true/false)"));
        out.add(property(UrlProperties.USER, given, "Accepted and ignored: an embedded database has no authentication"));
        out.add(property(UrlProperties.PASSWORD, given,
                "Accepted and ignored: an embedded database has no authentication"));
        for (io.flushdb.sql.vars.SystemVariable v : io.flushdb.sql.vars.SystemVariables.all()) {
            if (io.flushdb.driver.engine.StartupSettings.isVariable(v.name())) {
                out.add(property(v.name(), given, "System variable, applied when the engine opens ("
                        + v.range() + (v.type() == io.flushdb.sql.vars.SystemVariable.Type.INTEGER
                        ? "; K, M, G suffixes accepted" : "") + ")"));
            }
        }
        return out.toArray(new DriverPropertyInfo[0]);
    }

    private static DriverPropertyInfo property(String name, Properties given, String description) {
        DriverPropertyInfo p = new DriverPropertyInfo(name, given.getProperty(name));
        p.description = description;
        p.required = false;
        return p;
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.MINOR;
    }

    /** Not fully: FlushDB implements MySQL's dialect, not all of SQL-92 entry level. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.unsupported("java.util.logging (the driver logs through System.Logger)");
    }
}
