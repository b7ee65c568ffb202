package io.flushdb.driver.jdbc;

import java.nio.file.Path;
import java.util.UUID;

/**
 * URLs for tests. Engines get a small buffer pool: each reserves its pool as direct memory when it
 * opens, and a test JVM opens many.
 */
final class TestUrls {
    static final String SMALL_POOL = "innodb_buffer_pool_size=5M";

    private TestUrls() {
    }

    /** A fresh in-memory database. */
    static String mem() {
        return "jdbc:flushdb:mem:test-" + UUID.randomUUID() + "?" + SMALL_POOL;
    }

    static String dir(Path dir) {
        return "jdbc:flushdb:" + dir + "?" + SMALL_POOL;
    }
}
