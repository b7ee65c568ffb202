package io.flushdb.storage.cleaner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.cleaner.AdaptiveFlushing.Averages;
import io.flushdb.storage.cleaner.AdaptiveFlushing.OldPages;
import io.flushdb.storage.cleaner.AdaptiveFlushing.Recommendation;
import io.flushdb.storage.cleaner.AdaptiveFlushing.Settings;
import io.flushdb.storage.cleaner.AdaptiveFlushing.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adaptive flushing policy against figures computed by hand from seed 001's formulas
 * ({@code af_get_pct_for_dirty}, {@code af_get_pct_for_lsn},
 * {@code page_cleaner_flush_pages_recommendation}); each case shows its arithmetic.
 */
class AdaptiveFlushingTest {
    /** MySQL 8.0's defaults: io_capacity 200, io_capacity_max 2000, lwm 10 %, max dirty 90 %, lwm 10 %. */
    private static Settings settings(long io, long ioMax, boolean adaptive, double dirtyLwm, int avgLoops) {
        return new Settings(io, ioMax, adaptive, 10, 90, dirtyLwm, avgLoops);
    }

    private static final long CAPACITY = 104_857_600L;
    /** 75 % of the capacity, as the redo log computes it (capacity / 100 × 75). */
    private static final long ASYNC = 78_643_200L;

    @ParameterizedTest(name = "dirty {0} lru {1} free {2} lwm {3}: {4} %")
    @CsvSource({
            // no dirty page
            "0, 1000, 0, 10, 0",
            // no low-water mark: 100 × 900 / 1000 = 90.0 >= 90 -> 100
            "900, 999, 0, 0, 100",
            // no low-water mark: 89.9 < 90 -> 0
            "899, 999, 0, 0, 0",
            // low-water mark 10: 50.0 >= 10 -> 50.0 × 100 / 91 = 54.9 -> 54
            "500, 999, 0, 10, 54",
            // below the low-water mark: 5.0 < 10 -> 0
            "50, 999, 0, 10, 0",
            // free pages count in the ratio: 100 × 300 / 1001 = 29.97 -> 29.97 × 100 / 91 = 32.9 -> 32
            "300, 500, 500, 10, 32",
    })
    void pctForDirty(long dirty, long lru, long free, double lwm, long expected) {
        assertEquals(expected, AdaptiveFlushing.pctForDirty(dirty, lru, free, settings(200, 2000, true, lwm, 30)));
    }

    @ParameterizedTest(name = "age {0}, io {1}/{2}, adaptive {3}: {4} %")
    @CsvSource({
            // below innodb_adaptive_flushing_lwm (10 % of 104857600 = 10485760)
            "10000000, 200, 2000, true, 0",
            // adaptive flushing off and below the async point
            "50000000, 200, 2000, false, 0",
            // factor 50000000 × 100 / 78643200 = 63; (2000 / 200) × 63 × √63 / 7.5 = 666.7 -> 666
            "50000000, 200, 2000, true, 666",
            // off, but past the async point: factor 101; 10 × 101 × √101 / 7.5 = 1353.4 -> 1353
            "80000000, 200, 2000, false, 1353",
            // the capacity ratio is an integer division: 2000 / 300 = 6; 6 × 63 × √63 / 7.5 = 400.0 -> 400
            "50000000, 300, 2000, true, 400",
    })
    void pctForLsn(long age, long io, long ioMax, boolean adaptive, long expected) {
        assertEquals(expected, AdaptiveFlushing.pctForLsn(age, CAPACITY, ASYNC, settings(io, ioMax, adaptive, 10, 30)));
    }

    /** Old pages per instance, answering only for the target LSN the case computes by hand. */
    private static OldPages oldPages(long target, long... perInstance) {
        return (instance, lsn) -> {
            assertEquals(target, lsn, "the LSN scan target: oldest + 3 × lsn_avg_rate");
            return perInstance[instance];
        };
    }

    @Test
    void theFirstCallOnlyStartsTheAverages() {
        Snapshot n = new Snapshot(100, 5_000_000, 1_000_000, CAPACITY, ASYNC, 300, 1000, 0, 2,
                (i, lsn) -> 0, 150);
        Recommendation r = AdaptiveFlushing.recommend(Averages.INITIAL, n, settings(200, 2000, true, 10, 30));
        assertEquals(0, r.pages());
        assertEquals(new Averages(5_000_000, 100, 0, 0, 0, 0), r.next());
    }

    @Test
    void noNewRedoMeansNoFlushingAndNoChange() {
        Averages a = new Averages(5_000_000, 100, 10, 2, 100, 2_000_000);
        Snapshot n = new Snapshot(101, 5_000_000, 1_000_000, CAPACITY, ASYNC, 300, 1000, 0, 2,
                (i, lsn) -> 0, 150);
        Recommendation r = AdaptiveFlushing.recommend(a, n, settings(200, 2000, true, 10, 30));
        assertEquals(0, r.pages());
        assertSame(a, r.next());
    }

