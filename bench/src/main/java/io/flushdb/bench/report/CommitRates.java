package io.flushdb.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * The outcome of a concurrent scenario (group-commit, bank) on one target: one {@link Phase} per
 * round and number of client threads, or the reason it failed. The rounds interleave (round 1: every
 * thread count in turn; round 2: the same; ...), so that the phases a ratio compares ran
 * seconds apart and the disk's drift over the run moves both alike; {@link #summaries} folds
 * the rounds into one {@link Summary} per thread count. A run in a child JVM hands it to the
 * parent as a properties file ({@link #store}, {@link #load}).
 *
 * @param product database product and version as the driver reports it, or "" if it never connected
 * @param access how the client reaches the database
 * @param durability the durability settings read back from the database
 * @param durabilityAsRequested false when the target ran weaker than the requested durability
 * @param notes what the workload did differently on this target (the bank scenario: isolation
 *     level and row locking), one line, or ""
 * @param phases the timed phases that completed, in the order they ran (by round, then by thread
 *     count in the order of {@code --threads})
 * @param failure why the run failed, or null
 */
public record CommitRates(String target, String product, String access, String durability,
        boolean durabilityAsRequested, String notes, List<Phase> phases, String failure) implements TargetFacts {

    /**
     * One timed phase: {@code threads} threads, each on its own connection, running one
     * transaction after another (group-commit: one insert each; bank: one transfer each).
     *
     * @param round the round it ran in, from 1
     * @param commits transactions committed during the timed phase
     * @param logFsyncs the database's own count of log fsyncs during the phase, -1 if it keeps none
     * @param retries attempts rolled back after a lost conflict (deadlock, serialization failure,
     *     lock wait timeout) and run again during the phase
     * @param declined transactions the workload rolled back by its own rule (bank: insufficient
     *     balance) during the phase
     */
    public record Phase(int round, int threads, long commits, long elapsedNanos, long logFsyncs, long retries,
            long declined) {

        /** A phase of a workload that never retries nor declines (group-commit). */
        public Phase(int round, int threads, long commits, long elapsedNanos, long logFsyncs) {
            this(round, threads, commits, elapsedNanos, logFsyncs, 0, 0);
        }

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

        /** Retries per 1,000 commits; empty if nothing committed. */
        public OptionalDouble retriesPerThousand() {
            return perThousand(retries);
        }

        /** Declined transactions per 1,000 commits; empty if nothing committed. */
        public OptionalDouble declinedPerThousand() {
            return perThousand(declined);
        }

        private OptionalDouble perThousand(long count) {
            return commits == 0 ? OptionalDouble.empty() : OptionalDouble.of(count * 1000.0 / commits);
        }
    }

    public CommitRates {
        phases = List.copyOf(phases);
    }

    /** A result without notes (group-commit). */
    public CommitRates(String target, String product, String access, String durability,
            boolean durabilityAsRequested, List<Phase> phases, String failure) {
        this(target, product, access, durability, durabilityAsRequested, "", phases, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /**
     * One thread count over all its rounds.
     *
     * @param rounds this thread count's phases, one per round that completed it
     * @param medianPerSecond the median over the rounds of each phase's commits/s
     * @param medianLogFsyncsPerSecond the median over the rounds of each phase's log fsyncs/s;
     *     empty if the database keeps no count
     * @param total the rounds added up (round 0): total commits, total timed wall time, total
     *     log fsyncs (-1 if any phase has no count), total retries and declined transactions;
     *     {@code total.commitsPerFsync()} is the commits per log fsync over all rounds
     * @param overFirst the median over the rounds of (this count's commits/s in round r / the
     *     first thread count's commits/s in round r), see {@link #ratioInRound}
     */
    public record Summary(int threads, List<Phase> rounds, double medianPerSecond,
            OptionalDouble medianLogFsyncsPerSecond, Phase total, OptionalDouble overFirst) {

        public Summary {
            rounds = List.copyOf(rounds);
        }

        /**
         * The mean commit latency at the median rate, by Little's law (every thread is always in
         * a commit): threads / median commits/s.
         */
        public double meanNanos() {
            return medianPerSecond == 0 ? Double.NaN : threads * 1e9 / medianPerSecond;
        }
    }

    /** The first thread count, the one {@link #ratioInRound} divides by; 0 if no phase completed. */
    public int firstThreads() {
        return phases.isEmpty() ? 0 : phases.get(0).threads();
    }

    /** The thread counts that completed at least one phase, in the order they first ran. */
    public List<Integer> threadCounts() {
        List<Integer> counts = new ArrayList<>();
        for (Phase p : phases) {
            if (!counts.contains(p.threads())) {
                counts.add(p.threads());
            }
        }
        return counts;
    }

    /**
     * {@code phase}'s commits/s divided by the commits/s of the first thread count in the same
     * round; empty if that phase is missing or committed nothing.
     */
    public OptionalDouble ratioInRound(Phase phase) {
        for (Phase p : phases) {
            if (p.round() == phase.round() && p.threads() == firstThreads() && p.commits() > 0) {
                return OptionalDouble.of(phase.commitsPerSecond() / p.commitsPerSecond());
            }
        }
        return OptionalDouble.empty();
    }

    /** One {@link Summary} per thread count, in the order of {@link #threadCounts}. */
    public List<Summary> summaries() {
        Map<Integer, Double> first = perRound(firstThreads());
        List<Summary> summaries = new ArrayList<>();
        for (int threads : threadCounts()) {
            List<Phase> rounds = phases.stream().filter(p -> p.threads() == threads).toList();
            long commits = 0;
            long elapsed = 0;
            long fsyncs = 0;
            long retries = 0;
            long declined = 0;
            for (Phase p : rounds) {
                commits += p.commits();
                elapsed += p.elapsedNanos();
                fsyncs = fsyncs < 0 || p.logFsyncs() < 0 ? -1 : fsyncs + p.logFsyncs();
                retries += p.retries();
                declined += p.declined();
            }
            Map<Integer, Double> mine = perRound(threads);
            OptionalDouble fsyncRate = fsyncs < 0 ? OptionalDouble.empty()
                    : Median.of(rounds.stream().map(p -> p.logFsyncsPerSecond().getAsDouble()).toList());
            summaries.add(new Summary(threads, rounds, Median.of(mine.values()).getAsDouble(), fsyncRate,
                    new Phase(0, threads, commits, elapsed, fsyncs, retries, declined), Median.ofRatios(mine, first)));
        }
        return summaries;
    }

    /** Commits/s of {@code threads} threads, keyed by round. */
    private Map<Integer, Double> perRound(int threads) {
        Map<Integer, Double> rates = new LinkedHashMap<>();
        for (Phase p : phases) {
            if (p.threads() == threads) {
                rates.put(p.round(), p.commitsPerSecond());
            }
        }
        return rates;
    }

    public void store(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("target", target);
        p.setProperty("product", product);
        p.setProperty("access", access);
        p.setProperty("durability", durability);
        p.setProperty("durabilityAsRequested", Boolean.toString(durabilityAsRequested));
        p.setProperty("notes", notes);
        p.setProperty("phases", Integer.toString(phases.size()));
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            p.setProperty("phase." + i + ".round", Integer.toString(phase.round()));
            p.setProperty("phase." + i + ".threads", Integer.toString(phase.threads()));
            p.setProperty("phase." + i + ".commits", Long.toString(phase.commits()));
            p.setProperty("phase." + i + ".elapsedNanos", Long.toString(phase.elapsedNanos()));
            p.setProperty("phase." + i + ".logFsyncs", Long.toString(phase.logFsyncs()));
            p.setProperty("phase." + i + ".retries", Long.toString(phase.retries()));
            p.setProperty("phase." + i + ".declined", Long.toString(phase.declined()));
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
            phases.add(new Phase(Integer.parseInt(p.getProperty("phase." + i + ".round")),
                    Integer.parseInt(p.getProperty("phase." + i + ".threads")),
                    Long.parseLong(p.getProperty("phase." + i + ".commits")),
                    Long.parseLong(p.getProperty("phase." + i + ".elapsedNanos")),
                    Long.parseLong(p.getProperty("phase." + i + ".logFsyncs")),
                    Long.parseLong(p.getProperty("phase." + i + ".retries", "0")),
                    Long.parseLong(p.getProperty("phase." + i + ".declined", "0"))));
        }
        return new CommitRates(p.getProperty("target"), p.getProperty("product", ""),
                p.getProperty("access", ""), p.getProperty("durability", ""),
                Boolean.parseBoolean(p.getProperty("durabilityAsRequested", "false")), p.getProperty("notes", ""), phases,
                p.getProperty("failure"));
    }
}
