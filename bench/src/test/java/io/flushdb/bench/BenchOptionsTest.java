package io.flushdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.bench.peers.Durability;
import io.flushdb.bench.timeseries.SetSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaults() {
        BenchOptions o = BenchOptions.parse();
        assertEquals(List.of("insert-autocommit", "point-select"), o.workloads());
        assertEquals(List.of("flushdb", "h2", "sqlite", "hsqldb"), o.targets());
        assertEquals(100_000, o.ops());
        assertEquals(20_000, o.warmup());
        assertEquals(Durability.DEFAULT, o.durability());
        assertEquals("flushdb", o.baseline());
        assertTrue(o.fork());
    }

    @Test
    void bothValueSpellingsAndSeparators() {
        BenchOptions o = BenchOptions.parse("--workload", "point-select", "--targets=h2,sqlite,h2",
                "--ops=1_000", "--warmup", "0", "--durability=fsync-per-commit", "--no-fork");
        assertEquals(List.of("point-select"), o.workloads());
        assertEquals(List.of("h2", "sqlite"), o.targets());
        assertEquals(1_000, o.ops());
        assertEquals(0, o.warmup());
        assertEquals(Durability.FSYNC_PER_COMMIT, o.durability());
        assertFalse(o.fork());
    }

    @Test
    void allTargetsIncludesMariaDb() {
        assertTrue(BenchOptions.parse("--targets", "all").targets().contains("mariadb"));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--targets", "h2,oracle"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--workloads", "scan"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--durability", "paranoid"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--ops", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--ops", "many"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--ops"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--frobnicate", "1"));
    }

    @Test
    void childArgumentsReproduceTheRunForOneTarget() {
        BenchOptions parent = BenchOptions.parse("--targets", "h2,sqlite", "--ops", "500", "--warmup", "7",
                "--rows", "900", "--durability", "none", "--seed", "3", "--tmpdir", "scratch");
        BenchOptions child = BenchOptions.parse(
                parent.childArguments("point-select", "sqlite", Path.of("run-1"),
                        Path.of("result.properties")).toArray(String[]::new));
        assertEquals(List.of("point-select"), child.workloads());
        assertEquals(List.of("sqlite"), child.targets());
        assertEquals(parent.settings(), child.settings());
        assertEquals(Durability.NONE, child.durability());
        assertEquals(Path.of("run-1"), child.tempRoot());
        assertEquals(Path.of("result.properties"), child.childResultFile());
        assertFalse(child.fork());
    }

    @Test
    void groupCommitScenarioDefaultsToFlushDbWithFsyncPerCommit() {
        BenchOptions o = BenchOptions.parse("--scenario", "group-commit");
        assertTrue(o.groupCommit());
        assertEquals(List.of("flushdb"), o.targets());
        assertEquals(Durability.FSYNC_PER_COMMIT, o.durability());
        assertEquals(List.of(1, 4, 16), o.threads());
        assertEquals(3, o.rounds());
        assertEquals(2.0, o.seconds());
        assertEquals(1.0, o.warmupSeconds());
        assertEquals(2.0, o.fsyncSeconds());
        assertFalse(BenchOptions.parse().groupCommit());
    }

    @Test
    void groupCommitScenarioTakesItsOwnOptionsOnly() {
        BenchOptions o = BenchOptions.parse("--scenario=group-commit", "--targets", "flushdb,sqlite",
                "--threads", "2,8,2", "--rounds=5", "--seconds", "0.5", "--warmup-seconds", "0", "--durability",
                "none");
        assertEquals(List.of("flushdb", "sqlite"), o.targets());
        assertEquals(List.of(2, 8), o.threads());
        assertEquals(5, o.rounds());
        assertEquals(0.5, o.seconds());
        assertEquals(0.0, o.warmupSeconds());
        assertEquals(Durability.NONE, o.durability());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--scenario", "group-commit", "--ops", "5"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--threads", "4"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds", "2"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--scenario", "group-commit", "--rounds", "0"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--scenario", "group-commit", "--rounds", "101"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--scenario", "all"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--scenario", "group-commit", "--threads", "0"));
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--scenario", "group-commit", "--seconds", "0"));
    }

    @Test
    void groupCommitChildArgumentsReproduceTheRunForOneTarget() {
        BenchOptions child = concurrentChild("hsqldb", "--scenario", "group-commit", "--targets", "flushdb,hsqldb",
                "--threads", "1,3", "--rounds", "4", "--seconds", "1.5", "--warmup-seconds", "0.25");
        assertTrue(child.groupCommit());
        assertEquals(4, child.rounds());
    }

    /**
     * The options of the child JVM that runs {@code target} for a parent with {@code args}, after
     * checking what every concurrent scenario's child must have of its parent's options.
     */
    private static BenchOptions concurrentChild(String target, String... args) {
        BenchOptions parent = BenchOptions.parse(args);
        BenchOptions child = BenchOptions.parse(parent.concurrentChildArguments(target, Path.of("run-2"),
                Path.of("result.properties")).toArray(String[]::new));
        assertEquals(parent.scenario(), child.scenario());
        assertEquals(List.of(target), child.targets());
        assertEquals(parent.threads(), child.threads());
        assertEquals(parent.rounds(), child.rounds());
        assertEquals(parent.seconds(), child.seconds());
        assertEquals(parent.warmupSeconds(), child.warmupSeconds());
        assertEquals(parent.durability(), child.durability());
        assertEquals(Path.of("run-2"), child.tempRoot());
        assertEquals(Path.of("result.properties"), child.childResultFile());
        assertFalse(child.fork());
        return child;
    }

    @Test
    void bankScenarioDefaultsToEveryTargetWithFsyncPerCommit() {
        BenchOptions o = BenchOptions.parse("--scenario", "bank");
        assertTrue(o.concurrent());
        assertFalse(o.groupCommit());
        assertEquals(List.of("bank"), o.workloads());
        assertEquals(List.of("flushdb", "h2", "sqlite", "hsqldb", "mariadb"), o.targets());
        assertEquals(Durability.FSYNC_PER_COMMIT, o.durability());
        assertEquals(List.of(1, 4, 16), o.threads());
        assertEquals(3, o.rounds());
        assertEquals(2.0, o.seconds());
        assertEquals(1.0, o.warmupSeconds());
        assertEquals(1_000, o.accounts());
        assertEquals(42, o.seed());
        assertTrue(BenchOptions.parse("--scenario", "group-commit").concurrent());
        assertFalse(BenchOptions.parse().concurrent());
        assertFalse(BenchOptions.parse("--scenario", "flushing").concurrent());
    }

    @Test
    void bankScenarioTakesItsOwnOptionsOnly() {
        BenchOptions o = BenchOptions.parse("--scenario=bank", "--targets", "flushdb,h2", "--threads", "1,2",
                "--rounds", "1", "--seconds", "0.5", "--warmup-seconds", "0", "--accounts", "10_000", "--seed", "7",
                "--durability", "none", "--fsync-seconds", "1");
        assertEquals(List.of("flushdb", "h2"), o.targets());
        assertEquals(List.of(1, 2), o.threads());
        assertEquals(10_000, o.accounts());
        assertEquals(7, o.seed());
        assertEquals(Durability.NONE, o.durability());
        assertEquals(2, BenchOptions.parse("--scenario", "bank", "--accounts", "2").accounts());
        assertMessage("must be at least 2", "--scenario", "bank", "--accounts", "1");
        assertMessage("must be positive", "--scenario", "bank", "--accounts", "0");
        assertMessage("needs a whole number", "--scenario", "bank", "--accounts", "many");
        assertMessage("does not apply to --scenario bank", "--scenario", "bank", "--ops", "5");
        assertMessage("does not apply to --scenario bank", "--scenario", "bank", "--rows", "5");
        assertMessage("does not apply to --scenario bank", "--scenario", "bank", "--startup", "a=1");
        assertMessage("does not apply to --scenario group-commit", "--scenario", "group-commit", "--accounts", "5");
        assertMessage("does not apply to --scenario workloads", "--accounts", "5");
        assertMessage("does not apply to --scenario flushing", "--scenario", "flushing", "--accounts", "5");
    }

    @Test
    void bankChildArgumentsReproduceTheRunForOneTarget() {
        BenchOptions child = concurrentChild("sqlite", "--scenario", "bank", "--threads", "1,3", "--rounds", "2",
                "--seconds", "1.5", "--warmup-seconds", "0.25", "--accounts", "77", "--seed", "9");
        assertEquals("bank", child.scenario());
        assertEquals(List.of(1, 3), child.threads());
        assertEquals(77, child.accounts());
        assertEquals(9, child.seed());
        assertEquals(Durability.FSYNC_PER_COMMIT, child.durability());
    }

    @Test
    void flushingScenarioDefaults() {
        BenchOptions o = BenchOptions.parse("--scenario", "flushing");
        assertTrue(o.flushing());
        assertFalse(o.groupCommit());
        assertEquals(List.of("flushdb"), o.targets());
        assertEquals(Durability.NONE, o.durability());
        assertEquals(List.of(4), o.threads());
        assertEquals(240.0, o.seconds());
        assertEquals(1_000_000, o.rows());
        assertEquals(SetSchedule.parse(SetSchedule.DEFAULT), o.schedule());
        assertEquals(Map.of("innodb_buffer_pool_size", "64M", "innodb_redo_log_capacity", "100M"), o.startupSettings());
        assertEquals("innodb_buffer_pool_size=64M,innodb_redo_log_capacity=100M", o.startupText());
        assertEquals(SetSchedule.NONE, BenchOptions.parse().schedule());
    }

    @Test
    void flushingScenarioTakesItsOwnOptions() {
        BenchOptions o = BenchOptions.parse("--scenario=flushing", "--seconds", "40", "--rows", "200_000",
                "--threads", "2", "--set", "5:innodb_io_capacity=1000,innodb_io_capacity_max=4000,30:innodb_lru_scan_depth=100",
                "--startup", "innodb_buffer_pool_size=8M,innodb_page_cleaners=2", "--seed", "7",
                "--durability", "fsync-per-commit", "--targets", "flushdb");
        assertEquals(40.0, o.seconds());
        assertEquals(200_000, o.rows());
        assertEquals(List.of(2), o.threads());
        assertEquals(30, o.schedule().lastSecond());
        assertEquals(3, o.schedule().changes().size());
        assertEquals(Map.of("innodb_buffer_pool_size", "8M", "innodb_redo_log_capacity", "100M",
                "innodb_page_cleaners", "2"), o.startupSettings());
        assertEquals(7, o.seed());
        assertEquals(Durability.FSYNC_PER_COMMIT, o.durability());
        // The default schedule follows a shorter run; "none" turns it off.
        assertEquals(33, BenchOptions.parse("--scenario", "flushing", "--seconds", "40").schedule().lastSecond());
        assertEquals(SetSchedule.NONE, BenchOptions.parse("--scenario", "flushing", "--set", "none").schedule());
    }

    @Test
    void flushingScenarioRejectsWithAClearMessage() {
        assertMessage("runs on flushdb only", "--scenario", "flushing", "--targets", "flushdb,h2");
        assertMessage("one number", "--scenario", "flushing", "--threads", "1,4");
        assertMessage("whole number of seconds", "--scenario", "flushing", "--seconds", "2.5");
        assertMessage("after the end of the run", "--scenario", "flushing", "--seconds", "40", "--set",
                "60:innodb_io_capacity=1000");
        assertMessage("--set item", "--scenario", "flushing", "--set", "60:innodb_io_capacity");
        assertMessage("use --durability", "--scenario", "flushing", "--startup", "innodb_flush_log_at_trx_commit=1");
        assertMessage("expected NAME=VALUE", "--scenario", "flushing", "--startup", "innodb_buffer_pool_size");
        assertMessage("does not apply to --scenario flushing", "--scenario", "flushing", "--rounds", "2");
        assertMessage("does not apply to --scenario flushing", "--scenario", "flushing", "--ops", "2");
        assertMessage("does not apply to --scenario workloads", "--set", "60:innodb_io_capacity=1000");
        assertMessage("does not apply to --scenario group-commit", "--scenario", "group-commit", "--startup", "a=1");
    }

    @Test
    void chartTakesACsvAndNothingElse() {
        BenchOptions o = BenchOptions.parse("--chart", "results/flushing-20261122-010203.csv");
        assertEquals(Path.of("results/flushing-20261122-010203.csv"), o.chart());
        assertNull(BenchOptions.parse().chart());
        assertMessage("takes no other option", "--chart", "a.csv", "--seconds", "5");
        assertMessage("needs a .csv file", "--chart", "a.png");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
