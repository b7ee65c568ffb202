package io.flushdb.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * What a report says about each target it measured: the product and how it was reached, the
 * durability read back, or why it could not be started. Both scenarios' results carry it.
 */
interface TargetFacts {
    String target();

    /** The product and version; empty if the target never reached the database. */
    String product();

    String access();

    String durability();

    boolean durabilityAsRequested();

    String failure();

    /** What the workload did differently on this target, one line, or "" (the default). */
    default String notes() {
        return "";
    }

    /** The report's "targets" block: one entry per target, marking durability weaker than asked. */
    static void appendTargets(StringBuilder out, String durabilityRequested, List<? extends TargetFacts> targets) {
        out.append("targets (durability requested: ").append(durabilityRequested)
                .append("; settings as read back from each database):\n");
        boolean anyWeaker = false;
        for (TargetFacts r : targets) {
            if (r.product().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-9s failed: %s%n", r.target(), r.failure()));
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-9s %s; %s%n", r.target(), r.product(), r.access()));
            String marker = r.durabilityAsRequested() ? "" : "(!) ";
            anyWeaker |= !r.durabilityAsRequested();
            out.append(String.format(Locale.ROOT, "  %-9s durability: %s%s%n", "", marker, r.durability()));
            if (!r.notes().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-9s workload: %s%n", "", r.notes()));
            }
        }
        if (anyWeaker) {
            out.append("  (!) not the requested durability: the peer cannot provide it, the setting"
                    + " did not take effect, or it could not be read back\n");
        }
    }
}
