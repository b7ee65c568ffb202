package io.flushdb.bench;

import io.flushdb.bench.report.CommitRates;
import io.flushdb.bench.report.FsyncRate;
import io.flushdb.bench.report.ConcurrentReport;
import io.flushdb.bench.report.MachineFacts;
import io.flushdb.bench.report.Report;
import io.flushdb.bench.report.RunResult;
import io.flushdb.bench.timeseries.FlushingChart;
import io.flushdb.bench.timeseries.TimeSeries;
import io.flushdb.bench.timeseries.TimeSeriesCsv;
import io.flushdb.bench.workloads.Workloads;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench command line: runs each workload against each target (or, with {@code --scenario
 * group-commit}, measures durable commits per second by number of committing threads beside the
 * raw fsync rate; with {@code --scenario bank}, transfers between accounts per second by number
 * of client threads on every target, in the same way; with {@code --scenario flushing}, records FlushDB's flushing second by second
 * under a write-heavy load, see {@link FlushingRun}), prints the report to stdout and writes it,
 * with a CSV, to the results directory. {@code --chart FILE.csv} only redraws a flushing run's
 * PNG from its CSV. See {@code docs/bench.md}.
 *
 * <p>Progress goes to stderr. Exit status: 0 when the runs completed (a target that failed is a
 * row in the report, not an error), 1 when the flushing scenario failed (it has one target) or a
 * file could not be written, 2 for a bad command line. The JVM is ended with
 * {@code System.exit} so that a non-daemon thread left by a peer cannot keep it alive.
 */
public final class BenchMain {

