package io.flushdb.storage.cleaner;

/**
 * The adaptive flushing policy (seed 001, DESIGN.md "Adaptive flushing"): once a second the page
 * cleaner's coordinator asks how many pages to write from the flush lists, and how to split them
 * across the buffer pool instances. A pure function: {@link #recommend} takes the averages the
 * previous call returned, a {@link Snapshot} of the engine's counters and the {@link Settings},
 * and returns a {@link Recommendation} holding the next averages; no clock, no threads, no state.
 *
 * <p>The arithmetic is InnoDB's, including its integer steps (the ratio
 * {@code io_capacity_max / io_capacity} and the LSN age factor are integer divisions; percentages
 * of the I/O capacity are truncated), so that the figures it reports
 * ({@code buffer_flush_n_to_flush_requested}, {@code buffer_flush_pct_for_dirty},
 * {@code buffer_flush_pct_for_lsn}, {@code buffer_flush_avg_page_rate},
 * {@code buffer_flush_lsn_avg_rate}) mean what they mean in MySQL.
 */
public final class AdaptiveFlushing {
    /** The factor of the LSN scan: flush-list pages older than {@code oldest + 3 × lsn_avg_rate} count. */
    static final int LSN_SCAN_FACTOR = 3;

    private AdaptiveFlushing() {
    }

    /** The settings the policy reads (their InnoDB variables). */
    public record Settings(
            /** {@code innodb_io_capacity}, pages a second (at least 1). */
            long ioCapacity,
            /** {@code innodb_io_capacity_max}. */
            long ioCapacityMax,
            /** {@code innodb_adaptive_flushing}. */
            boolean adaptiveFlushing,
            /** {@code innodb_adaptive_flushing_lwm}, percent of the redo capacity. */
            double adaptiveFlushingLwm,
            /** {@code innodb_max_dirty_pages_pct}. */
            double maxDirtyPagesPct,
            /** {@code innodb_max_dirty_pages_pct_lwm} (0: no low-water mark). */
            double maxDirtyPagesPctLwm,
            /** {@code innodb_flushing_avg_loops}. */
            int flushingAvgLoops) {
    }

    /** Counts flush-list pages of one instance whose oldest modification is at most an LSN. */
    @FunctionalInterface
    public interface OldPages {
        long countAtOrBelow(int instance, long lsn);
    }

    /**
     * What the engine looks like now.
     *
     * @param nowSeconds        the engine clock, in whole seconds (InnoDB's {@code ut_time})
     * @param currentLsn        the LSN up to which changes have reached the flush lists
     * @param oldestModification the oldest modification over every flush list; the current LSN when
     *                          no page is dirty
     * @param logCapacity       the redo capacity, bytes
     * @param asyncAge          the checkpoint age of the async flush point, bytes
     * @param dirtyPages        pages on the flush lists (all instances)
     * @param lruPages          pages on the LRU lists
     * @param freePages         pages on the free lists
     * @param instances         buffer pool instances
     * @param oldPages          flush-list pages per instance at or below an LSN
     * @param lastPagesFlushed  pages the flush-list flushing of the previous second wrote
     */
    public record Snapshot(long nowSeconds, long currentLsn, long oldestModification, long logCapacity,
            long asyncAge, long dirtyPages, long lruPages, long freePages, int instances, OldPages oldPages,
            long lastPagesFlushed) {
    }

    /**
     * The smoothed rates and what they are being summed from, carried from one call to the next.
     * {@link #INITIAL} before the first call.
     */
    public record Averages(long prevLsn, long prevSeconds, long sumPages, int iterations, long avgPageRate,
            long lsnAvgRate) {
        public static final Averages INITIAL = new Averages(0, 0, 0, 0, 0, 0);
    }

    /**
     * The answer: {@code pages} to write from the flush lists this second, {@code perInstance}
     * split, the percentages and the page count by age behind it, and the averages for the next call.
     */
    public record Recommendation(long pages, long[] perInstance, long pctForDirty, long pctForLsn,
            long pagesForLsn, Averages next) {
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r; // both non-negative here
    }

