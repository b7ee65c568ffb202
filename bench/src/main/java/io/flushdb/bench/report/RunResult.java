package io.flushdb.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Properties;

/**
 * The outcome of one workload on one target: either figures, or the reason it failed.
 *
 * <p>A run in a child JVM hands its result to the parent as a properties file
 * ({@link #store}, {@link #load}).
 *
 * @param product database product and version as the driver reports it, or "" if it never connected
 * @param access how the client reaches the database
 * @param durability the durability settings read back from the database
 * @param durabilityAsRequested false when the target ran weaker than the requested durability
 * @param latency the timed phase, or null when the run failed
 * @param failure why the run failed, or null
 */
public record RunResult(String workload, String target, String product, String access,
        String durability, boolean durabilityAsRequested, LatencySummary latency, String failure)
        implements TargetFacts {

    public static RunResult failed(String workload, String target, String product, String access,
            String durability, boolean durabilityAsRequested, String failure) {
        return new RunResult(workload, target, product, access, durability, durabilityAsRequested,
                null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public void store(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("workload", workload);
        p.setProperty("target", target);
        p.setProperty("product", product);
        p.setProperty("access", access);
        p.setProperty("durability", durability);
        p.setProperty("durabilityAsRequested", Boolean.toString(durabilityAsRequested));
        if (latency != null) {
            p.setProperty("operations", Long.toString(latency.operations()));
            p.setProperty("elapsedNanos", Long.toString(latency.elapsedNanos()));
            p.setProperty("meanNanos", Double.toString(latency.meanNanos()));
            p.setProperty("p50Nanos", Long.toString(latency.p50Nanos()));
            p.setProperty("p99Nanos", Long.toString(latency.p99Nanos()));
            p.setProperty("maxNanos", Long.toString(latency.maxNanos()));
        }
        if (failure != null) {
            p.setProperty("failure", failure);
        }
        p.store(out, null);
    }

    public static RunResult load(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        LatencySummary latency = null;
        if (p.getProperty("operations") != null) {
            latency = new LatencySummary(Long.parseLong(p.getProperty("operations")),
                    Long.parseLong(p.getProperty("elapsedNanos")),
                    Double.parseDouble(p.getProperty("meanNanos")),
                    Long.parseLong(p.getProperty("p50Nanos")),
                    Long.parseLong(p.getProperty("p99Nanos")),
                    Long.parseLong(p.getProperty("maxNanos")));
        }
        return new RunResult(p.getProperty("workload"), p.getProperty("target"),
                p.getProperty("product", ""), p.getProperty("access", ""),
                p.getProperty("durability", ""),
                Boolean.parseBoolean(p.getProperty("durabilityAsRequested", "false")), latency,
                p.getProperty("failure"));
    }
}