    @Test
    void dirtyPagesDriveFlushingWhileTheRedoIsYoung() {
        // avg_loops 1: the averages move at every call. One second since the last one:
        //   avg_page_rate = (150 / 1 + 100) / 2 = 125; lsn_rate = 4000000; lsn_avg_rate = (2000000 + 4000000) / 2
        //   age 4000000 < lwm 10485760 -> pct_for_lsn 0; dirty 100 × 300 / 1001 = 29.97 -> pct_for_dirty 32
        //   target = 1000000 + 3 × 3000000 = 10000000; old pages 90 + 30 -> requested 31, 11; sum 120 / 3 = 40
        //   pages = (200 × 0.32 + 125 + 40) / 3 = 229 / 3 = 76; pct_for_lsn <= 30: 76 / 2 each
        Averages a = new Averages(1_000_000, 100, 0, 0, 100, 2_000_000);
        Snapshot n = new Snapshot(101, 5_000_000, 1_000_000, CAPACITY, ASYNC, 300, 1000, 0, 2,
                oldPages(10_000_000, 90, 30), 150);
        Recommendation r = AdaptiveFlushing.recommend(a, n, settings(200, 2000, true, 10, 1));
        assertEquals(32, r.pctForDirty());
        assertEquals(0, r.pctForLsn());
        assertEquals(40, r.pagesForLsn());
        assertEquals(76, r.pages());
        assertArrayEquals(new long[] {38, 38}, r.perInstance());
        assertEquals(new Averages(5_000_000, 101, 0, 0, 125, 3_000_000), r.next());
    }

    @Test
    void anOldRedoSplitsPagesByEachInstancesOldPages() {
        // Two seconds since the last averaging:
        //   avg_page_rate = (600 / 2 + 400) / 2 = 350; lsn_rate = 20000000 / 2; lsn_avg_rate = 10000000
        //   age 60000000: factor 76 -> pct_for_lsn = 10 × 76 × √76 / 7.5 = 883.4 -> 883; dirty 5 % < lwm -> 0
        //   target = 1000000 + 3 × 10000000 = 31000000; old 600 + 300 -> requested 201, 101; sum 900 / 3 = 300
        //   pages = ((long) (200 × 8.83) + 350 + 300) / 3 = 2416 / 3 = 805
        //   pct_for_lsn > 30: 201 × 805 / 300 + 1 = 540 and 101 × 805 / 300 + 1 = 272
        Averages a = new Averages(41_000_000, 100, 0, 0, 400, 10_000_000);
        Snapshot n = new Snapshot(102, 61_000_000, 1_000_000, CAPACITY, ASYNC, 100, 1000, 999, 2,
                oldPages(31_000_000, 600, 300), 600);
        Recommendation r = AdaptiveFlushing.recommend(a, n, settings(200, 2000, true, 10, 1));
        assertEquals(0, r.pctForDirty());
        assertEquals(883, r.pctForLsn());
        assertEquals(300, r.pagesForLsn());
        assertEquals(805, r.pages());
        assertArrayEquals(new long[] {540, 272}, r.perInstance());
        assertEquals(new Averages(61_000_000, 102, 0, 0, 350, 10_000_000), r.next());
    }

    @Test
    void ioCapacityMaxCapsThePages() {
        // As above with io_capacity_max 250: ratio 250 / 200 = 1, pct_for_lsn 88; pages_for_lsn = min(300, 500)
        //   pages = (176 + 350 + 300) / 3 = 275 -> capped at 250; split 201 × 250 / 300 + 1 = 168, 101 × 250 / 300 + 1 = 85
        Averages a = new Averages(41_000_000, 100, 0, 0, 400, 10_000_000);
        Snapshot n = new Snapshot(102, 61_000_000, 1_000_000, CAPACITY, ASYNC, 100, 1000, 999, 2,
                oldPages(31_000_000, 600, 300), 600);
        Recommendation r = AdaptiveFlushing.recommend(a, n, settings(200, 250, true, 10, 1));
        assertEquals(88, r.pctForLsn());
        assertEquals(250, r.pages());
        assertArrayEquals(new long[] {168, 85}, r.perInstance());
    }

    @Test
    void betweenAveragingsThePagesAreSummedAndTheOldRatesUsed() {
        // avg_loops 30, 4th iteration, 1 second: no averaging; sum_pages 50 + 20; lsn_avg_rate stays 2000000
        //   target = 1000000 + 3 × 2000000 = 7000000; old 30 + 0 -> sum 30 / 3 = 10
        //   dirty 100 × 300 / 1001 -> 32 %: pages = (64 + 100 + 10) / 3 = 58, 29 each
        Averages a = new Averages(1_000_000, 100, 50, 3, 100, 2_000_000);
        Snapshot n = new Snapshot(101, 5_000_000, 1_000_000, CAPACITY, ASYNC, 300, 1000, 0, 2,
                oldPages(7_000_000, 30, 0), 20);
        Recommendation r = AdaptiveFlushing.recommend(a, n, settings(200, 2000, true, 10, 30));
        assertEquals(new Averages(1_000_000, 100, 70, 4, 100, 2_000_000), r.next());
        assertEquals(10, r.pagesForLsn());
        assertEquals(58, r.pages());
        assertArrayEquals(new long[] {29, 29}, r.perInstance());
    }

    /** innodb_io_capacity(_max) may be set as high as a long: the budgets saturate, never go negative. */
    @org.junit.jupiter.api.Test
    void hugeIoCapacitiesSaturateInsteadOfOverflowing() {
        AdaptiveFlushing.Settings s = new AdaptiveFlushing.Settings(Long.MAX_VALUE, Long.MAX_VALUE, true, 10, 90, 10,
                1);
        AdaptiveFlushing.Averages a = new AdaptiveFlushing.Averages(1_000, 10, 0, 0, 500, 100_000);
        AdaptiveFlushing.Snapshot n = new AdaptiveFlushing.Snapshot(11, 7_000_000, 1_000_000, 8_000_000, 6_000_000,
                900, 1000, 0, 2, (i, lsn) -> 300, 200);
        AdaptiveFlushing.Recommendation r = AdaptiveFlushing.recommend(a, n, s);
        assertTrue(r.pctForLsn() > 30, "the split by age is used: " + r.pctForLsn());
        assertTrue(r.pages() > 0, "pages " + r.pages());
        for (long p : r.perInstance()) {
            assertTrue(p > 0, "per instance " + p);
        }
    }
}
