package io.flushdb.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report of a concurrent scenario (group-commit, bank): the raw fsync rate of the file
 * system, then per target and number of client threads the durable commits per second (median
 * over the rounds), commits per log fsync (over all rounds), and the rate as a multiple of the
 * target's rate with the first thread count (median over the rounds of the ratio within each
 * round) and of the raw fsync rate; for the bank scenario also retries and declined transfers
 * per 1,000 commits and the rate as a multiple of the baseline's (FlushDB's) at the same thread
 * count; then each round's rates. Rendered as text (stdout and the {@code .txt} file) and CSV
 * (one line per target, thread count and round, then one summary line per target and thread
 * count).
 *
 * @param scenario what the table counts and compares
 * @param operation what one commit is, one line
 * @param rawFsync the {@code force(false)} rate measured before the targets ran, or null if it
 *     could not be measured
 * @param rawFsyncWithMetadata the same with {@code force(true)}, for reference, or null
 * @param rawFsyncAfter the {@code force(false)} rate measured again after the targets ran, or
 *     null; a shared or virtual disk's fsync latency drifts, and the two show by how much. The
 *     ratios divide by the mean of the two ({@link #rawFsyncPerSecond})
 * @param rawFsyncSetup how the raw rate was measured (file, position), one line
 * @param rawFsyncFailure why the raw rate is missing, or null
 * @param results every target's run, in the order they ran
 */
public record ConcurrentReport(Scenario scenario, String title, MachineFacts machine, String runSettings,
        String commandLine, String durabilityRequested, String operation, FsyncRate rawFsync,
        FsyncRate rawFsyncWithMetadata, FsyncRate rawFsyncAfter, String rawFsyncSetup, String rawFsyncFailure,
        List<CommitRates> results) {

    private static final String ROUND_LABEL = "%-12s %7s";
    private static final String ROUND_CELL = " %16s";

    /**
     * What the table counts and which columns it has.
     *
     * @param name the scenario as on the command line: the table's label, the CSV's first column
     * @param unit what a commit is, plural, in the rate's column header and the notes
     *     ({@code commits}, {@code transfers})
     * @param declined what a transaction the workload rolls back by its own rule is called
     *     ({@code short}: the source balance was short of the amount); null for a workload that neither declines nor retries, whose
     *     table then has no retry and declined columns
     * @param baseline the target whose rate at the same thread count the {@code x/<baseline>}
     *     column divides by, or null for no such column
     */
    public record Scenario(String name, String unit, String declined, String baseline) {

        /** Durable inserts, one per transaction: the table as it has always been. */
        public static final Scenario GROUP_COMMIT = new Scenario("group-commit", "commits", null, null);

        /** Transfers between accounts, with retries, insufficient balances and x/flushdb. */
        public static final Scenario BANK = new Scenario("bank", "transfers", "short", "flushdb");

        boolean conflicts() {
            return declined != null;
        }
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        Report.appendHeader(out, title, machine, runSettings, commandLine);
        out.append("raw fsync rate (").append(rawFsyncSetup).append("):\n");
        if (rawFsync == null) {
            out.append("  failed: ").append(rawFsyncFailure).append('\n');
        } else {
            appendFsync(out, "before", rawFsync, "");
            if (rawFsyncWithMetadata != null) {
                appendFsync(out, "before", rawFsyncWithMetadata, "; for reference: the redo log forces with force(true)");
            }
            if (rawFsyncAfter != null) {
                appendFsync(out, "after", rawFsyncAfter, "");
            }
            out.append(String.format(Locale.ROOT, "  x/raw fsync divides by %s: %,.0f /s%n", rawFsyncAfter == null
                    ? "the force(false) rate" : "the mean of the two force(false) rates", rawFsyncPerSecond().getAsDouble()));
        }
        out.append('\n');
        TargetFacts.appendTargets(out, durabilityRequested, results);
        out.append('\n');
        String base = baseThreads() + "-thread";
        String ratioHeader = "x/" + baseThreads() + (baseThreads() == 1 ? " thread" : " threads");
        out.append(scenario.name()).append(": ").append(operation).append('\n');
        List<String> headers = new ArrayList<>(List.of("target", "threads", "rounds", scenario.unit() + "/s",
                "mean us"));
        if (scenario.conflicts()) {
            headers.addAll(List.of("retries/1k", scenario.declined() + "/1k"));
        }
        headers.addAll(List.of("log fsyncs/s", "commits/fsync", ratioHeader));
        if (scenario.baseline() != null) {
            headers.add("x/" + scenario.baseline());
        }
        headers.add("x/raw fsync");
        String row = rowFormat();
        out.append(String.format(Locale.ROOT, row, headers.toArray()));
        for (CommitRates r : results) {
            String target = marked(r);
            for (CommitRates.Summary s : r.summaries()) {
                CommitRates.Phase total = s.total();
                List<Object> cells = new ArrayList<>(List.of(target, s.threads(), s.rounds().size(),
                        String.format(Locale.ROOT, "%,.0f", s.medianPerSecond()), Report.micros(s.meanNanos())));
                if (scenario.conflicts()) {
                    cells.add(perThousand(total.retriesPerThousand()));
                    cells.add(perThousand(total.declinedPerThousand()));
                }
                cells.addAll(List.of(rate(s.medianLogFsyncsPerSecond()), Report.ratio(total.commitsPerFsync()),
                        Report.ratio(s.overFirst())));
                if (scenario.baseline() != null) {
                    cells.add(Report.ratio(overBaseline(s)));
                }
                cells.add(Report.ratio(overRaw(s.medianPerSecond())));
                out.append(String.format(Locale.ROOT, row, cells.toArray()));
            }
            if (!r.succeeded()) {
                out.append(String.format(Locale.ROOT, "%-12s failed: %s%n", target, r.failure()));
            }
        }
        out.append('\n');
        appendRounds(out, base);
        out.append('\n');
        out.append("rounds = timed phases per thread count: every round runs each thread count once, in the order"
                + " of --threads, so each ratio below compares two phases of the same round, seconds apart.\n");
        if (scenario.conflicts()) {
            String unit = scenario.unit();
            out.append(unit + "/s = median over the rounds of (" + unit + " committed in the timed phase / its wall"
                    + " time, all threads together); attempts rolled back for a retry and " + scenario.declined()
                    + " ones do not count. mean us = threads / " + unit + "/s (every thread is always in a"
                    + " transaction, its retries and rollbacks included).\n");
            out.append("retries/1k = attempts rolled back after a lost conflict (deadlock, serialization failure, lock"
                    + " wait timeout) and run again, per 1,000 committed " + unit + ", over all rounds; "
                    + scenario.declined() + "/1k = " + unit + " rolled back because the source balance was short of"
                    + " the amount (insufficient funds), per 1,000 committed, over all rounds.\n");
        } else {
            out.append("commits/s = median over the rounds of (statements committed in the timed phase / its wall"
                    + " time, all threads together). mean us = threads / commits/s (every thread is always in a"
                    + " commit).\n");
        }
        out.append("log fsyncs/s, commits/fsync: from the database's own count of log fsyncs (Innodb_os_log_fsyncs)"
                + " in each timed phase; log fsyncs/s = median over the rounds of (fsyncs / wall time),"
                + " commits/fsync = total commits / total fsyncs over all rounds; n/a where it keeps none.\n");
        out.append(ratioHeader + " = median over the rounds of (" + scenario.unit() + "/s in round r / the same"
                + " target's " + base + " " + scenario.unit() + "/s in round r), not the ratio of the medians."
                + " x/raw fsync = the median " + scenario.unit() + "/s / the raw force(false) rate it names above.\n");
        if (scenario.baseline() != null) {
            out.append("x/" + scenario.baseline() + " = this target's " + scenario.unit() + "/s (the median over its"
                    + " rounds) / " + scenario.baseline() + "'s " + scenario.unit() + "/s (the median over its rounds)"
                    + " at the same thread count; above 1 the target is faster. The targets ran one after another,"
                    + " so unlike " + ratioHeader + " this is a ratio of two medians taken minutes apart; n/a where "
                    + scenario.baseline() + " has no figure at that thread count.\n");
        }
        out.append("Commits/fsync is the group-commit effect itself; " + scenario.unit() + "/s also moves with the"
                + " disk's fsync"
                + " latency, which drifts on a shared or virtual disk (compare the raw rates before and after).\n");
        return out.toString();
    }

    /** Each round on a line: every thread count's rate and its ratio within the round. */
    private void appendRounds(StringBuilder out, String base) {
        List<Integer> counts = new ArrayList<>();
        for (CommitRates r : results) {
            for (int n : r.threadCounts()) {
                if (!counts.contains(n)) {
                    counts.add(n);
                }
            }
        }
        out.append("per round, in the order they ran: each timed phase's " + scenario.unit() + "/s, in parentheses"
                + " / the same target's " + base + " " + scenario.unit() + "/s in that round:\n");
        out.append(String.format(Locale.ROOT, ROUND_LABEL, "target", "round"));
        for (int n : counts) {
            out.append(String.format(Locale.ROOT, ROUND_CELL, n + (n == 1 ? " thread" : " threads")));
        }
        out.append('\n');
        for (CommitRates r : results) {
            List<Integer> rounds = r.phases().stream().map(CommitRates.Phase::round).distinct().toList();
            for (int round : rounds) {
                out.append(String.format(Locale.ROOT, ROUND_LABEL, marked(r), round));
                for (int n : counts) {
                    String cell = "-";
                    for (CommitRates.Phase p : r.phases()) {
                        if (p.round() == round && p.threads() == n) {
                            cell = String.format(Locale.ROOT, "%,.0f (%s)", p.commitsPerSecond(),
                                    Report.ratio(r.ratioInRound(p)));
                        }
                    }
                    out.append(String.format(Locale.ROOT, ROUND_CELL, cell));
                }
                out.append('\n');
            }
        }
    }

    /**
     * The thread count the ratios divide by: the first of {@code --threads} (1 by default), the
     * same for every target.
     */
    private int baseThreads() {
        for (CommitRates r : results) {
            if (r.firstThreads() > 0) {
                return r.firstThreads();
            }
        }
        return 1;
    }

    /**
     * The table's row format: the columns of {@link Scenario#GROUP_COMMIT}, plus the retry and
     * declined columns and the baseline column where the scenario has them.
     */
    private String rowFormat() {
        StringBuilder row = new StringBuilder("%-12s %7s %6s %12s %9s");
        if (scenario.conflicts()) {
            row.append(" %10s %10s");
        }
        row.append(" %13s %14s %12s");
        if (scenario.baseline() != null) {
            row.append(" %10s");
        }
        return row.append(" %12s%n").toString();
    }

    /**
     * {@code s}'s median rate over the baseline target's median rate with the same number of
     * threads; empty without a baseline, or where it has no such phase or a rate of 0.
     */
    private OptionalDouble overBaseline(CommitRates.Summary s) {
        for (CommitRates r : results) {
            if (r.target().equals(scenario.baseline())) {
                for (CommitRates.Summary b : r.summaries()) {
                    if (b.threads() == s.threads() && b.medianPerSecond() > 0) {
                        return OptionalDouble.of(s.medianPerSecond() / b.medianPerSecond());
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }

    private static String perThousand(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "n/a";
    }

    private static String marked(CommitRates r) {
        return r.target() + (r.durabilityAsRequested() ? "" : " (!)");
    }

    private static void appendFsync(StringBuilder out, String when, FsyncRate rate, String note) {
        out.append(String.format(Locale.ROOT, "  %-6s %-54s %,8.0f /s  %7s us each  (%,d in %.1f s%s)%n",
                when, rate.call(), rate.perSecond(), Report.micros(rate.meanNanos()), rate.fsyncs(),
                rate.elapsedNanos() / 1e9, note));
    }

    /** The raw force(false) rate the ratios divide by: the mean of before and after, where both exist. */
    public OptionalDouble rawFsyncPerSecond() {
        if (rawFsync == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(rawFsyncAfter == null ? rawFsync.perSecond()
                : (rawFsync.perSecond() + rawFsyncAfter.perSecond()) / 2);
    }

    private OptionalDouble overRaw(double commitsPerSecond) {
        OptionalDouble raw = rawFsyncPerSecond();
        return raw.isEmpty() ? raw : OptionalDouble.of(commitsPerSecond / raw.getAsDouble());
    }

    private static String rate(OptionalDouble perSecond) {
        return perSecond.isPresent() ? String.format(Locale.ROOT, "%,.0f", perSecond.getAsDouble()) : "n/a";
    }

    /**
     * One line per target, thread count and round ({@code row} = {@code round}: that phase's own
     * figures, its ratio within the round), then one per target and thread count ({@code row} =
     * {@code summary}, {@code round} empty, {@code rounds} the number of rounds: the figures of
     * the text table, that is medians over the rounds of commits/s, log fsyncs/s and the ratio
     * within each round, mean latency at the median rate, and total commits, wall time, log
     * fsyncs, retries and declined transactions over the rounds with commits/fsync and the per
     * 1,000 figures from those totals). {@code scenario} names the scenario; {@code commits} are
     * its units (the bank's transfers); the retry, declined and baseline columns are empty for a
     * scenario without them.
     */
    public String csv() {
        StringBuilder out = new StringBuilder();
        out.append(Csv.line(List.of("scenario", "target", "status", "row", "round", "rounds", "threads", "commits",
                "elapsed_s", "commits_per_s", "mean_us", "log_fsyncs", "log_fsyncs_per_s", "commits_per_fsync",
                "ratio_over_first_threads", "first_threads", "raw_fsyncs_per_s", "ratio_over_raw_fsync", "retries",
                "declined", "retries_per_1k_commits", "declined_per_1k_commits", "baseline", "ratio_over_baseline",
                "durability_requested", "durability_in_force", "durability_as_requested", "product", "access",
                "notes", "failure")));
        String raw = plain(rawFsyncPerSecond(), 1);
        String name = scenario.name();
        for (CommitRates r : results) {
            String status = r.succeeded() ? "ok" : "failed";
            String first = r.firstThreads() > 0 ? Integer.toString(r.firstThreads()) : "";
            List<String> tail = List.of(durabilityRequested, r.durability(), Boolean.toString(r.durabilityAsRequested()),
                    r.product(), r.access(), r.notes(), r.failure() == null ? "" : r.failure());
            if (r.phases().isEmpty()) {
                out.append(line(List.of(name, r.target(), status, "", "", "", "", "", "", "", "", "", "",
                        "", "", "", raw, ""), List.of("", "", "", "", nullToEmpty(scenario.baseline()), ""), tail));
            }
            for (CommitRates.Phase p : r.phases()) {
                out.append(line(List.of(name, r.target(), status, "round", Integer.toString(p.round()), "",
                        Integer.toString(p.threads()), Long.toString(p.commits()), plain(p.elapsedNanos() / 1e9, 3),
                        plain(p.commitsPerSecond(), 1), plain(p.meanNanos() / 1e3, 3),
                        p.logFsyncs() < 0 ? "" : Long.toString(p.logFsyncs()), plain(p.logFsyncsPerSecond(), 1),
                        plain(p.commitsPerFsync(), 3), plain(r.ratioInRound(p), 4), first, raw,
                        plain(overRaw(p.commitsPerSecond()), 4)), conflicts(p, OptionalDouble.empty()), tail));
            }
            for (CommitRates.Summary s : r.summaries()) {
                CommitRates.Phase t = s.total();
                out.append(line(List.of(name, r.target(), status, "summary", "",
                        Integer.toString(s.rounds().size()), Integer.toString(s.threads()), Long.toString(t.commits()),
                        plain(t.elapsedNanos() / 1e9, 3), plain(s.medianPerSecond(), 1), plain(s.meanNanos() / 1e3, 3),
                        t.logFsyncs() < 0 ? "" : Long.toString(t.logFsyncs()), plain(s.medianLogFsyncsPerSecond(), 1),
                        plain(t.commitsPerFsync(), 3), plain(s.overFirst(), 4), first, raw,
                        plain(overRaw(s.medianPerSecond()), 4)), conflicts(t, overBaseline(s)), tail));
            }
        }
        return out.toString();
    }

    /**
     * The CSV's retry, declined and baseline columns for {@code p}: empty where the scenario has
     * none; the ratio to the baseline only on summary lines.
     */
    private List<String> conflicts(CommitRates.Phase p, OptionalDouble overBaseline) {
        List<String> fields = new ArrayList<>();
        if (scenario.conflicts()) {
            fields.addAll(List.of(Long.toString(p.retries()), Long.toString(p.declined()),
                    plain(p.retriesPerThousand(), 3), plain(p.declinedPerThousand(), 3)));
        } else {
            fields.addAll(List.of("", "", "", ""));
        }
        fields.add(nullToEmpty(scenario.baseline()));
        fields.add(plain(overBaseline, 4));
        return fields;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String line(List<String> head, List<String> middle, List<String> tail) {
        List<String> fields = new ArrayList<>(head);
        fields.addAll(middle);
        fields.addAll(tail);
        return Csv.line(fields);
    }

    private static String plain(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String plain(OptionalDouble value, int decimals) {
        return value.isPresent() ? plain(value.getAsDouble(), decimals) : "";
    }
}
