package io.flushdb.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * The outcome of the group-commit scenario on one target: one {@link Phase} per number of
 * committing threads, or the reason it failed. A run in a child JVM hands it to the parent as
 * a properties file ({@link #store}, {@link #load}).
 *
 * @param product database product and version as the driver reports it, or "" if it never connected
 * @param access how the client reaches the database
 * @param durability the durability settings read back from the database
 * @param durabilityAsRequested false when the target ran weaker than the requested durability
 * @param phases the timed phases that completed, in the order they ran
 * @param failure why the run failed, or null
 */
public record CommitRates(String target, String product, String access, String durability,
        boolean durabilityAsRequested, List<Phase> phases, String failure) {

    /**
     * One timed phase: {@code threads} threads, each on its own connection, committing one
     * insert per transaction.
     *
     * @param commits transactions committed (statements returned) during the timed phase
     * @param logFsyncs the database's own count of log fsyncs during the phase, -1 if it keeps none
     */
    public record Phase(int threads, long commits, long elapsedNanos, long logFsyncs) {

        public double commitsPerSecond() {
            return commits * 1e9 / elapsedNanos;
        }

        /**
         * Mean commit latency by Little's law (every thread is always in a commit):
         * threads × elapsed / commits.
         */
        public double meanNanos() {
            return commits == 0 ? Double.NaN : (double) threads * elapsedNanos / commits;
        }

        public OptionalDouble logFsyncsPerSecond() {
            return logFsyncs < 0 ? OptionalDouble.empty() : OptionalDouble.of(logFsyncs * 1e9 / elapsedNanos);
        }

        /** Commits per log fsync: how many commits one fsync served (the group-commit effect). */
        public OptionalDouble commitsPerFsync() {
            return logFsyncs <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) commits / logFsyncs);
        }
    }

    public CommitRates {
        phases = List.copyOf(phases);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** This target's commits/s with {@code threads} threads divided by its 1-thread figure. */
    public OptionalDouble overOneThread(Phase phase) {
        for (Phase p : phases) {
            if (p.threads() == 1 && p.commits() > 0) {
                return OptionalDouble.of(phase.commitsPerSecond() / p.commitsPerSecond());
            }
        }
        return OptionalDouble.empty();
    }

    public void store(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("target", target);
        p.setProperty("product", product);
        p.setProperty("access", access);
        p.setProperty("durability", durability);
        p.setProperty("durabilityAsRequested", Boolean.toString(durabilityAsRequested));
        p.setProperty("phases", Integer.toString(phases.size()));
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            p.setProperty("phase." + i + ".threads", Integer.toString(phase.threads()));
            p.setProperty("phase." + i + ".commits", Long.toString(phase.commits()));
            p.setProperty("phase." + i + ".elapsedNanos", Long.toString(phase.elapsedNanos()));
            p.setProperty("phase." + i + ".logFsyncs", Long.toString(phase.logFsyncs()));
        }
        if (failure != null) {
            p.setProperty("failure", failure);
        }
        p.store(out, null);
    }

    public static CommitRates load(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        List<Phase> phases = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty("phases", "0"));
        for (int i = 0; i < n; i++) {
            phases.add(new Phase(Integer.parseInt(p.getProperty("phase." + i + ".threads")),
                    Long.parseLong(p.getProperty("phase." + i + ".commits")),
                    Long.parseLong(p.getProperty("phase." + i + ".elapsedNanos")),
                    Long.parseLong(p.getProperty("phase." + i + ".logFsyncs"))));
        }
        return new CommitRates(p.getProperty("target"), p.getProperty("product", ""),
                p.getProperty("access", ""), p.getProperty("durability", ""),
                Boolean.parseBoolean(p.getProperty("durabilityAsRequested", "false")), phases,
                p.getProperty("failure"));
    }
}
