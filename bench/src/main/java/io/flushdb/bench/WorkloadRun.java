package io.flushdb.bench;

import io.flushdb.bench.peers.Durability;
import io.flushdb.bench.peers.DurabilityInForce;
import io.flushdb.bench.peers.Peer;
import io.flushdb.bench.peers.Peers;
import io.flushdb.bench.report.LatencySummary;
import io.flushdb.bench.report.RunResult;
import io.flushdb.bench.workloads.Operation;
import io.flushdb.bench.workloads.Workload;
import io.flushdb.bench.workloads.WorkloadSettings;
import io.flushdb.bench.workloads.Workloads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Runs one workload on one target in this JVM, in a fresh temporary directory that is deleted
 * afterwards, and never throws: whatever goes wrong becomes a failed {@link RunResult}.
 *
 * <p>Phases, in order: start the peer; connect; read back its durability settings;
 * {@link Workload#prepare}; {@link Workload#open}; warm-up operations; a full GC; the timed
 * operations; {@link Workload#verify}; close and delete. Only the timed operations are on the
 * clock. One {@code System.nanoTime()} per operation: the latency of operation i is the time
 * from the end of operation i-1 to the end of operation i, so the latencies add up to the
 * elapsed time exactly.
 */
final class WorkloadRun {

    private static final int MAX_FAILURE_LENGTH = 300;

    private final String workloadName;
    private final String target;
    private final Durability durability;
    private final WorkloadSettings settings;
    private final Path tempRoot;
    private final PrintStream progress;

    private String product = "";
    private String access = "";
    private DurabilityInForce durabilityInForce = new DurabilityInForce("", true);

    WorkloadRun(String workloadName, String target, BenchOptions options, PrintStream progress) {
        this.workloadName = workloadName;
        this.target = target;
        this.durability = options.durability();
        this.settings = options.settings();
        this.tempRoot = options.tempRoot();
        this.progress = progress;
    }

    RunResult run() {
        Path dataDir = null;
        try {
            Files.createDirectories(tempRoot);
            dataDir = Files.createTempDirectory(tempRoot, "flushdb-bench-" + target + "-");
            return runIn(dataDir);
        } catch (Exception | LinkageError e) {
            return RunResult.failed(workloadName, target, product, access,
                    durabilityInForce.description(), durabilityInForce.asRequested(),
                    describe(e, dataDir));
        } finally {
            if (dataDir != null) {
                deleteQuietly(dataDir);
            }
        }
    }

    private RunResult runIn(Path dataDir) throws Exception {
        Workload workload = Workloads.create(workloadName);
        try (Peer peer = Peers.create(target)) {
            access = peer.access();
            say("starting");
            peer.start(dataDir, durability);
            try (Connection connection = peer.connect()) {
                DatabaseMetaData meta = connection.getMetaData();
                product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                try {
                    durabilityInForce = peer.durabilityInForce(connection, durability);
                } catch (SQLException e) {
                    durabilityInForce = DurabilityInForce.unknown(firstLine(e));
                }
                say(product + "; preparing");
                workload.prepare(peer, connection, settings);
                connection.setAutoCommit(true);
                LatencySummary latency = timeOperations(workload, connection);
                workload.verify(connection, settings);
                say(String.format(Locale.ROOT, "%,.0f ops/s", latency.opsPerSecond()));
                return new RunResult(workloadName, target, product, access,
                        durabilityInForce.description(), durabilityInForce.asRequested(), latency, null);
            }
        }
    }

    private LatencySummary timeOperations(Workload workload, Connection connection) throws SQLException {
        int warmup = settings.warmupOps();
        int timed = settings.timedOps();
        long[] latencies = new long[timed];
        try (Operation operation = workload.open(connection, settings)) {
            say("warm-up " + warmup + " ops");
            for (int i = 0; i < warmup; i++) {
                operation.execute(i);
            }
            System.gc(); // so the timed phase does not pay for the warm-up's garbage
            say("timing " + timed + " ops");
            long start = System.nanoTime();
            long previous = start;
            for (int i = 0; i < timed; i++) {
                operation.execute((long) warmup + i);
                long now = System.nanoTime();
                latencies[i] = now - previous;
                previous = now;
            }
            return LatencySummary.of(latencies, timed, previous - start);
        }
    }

    private void say(String message) {
        progress.println("  [" + workloadName + " on " + target + "] " + message);
    }

    /** The failure's first line, without the machine-specific data directory path. */
    private static String describe(Throwable e, Path dataDir) {
        String message = firstLine(e);
        if (dataDir != null) {
            message = message.replace(dataDir.toString(), "<datadir>");
        }
        return message.length() > MAX_FAILURE_LENGTH
                ? message.substring(0, MAX_FAILURE_LENGTH) + "..." : message;
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            progress.println("  [" + workloadName + " on " + target + "] could not delete its data"
                    + " directory: " + e);
        }
    }

    /** Deletes {@code dir} and everything under it; symbolic links are deleted, not followed. */
    static void deleteRecursively(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
