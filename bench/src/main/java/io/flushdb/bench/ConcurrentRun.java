package io.flushdb.bench;

import io.flushdb.bench.peers.Durability;
import io.flushdb.bench.peers.DurabilityInForce;
import io.flushdb.bench.peers.Peer;
import io.flushdb.bench.peers.Peers;
import io.flushdb.bench.report.CommitRates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ConcurrentWorkload} (the group-commit or the bank scenario) on one target, in this
 * JVM, in a fresh temporary directory deleted afterwards; never throws: whatever goes wrong
 * becomes a failed {@link CommitRates} (with the phases that completed).
 *
 * <p>Sets the workload's table up, then runs {@code --rounds} rounds, each a phase per thread
 * count in the order of {@code --threads} (round 1: 1, 4, 16 threads; round 2: 1, 4, 16; ...),
 * so that each ratio the report takes compares two phases of the same round, seconds apart
 * while the disk's fsync latency drifts, and the report gives the median over the rounds. A
 * phase with N threads opens N connections, gives each a client of the workload, starts N
 * threads that each run the client's transactions in a loop, lets them run untimed for the
 * warm-up, then counts the transactions committed, declined and retried and the database's log
 * fsyncs over the timed phase, and stops them. All phases of all rounds share one table, which
 * the workload verifies at the end (BENCH3).
 *
 * <p>Threads are named {@code <scenario>-<N>-<i>}, to find them in a thread dump.
 */
final class ConcurrentRun {

    private static final long JOIN_TIMEOUT_SECONDS = 60;
    private static final int MAX_FAILURE_LENGTH = 300;

    private final String target;
    private final ConcurrentWorkload workload;
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
    private String notes = "";
    private final List<CommitRates.Phase> phases = new ArrayList<>();

    ConcurrentRun(String target, ConcurrentWorkload workload, BenchOptions options, PrintStream progress) {
        this.target = target;
        this.workload = workload;
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
                durabilityInForce.asRequested(), notes, phases, failure);
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
                notes = workload.setUp(peer, admin);
                admin.setAutoCommit(true);
                for (int round = 1; round <= rounds; round++) {
                    for (int n : threadCounts) {
                        CommitRates.Phase phase = phase(peer, admin, round, n);
                        phases.add(phase);
                        say(String.format(Locale.ROOT, "%s: %,.0f commits/s, %s commits per log fsync%s",
                                phaseName(round, n), phase.commitsPerSecond(), phase.commitsPerFsync().isPresent()
                                        ? String.format(Locale.ROOT, "%.2f", phase.commitsPerFsync().getAsDouble())
                                        : "n/a", phase.retries() + phase.declined() == 0 ? ""
                                        : String.format(Locale.ROOT, ", %,d retried, %,d declined", phase.retries(),
                                                phase.declined())));
                    }
                }
                workload.verify(admin);
            }
        }
    }

    /** One client thread: its connection, its client of the workload, and its counts. */
    private static final class ClientThread extends StatementLoop {
        private final Connection connection;
        private final ConcurrentWorkload.Client client;
        private final ConcurrentWorkload.Tally tally = new ConcurrentWorkload.Tally();

        ClientThread(String name, Connection connection, ConcurrentWorkload.Client client, CountDownLatch go,
                AtomicReference<Throwable> failure) {
            super(name, go, failure, () -> { });
            this.connection = connection;
            this.client = client;
        }

        @Override
        void step() throws SQLException {
            client.step(tally);
        }

        void close() throws SQLException {
            try {
                client.close();
            } finally {
                connection.close();
            }
        }
    }

    private String phaseName(int round, int n) {
        return String.format(Locale.ROOT, "round %d/%d, %d thread%s", round, rounds, n, n == 1 ? "" : "s");
    }

    private CommitRates.Phase phase(Peer peer, Connection admin, int round, int n) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<ClientThread> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Connection connection = peer.connect();
                try {
                    clients.add(new ClientThread(workload.name() + "-" + n + "-" + i, connection,
                            workload.client(peer, connection), go, failure));
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            clients.forEach(Thread::start);
            say(String.format(Locale.ROOT, "%s: warm-up %.1f s, timing %.1f s", phaseName(round, n),
                    warmupNanos / 1e9, timedNanos / 1e9));
            go.countDown();
            sleepWatching(warmupNanos, failure);
            long t0 = System.nanoTime();
            long[] c0 = counts(clients);
            OptionalLong f0 = peer.logFsyncs(admin);
            sleepWatching(timedNanos, failure);
            long t1 = System.nanoTime();
            long[] c1 = counts(clients);
            OptionalLong f1 = peer.logFsyncs(admin);
            stop(clients);
            throwIfFailed(failure);
            long fsyncs = f0.isPresent() && f1.isPresent() ? f1.getAsLong() - f0.getAsLong() : -1;
            return new CommitRates.Phase(round, n, c1[0] - c0[0], t1 - t0, fsyncs, c1[1] - c0[1], c1[2] - c0[2]);
        } finally {
            stop(clients);
            for (ClientThread c : clients) {
                if (!c.isAlive()) {
                    c.close();
                }
            }
        }
    }

    /** Transactions committed, retried and declined so far by all {@code clients}. */
    private static long[] counts(List<ClientThread> clients) {
        long[] sum = new long[3];
        for (ClientThread c : clients) {
            sum[0] += c.tally.committedCount();
            sum[1] += c.tally.retriedCount();
            sum[2] += c.tally.declinedCount();
        }
        return sum;
    }

    private static void stop(List<ClientThread> clients) throws InterruptedException, SQLException {
        clients.forEach(StatementLoop::requestStop);
        for (ClientThread c : clients) {
            c.join(TimeUnit.SECONDS.toMillis(JOIN_TIMEOUT_SECONDS));
            if (c.isAlive()) {
                throw new SQLException("thread " + c.getName() + " still in a transaction " + JOIN_TIMEOUT_SECONDS
                        + " s after it was told to stop");
            }
        }
    }

    /** Sleeps {@code nanos}, returning early (to fail the run) as soon as a client failed. */
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

    private void say(String message) {
        progress.println("  [" + workload.name() + " on " + target + "] " + message);
    }

    private static String describe(Throwable e, Path dataDir) {
        String message = WorkloadRun.firstLine(e);
        if (dataDir != null) {
            message = message.replace(dataDir.toString(), "<datadir>");
        }
        return message.length() > MAX_FAILURE_LENGTH ? message.substring(0, MAX_FAILURE_LENGTH) + "..." : message;
    }
}
