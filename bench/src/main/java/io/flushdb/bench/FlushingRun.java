package io.flushdb.bench;

import io.flushdb.bench.peers.DurabilityInForce;
import io.flushdb.bench.peers.Peer;
import io.flushdb.bench.peers.Peers;
import io.flushdb.bench.report.MachineFacts;
import io.flushdb.bench.timeseries.FlushingChart;
import io.flushdb.bench.timeseries.FlushingColumns;
import io.flushdb.bench.timeseries.FlushingSummary;
import io.flushdb.bench.timeseries.MetricsSampler;
import io.flushdb.bench.timeseries.SetSchedule;
import io.flushdb.bench.timeseries.TimeSeries;
import io.flushdb.bench.timeseries.TimeSeriesCsv;
import io.flushdb.bench.timeseries.TimeSeriesRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The flushing scenario: FlushDB with a buffer pool far smaller than its data and the smallest
 * redo log, written to by several threads at once, recorded second by second while SET GLOBAL
 * changes its flushing settings, so that the chart shows how flushing and checkpoints respond.
 *
 * <p>In this JVM (the bench's own; there is one target, so no child JVM), in a fresh data
 * directory under {@code --tmpdir} deleted afterwards:
 *
 * <ol>
 *   <li>open FlushDB with the startup settings ({@code innodb_buffer_pool_size=64M},
 *       {@code innodb_redo_log_capacity=100M} and {@code --startup}) and the durability's
 *       {@code innodb_flush_log_at_trx_commit} (2 unless {@code --durability} says otherwise),
 *       and read back the flushing settings;</li>
 *   <li>load {@code --rows} rows of about 200 bytes into {@value #TABLE}, timed;</li>
 *   <li>start the {@link TimeSeriesRecorder} on its own connection (baseline sample at second
 *       0) and {@code --threads} writers, each on its own connection in autocommit: 90 %
 *       {@value #UPDATE} on a uniformly random loaded id, 10 % {@value #INSERT} with new ids
 *       ascending; each statement counts in the recorder's statement counter;</li>
 *   <li>once a second the recorder samples and, right after, runs the {@code --set} changes due
 *       then; every row goes to the CSV as soon as it is taken. Five seconds in a row without a
 *       statement write a thread dump next to the CSV;</li>
 *   <li>after {@code --seconds}: stop the writers, read the changed variables back, verify the
 *       table (BENCH3: every row there, {@code SUM(k)} equal to the updates made, a sample of
 *       rows as written);</li>
 *   <li>draw the chart, print the summary and write it next to the CSV.</li>
 * </ol>
 *
 * <p>Whatever fails (the engine, a writer, the recorder) is printed with its stack trace and
 * reported; the rows recorded until then are still written and drawn.
 */
final class FlushingRun {

    static final String TABLE = "f";
    static final String UPDATE = "UPDATE " + TABLE + " SET k = k + 1, pad = ? WHERE id = ?";
    static final String INSERT = "INSERT INTO " + TABLE + " (id, k, pad) VALUES (?, 0, ?)";
    static final int PAD_LENGTH = 180;
    static final int INSERT_PERCENT = 10;

    private static final int LOAD_BATCH_ROWS = 1000;
    private static final int STALL_SECONDS = 5;
    private static final int MAX_STALL_DUMPS = 3;
    private static final long STOP_TIMEOUT_SECONDS = 60;
    /** How long past the last second the recorder may take to finish before the run is declared stuck. */
    private static final long RECORDER_GRACE_SECONDS = 120;
    private static final int VERIFY_SAMPLES = 200;
    private static final String FILL = fill();

    /** The flushing settings read back at the start and the end. */
    private static final List<String> SETTINGS = List.of("innodb_buffer_pool_size", "innodb_buffer_pool_instances",
            "innodb_page_size", "innodb_redo_log_capacity", "innodb_flush_log_at_trx_commit", "innodb_page_cleaners",
            "innodb_io_capacity", "innodb_io_capacity_max", "innodb_adaptive_flushing", "innodb_adaptive_flushing_lwm",
            "innodb_max_dirty_pages_pct", "innodb_max_dirty_pages_pct_lwm", "innodb_flushing_avg_loops",
            "innodb_lru_scan_depth", "innodb_flush_neighbors", "innodb_flush_sync", "innodb_doublewrite");

    private final BenchOptions options;
    private final PrintStream progress;
    private final PrintStream out;
    private final int seconds;
    private final String stamp;
    private final Instant started;
    private final Path csv;
    private final Path png;
    private final Path txt;

    private String product = "";
    private String access = "";
    private DurabilityInForce durability = new DurabilityInForce("", true);
    private Map<String, String> settingsAtStart = Map.of();
    private Map<String, String> settingsAtEnd = Map.of();
    private double loadSeconds = -1;
    private String enableFailure;
    private String verified = "not reached";
    /** Written by the recorder's thread too (a failed SET GLOBAL, a stall). */
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    /** A writer or the recorder failed or hung: no verification, no more statements. */
    private boolean aborted;
    private TimeSeriesRecorder recorder;
    private int zeroRun;
    private int stallDumps;

    FlushingRun(BenchOptions options, PrintStream progress, PrintStream out) {
        this.options = options;
        this.progress = progress;
        this.out = out;
        this.seconds = (int) options.seconds();
        this.started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.stamp = "flushing-" + BenchMain.FILE_STAMP.format(started);
        this.csv = options.resultsDir().resolve(stamp + ".csv");
        this.png = options.resultsDir().resolve(stamp + ".png");
        this.txt = options.resultsDir().resolve(stamp + ".txt");
    }

    /** Runs the scenario and writes its files; 0 if it completed and verified, 1 otherwise. */
    int run() {
        MachineFacts machine = MachineFacts.collect(options.tempRoot());
        Path dataDir = null;
        try {
            Files.createDirectories(options.resultsDir());
            Files.createDirectories(options.tempRoot());
            dataDir = Files.createTempDirectory(options.tempRoot(), "flushdb-bench-flushing-");
            runIn(dataDir);
        } catch (Exception | LinkageError e) {
            fail("the run", e, dataDir);
        } finally {
            if (dataDir != null) {
                try {
                    WorkloadRun.deleteRecursively(dataDir);
                } catch (IOException e) {
                    say("could not delete its data directory: " + e);
                }
            }
        }
        TimeSeries series = recorder == null ? null : recorder.snapshot();
        boolean drawn = false;
        if (series != null && !series.rows().isEmpty()) {
            try {
                FlushingChart.write(series, "FlushDB flushing scenario, " + started, subtitle(), png);
                drawn = true;
            } catch (IOException | RuntimeException e) {
                failures.add("could not draw the chart: " + e);
                e.printStackTrace(progress);
            }
        }
        String text = report(machine, series, drawn);
        out.print(text);
        try {
            Files.writeString(txt, text, StandardCharsets.UTF_8);
            progress.println("wrote " + csv.toAbsolutePath().normalize() + (drawn ? ", " + png.getFileName() : "")
                    + " and " + txt.getFileName());
        } catch (IOException e) {
            progress.println("error: could not write " + txt + ": " + e);
            return 1;
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private void runIn(Path dataDir) throws Exception {
        try (Peer peer = Peers.create(Peers.FLUSHDB)) {
            access = peer.access();
            say("starting with " + options.startupText() + ", durability " + options.durability().optionName());
            peer.start(dataDir, options.durability(), options.startupSettings());
            try (Connection admin = peer.connect()) {
                DatabaseMetaData meta = admin.getMetaData();
                product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                try {
                    durability = peer.durabilityInForce(admin, options.durability());
                } catch (SQLException e) {
                    durability = DurabilityInForce.unknown(WorkloadRun.firstLine(e));
                }
                settingsAtStart = readSettings(admin, SETTINGS);
                say(product + "; " + durability.description());
                checkScheduledNames(admin);
                try (Statement s = admin.createStatement()) {
                    s.execute(peer.createTable(TABLE, "id", "k INT NOT NULL, pad VARCHAR(200) NOT NULL"));
                }
                load(admin);
                Counts counts = record(peer);
                if (aborted) {
                    verified = "not done: the run failed";
                } else {
                    settingsAtEnd = readSettings(admin, options.schedule().names());
                    verified = verify(admin, counts);
                    say("verified: " + verified);
                }
            }
        }
    }

    /** Rows loaded, then what the writers did: the verification's expectations. */
    private record Counts(long loaded, long inserted, long updated) {
    }

    /** Every variable the schedule names must exist, so that a misspelt --set fails before the load. */
    private void checkScheduledNames(Connection admin) throws SQLException {
        List<String> unknown = new ArrayList<>();
        for (String name : options.schedule().names()) {
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL." + name)) {
                rs.next();
            } catch (SQLException e) {
                unknown.add(name + " (" + WorkloadRun.firstLine(e) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new SQLException("--set names variables without a GLOBAL value here: " + String.join("; ", unknown));
        }
    }

    private static Map<String, String> readSettings(Connection connection, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL." + name)) {
                values.put(name, rs.next() ? rs.getString(1) : "n/a");
            } catch (SQLException e) {
                values.put(name, "n/a");
            }
        }
        return values;
    }

    /** Ids 0 to rows - 1, k 0, in transactions of {@value #LOAD_BATCH_ROWS} rows with JDBC batches. */
    private void load(Connection connection) throws SQLException {
        int rows = options.rows();
        say(String.format(Locale.ROOT, "loading %,d rows", rows));
        long t0 = System.nanoTime();
        int step = Math.max(LOAD_BATCH_ROWS, rows / 10 / LOAD_BATCH_ROWS * LOAD_BATCH_ROWS);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int id = 0; id < rows; id++) {
                insert.setLong(1, id);
                insert.setString(2, pad(id, 0));
                insert.addBatch();
                if ((id + 1) % LOAD_BATCH_ROWS == 0 || id == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
                if ((id + 1) % step == 0 && id + 1 < rows) {
                    say(String.format(Locale.ROOT, "  %,d rows, %.1f s", id + 1, (System.nanoTime() - t0) / 1e9));
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
        loadSeconds = (System.nanoTime() - t0) / 1e9;
        say(String.format(Locale.ROOT, "loaded %,d rows in %.1f s (%,.0f rows/s)", rows, loadSeconds,
                rows / loadSeconds));
    }

    /** The timed, recorded part: recorder and writers, until --seconds or a failure. */
    private Counts record(Peer peer) throws Exception {
        LongAdder statements = new LongAdder();
        LongAdder updated = new LongAdder();
        LongAdder inserted = new LongAdder();
        AtomicLong nextId = new AtomicLong(options.rows());
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Writer> writers = new ArrayList<>();
        try (Connection recorderConnection = peer.connect();
                TimeSeriesCsv.Appender appender = new TimeSeriesCsv.Appender(csv,
                        TimeSeriesRecorder.columns(FlushingColumns.sampled(), FlushingColumns.DERIVED))) {
            MetricsSampler sampler = new MetricsSampler(recorderConnection, FlushingColumns.METRICS,
                    FlushingColumns.STATUS);
            ScheduledChanges changes = new ScheduledChanges(recorderConnection, options.schedule());
            recorder = new TimeSeriesRecorder(sampler, FlushingColumns.sampled(), FlushingColumns.DERIVED, statements,
                    seconds, changes, row -> {
                        appender.append(row);
                        watch(row);
                    });
            try {
                for (int i = 0; i < options.threads().get(0); i++) {
                    Connection connection = peer.connect();
                    try {
                        connection.setAutoCommit(true);
                        writers.add(new Writer(i, connection, options.seed(), options.rows(), nextId, statements,
                                updated, inserted, go, writerFailure, recorder::stop));
                    } catch (SQLException | RuntimeException e) {
                        connection.close();
                        throw e;
                    }
                }
                writers.forEach(Thread::start);
                say(String.format(Locale.ROOT, "recording %d s with %d writer threads; SET GLOBAL schedule %s",
                        seconds, writers.size(), options.schedule().text()));
                recorder.start();
                enableFailure = sampler.enableFailure();
                if (enableFailure != null) {
                    say("SET GLOBAL innodb_monitor_enable='all' failed: " + enableFailure);
                }
                go.countDown();
                if (!recorder.awaitEnd(seconds + RECORDER_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    Path dump = dumpThreads("stuck");
                    failures.add("the recorder did not finish " + RECORDER_GRACE_SECONDS + " s after the last second:"
                            + " its sample has been waiting for the database; thread dump in " + dump);
                    aborted = true;
                    recorder.stop();
                }
            } finally {
                go.countDown();
                stopWriters(writers);
            }
            if (recorder.failure() != null) {
                fail("the recorder", recorder.failure(), null);
            }
            if (writerFailure.get() != null) {
                fail("a writer", writerFailure.get(), null);
            }
            if (recorder.skippedSeconds() > 0) {
                notes.add(recorder.skippedSeconds() + " seconds have no row: a sample was more than a second late");
            }
        }
        return new Counts(options.rows(), inserted.sum(), updated.sum());
    }

    private void stopWriters(List<Writer> writers) {
        writers.forEach(StatementLoop::requestStop);
        List<String> stuck = new ArrayList<>();
        for (Writer w : writers) {
            try {
                w.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (w.isAlive()) {
                stuck.add(w.getName());
            } else {
                try {
                    w.close();
                } catch (SQLException e) {
                    notes.add("closing " + w.getName() + "'s connection failed: " + WorkloadRun.firstLine(e));
                }
            }
        }
        if (!stuck.isEmpty()) {
            Path dump = dumpThreads("stuck");
            failures.add(String.join(", ", stuck) + " still in a statement " + STOP_TIMEOUT_SECONDS
                    + " s after being told to stop; thread dump in " + dump);
            aborted = true;
        }
    }

    /** One writer thread: random-key updates and some inserts, each its own transaction. */
    private static final class Writer extends StatementLoop {
        private final Connection connection;
        private final PreparedStatement update;
        private final PreparedStatement insert;
        private final SplittableRandom random;
        private final long rows;
        private final AtomicLong nextId;
        private final LongAdder statements;
        private final LongAdder updated;
        private final LongAdder inserted;
        private long version;

        Writer(int index, Connection connection, long seed, long rows, AtomicLong nextId, LongAdder statements,
                LongAdder updated, LongAdder inserted, CountDownLatch go, AtomicReference<Throwable> failure,
                Runnable onFailure) throws SQLException {
            super("flushing-writer-" + index, go, failure, onFailure);
            this.connection = connection;
            this.update = connection.prepareStatement(UPDATE);
            this.insert = connection.prepareStatement(INSERT);
            this.random = new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L);
            this.rows = rows;
            this.nextId = nextId;
            this.statements = statements;
            this.updated = updated;
            this.inserted = inserted;
        }

        @Override
        void step() throws SQLException {
            if (random.nextInt(100) < INSERT_PERCENT) {
                long id = nextId.getAndIncrement();
                insert.setLong(1, id);
                insert.setString(2, pad(id, 0));
                expectOneRow(insert.executeUpdate(), "INSERT", id);
                inserted.increment();
            } else {
                long id = random.nextLong(rows);
                update.setString(1, pad(id, ++version));
                update.setLong(2, id);
                expectOneRow(update.executeUpdate(), "UPDATE", id);
                updated.increment();
            }
            statements.increment();
        }

        void close() throws SQLException {
            try {
                update.close();
                insert.close();
            } finally {
                connection.close();
            }
        }
    }

    /** Runs the --set changes on the recorder's thread and connection, right after a second's sample. */
    private final class ScheduledChanges implements TimeSeriesRecorder.Events {
        private final Connection connection;
        private final TreeMap<Integer, List<SetSchedule.Change>> pending;

        ScheduledChanges(Connection connection, SetSchedule schedule) {
            this.connection = connection;
            this.pending = new TreeMap<>(schedule.bySecond());
        }

        @Override
        public String runDue(int second) {
            List<String> done = new ArrayList<>();
            Iterator<Map.Entry<Integer, List<SetSchedule.Change>>> due = pending.headMap(second, true).entrySet()
                    .iterator();
            while (due.hasNext()) {
                for (SetSchedule.Change change : due.next().getValue()) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(change.statement());
                        done.add(change.assignment());
                    } catch (SQLException e) {
                        String why = WorkloadRun.firstLine(e);
                        done.add(change.assignment() + " (failed: " + why + ")");
                        failures.add("at " + second + " s, " + change.statement() + " failed: " + why);
                    }
                }
                due.remove();
            }
            if (done.isEmpty()) {
                return "";
            }
            String text = String.join(", ", done);
            say(String.format(Locale.ROOT, "t=%d s: SET GLOBAL %s", second, text));
            return text;
        }
    }

    /** Progress every ten seconds; a thread dump after {@value #STALL_SECONDS} seconds in a row without a statement. */
    private void watch(TimeSeries.Row row) {
        Double rate = row.get(FlushingColumns.STATEMENTS_PER_S);
        if (rate != null && rate == 0) {
            zeroRun++;
            if (zeroRun == STALL_SECONDS && stallDumps < MAX_STALL_DUMPS) {
                stallDumps++;
                Path dump = dumpThreads("stall-" + row.second() + "s");
                say(String.format(Locale.ROOT, "t=%d s: no statement completed for %d s; thread dump in %s",
                        row.second(), STALL_SECONDS, dump));
                notes.add(String.format(Locale.ROOT, "no statement completed in seconds %d-%d; thread dump in %s",
                        row.second() - STALL_SECONDS + 1, row.second(), dump));
            }
        } else {
            zeroRun = 0;
        }
        if (row.second() % 10 == 0 && row.second() > 0) {
            say(String.format(Locale.ROOT, "t=%d s: %s statements/s; checkpoint age %s MiB (async %s, sync %s);"
                    + " dirty %s, free %s; pages flushed/s %s (adaptive %s, sync %s, background %s, LRU %s,"
                    + " single-page %s)", row.second(), num(row, FlushingColumns.STATEMENTS_PER_S, 1),
                    num(row, FlushingColumns.CHECKPOINT_AGE, 1 << 20), num(row, FlushingColumns.ASYNC_AGE, 1 << 20),
                    num(row, FlushingColumns.SYNC_AGE, 1 << 20), num(row, FlushingColumns.PAGES_DIRTY, 1),
                    num(row, FlushingColumns.PAGES_FREE, 1), num(row, FlushingColumns.PAGES_FLUSHED_PER_S, 1),
                    num(row, FlushingColumns.ADAPTIVE_PER_S, 1), num(row, FlushingColumns.SYNC_PER_S, 1),
                    num(row, FlushingColumns.BACKGROUND_PER_S, 1), num(row, FlushingColumns.LRU_FLUSH_PER_S, 1),
                    num(row, FlushingColumns.SINGLE_PAGE_PER_S, 1)));
        }
    }

    private static String num(TimeSeries.Row row, String column, double divisor) {
        Double v = row.get(column);
        if (v == null) {
            return "n/a";
        }
        return divisor == 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v / divisor);
    }

    /**
     * BENCH3: the table holds every loaded and inserted row, {@code SUM(k)} is the number of
     * updates (each added 1 to a k that started at 0), and sampled rows hold a pad written for
     * their id.
     */
    private String verify(Connection connection, Counts counts) throws SQLException {
        say("verifying");
        long expectedRows = counts.loaded() + counts.inserted();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(k) FROM " + TABLE)) {
            rs.next();
            long rows = rs.getLong(1);
            long sum = rs.getLong(2);
            if (rows != expectedRows) {
                throw new SQLException("expected " + expectedRows + " rows after the run (" + counts.loaded()
                        + " loaded + " + counts.inserted() + " inserted), found " + rows);
            }
            if (sum != counts.updated()) {
                throw new SQLException("expected SUM(k) = " + counts.updated() + " (one per UPDATE), found " + sum);
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        try (PreparedStatement select = connection.prepareStatement("SELECT pad FROM " + TABLE + " WHERE id = ?")) {
            for (int i = 0; i < VERIFY_SAMPLES; i++) {
                long id = random.nextLong(expectedRows);
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("row " + id + " is missing");
                    }
                    String pad = rs.getString(1);
                    if (pad.length() != PAD_LENGTH || !pad.startsWith(id + ":")) {
                        throw new SQLException("row " + id + " holds a pad not written for it: " + pad);
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "ok: %,d rows (%,d loaded + %,d inserted), SUM(k) = %,d = the UPDATEs"
                + " made, %d random rows read back as written", expectedRows, counts.loaded(), counts.inserted(),
                counts.updated(), VERIFY_SAMPLES);
    }

    /** {@value #PAD_LENGTH} characters: {@code id:version:} then letters that depend on both. */
    static String pad(long id, long version) {
        String head = id + ":" + version + ":";
        int offset = (int) Math.floorMod(id * 0x9E3779B97F4A7C15L + version * 0xBF58476D1CE4E5B9L,
                (long) (FILL.length() - PAD_LENGTH));
        return head + FILL.substring(offset, offset + PAD_LENGTH - head.length());
    }

    private static String fill() {
        SplittableRandom random = new SplittableRandom(20261122L);
        char[] chars = new char[1024];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private String subtitle() {
        return String.format(Locale.ROOT, "%,d rows loaded, %d writer threads (random-key UPDATE, %d %% INSERT,"
                + " autocommit); %s; %s", options.rows(), options.threads().get(0), INSERT_PERCENT,
                options.startupText(), durability.description().isEmpty() ? "durability " + options.durability()
                        .optionName() : durability.description().replaceFirst(":.*", ""));
    }

    private String report(MachineFacts machine, TimeSeries series, boolean drawn) {
        StringBuilder r = new StringBuilder();
        r.append("FlushDB bench, flushing, ").append(started).append('\n');
        r.append("machine: ").append(machine.describe()).append('\n');
        r.append("command: ").append(String.join(" ", options.arguments())).append('\n');
        r.append(String.format(Locale.ROOT, "run: %,d rows of about 200 bytes loaded into %s(id BIGINT PRIMARY KEY,"
                + " k INT, pad VARCHAR(200))%s; then %d writer threads for %d s, each on its own connection in"
                + " autocommit: %d %% \"%s\" on a uniformly random loaded id, %d %% \"%s\" with new ids ascending;"
                + " seed %d; one sample a second; in this JVM, in a fresh data directory%n", options.rows(), TABLE,
                loadSeconds < 0 ? "" : String.format(Locale.ROOT, " in %.1f s (%,.0f rows/s)", loadSeconds,
                        options.rows() / loadSeconds),
                options.threads().get(0), seconds, 100 - INSERT_PERCENT, UPDATE, INSERT_PERCENT, INSERT,
                options.seed()));
        r.append("startup settings (URL): ").append(options.startupText()).append('\n');
        r.append(String.format(Locale.ROOT, "target: flushdb %s; %s%n", product.isEmpty() ? "(not reached)" : product,
                access));
        r.append(String.format(Locale.ROOT, "durability (requested %s): %s%s%n", options.durability().optionName(),
                durability.asRequested() ? "" : "(!) ", durability.description()));
        r.append("settings at the start: ").append(settingsText(settingsAtStart)).append('\n');
        r.append("INNODB_METRICS: ").append(enableFailure == null ? "innodb_monitor_enable='all' set"
                : "innodb_monitor_enable='all' failed: " + enableFailure);
        if (series != null) {
            List<String> absent = new ArrayList<>();
            for (String column : FlushingColumns.sampled()) {
                if (!series.present(column)) {
                    absent.add(column);
                }
            }
            r.append(absent.isEmpty() ? "; every sampled figure present"
                    : "; never reported (absent, empty in the CSV): " + String.join(", ", absent));
        }
        r.append('\n');
        r.append("SET GLOBAL changes (--set ").append(options.schedule().text()).append("):\n");
        if (series != null) {
            List<TimeSeries.Event> events = series.events();
            for (int i = 0; i < events.size(); i++) {
                r.append(String.format(Locale.ROOT, "  #%d  t=%3d s  %s%n", i + 1, events.get(i).second(),
                        events.get(i).text()));
            }
            if (events.isEmpty()) {
                r.append("  none ran\n");
            }
        }
        if (!settingsAtEnd.isEmpty()) {
            r.append("changed settings at the end: ").append(settingsText(settingsAtEnd)).append('\n');
        }
        r.append('\n');
        if (series != null && !series.rows().isEmpty()) {
            r.append("result:\n").append(FlushingSummary.text(series));
            r.append('\n');
            r.append("per phase between SET GLOBAL changes (per-second figures; a change at second s runs after"
                    + " its sample, so its phase starts with second s+1):\n");
            r.append(FlushingSummary.phases(series));
            r.append('\n');
        }
        r.append("verify: ").append(verified).append('\n');
        for (String note : notes) {
            r.append("note: ").append(note).append('\n');
        }
        for (String failure : failures) {
            r.append("FAILED: ").append(failure).append('\n');
        }
        r.append("files:\n");
        r.append("  csv  ").append(csv).append('\n');
        r.append("  png  ").append(drawn ? png.toString() : "(not drawn)").append('\n');
        r.append("  txt  ").append(txt).append('\n');
        return r.toString();
    }

    private static String settingsText(Map<String, String> settings) {
        List<String> items = new ArrayList<>();
        settings.forEach((k, v) -> items.add(k + "=" + v));
        return String.join(", ", items);
    }

    private void fail(String where, Throwable e, Path dataDir) {
        String message = WorkloadRun.firstLine(e);
        if (dataDir != null) {
            message = message.replace(dataDir.toString(), "<datadir>");
        }
        failures.add(where + ": " + e.getClass().getName() + ": " + message);
        aborted = true;
        say(where + " failed:");
        e.printStackTrace(progress);
    }

    /** Every thread's stack and locks, into {@code <stamp>-<what>-threads.txt} next to the CSV. */
    private Path dumpThreads(String what) {
        Path file = options.resultsDir().resolve(stamp + "-" + what + "-threads.txt");
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                dump.append(" on ").append(t.getLockName());
            }
            if (t.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(t.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < stack.length; i++) {
                dump.append("    at ").append(stack[i]).append('\n');
                for (MonitorInfo m : t.getLockedMonitors()) {
                    if (m.getLockedStackDepth() == i) {
                        dump.append("    - locked ").append(m).append('\n');
                    }
                }
            }
            for (LockInfo l : t.getLockedSynchronizers()) {
                dump.append("    - holds ").append(l).append('\n');
            }
            dump.append('\n');
        }
        try {
            Files.writeString(file, dump.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            progress.println("could not write the thread dump: " + e);
            progress.print(dump);
        }
        return file;
    }

    private void say(String message) {
        progress.println("  [flushing] " + message);
    }
}
