package io.flushdb.driver.jdbc;

import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.driver.url.JdbcUrl;
import io.flushdb.driver.url.UrlProperties;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for a {@code jdbc:flushdb:} URL, for frameworks configured with a data source
 * bean rather than a driver class. User and password are passed on as properties and, as with the
 * driver, accepted without being checked.
 *
 * <p>Concurrency: the setters are meant for configuration before use; {@link #getConnection} is
 * thread-safe.
 */
public final class JdbcDataSource extends JdbcObject implements DataSource {
    private volatile String url;
    private volatile String user;
    private volatile String password;
    private volatile int loginTimeoutSeconds;
    private volatile PrintWriter logWriter;

    public JdbcDataSource() {
    }

    public JdbcDataSource(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** An alias of {@link #setUrl}, the property name HikariCP and Spring use. */
    public void setJdbcUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        String u = url;
        if (u == null) {
            throw SqlExceptions.client("JdbcDataSource has no URL (setUrl(\"jdbc:flushdb:...\"))", "08001");
        }
        Properties info = new Properties();
        if (username != null) {
            info.setProperty(UrlProperties.USER, username);
        }
        if (pass != null) {
            info.setProperty(UrlProperties.PASSWORD, pass);
        }
        return JdbcConnection.open(EngineRegistry.shared(), JdbcUrl.parse(u, info));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Stored only: opening an embedded engine does not wait on a network. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.unsupported("java.util.logging (the driver logs through System.Logger)");
    }
}
