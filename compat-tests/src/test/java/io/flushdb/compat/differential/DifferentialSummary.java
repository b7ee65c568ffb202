package io.flushdb.compat.differential;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per area over one run (scripts, statements, statements marked as MariaDB differences,
 * scripts that failed on either side), printed to stdout when the run ends.
 */
final class DifferentialSummary {
    private final Map<String, int[]> byArea = new TreeMap<>(); // scripts, statements, marked, flushdb-failed, reference-failed
    private final String mode;
    private final String reference;

    DifferentialSummary(String mode, String reference) {
        this.mode = mode;
        this.reference = reference;
    }

    synchronized void add(ScriptReport report) {
        int[] counts = byArea.computeIfAbsent(report.script().area(), area -> new int[5]);
        counts[0]++;
        counts[1] += report.script().statements().size();
        counts[2] += (int) report.script().statements().stream().filter(ScriptStatement::marked).count();
        counts[3] += report.flushDbProblemCount() > 0 ? 1 : 0;
        counts[4] += report.referenceProblemCount() > 0 ? 1 : 0;
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("Differential scripts (").append(mode).append("), reference: ").append(reference).append('\n');
        out.append(String.format("  %-10s %8s %11s %8s %16s %18s%n", "area", "scripts", "statements", "marked",
                "FlushDB failed", "reference failed"));
        int[] total = new int[5];
        byArea.forEach((area, counts) -> {
            out.append(String.format("  %-10s %8d %11d %8d %16d %18d%n", area, counts[0], counts[1], counts[2],
                    counts[3], counts[4]));
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        });
        out.append(String.format("  %-10s %8d %11d %8d %16d %18d%n", "total", total[0], total[1], total[2], total[3],
                total[4]));
        return out.toString();
    }
}
