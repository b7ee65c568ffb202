package io.flushdb.bench;

import io.flushdb.bench.peers.Durability;
import io.flushdb.bench.peers.DurabilityInForce;
import io.flushdb.bench.peers.Peer;
import io.flushdb.bench.peers.Peers;
import io.flushdb.bench.report.CommitRates;
import io.flushdb.bench.workloads.BenchTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The group-commit scenario on one target, in this JVM, in a fresh temporary directory deleted
 * afterwards; never throws: whatever goes wrong becomes a failed {@link CommitRates} (with the
 * phases that completed).
 *
 * <p>Creates {@code c(id BIGINT PRIMARY KEY, v INT)} (with the peer's DDL hook), then runs
 * {@code --rounds} rounds, each a phase per thread count in the order of {@code --threads}
 * (round 1: 1, 4, 16 threads; round 2: 1, 4, 16; ...), so that each ratio the report takes
 * compares two phases of the same round, seconds apart while the disk's fsync latency drifts,
 * and the report gives the median over the rounds. A phase with N threads
 * opens N connections (autocommit on), starts N threads that each run {@value #INSERT} in a loop
 * with distinct ids, lets them commit untimed for the warm-up, then counts the statements
 * completed and the database's log fsyncs over the timed phase, and stops them. All phases of
 * all rounds share one table; ids come from one counter, so they ascend across threads as with
 * AUTO_INCREMENT. Afterwards the table must hold exactly the rows inserted, and the last one
 * must read back as written (BENCH3).
 *
 * <p>Threads are named {@code group-commit-<N>-<i>}, to find them in a thread dump.
 */
final class GroupCommitRun {

    static final String TABLE = "c";
    static final String INSERT = "INSERT INTO " + TABLE + " VALUES (?, ?)";
    static final String OPERATION = INSERT + ", one per autocommit transaction; N threads, each on its"
            + " own connection, distinct ids from one ascending counter";

    private static final long JOIN_TIMEOUT_SECONDS = 60;
    private static final int MAX_FAILURE_LENGTH = 300;

    private final String target;
    private final Durability durability;
    private final List<Integer> threadCounts;
    private final int rounds;
    private final long warmupNanos;
    private final long timedNanos;
    private final Path tempRoot;
    private final PrintStream progress;

    private String product = "";
    private String access = "";
    private DurabilityInForce durabilityInForce = new DurabilityInForce("", true);
    private final List<CommitRates.Phase> phases = new ArrayList<>();

    GroupCommitRun(String target, BenchOptions options, PrintStream progress) {
        this.target = target;
        this.durability = options.durability();
        this.threadCounts = options.threads();
        this.rounds = options.rounds();
        this.warmupNanos = (long) (options.warmupSeconds() * 1e9);
        this.timedNanos = (long) (options.seconds() * 1e9);
        this.tempRoot = options.tempRoot();
        this.progress = progress;
    }

    CommitRates run() {
        Path dataDir = null;
        try {
            Files.createDirectories(tempRoot);
            dataDir = Files.createTempDirectory(tempRoot, "flushdb-bench-" + target + "-");
            runIn(dataDir);
            return result(null);
        } catch (Exception | LinkageError e) {
            return result(describe(e, dataDir));
        } finally {
            if (dataDir != null) {
                try {
                    WorkloadRun.deleteRecursively(dataDir);
                } catch (IOException e) {
                    say("could not delete its data directory: " + e);
                }
            }
        }
    }

    private CommitRates result(String failure) {
        return new CommitRates(target, product, access, durabilityInForce.description(),
                durabilityInForce.asRequested(), phases, failure);
    }

    private void runIn(Path dataDir) throws Exception {
        try (Peer peer = Peers.create(target)) {
            access = peer.access();
            say("starting");
            peer.start(dataDir, durability);
            try (Connection admin = peer.connect()) {
                DatabaseMetaData meta = admin.getMetaData();
                product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                try {
                    durabilityInForce = peer.durabilityInForce(admin, durability);
                } catch (SQLException e) {
                    durabilityInForce = DurabilityInForce.unknown(WorkloadRun.firstLine(e));
                }
                say(product + "; " + durabilityInForce.description());
                try (Statement s = admin.createStatement()) {
                    s.execute(peer.createTable(TABLE, "id", "v INT"));
                }
                admin.setAutoCommit(true);
                AtomicLong nextId = new AtomicLong();
                for (int round = 1; round <= rounds; round++) {
                    for (int n : threadCounts) {
                        CommitRates.Phase phase = phase(peer, admin, round, n, nextId);
                        phases.add(phase);
                        say(String.format(Locale.ROOT, "%s: %,.0f commits/s, %s commits per log fsync",
                                phaseName(round, n), phase.commitsPerSecond(), phase.commitsPerFsync().isPresent()
                                        ? String.format(Locale.ROOT, "%.2f", phase.commitsPerFsync().getAsDouble())
                                        : "n/a"));
                    }
                }
                verify(admin, nextId.get());
            }
        }
    }

    /** One committing thread: its connection, statement, and count of completed commits. */
    private static final class Committer extends StatementLoop {
        private final Connection connection;
        private final PreparedStatement insert;
        private final AtomicLong nextId;
        private final AtomicLong commits = new AtomicLong();
        private long done;

        Committer(String name, Connection connection, AtomicLong nextId, CountDownLatch go,
                AtomicReference<Throwable> failure) throws SQLException {
            super(name, go, failure, () -> { });
            this.connection = connection;
            this.insert = connection.prepareStatement(INSERT);
            this.nextId = nextId;
        }

        @Override
        void step() throws SQLException {
            long id = nextId.getAndIncrement();
            insert.setLong(1, id);
            insert.setInt(2, BenchTable.k(id));
            expectOneRow(insert.executeUpdate(), "INSERT", id);
            commits.setRelease(++done);
        }

        void close() throws SQLException {
            try {
                insert.close();
            } finally {
                connection.close();
            }
        }
    }

    private String phaseName(int round, int n) {
        return String.format(Locale.ROOT, "round %d/%d, %d thread%s", round, rounds, n, n == 1 ? "" : "s");
    }

    private CommitRates.Phase phase(Peer peer, Connection admin, int round, int n, AtomicLong nextId)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Committer> committers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Connection connection = peer.connect();
                try {
                    connection.setAutoCommit(true);
                    committers.add(new Committer("group-commit-" + n + "-" + i, connection, nextId, go, failure));
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            committers.forEach(Thread::start);
            say(String.format(Locale.ROOT, "%s: warm-up %.1f s, timing %.1f s", phaseName(round, n),
                    warmupNanos / 1e9, timedNanos / 1e9));
            go.countDown();
            sleepWatching(warmupNanos, failure);
            long t0 = System.nanoTime();
            long c0 = commits(committers);
            OptionalLong f0 = peer.logFsyncs(admin);
            sleepWatching(timedNanos, failure);
            long t1 = System.nanoTime();
            long c1 = commits(committers);
            OptionalLong f1 = peer.logFsyncs(admin);
            stop(committers);
            throwIfFailed(failure);
            long fsyncs = f0.isPresent() && f1.isPresent() ? f1.getAsLong() - f0.getAsLong() : -1;
            return new CommitRates.Phase(round, n, c1 - c0, t1 - t0, fsyncs);
        } finally {
            stop(committers);
            for (Committer c : committers) {
                if (!c.isAlive()) {
                    c.close();
                }
            }
        }
    }

    private static long commits(List<Committer> committers) {
        long sum = 0;
        for (Committer c : committers) {
            sum += c.commits.getAcquire();
        }
        return sum;
    }

    private static void stop(List<Committer> committers) throws InterruptedException, SQLException {
        committers.forEach(StatementLoop::requestStop);
        for (Committer c : committers) {
            c.join(TimeUnit.SECONDS.toMillis(JOIN_TIMEOUT_SECONDS));
            if (c.isAlive()) {
                throw new SQLException("thread " + c.getName() + " still in a commit " + JOIN_TIMEOUT_SECONDS
                        + " s after it was told to stop");
            }
        }
    }

    /** Sleeps {@code nanos}, returning early (to fail the run) as soon as a committer failed. */
    private static void sleepWatching(long nanos, AtomicReference<Throwable> failure) throws Exception {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            throwIfFailed(failure);
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
        }
    }

    private static void throwIfFailed(AtomicReference<Throwable> failure) throws Exception {
        Throwable e = failure.get();
        if (e instanceof Exception ex) {
            throw ex;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }

    /** Every inserted row is there, and the last one reads back as written. */
    private static void verify(Connection connection, long rows) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rs.next();
                if (rs.getLong(1) != rows) {
                    throw new SQLException("expected " + rows + " rows after the run, found " + rs.getLong(1));
                }
            }
            long last = rows - 1;
            try (ResultSet rs = s.executeQuery("SELECT v FROM " + TABLE + " WHERE id = " + last)) {
                if (!rs.next() || rs.getInt(1) != BenchTable.k(last)) {
                    throw new SQLException("row " + last + " does not read back as inserted");
                }
            }
        }
    }

    private void say(String message) {
        progress.println("  [group-commit on " + target + "] " + message);
    }

    private static String describe(Throwable e, Path dataDir) {
        String message = WorkloadRun.firstLine(e);
        if (dataDir != null) {
            message = message.replace(dataDir.toString(), "<datadir>");
        }
        return message.length() > MAX_FAILURE_LENGTH ? message.substring(0, MAX_FAILURE_LENGTH) + "..." : message;
    }
}
