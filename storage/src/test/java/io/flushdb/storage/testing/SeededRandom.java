package io.flushdb.storage.testing;

import java.util.Random;

/**
 * A {@link Random} whose seed is chosen per run (or fixed with -Dflushdb.seed=N) and printed in
 * {@link #toString()}, so an assertion message that includes it tells how to replay a failure.
 */
public final class SeededRandom extends Random {
    private final long seed;

    public SeededRandom() {
        this(Long.getLong("flushdb.seed", System.nanoTime()));
    }

    public SeededRandom(long seed) {
        super(seed);
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "seed " + seed + " (replay with -Dflushdb.seed=" + seed + ")";
    }
}
