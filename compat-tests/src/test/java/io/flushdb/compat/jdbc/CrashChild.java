package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the SIGKILL crash tests of this package ({@link KillDuringAutocommitTest},
 * {@link KillDuringTransactionsTest}) share: starting a child JVM on the test's class path, waiting
 * (under a watchdog) for the line that says its loop runs, killing it with SIGKILL a given time
 * later and checking that it was the kill that ended it. One per test instance; {@link #close()}
 * stops its timer.
 */
final class CrashChild implements AutoCloseable {
    /**
     * A crash test run's randomness: the seed (system property {@code seedProperty}, else a fresh
     * one, printed as "{@code label} seed=..." with the directory), the number of kills (system
     * property {@code killsProperty}) and the generator every round draws from, so a seed replays
     * the same child seeds, kill delays and shutdown kinds.
     */
    static final class Plan {
        final long seed;
        final int kills;
        private final java.util.Random random;
        private final Path tmp;

        Plan(String label, String seedProperty, String killsProperty, int defaultKills, Path tmp) {
            String given = System.getProperty(seedProperty);
            this.seed = given != null ? Long.decode(given) : new java.security.SecureRandom().nextLong();
            this.kills = Integer.getInteger(killsProperty, defaultKills);
            this.random = new java.util.Random(seed);
            this.tmp = tmp;
            System.out.println(label + " seed=" + seed);
            System.out.println(label + " directory (kept if the test fails): " + tmp);
        }

        /** Round {@code n}'s draws, in the order every crash test makes them. */
        Round round(int n) {
            long childSeed = random.nextLong();
            int delay = KILL_AFTER_MS + random.nextInt(KILL_SPREAD_MS + 1);
            boolean cleanShutdown = random.nextInt(CLEAN_SHUTDOWN_EVERY) == 0;
            return new Round("seed=" + seed + " round " + n, childSeed, delay, cleanShutdown,
                    tmp.resolve("journal-" + n + ".txt"));
        }
    }

    /** One round: where (for messages), the child's seed, the kill delay, the shutdown kind, the journal. */
    record Round(String where, long childSeed, int delayMs, boolean cleanShutdown, Path journal) {
    }

    /** What a child's loop does on the connection and journal {@link #childMain} opened for it. */
    @FunctionalInterface
    interface Loop {
        /** Prepares, prints the running line ({@link #running}) and runs until killed. */
        void run(java.sql.Connection c, long seed, java.nio.channels.FileChannel journal) throws Exception;
    }

    /**
     * The {@code main} of a child JVM: {@code args} are the data directory, the seed, the journal
     * file and the URL settings. Opens the connection and the journal (appending), runs
     * {@code loop}, and on any failure prints it to standard error and ends with exit status 5:
     * the child's only way to tell its parent test, which expects SIGKILL's 137.
     */
    static void childMain(String[] args, Loop loop) {
        Path dataDir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        String[] settings = java.util.Arrays.copyOfRange(args, 3, args.length);
        try (java.sql.Connection c = TestDatabase.open(dataDir, settings);
                java.nio.channels.FileChannel journal = java.nio.channels.FileChannel.open(Path.of(args[2]),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.StandardOpenOption.APPEND)) {
            loop.run(c, seed, journal);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(5);
        }
    }

    /** The line a child prints when its statement loop starts; the parent kills it after that. */
    static final String RUNNING = "running";

    /** Prints {@link #RUNNING}. */
    static void running() {
        System.out.println(RUNNING);
        System.out.flush();
    }

    /**
     * The children's engine settings: a 5 MiB buffer pool, the smallest redo log (8 MiB, so it
     * wraps), a 256 KiB log buffer and a checkpoint every 50 ms.
     */
    static final String[] SETTINGS = {"innodb_buffer_pool_size=5M", "innodb_redo_log_capacity=8M",
        "innodb_log_buffer_size=256K", "innodb_log_checkpoint_every=50"};
    /** One verification in this many ends with a clean shutdown; the others leave the redo to recover. */
    static final int CLEAN_SHUTDOWN_EVERY = 6;
    /** The kill comes this long, plus up to {@link #KILL_SPREAD_MS}, after the child says it runs. */
    static final int KILL_AFTER_MS = 150;
    static final int KILL_SPREAD_MS = 750;

    /** A child that has not said it runs by then is killed and the test fails. */
    static final long START_TIMEOUT_S = 60;
    /** Exit status of a process killed by SIGKILL. */
    static final int SIGKILL_STATUS = 128 + 9;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crash-test-killer");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs round {@code r}'s child of {@code mainClass} (arguments: the data directory, the round's
     * seed and journal, then {@link #SETTINGS}; standard error next to the journal) and kills it:
     * see {@link #runAndKill(Class, List, String, Path, int, String)}.
     */
    long runAndKill(Class<?> mainClass, Path dataDir, Round r) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(dataDir.toString(), Long.toString(r.childSeed()),
                r.journal().toString()));
        args.addAll(List.of(SETTINGS));
        return runAndKill(mainClass, args, RUNNING,
                r.journal().resolveSibling("child-" + r.journal().getFileName() + ".err"), r.delayMs(), r.where());
    }

    /**
     * Starts {@code mainClass} with {@code args} in a child JVM whose standard error goes to
     * {@code stderr}, waits for its first line of standard output to be {@code runningLine}, kills
     * it {@code delayMs} later ({@link Process#destroyForcibly()}, SIGKILL) and waits for it to end;
     * fails if it did not start or ended any other way.
     *
     * @return how long the child took to print its running line, in milliseconds
     */
    long runAndKill(Class<?> mainClass, List<String> args, String runningLine, Path stderr, int delayMs,
            String where) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -ea: the engine's invariant and latch-order checks run in the child too. C1 only and the
        // serial collector: the child lives about a second, on a machine of two cores.
        List<String> command = new ArrayList<>(List.of(java, "-ea", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        child.getOutputStream().close();
        ScheduledFuture<?> watchdog = timer.schedule(child::destroyForcibly, START_TIMEOUT_S, TimeUnit.SECONDS);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String firstLine = out.readLine();
        watchdog.cancel(false);
        if (!runningLine.equals(firstLine)) {
            child.destroyForcibly();
            child.waitFor();
            fail(where + ": the child did not start its loop (first line " + firstLine + ", exit status "
                    + child.exitValue() + "); its standard error:\n" + Files.readString(stderr));
        }
        long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        timer.schedule(child::destroyForcibly, delayMs, TimeUnit.MILLISECONDS);
        assertTrue(child.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS), where + ": the child did not end");
        String rest = readRest(out);
        assertEquals(SIGKILL_STATUS, child.exitValue(), () -> where + ": the child ended before it was killed; "
                + "its standard output after the running line:\n" + rest + "\nits standard error:\n"
                + readQuietly(stderr));
        return startMs;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** What is left of the child's standard output (nothing, unless it printed more than its line). */
    private static String readRest(BufferedReader out) {
        StringBuilder s = new StringBuilder();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                s.append(line).append('\n');
            }
        } catch (IOException e) {
            s.append("(no more: ").append(e).append(')');
        }
        return s.toString();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
