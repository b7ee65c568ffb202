package io.flushdb.driver.url;

import io.flushdb.driver.engine.EngineLocation;
import io.flushdb.driver.engine.StartupSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:flushdb:} URL together with the connection's {@link Properties}.
 *
 * <pre>
 *   url      = "jdbc:flushdb:" location [ "?" property *( "&amp;" property ) ]
 *   location = "mem:" name            ; an in-memory database, shared by name within the JVM
 *            | datadir                ; a directory; relative paths resolve against the working directory
 *   property = name "=" value         ; names are case-insensitive; values are %-decoded
 * </pre>
 *
 * The data directory is taken literally (no {@code ~} expansion, no %-decoding). Properties come
 * from the {@link Properties} argument and the URL; the URL wins when both name one. Known
 * properties are the system variables with a GLOBAL value ({@link StartupSettings}) and those of {@link UrlProperties}; any other name is
 * an error, so a misspelt setting never goes unnoticed. See {@code docs/jdbc.md}.
 *
 * <p>Immutable.
 */
public final class JdbcUrl {
    public static final String PREFIX = "jdbc:flushdb:";
    public static final String MEMORY_PREFIX = "mem:";

    private final String url;
    private final EngineLocation location;
    private final StartupSettings settings;
    private final String database;
    private final boolean createDatabaseIfNotExist;
    private final String user;

    private JdbcUrl(String url, EngineLocation location, StartupSettings settings, String database,
                    boolean createDatabaseIfNotExist, String user) {
        this.url = url;
        this.location = location;
        this.settings = settings;
        this.database = database;
        this.createDatabaseIfNotExist = createDatabaseIfNotExist;
        this.user = user;
    }

    /** Whether {@code url} is one of ours (without checking the rest of it). */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * Parses {@code url} and {@code info} (may be null).
     *
     * @throws SQLException for a malformed URL, an unknown property or an invalid value
     */
    public static JdbcUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("Not a FlushDB URL (expected " + PREFIX + "...): " + url, "08001", 0);
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String locationText = q < 0 ? rest : rest.substring(0, q);
        EngineLocation location = parseLocation(url, locationText);

        Map<String, String> props = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                props.put(name, info.getProperty(name));
            }
        }
        if (q >= 0) {
            for (Map.Entry<String, String> e : parseQuery(url, rest.substring(q + 1)).entrySet()) {
                props.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey())); // the URL wins
                props.put(e.getKey(), e.getValue());
            }
        }

        Map<String, String> startup = new LinkedHashMap<>();
        String database = null;
        boolean create = false;
        String user = null;
        for (Map.Entry<String, String> e : props.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (UrlProperties.connectionProperty(name) == null && StartupSettings.isVariable(name)) {
                startup.put(name, value);
                continue;
            }
            String known = UrlProperties.connectionProperty(name);
            if (known == null) {
                throw new SQLException("Unknown connection property '" + name + "' in " + url + " (known: "
                        + UrlProperties.knownNames() + ")", "HY000", 0);
            }
            switch (known) {
                case UrlProperties.DATABASE -> database = value.isEmpty() ? null : value;
                case UrlProperties.CREATE_DATABASE_IF_NOT_EXIST -> create = UrlProperties.parseBoolean(name, value);
                case UrlProperties.USER -> user = value; // reported by getUserName, never checked
                default -> {
                    // password: accepted and ignored (no authentication in-process)
                }
            }
        }
        StartupSettings settings;
        try {
            settings = StartupSettings.of(startup);
        } catch (IllegalArgumentException ex) {
            throw new SQLException("Invalid connection property: " + ex.getMessage(), "HY000", 0);
        }
        return new JdbcUrl(url, location, settings, database, create, user);
    }

    private static EngineLocation parseLocation(String url, String text) throws SQLException {
        if (text.startsWith(MEMORY_PREFIX)) {
            String name = text.substring(MEMORY_PREFIX.length());
            if (name.isEmpty()) {
                throw new SQLException("Missing database name after " + PREFIX + MEMORY_PREFIX + " in " + url, "08001", 0);
            }
            return EngineLocation.memory(name);
        }
        if (text.isEmpty()) {
            throw new SQLException("Missing data directory after " + PREFIX + " in " + url
                    + " (write jdbc:flushdb:<datadir> or jdbc:flushdb:mem:<name>)", "08001", 0);
        }
        try {
            return EngineLocation.directory(Path.of(text));
        } catch (InvalidPathException e) {
            throw new SQLException("Invalid data directory '" + text + "' in " + url + ": " + e.getMessage(), "08001", 0, e);
        }
    }

    private static Map<String, String> parseQuery(String url, String query) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new SQLException("Malformed property '" + pair + "' in " + url + " (expected name=value)", "08001", 0);
            }
            out.put(percentDecode(url, pair.substring(0, eq)), percentDecode(url, pair.substring(eq + 1)));
        }
        return out;
    }

    /** %XX decoding as in URLs (UTF-8); unlike form decoding, '+' stays '+'. */
    static String percentDecode(String url, String s) throws SQLException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%') {
                continue;
            }
            bytes.writeBytes(s.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new SQLException("Malformed %-escape in " + url, "08001", 0);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
            plainFrom = i + 1;
        }
        bytes.writeBytes(s.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The URL as given. */
    public String url() {
        return url;
    }

    public EngineLocation location() {
        return location;
    }

    public StartupSettings settings() {
        return settings;
    }

    /** The default database, or null. */
    public String database() {
        return database;
    }

    public boolean createDatabaseIfNotExist() {
        return createDatabaseIfNotExist;
    }

    /** The {@code user} property, or null: accepted and reported, never checked (no authentication). */
    public String user() {
        return user;
    }
}
