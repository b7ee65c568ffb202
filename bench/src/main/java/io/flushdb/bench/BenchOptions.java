package io.flushdb.bench;

import io.flushdb.bench.peers.Durability;
import io.flushdb.bench.peers.Peers;
import io.flushdb.bench.timeseries.SetSchedule;
import io.flushdb.bench.workloads.WorkloadSettings;
import io.flushdb.bench.workloads.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parsed command line. Options take their value as the next argument or after '='
 * ({@code --ops 100000} or {@code --ops=100000}); numbers may use '_' separators.
 *
 * @param childResultFile set only in a child JVM started by {@link ForkedRun}: run the one
 *     workload (or scenario) on the one target and write the result there
 * @param scenario {@link #WORKLOADS} (each workload on each target, the default),
 *     {@link #GROUP_COMMIT} (durable commits per second by number of committing threads),
 *     {@link #BANK} (transfers between accounts by number of client threads) or
 *     {@link #FLUSHING} (a write-heavy run recorded second by second)
 * @param rows workloads: rows loaded for reading workloads; flushing: rows loaded before the run
 * @param threads group-commit and bank scenarios: the numbers of client threads, one timed phase
 *     each per round; flushing: one number, the writer threads
 * @param rounds group-commit and bank scenarios: how many times every thread count runs,
 *     interleaved (round 1: each count of {@code threads} in order; round 2: the same; ...)
 * @param seconds group-commit and bank scenarios: length of each timed phase; flushing: length
 *     of the run (a whole number)
 * @param warmupSeconds group-commit and bank scenarios: untimed transactions before each timed
 *     phase
 * @param fsyncSeconds group-commit and bank scenarios: length of the raw fsync measurement
 * @param schedule flushing: the SET GLOBAL changes during the run ({@code --set})
 * @param startupSettings flushing: FlushDB system variables given in the URL
 *     (innodb_buffer_pool_size=64M, innodb_redo_log_capacity=100M, with {@code --startup} on top)
 * @param chart {@code --chart}: redraw the PNG of this flushing CSV and run nothing; else null
 * @param accounts bank scenario: the accounts loaded before the run, at least 2
 */
public record BenchOptions(List<String> workloads, List<String> targets, int ops, int warmup,
        int rows, Durability durability, long seed, String baseline, Path resultsDir,
        Path tempRoot, boolean fork, Duration runTimeout, boolean help, Path childResultFile,
        List<String> arguments, String scenario, List<Integer> threads, int rounds, double seconds,
        double warmupSeconds, double fsyncSeconds, SetSchedule schedule, Map<String, String> startupSettings,
        Path chart, int accounts) {

    /** The default scenario: every workload on every target, one timed run each. */
    public static final String WORKLOADS = "workloads";

    /** Durable commits per second with 1, 4, 16 committing threads, next to the raw fsync rate. */
    public static final String GROUP_COMMIT = "group-commit";

    /**
     * Money transfers between accounts, one transaction each, by 1, 4, 16 client threads, on
     * every target: rows locked in random order, deadlocks retried, the total checked at the end.
     */
    public static final String BANK = "bank";

    /**
     * A write-heavy run on FlushDB with a small buffer pool and redo log, recorded second by
     * second (flushing and checkpoint counters) to a CSV and a chart, with SET GLOBAL changes
     * to the flushing settings during the run.
     */
    public static final String FLUSHING = "flushing";

    static final List<String> SCENARIOS = List.of(WORKLOADS, GROUP_COMMIT, BANK, FLUSHING);

    /** The options each scenario reads besides the common ones. */
    private static final Map<String, Set<String>> SCENARIO_OPTIONS = Map.of(
            WORKLOADS, Set.of("--workloads", "--workload", "--ops", "--warmup", "--rows", "--seed", "--baseline"),
            GROUP_COMMIT, Set.of("--threads", "--rounds", "--seconds", "--warmup-seconds", "--fsync-seconds"),
            BANK, Set.of("--threads", "--rounds", "--seconds", "--warmup-seconds", "--fsync-seconds", "--accounts",
                    "--seed"),
            FLUSHING, Set.of("--threads", "--seconds", "--rows", "--seed", "--set", "--startup"));

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SETTING_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    static final String USAGE = """
            usage: BenchMain [options]
                   BenchMain --chart FILE.csv
              --scenario S         workloads|group-commit|bank|flushing; default workloads
                                   workloads: each workload on each target (options below)
                                   group-commit: durable commits/s by number of committing
                                   threads, beside the raw fsync rate (see its block)
                                   bank: transfers between accounts by number of client
                                   threads, every target (see its block)
                                   flushing: FlushDB's flushing and checkpoints second by
                                   second under random updates (see the last block)
              --chart FILE.csv     redraw FILE.png from a flushing CSV; runs nothing
              --workloads LIST     comma-separated, or 'all' (%s); default %s
              --targets LIST       comma-separated, or 'all' (%s); default %s
                                   mariadb starts a MariaDB server (about 10 s per run)
              --ops N              timed operations per run; default 100000
              --warmup N           untimed operations before timing; default 20000
              --rows N             rows loaded for reading workloads; default 100000
              --durability D       default|fsync-per-commit|none; default 'default' (each peer
                                   as shipped). Each peer reports what it actually ran with.
              --baseline NAME      target the ratios are computed against; default flushdb
              --seed N             seed of every random choice; default 42
              --results-dir DIR    where the .csv and .txt results go; default 'results'
              --tmpdir DIR         where the databases are created (its file system sets the
                                   fsync cost); default the JVM's temporary directory
              --no-fork            run every target in this JVM instead of one JVM per run
              --timeout-minutes N  a run still going after this is stopped and reported
                                   failed; default 30
              --help
            group-commit scenario (targets default to flushdb, durability to fsync-per-commit):
              --threads LIST       committing threads per timed phase; default 1,4,16
              --rounds R           rounds of timed phases, each running every thread count
                                   once, in the order of --threads; the report takes medians
                                   over the rounds; default 3
              --seconds X          length of each timed phase; default 2
              --warmup-seconds X   untimed committing before each timed phase; default 1
              --fsync-seconds X    length of the raw fsync measurement; default 2
            bank scenario (targets default to all, durability to fsync-per-commit; --threads,
            --rounds, --seconds, --warmup-seconds and --fsync-seconds as for group-commit):
              --accounts N         accounts loaded, balance 1000 each; at least 2; default 1000
              --seed N             seed of the clients' random transfers; default 42
            flushing scenario (flushdb only, in this JVM; durability default none, that is
            innodb_flush_log_at_trx_commit=2):
              --rows N             rows loaded before the run (~200 bytes each); default 1000000
              --threads N          writer threads (random-key UPDATEs, 10 %% INSERTs, autocommit);
                                   default 4
              --seconds N          length of the recorded run, whole seconds; default 240
              --set LIST           SET GLOBAL changes during the run, SECOND:NAME=VALUE items;
                                   an item without SECOND: joins the previous second; 'none'
                                   for no changes. Default (for 240 s, scaled to --seconds):
                                   %s
              --startup LIST       NAME=VALUE,... URL settings on top of the defaults
                                   %s
              --seed N             seed of the writers' random keys; default 42
            """.formatted(String.join(",", Workloads.ALL), String.join(",", Workloads.ALL),
            String.join(",", Peers.ALL), String.join(",", Peers.DEFAULT),
            SetSchedule.DEFAULT.replaceAll(",(?=[0-9]+:)", ",\n" + " ".repeat(23)),
            settingsText(flushingStartup()));

    public static BenchOptions parse(String... args) {
        List<String> workloads = Workloads.ALL;
        List<String> targets = Peers.DEFAULT;
        int ops = 100_000;
        int warmup = 20_000;
        int rows = 100_000;
        Durability durability = Durability.DEFAULT;
        long seed = 42;
        String baseline = Peers.FLUSHDB;
        Path resultsDir = Path.of("results");
        Path tempRoot = Path.of(System.getProperty("java.io.tmpdir"));
        boolean fork = true;
        Duration runTimeout = Duration.ofMinutes(30);
        boolean help = false;
        Path childResultFile = null;
        String scenario = WORKLOADS;
        List<Integer> threads = List.of(1, 4, 16);
        int rounds = 3;
        double seconds = 2;
        double warmupSeconds = 1;
        double fsyncSeconds = 2;
        SetSchedule schedule = null;
        Map<String, String> startup = new LinkedHashMap<>();
        Path chart = null;
        int accounts = 1000;
        Set<String> given = new HashSet<>();

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (name.equals("--no-fork")) {
                fork = false;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            given.add(name);
            switch (name) {
                case "--workloads", "--workload" -> workloads = names(value, Workloads.ALL, "workload");
                case "--targets", "--target" -> targets = names(value, Peers.ALL, "target");
                case "--ops" -> ops = positive(name, value);
                case "--warmup" -> warmup = nonNegative(name, value);
                case "--rows" -> rows = positive(name, value);
                case "--durability" -> durability = Durability.fromOptionName(value);
                case "--seed" -> seed = Long.parseLong(value.replace("_", ""));
                case "--baseline" -> baseline = names(value, Peers.ALL, "target").get(0);
                case "--results-dir" -> resultsDir = Path.of(value);
                case "--tmpdir" -> tempRoot = Path.of(value);
                case "--timeout-minutes" -> runTimeout = Duration.ofMinutes(positive(name, value));
                case "--child-result" -> childResultFile = Path.of(value);
                case "--scenario" -> {
                    if (!SCENARIOS.contains(value)) {
                        throw new IllegalArgumentException("unknown scenario '" + value + "', expected one of "
                                + String.join("|", SCENARIOS));
                    }
                    scenario = value;
                }
                case "--threads" -> threads = threadCounts(value);
                case "--rounds" -> {
                    rounds = positive(name, value);
                    if (rounds > 100) {
                        throw new IllegalArgumentException("--rounds " + rounds + " is more than 100");
                    }
                }
                case "--seconds" -> seconds = seconds(name, value, false);
                case "--warmup-seconds" -> warmupSeconds = seconds(name, value, true);
                case "--fsync-seconds" -> fsyncSeconds = seconds(name, value, false);
                case "--set" -> schedule = SetSchedule.parse(value);
                case "--startup" -> startup.putAll(settings(name, value));
                case "--chart" -> chart = Path.of(value);
                case "--accounts" -> {
                    accounts = positive(name, value);
                    if (accounts < 2) {
                        throw new IllegalArgumentException("--accounts must be at least 2 (a transfer needs two)");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (chart != null) {
            Set<String> others = new HashSet<>(given);
            others.remove("--chart");
            if (!others.isEmpty()) {
                throw new IllegalArgumentException("--chart redraws a chart and takes no other option, got "
                        + String.join(", ", others.stream().sorted().toList()));
            }
            if (!chart.toString().endsWith(".csv")) {
                throw new IllegalArgumentException("--chart needs a .csv file written by --scenario flushing, got "
                        + chart);
            }
        }
        Set<String> foreign = new HashSet<>();
        SCENARIO_OPTIONS.values().forEach(foreign::addAll);
        foreign.removeAll(SCENARIO_OPTIONS.get(scenario));
        foreign.retainAll(given);
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", foreign.stream().sorted().toList())
                    + " does not apply to --scenario " + scenario);
        }
        if (scenario.equals(FLUSHING)) {
            if ((given.contains("--targets") || given.contains("--target")) && !targets.equals(List.of(Peers.FLUSHDB))) {
                throw new IllegalArgumentException("--scenario flushing runs on flushdb only (it reads FlushDB's"
                        + " flushing counters and URL settings), got --targets " + String.join(",", targets));
            }
            targets = List.of(Peers.FLUSHDB);
            if (!given.contains("--durability")) {
                durability = Durability.NONE;
            }
            if (!given.contains("--threads")) {
                threads = List.of(4);
            } else if (threads.size() != 1) {
                throw new IllegalArgumentException("--threads takes one number (the writer threads) for --scenario"
                        + " flushing, got " + threads.size());
            }
            if (!given.contains("--seconds")) {
                seconds = SetSchedule.DEFAULT_SECONDS;
            } else if (seconds != Math.rint(seconds)) {
                throw new IllegalArgumentException("--seconds must be a whole number of seconds for --scenario"
                        + " flushing, got " + seconds);
            }
            if (!given.contains("--rows")) {
                rows = 1_000_000;
            }
            int runSeconds = (int) seconds;
            if (schedule == null) {
                schedule = SetSchedule.parse(SetSchedule.DEFAULT).scaledTo(runSeconds, SetSchedule.DEFAULT_SECONDS);
            } else if (schedule.lastSecond() > runSeconds) {
                throw new IllegalArgumentException("--set changes a variable at second " + schedule.lastSecond()
                        + ", after the end of the run (--seconds " + runSeconds + ")");
            }
            Map<String, String> merged = flushingStartup();
            merged.putAll(startup);
            if (durability != Durability.DEFAULT && merged.containsKey("innodb_flush_log_at_trx_commit")) {
                throw new IllegalArgumentException("--startup innodb_flush_log_at_trx_commit: use --durability"
                        + " (none: 2, fsync-per-commit: 1, default: as --startup says)");
            }
            startup = merged;
            workloads = List.of(FLUSHING);
        } else {
            schedule = SetSchedule.NONE;
        }
        if (scenario.equals(GROUP_COMMIT) || scenario.equals(BANK)) {
            // Both measure durable commits, each peer with its per-commit fsync setting. Group
            // commit: FlushDB alone (the peers are opt-in, they would take the run past half a
            // minute). Bank: every peer, since the point is the comparison.
            if (!given.contains("--targets") && !given.contains("--target")) {
                targets = scenario.equals(BANK) ? Peers.ALL : List.of(Peers.FLUSHDB);
            }
            if (!given.contains("--durability")) {
                durability = Durability.FSYNC_PER_COMMIT;
            }
            workloads = List.of(scenario);
        }
        return new BenchOptions(workloads, targets, ops, warmup, rows, durability, seed, baseline,
                resultsDir, tempRoot, fork, runTimeout, help, childResultFile, List.of(args), scenario,
                threads, rounds, seconds, warmupSeconds, fsyncSeconds, schedule, Map.copyOf(startup), chart,
                accounts);
    }

    public boolean groupCommit() {
        return scenario.equals(GROUP_COMMIT);
    }

    /**
     * A scenario of client threads committing transactions in interleaved rounds of phases, one
     * per thread count ({@link #GROUP_COMMIT}, {@link #BANK}).
     */
    public boolean concurrent() {
        return scenario.equals(GROUP_COMMIT) || scenario.equals(BANK);
    }

    public boolean flushing() {
        return scenario.equals(FLUSHING);
    }

    /** The flushing scenario's startup settings, in a stable order, as {@code name=value ...}. */
    public String startupText() {
        return settingsText(new TreeMap<>(startupSettings));
    }

    /** The flushing scenario's startup settings unless {@code --startup} overrides them. */
    private static Map<String, String> flushingStartup() {
        Map<String, String> settings = new LinkedHashMap<>();
        // Well below the data (about 220 MB for the default 1,000,000 rows): most updates miss
        // the pool, so pages are read, dirtied and must be written to free a frame.
        settings.put("innodb_buffer_pool_size", "64M");
        // The minimum: the run writes it over many times, so checkpoints must keep up.
        settings.put("innodb_redo_log_capacity", "100M");
        return settings;
    }

    private static String settingsText(Map<String, String> settings) {
        List<String> items = new ArrayList<>();
        settings.forEach((k, v) -> items.add(k + "=" + v));
        return String.join(",", items);
    }

    /** {@code NAME=VALUE,...}: names as system variables have them, values numbers or words. */
    private static Map<String, String> settings(String option, String value) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String raw : value.split(",", -1)) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(option + " item '" + item + "': expected NAME=VALUE");
            }
            String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = item.substring(eq + 1).trim();
            if (!SETTING_NAME.matcher(name).matches() || !SETTING_VALUE.matcher(v).matches()) {
                throw new IllegalArgumentException(option + " item '" + item + "': expected NAME=VALUE with a"
                        + " variable name and a number or word (letters, digits and _ . + - only)");
            }
            settings.put(name, v);
        }
        return settings;
    }

    public WorkloadSettings settings() {
        return new WorkloadSettings(rows, warmup, ops, seed);
    }

    /**
     * The arguments of a child JVM that runs {@code workload} on {@code target} only, with its
     * data directory under {@code tempRoot}.
     */
    List<String> childArguments(String workload, String target, Path tempRoot, Path resultFile) {
        return List.of("--workloads", workload, "--targets", target, "--ops", Integer.toString(ops),
                "--warmup", Integer.toString(warmup), "--rows", Integer.toString(rows),
                "--durability", durability.optionName(), "--seed", Long.toString(seed),
                "--tmpdir", tempRoot.toString(), "--no-fork", "--child-result",
                resultFile.toString());
    }

    /**
     * The arguments of a child JVM that runs this concurrent scenario (group-commit or bank) on
     * {@code target} only, with its data directory under {@code tempRoot}.
     */
    List<String> concurrentChildArguments(String target, Path tempRoot, Path resultFile) {
        List<String> arguments = new ArrayList<>(List.of("--scenario", scenario, "--targets", target, "--threads",
                String.join(",", threads.stream().map(String::valueOf).toList()), "--rounds", Integer.toString(rounds),
                "--seconds", Double.toString(seconds), "--warmup-seconds", Double.toString(warmupSeconds),
                "--durability", durability.optionName(), "--tmpdir", tempRoot.toString(), "--no-fork",
                "--child-result", resultFile.toString()));
        if (scenario.equals(BANK)) {
            arguments.addAll(List.of("--accounts", Integer.toString(accounts), "--seed", Long.toString(seed)));
        }
        return List.copyOf(arguments);
    }

    /** A comma-separated list of positive thread counts; duplicates dropped, order kept. */
    private static List<Integer> threadCounts(String value) {
        List<Integer> counts = new ArrayList<>();
        for (String part : value.split(",")) {
            int n = positive("--threads", part.trim());
            if (n > 1024) {
                throw new IllegalArgumentException("--threads " + n + " is more than 1024");
            }
            if (!counts.contains(n)) {
                counts.add(n);
            }
        }
        return List.copyOf(counts);
    }

    private static double seconds(String option, String value, boolean zeroAllowed) {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of seconds, got '" + value + "'");
        }
        if (!(s >= 0) || (s == 0 && !zeroAllowed) || s > 3600) {
            throw new IllegalArgumentException(option + " must be " + (zeroAllowed ? "0" : "above 0")
                    + " to 3600 seconds, got '" + value + "'");
        }
        return s;
    }

    /** A comma-separated list of known names, or 'all'; duplicates dropped, order kept. */
    private static List<String> names(String value, List<String> known, String kind) {
        if (value.equals("all")) {
            return known;
        }
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim();
            if (!known.contains(trimmed)) {
                throw new IllegalArgumentException("unknown " + kind + " '" + trimmed + "', expected some of "
                        + String.join(",", known));
            }
            if (!names.contains(trimmed)) {
                names.add(trimmed);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no " + kind + " named in '" + value + "'");
        }
        return List.copyOf(names);
    }

    private static int positive(String option, String value) {
        int n = nonNegative(option, value);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < 0) {
                throw new IllegalArgumentException(option + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }
}
