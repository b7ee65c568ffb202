package io.flushdb.driver.url;

import io.flushdb.driver.engine.StartupSetting;
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
        StringBuilder sb = new StringBuilder(String.join(", ", CONNECTION_PROPERTIES));
        for (StartupSetting s : StartupSetting.values()) {
            sb.append(", ").append(s.mysqlName());
        }
        return sb.toString();
    }

    /**
     * A whole number as MySQL's option syntax writes it: digits, optionally followed by one of the
     * suffixes K, M, G, T, P, E (powers of 1024, either case).
     */
    public static long parseNumber(String name, String text) throws SQLException {
        String t = text.trim();
        long multiplier = 1;
        if (!t.isEmpty()) {
            int shift = switch (Character.toUpperCase(t.charAt(t.length() - 1))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                case 'P' -> 50;
                case 'E' -> 60;
                default -> 0;
            };
            if (shift > 0) {
                multiplier = 1L << shift;
                t = t.substring(0, t.length() - 1);
            }
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(name, text, "a whole number, optionally with a K, M or G suffix");
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(name, text, "a number that fits in 64 bits");
        }
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
