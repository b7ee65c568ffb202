package io.flushdb.bench.peers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The commit durability a run asks every peer for. Autocommit insert rates depend on it more
 * than on anything else, so each peer maps it onto its own settings and then reports, read
 * back from the running database, what it actually ran with ({@link DurabilityInForce}).
 */
public enum Durability {
    /** Each product exactly as shipped: no durability setting is touched. */
    DEFAULT("default"),
    /**
     * A commit returns only after its log (or journal) has been forced to stable storage.
     * Peers that have no such setting run with their strongest one and say so.
     */
    FSYNC_PER_COMMIT("fsync-per-commit"),
    /**
     * Commits are not forced to disk one by one: they reach the disk with a later periodic or
     * checkpoint fsync, so a machine crash can lose the last commits. The peer keeps its normal
     * file format and journal (no in-memory mode, no journal switched off).
     */
    NONE("none");

    private final String optionName;

    Durability(String optionName) {
        this.optionName = optionName;
    }

    /** The spelling used on the command line and in reports. */
    public String optionName() {
        return optionName;
    }

    public static Durability fromOptionName(String name) {
        for (Durability d : values()) {
            if (d.optionName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown durability '" + name + "', expected one of "
                + Arrays.stream(values()).map(Durability::optionName).collect(Collectors.joining("|")));
    }
}