    static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo; // both non-negative here
    }

    /** Percent of the I/O capacity the dirty page ratio asks for ({@code af_get_pct_for_dirty}). */
    public static long pctForDirty(long dirtyPages, long lruPages, long freePages, Settings s) {
        double dirtyPct = 100.0 * dirtyPages / (1 + lruPages + freePages);
        if (dirtyPct == 0.0) {
            return 0;
        }
        if (s.maxDirtyPagesPctLwm() == 0) {
            // No low-water mark: nothing until the high-water mark, then the full I/O capacity.
            return dirtyPct >= s.maxDirtyPagesPct() ? 100 : 0;
        }
        if (dirtyPct >= s.maxDirtyPagesPctLwm()) {
            return (long) (dirtyPct * 100 / (s.maxDirtyPagesPct() + 1));
        }
        return 0;
    }

    /** Percent of the I/O capacity the redo age asks for ({@code af_get_pct_for_lsn}). */
    public static long pctForLsn(long age, long logCapacity, long asyncAge, Settings s) {
        long lwm = (long) (s.adaptiveFlushingLwm() * logCapacity / 100);
        if (age < lwm) {
            return 0;
        }
        if (age < asyncAge && !s.adaptiveFlushing()) {
            return 0;
        }
        long factor = age * 100 / asyncAge;
        long ioRatio = s.ioCapacityMax() / s.ioCapacity();
        return (long) (ioRatio * (factor * Math.sqrt(factor)) / 7.5);
    }

    /**
     * Pages to flush this second ({@code page_cleaner_flush_pages_recommendation}). Returns zero
     * pages (and the averages started) on the first call, and zero pages (averages unchanged)
     * when no redo was generated since the last averaging.
     */
    public static Recommendation recommend(Averages a, Snapshot n, Settings s) {
        long[] none = new long[n.instances()];
        if (a.prevLsn() == 0) {
            return new Recommendation(0, none, 0, 0, 0,
                    new Averages(n.currentLsn(), n.nowSeconds(), 0, 0, a.avgPageRate(), a.lsnAvgRate()));
        }
        if (a.prevLsn() == n.currentLsn()) {
            return new Recommendation(0, none, 0, 0, 0, a);
        }
        long sumPages = a.sumPages() + n.lastPagesFlushed();
        int iterations = a.iterations() + 1;
        long elapsed = n.nowSeconds() - a.prevSeconds();
        Averages next;
        if (iterations >= s.flushingAvgLoops() || elapsed >= s.flushingAvgLoops()) {
            double seconds = Math.max(1, elapsed);
            long avgPageRate = (long) ((sumPages / seconds + a.avgPageRate()) / 2);
            long lsnRate = (long) ((n.currentLsn() - a.prevLsn()) / seconds);
            long lsnAvgRate = (a.lsnAvgRate() + lsnRate) / 2;
            next = new Averages(n.currentLsn(), n.nowSeconds(), 0, 0, avgPageRate, lsnAvgRate);
        } else {
            next = new Averages(a.prevLsn(), a.prevSeconds(), sumPages, iterations, a.avgPageRate(),
                    a.lsnAvgRate());
        }

        long age = n.currentLsn() > n.oldestModification() ? n.currentLsn() - n.oldestModification() : 0;
        long pctDirty = pctForDirty(n.dirtyPages(), n.lruPages(), n.freePages(), s);
        long pctLsn = pctForLsn(age, n.logCapacity(), n.asyncAge(), s);
        long pctTotal = Math.max(pctDirty, pctLsn);

        // Pages old enough that flushing them moves the oldest modification by about three
        // seconds of redo, per instance.
        long target = n.oldestModification() + next.lsnAvgRate() * LSN_SCAN_FACTOR;
        long[] requested = new long[n.instances()];
        long sumForLsn = 0;
        for (int i = 0; i < n.instances(); i++) {
            long old = n.oldPages().countAtOrBelow(i, target);
            requested[i] = old / LSN_SCAN_FACTOR + 1;
            sumForLsn += old;
        }
        sumForLsn = Math.max(1, sumForLsn / LSN_SCAN_FACTOR);
        long pagesForLsn = Math.min(sumForLsn, saturatedMultiply(s.ioCapacityMax(), 2));

        // The I/O capacities may be as large as a long: the sums and products saturate.
        long pctIo = (long) (s.ioCapacity() * (pctTotal / 100.0));
        long sum = saturatedAdd(saturatedAdd(pctIo, next.avgPageRate()), pagesForLsn);
        long pages = Math.min(sum / 3, s.ioCapacityMax());

        long[] perInstance = new long[n.instances()];
        for (int i = 0; i < n.instances(); i++) {
            // With redo space to spare, the age distribution does not matter: split evenly.
            perInstance[i] = pctLsn > 30
                    ? saturatedAdd(saturatedMultiply(requested[i], pages) / sumForLsn, 1)
                    : pages / n.instances();
        }
        return new Recommendation(pages, perInstance, pctDirty, pctLsn, sumForLsn, next);
    }
}
