package io.flushdb.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything one bench run produced, rendered as the fixed-width text report (stdout and the
 * {@code .txt} file) and as CSV (one line per workload and target).
 *
 * @param title first line of the report, e.g. "FlushDB bench, 2025-06-01T10:00:00Z"
 * @param runSettings sizes, seed and process model of the run, one line
 * @param commandLine the arguments the run was started with
 * @param durabilityRequested the {@code --durability} value
 * @param baseline the target every ratio is computed against
 * @param operations workload name to what one of its operations is, in report order
 * @param results every run, in the order they ran
 */
public record Report(String title, MachineFacts machine, String runSettings, String commandLine,
        String durabilityRequested, String baseline, Map<String, String> operations,
        List<RunResult> results) {

    private static final String ROW = "%-12s %12s %9s %9s %9s %11s %11s%n";

    public String text() {
        StringBuilder out = new StringBuilder();
        appendHeader(out, title, machine, runSettings, commandLine);
        TargetFacts.appendTargets(out, durabilityRequested, representativePerTarget());
        for (Map.Entry<String, String> workload : operations.entrySet()) {
            out.append('\n');
            appendWorkload(out, workload.getKey(), workload.getValue());
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "x/%1$s = target ops/s / %1$s ops/s (above 1: the target is"
                + " faster); %1$s/x = the inverse (above 1: %1$s is faster).%n", baseline));
        out.append("Latencies are per operation, wall clock, in microseconds; p50/p99 by nearest"
                + " rank over every timed operation.\n");
        return out.toString();
    }

    /** Per target, its first run that reached the database, else its first run. */
    private List<RunResult> representativePerTarget() {
        Map<String, RunResult> chosen = new LinkedHashMap<>();
        for (RunResult r : results) {
            RunResult current = chosen.get(r.target());
            if (current == null || (current.product().isEmpty() && !r.product().isEmpty())) {
                chosen.put(r.target(), r);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private void appendWorkload(StringBuilder out, String workload, String operation) {
        List<RunResult> rows = forWorkload(workload);
        out.append(workload).append(": ").append(operation).append('\n');
        out.append(String.format(Locale.ROOT, ROW, "target", "ops/s", "mean us", "p50 us", "p99 us",
                "x/" + baseline, baseline + "/x"));
        for (RunResult r : rows) {
            String target = r.target() + (r.durabilityAsRequested() ? "" : " (!)");
            if (!r.succeeded()) {
                out.append(String.format(Locale.ROOT, "%-12s failed: %s%n", target, r.failure()));
                continue;
            }
            LatencySummary l = r.latency();
            out.append(String.format(Locale.ROOT, ROW, target,
                    String.format(Locale.ROOT, "%,.0f", l.opsPerSecond()), micros(l.meanNanos()),
                    micros(l.p50Nanos()), micros(l.p99Nanos()),
                    ratio(Ratios.targetOverBaseline(r, rows, baseline)),
                    ratio(Ratios.baselineOverTarget(r, rows, baseline))));
        }
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        out.append(Csv.line(List.of("workload", "target", "status", "ops_per_s", "mean_us", "p50_us",
                "p99_us", "max_us", "timed_ops", "elapsed_s", "baseline", "ratio_target_over_baseline",
                "ratio_baseline_over_target", "durability_requested", "durability_in_force",
                "durability_as_requested", "product", "access", "failure")));
        for (RunResult r : results) {
            List<RunResult> rows = forWorkload(r.workload());
            LatencySummary l = r.latency();
            out.append(Csv.line(List.of(r.workload(), r.target(), r.succeeded() ? "ok" : "failed",
                    l == null ? "" : plain(l.opsPerSecond(), 1),
                    l == null ? "" : plain(l.meanNanos() / 1e3, 3),
                    l == null ? "" : plain(l.p50Nanos() / 1e3, 3),
                    l == null ? "" : plain(l.p99Nanos() / 1e3, 3),
                    l == null ? "" : plain(l.maxNanos() / 1e3, 3),
                    l == null ? "" : Long.toString(l.operations()),
                    l == null ? "" : plain(l.elapsedNanos() / 1e9, 3),
                    baseline,
                    plain(Ratios.targetOverBaseline(r, rows, baseline), 4),
                    plain(Ratios.baselineOverTarget(r, rows, baseline), 4),
                    durabilityRequested, r.durability(), Boolean.toString(r.durabilityAsRequested()),
                    r.product(), r.access(), r.failure() == null ? "" : r.failure())));
        }
        return out.toString();
    }

    private List<RunResult> forWorkload(String workload) {
        return results.stream().filter(r -> r.workload().equals(workload)).toList();
    }

    /** Microseconds with two significant decimals below 10 µs, one below 1 ms, none above. */
    static String micros(double nanos) {
        double us = nanos / 1e3;
        String format = us < 10 ? "%.2f" : us < 1000 ? "%.1f" : "%,.0f";
        return String.format(Locale.ROOT, format, us);
    }

    /** Two decimals, or three below 0.1 so that a peer 20× slower does not read as 0.05 ≈ 0.04. */
    static String ratio(OptionalDouble ratio) {
        if (ratio.isEmpty()) {
            return "n/a";
        }
        double r = ratio.getAsDouble();
        return String.format(Locale.ROOT, r < 0.1 ? "%.3f" : "%.2f", r);
    }

    private static String plain(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String plain(OptionalDouble value, int decimals) {
        return value.isPresent() ? plain(value.getAsDouble(), decimals) : "";
    }

    /** The head every report starts with: title, machine, run settings, command line, a blank line. */
    static void appendHeader(StringBuilder out, String title, MachineFacts machine, String runSettings,
            String commandLine) {
        out.append(title).append('\n');
        out.append("machine: ").append(machine.describe()).append('\n');
        out.append("run: ").append(runSettings).append('\n');
        out.append("command: ").append(commandLine).append('\n');
        out.append('\n');
    }
}
