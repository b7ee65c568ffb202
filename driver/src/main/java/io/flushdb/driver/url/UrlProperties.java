package io.flushdb.driver.url;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The connection properties the driver knows besides the startup settings, and the parsing of
 * property values: MySQL's size suffixes and Connector/J's boolean spellings.
 */
public final class UrlProperties {
    /** Default database of the connection (Connector/J puts it in the URL path). */
    public static final String DATABASE = "database";
    /** Create the default database if it does not exist (as Connector/J's property of that name). */
    public static final String CREATE_DATABASE_IF_NOT_EXIST = "createDatabaseIfNotExist";
    /** Accepted and ignored: an embedded database has no authentication. */
    public static final String USER = "user";
    /** Accepted and ignored: an embedded database has no authentication. */
    public static final String PASSWORD = "password";

    private static final String[] CONNECTION_PROPERTIES = {DATABASE, CREATE_DATABASE_IF_NOT_EXIST, USER, PASSWORD};

    private UrlProperties() {
    }

    /** The canonical spelling of a known connection property (matched case-insensitively), or null. */
    static String connectionProperty(String name) {
        for (String p : CONNECTION_PROPERTIES) {
            if (p.equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** Every property name the driver accepts, for error messages and {@code getPropertyInfo}. */
    public static String knownNames() {
        return String.join(", ", CONNECTION_PROPERTIES) + ", and any system variable with a GLOBAL value "
                + "(docs/variables.md)";
    }

    /** true/false, yes/no, on/off or 1/0, any case. */
    public static boolean parseBoolean(String name, String text) throws SQLException {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(name, text, "true or false");
        };
    }

    static SQLException invalid(String name, String value, String expected) {
        return new SQLException("Invalid value '" + value + "' for connection property '" + name + "': expected "
                + expected, "HY000", 0);
    }
}
