package io.flushdb.orm.support;

import io.flushdb.reference.ReferenceEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database for one test on one {@link Target}, dropped again by {@link #close()}.
 *
 * <p>On FlushDB it is database {@value #DATABASE} of a new in-memory engine; a keeper connection
 * holds the engine open between the test's own connections (a memory database disappears with
 * its last connection). On the reference server it is a database of its own, {@code orm_<n>}.
 */
public final class TestDatabase implements AutoCloseable {
    /** The database name on FlushDB (each test has its own engine, so one name serves). */
    public static final String DATABASE = "app";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Target target;
    private final String database;
    private final String url;
    private final String user;
    private final String password;
    private final Connection keeper;
    private final List<String> createdDatabases = new ArrayList<>();

    private TestDatabase(Target target, String database, String url, String user, String password, Connection keeper) {
        this.target = target;
        this.database = database;
        this.url = url;
        this.user = user;
        this.password = password;
        this.keeper = keeper;
    }

    public static TestDatabase create(Target target) throws SQLException {
        int n = COUNTER.incrementAndGet();
        if (target == Target.FLUSHDB) {
            String url = "jdbc:flushdb:mem:orm" + n + "?database=" + DATABASE + "&createDatabaseIfNotExist=true";
            return new TestDatabase(target, DATABASE, url, null, null, DriverManager.getConnection(url));
        }
        ReferenceEndpoint endpoint = ReferenceServers.shared();
        String database = "orm_" + n;
        Connection admin = DriverManager.getConnection(endpoint.jdbcUrl(), credentials(endpoint.user(), endpoint.password()));
        try (Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
            st.execute("USE " + database);
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        String base = endpoint.jdbcUrl(); // jdbc:mysql://host:port/?options
        int slash = base.indexOf("/?");
        String url = base.substring(0, slash + 1) + database + base.substring(slash + 1);
        TestDatabase db = new TestDatabase(target, database, url, endpoint.user(), endpoint.password(), admin);
        db.createdDatabases.add(database);
        return db;
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    public Target target() {
        return target;
    }

    /** The database (catalog) the URL selects. */
    public String database() {
        return database;
    }

    public String url() {
        return url;
    }

    /** User name for a pool or Hibernate (null on FlushDB, which has no authentication). */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials(user, password));
    }

    /** Creates a further, empty database beside this one (dropped with it) and returns its name. */
    public String createSiblingDatabase(String suffix) throws SQLException {
        String name = database + "_" + suffix;
        try (Statement st = keeper.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        createdDatabases.add(name);
        return name;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (target == Target.REFERENCE) {
                try (Statement st = keeper.createStatement()) {
                    for (String name : createdDatabases) {
                        st.execute("DROP DATABASE IF EXISTS " + name);
                    }
                }
            }
        } finally {
            keeper.close(); // on FlushDB: the last connection, so the memory engine goes away
        }
    }

    @Override
    public String toString() {
        return target + " " + url;
    }
}
