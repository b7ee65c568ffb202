package io.flushdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.bench.report.CommitRates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrent scenarios end to end on FlushDB, in this JVM, with tiny settings: the run must
 * complete and its verification pass. Nothing about speed is asserted.
 */
class ConcurrentRunTest {

    @TempDir
    Path tmp;

    private CommitRates run(String... args) {
        BenchOptions options = BenchOptions.parse(Stream.concat(Stream.of(args),
                Stream.of("--targets", "flushdb", "--threads", "1,2", "--rounds", "1", "--warmup-seconds", "0",
                        "--no-fork", "--tmpdir", tmp.toString())).toArray(String[]::new));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        CommitRates result = new ConcurrentRun("flushdb", BenchMain.workload(options), options,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        assertNull(result.failure(), () -> "failed: " + result.failure() + "\n" + progress.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(1, 2), result.phases().stream().map(CommitRates.Phase::threads).toList());
        return result;
    }

    @Test
    void bankTransfersOnFlushDbKeepEveryAccountAndTheTotal() throws Exception {
        CommitRates result = run("--scenario", "bank", "--seconds", "0.5", "--accounts", "50");
        assertTrue(result.notes().contains("REPEATABLE READ"), result.notes());
        assertTrue(result.notes().contains("FOR UPDATE"), result.notes());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the data directory is deleted");
        }
    }

    @Test
    void groupCommitInsertsOnFlushDbAreAllThere() {
        run("--scenario", "group-commit", "--seconds", "0.3");
    }
}