    static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        int status;
        if (options.chart() != null) {
            status = redrawChart(options.chart());
        } else if (options.flushing()) {
            status = new FlushingRun(options, System.err, System.out).run();
        } else if (options.concurrent()) {
            status = options.childResultFile() != null ? runConcurrentChild(options) : runConcurrent(options);
        } else {
            status = options.childResultFile() != null ? runChild(options) : runAll(options);
        }
        System.exit(status);
    }

    /** {@code --chart}: the PNG of a flushing CSV, next to it, from the CSV alone. */
    private static int redrawChart(Path csv) {
        String name = csv.getFileName().toString();
        Path png = csv.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".png");
        try {
            TimeSeries series = TimeSeriesCsv.read(csv);
            FlushingChart.write(series, "FlushDB flushing scenario, " + name, "redrawn from the CSV alone", png);
            System.err.println("wrote " + png.toAbsolutePath().normalize());
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("error: no such file: " + csv);
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("error: could not draw " + csv + ": " + e.getMessage());
            return 1;
        }
    }

    /** In a child JVM: the one workload on the one target, result written for the parent. */
    private static int runChild(BenchOptions options) {
        RunResult result = new WorkloadRun(options.workloads().get(0), options.targets().get(0),
                options, System.err).run();
        try (Writer out = Files.newBufferedWriter(options.childResultFile(), StandardCharsets.UTF_8)) {
            result.store(out);
            return 0;
        } catch (IOException e) {
            System.err.println("error: could not write the result: " + e);
            return 1;
        }
    }

    /** In a child JVM: the concurrent scenario on the one target, result written for the parent. */
    private static int runConcurrentChild(BenchOptions options) {
        CommitRates result = new ConcurrentRun(options.targets().get(0), workload(options), options, System.err).run();
        try (Writer out = Files.newBufferedWriter(options.childResultFile(), StandardCharsets.UTF_8)) {
            result.store(out);
            return 0;
        } catch (IOException e) {
            System.err.println("error: could not write the result: " + e);
            return 1;
        }
    }

    /** A new instance of the concurrent scenario's workload, for one target's run. */
    static ConcurrentWorkload workload(BenchOptions options) {
        return options.groupCommit() ? new GroupCommitInserts() : new BankTransfers(options.accounts(), options.seed());
    }

    /**
     * A concurrent scenario (group-commit or bank): the raw fsync rate of the file system under
     * {@code --tmpdir}, then each target with 1, 4, 16 (--threads) client threads, in
     * interleaved rounds (--rounds). See {@code docs/bench.md}.
     */
    private static int runConcurrent(BenchOptions options) {
        String scenario = options.scenario();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MachineFacts machine = MachineFacts.collect(options.tempRoot());
        FsyncRate raw = null;
        FsyncRate rawWithMetadata = null;
        FsyncRate rawAfter = null;
        String rawFailure = null;
        try {
            System.err.printf(Locale.ROOT, "raw fsync rate: force(false) for %.1f s, force(true) for %.1f s%n",
                    options.fsyncSeconds(), options.fsyncSeconds() / 2);
            raw = FsyncProbe.measure(options.tempRoot(), options.fsyncSeconds(), false);
            // For reference: ChannelFileIO, under the redo log, forces with force(true).
            rawWithMetadata = FsyncProbe.measure(options.tempRoot(), options.fsyncSeconds() / 2, true);
        } catch (IOException | RuntimeException e) {
            rawFailure = e.toString();
        }
        List<CommitRates> results = new ArrayList<>();
        int n = 0;
        for (String target : options.targets()) {
            System.err.printf(Locale.ROOT, "[%d/%d] %s on %s%n", ++n, options.targets().size(), scenario, target);
            CommitRates result = options.fork()
                    ? ForkedRun.runConcurrent(target, options)
                    : new ConcurrentRun(target, workload(options), options, System.err).run();
            if (!result.succeeded()) {
                System.err.printf(Locale.ROOT, "[%d/%d] %s on %s failed: %s%n", n,
                        options.targets().size(), scenario, target, result.failure());
            }
            results.add(result);
        }
        if (raw != null) {
            try {
                System.err.printf(Locale.ROOT, "raw fsync rate again: force(false) for %.1f s%n", options.fsyncSeconds());
                rawAfter = FsyncProbe.measure(options.tempRoot(), options.fsyncSeconds(), false);
            } catch (IOException | RuntimeException e) {
                System.err.println("could not measure the raw fsync rate again: " + e);
            }
        }
        String settings = String.format(Locale.ROOT, "threads %s, %d round%s (each round runs every thread count"
                + " once, in this order); warm-up %.1f s + timed %.1f s per phase; raw fsync measured for %.1f s"
                + " before and after; %s, each target in a fresh data directory",
                options.threads().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""),
                options.rounds(), options.rounds() == 1 ? "" : "s",
                options.warmupSeconds(), options.seconds(), options.fsyncSeconds(),
                options.fork() ? "one JVM per target" : "all targets in one JVM");
        if (!options.groupCommit()) {
            settings += String.format(Locale.ROOT, "; %,d accounts, seed %d", options.accounts(), options.seed());
        }
        ConcurrentReport report = new ConcurrentReport(options.groupCommit() ? ConcurrentReport.Scenario.GROUP_COMMIT
                : ConcurrentReport.Scenario.BANK, "FlushDB bench, " + (options.groupCommit() ? "group commit"
                : "bank transfers") + ", " + started, machine, settings, String.join(" ", options.arguments()),
                options.durability().optionName(), workload(options).operation(), raw, rawWithMetadata, rawAfter,
                FsyncProbe.SETUP, rawFailure, results);
        String text = report.text();
        System.out.print(text);
        return writeResults(options.resultsDir(), scenario + "-" + FILE_STAMP.format(started), text, report.csv());
    }

    private static int runAll(BenchOptions options) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MachineFacts machine = MachineFacts.collect(options.tempRoot());
        List<RunResult> results = new ArrayList<>();
        int total = options.workloads().size() * options.targets().size();
        int n = 0;
        for (String workload : options.workloads()) {
            for (String target : options.targets()) {
                System.err.printf(Locale.ROOT, "[%d/%d] %s on %s%n", ++n, total, workload, target);
                RunResult result = options.fork()
                        ? ForkedRun.run(workload, target, options)
                        : new WorkloadRun(workload, target, options, System.err).run();
                if (!result.succeeded()) {
                    System.err.printf(Locale.ROOT, "[%d/%d] %s on %s failed: %s%n", n, total, workload,
                            target, result.failure());
                }
                results.add(result);
            }
        }

        Map<String, String> operations = new LinkedHashMap<>();
        for (String workload : options.workloads()) {
            operations.put(workload, Workloads.create(workload).operation());
        }
        Report report = new Report("FlushDB bench, " + started, machine, runSettings(options),
                String.join(" ", options.arguments()), options.durability().optionName(),
                options.baseline(), operations, results);
        String text = report.text();
        System.out.print(text);
        return writeResults(options.resultsDir(), "bench-" + FILE_STAMP.format(started), text, report.csv());
    }

    private static String runSettings(BenchOptions options) {
        return String.format(Locale.ROOT, "warm-up %,d + timed %,d operations per run; %,d rows"
                + " loaded for reading workloads; seed %d; %s, each in a fresh data directory",
                options.warmup(), options.ops(), options.rows(), options.seed(),
                options.fork() ? "one JVM per run" : "all runs in one JVM");
    }

    /** Writes {@code <name>.txt} and {@code <name>.csv} into {@code dir}. */
    private static int writeResults(Path dir, String name, String text, String csv) {
        try {
            Files.createDirectories(dir);
            Path txt = dir.resolve(name + ".txt");
            Path csvFile = dir.resolve(name + ".csv");
            Files.writeString(txt, text, StandardCharsets.UTF_8);
            Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
            System.err.println("wrote " + csvFile.toAbsolutePath().normalize() + " and " + txt.getFileName());
            return 0;
        } catch (IOException e) {
            System.err.println("error: could not write results to " + dir + ": " + e);
            return 1;
        }
    }
}
