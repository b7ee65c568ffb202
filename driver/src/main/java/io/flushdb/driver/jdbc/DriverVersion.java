package io.flushdb.driver.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's version (from the build), as the driver reports it, and the MySQL server version
 * FlushDB presents itself as: {@code 8.0.36-FlushDB-<version>}, so that tools choose their MySQL 8.0
 * behaviour (Hibernate's {@code MySQLDialect}, for one).
 */
final class DriverVersion {
    /** The MySQL release whose behaviour FlushDB follows. */
    static final int MYSQL_MAJOR = 8;
    static final int MYSQL_MINOR = 0;
    static final String MYSQL_VERSION = "8.0.36";

    static final String VERSION = load();
    static final int MAJOR = part(0);
    static final int MINOR = part(1);

    private DriverVersion() {
    }

    static String productVersion() {
        return MYSQL_VERSION + "-FlushDB-" + VERSION;
    }

    private static String load() {
        try (InputStream in = DriverVersion.class.getResourceAsStream("/io/flushdb/driver/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/flushdb/driver/version.properties is missing from the driver jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The n-th dot-separated number of the version ("0.1.0-SNAPSHOT": 0, 1). */
    private static int part(int n) {
        String[] parts = VERSION.split("[.-]");
        try {
            return n < parts.length ? Integer.parseInt(parts[n]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
