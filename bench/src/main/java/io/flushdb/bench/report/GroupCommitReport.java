package io.flushdb.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The group-commit scenario's report: the raw fsync rate of the file system, then per target
 * and number of committing threads the durable commits per second, commits per log fsync, and
 * the rate as a multiple of the target's 1-thread rate and of the raw fsync rate. Rendered as
 * text (stdout and the {@code .txt} file) and CSV (one line per target and thread count).
 *
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
public record GroupCommitReport(String title, MachineFacts machine, String runSettings, String commandLine,
        String durabilityRequested, String operation, FsyncRate rawFsync, FsyncRate rawFsyncWithMetadata,
        FsyncRate rawFsyncAfter, String rawFsyncSetup, String rawFsyncFailure, List<CommitRates> results) {

    private static final String ROW = "%-12s %7s %12s %9s %13s %14s %11s %12s%n";

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append("machine: ").append(machine.describe()).append('\n');
        out.append("run: ").append(runSettings).append('\n');
        out.append("command: ").append(commandLine).append('\n');
        out.append('\n');
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
        appendTargets(out);
        out.append('\n');
        out.append("group-commit: ").append(operation).append('\n');
        out.append(String.format(Locale.ROOT, ROW, "target", "threads", "commits/s", "mean us", "log fsyncs/s",
                "commits/fsync", "x/1 thread", "x/raw fsync"));
        for (CommitRates r : results) {
            String target = r.target() + (r.durabilityAsRequested() ? "" : " (!)");
            for (CommitRates.Phase p : r.phases()) {
                out.append(String.format(Locale.ROOT, ROW, target, p.threads(),
                        String.format(Locale.ROOT, "%,.0f", p.commitsPerSecond()), Report.micros(p.meanNanos()),
                        rate(p.logFsyncsPerSecond()), Report.ratio(p.commitsPerFsync()),
                        Report.ratio(r.overOneThread(p)), Report.ratio(overRaw(p))));
            }
            if (!r.succeeded()) {
                out.append(String.format(Locale.ROOT, "%-12s failed: %s%n", target, r.failure()));
            }
        }
        out.append('\n');
        out.append("commits/s = statements committed in the timed phase / its wall time, all threads together."
                + " mean us = threads x wall time / commits.\n");
        out.append("log fsyncs/s, commits/fsync: from the database's own count of log fsyncs"
                + " (Innodb_os_log_fsyncs) over the timed phase; n/a where it keeps none.\n");
        out.append("x/1 thread = commits/s / the same target's 1-thread commits/s."
                + " x/raw fsync = commits/s / the raw force(false) rate it names above.\n");
        out.append("Commits/fsync is the group-commit effect itself; commits/s also moves with the disk's fsync"
                + " latency, which drifts on a shared or virtual disk (compare the raw rates before and after).\n");
        return out.toString();
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

    /** Each target once: product, access path and durability as read back from the database. */
    private void appendTargets(StringBuilder out) {
        out.append("targets (durability requested: ").append(durabilityRequested)
                .append("; settings as read back from each database):\n");
        boolean anyWeaker = false;
        for (CommitRates r : results) {
            if (r.product().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-9s failed: %s%n", r.target(), r.failure()));
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-9s %s; %s%n", r.target(), r.product(), r.access()));
            String marker = r.durabilityAsRequested() ? "" : "(!) ";
            anyWeaker |= !r.durabilityAsRequested();
            out.append(String.format(Locale.ROOT, "  %-9s durability: %s%s%n", "", marker, r.durability()));
        }
        if (anyWeaker) {
            out.append("  (!) not the requested durability: the peer cannot provide it, the setting"
                    + " did not take effect, or it could not be read back\n");
        }
    }

    private OptionalDouble overRaw(CommitRates.Phase p) {
        OptionalDouble raw = rawFsyncPerSecond();
        return raw.isEmpty() ? raw : OptionalDouble.of(p.commitsPerSecond() / raw.getAsDouble());
    }

    private static String rate(OptionalDouble perSecond) {
        return perSecond.isPresent() ? String.format(Locale.ROOT, "%,.0f", perSecond.getAsDouble()) : "n/a";
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        out.append(Csv.line(List.of("scenario", "target", "status", "threads", "commits", "elapsed_s",
                "commits_per_s", "mean_us", "log_fsyncs", "log_fsyncs_per_s", "commits_per_fsync",
                "ratio_over_1_thread", "raw_fsyncs_per_s", "ratio_over_raw_fsync", "durability_requested",
                "durability_in_force", "durability_as_requested", "product", "access", "failure")));
        String raw = plain(rawFsyncPerSecond(), 1);
        for (CommitRates r : results) {
            if (r.phases().isEmpty()) {
                out.append(Csv.line(List.of("group-commit", r.target(), "failed", "", "", "", "", "", "", "", "",
                        "", raw, "", durabilityRequested, r.durability(),
                        Boolean.toString(r.durabilityAsRequested()), r.product(), r.access(), r.failure())));
            }
            for (CommitRates.Phase p : r.phases()) {
                out.append(Csv.line(List.of("group-commit", r.target(), r.succeeded() ? "ok" : "failed",
                        Integer.toString(p.threads()), Long.toString(p.commits()), plain(p.elapsedNanos() / 1e9, 3),
                        plain(p.commitsPerSecond(), 1), plain(p.meanNanos() / 1e3, 3),
                        p.logFsyncs() < 0 ? "" : Long.toString(p.logFsyncs()), plain(p.logFsyncsPerSecond(), 1),
                        plain(p.commitsPerFsync(), 3), plain(r.overOneThread(p), 4), raw, plain(overRaw(p), 4),
                        durabilityRequested, r.durability(), Boolean.toString(r.durabilityAsRequested()),
                        r.product(), r.access(), r.failure() == null ? "" : r.failure())));
            }
        }
        return out.toString();
    }

    private static String plain(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String plain(OptionalDouble value, int decimals) {
        return value.isPresent() ? plain(value.getAsDouble(), decimals) : "";
    }
}
