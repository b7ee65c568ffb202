package io.flushdb.compat.differential;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One dynamic test per script under {@code compat-tests/scripts/}, grouped by area.
 *
 * <p>Normally each script runs on FlushDB and on the reference server and both are checked
 * against the recorded outcomes ({@link ScriptRunner#check}). With {@code -Dflushdb.record=true}
 * each script instead runs on the reference only and its outcome blocks are rewritten in place
 * ({@link ScriptRunner#record}). With {@code -Dflushdb.reference=none} FlushDB is checked against
 * the recordings alone. See {@code docs/compat/differential.md}.
 */
@ExtendWith(ReferenceServerLifecycle.class)
class DifferentialScriptsTest {
    /** A hung statement (a new engine's deadlock, say) fails its script instead of the whole run. */
    private static final Duration SCRIPT_TIMEOUT =
            Duration.ofSeconds(Long.getLong("flushdb.script.timeout.seconds", 300));

    private static DifferentialSummary summary;

    @TestFactory
    Stream<DynamicNode> scripts() {
        boolean recording = Boolean.getBoolean("flushdb.record");
        Path directory = ScriptCatalog.directory();
        List<String> paths = ScriptCatalog.list(directory);
        if (paths.isEmpty()) {
            fail("no " + ScriptCatalog.SUFFIX + " scripts selected below " + directory);
        }
        ReferenceServer reference = ReferenceServer.shared().orElse(null);
        if (recording && reference == null) {
            fail("record mode needs a reference server; flushdb.reference is none");
        }
        String referenceText = reference == null ? "none (recorded outcomes only)" : reference.description();
        summary = new DifferentialSummary(recording ? "record" : "check", referenceText);
        ScriptRunner runner = new ScriptRunner(reference, !recording);

        Map<String, List<DynamicNode>> byArea = new LinkedHashMap<>();
        for (String path : paths) {
            String area = path.contains("/") ? path.substring(0, path.indexOf('/')) : "(top)";
            DynamicTest test = DynamicTest.dynamicTest(path, directory.resolve(path).toUri(),
                    () -> assertTimeoutPreemptively(SCRIPT_TIMEOUT, () -> runOne(runner, directory, path, recording),
                            () -> path + " did not finish within " + SCRIPT_TIMEOUT.toSeconds()
                                    + " s (-Dflushdb.script.timeout.seconds); a statement hangs"));
            byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(test);
        }
        return byArea.entrySet().stream()
                .map(entry -> DynamicContainer.dynamicContainer(entry.getKey(), entry.getValue().stream()));
    }

    private static void runOne(ScriptRunner runner, Path directory, String path, boolean recording) {
        Script script = ScriptCatalog.load(directory, path);
        ScriptReport report = new ScriptReport(script);
        if (recording) {
            Script recorded = runner.record(script, report);
            boolean written = ScriptCatalog.save(directory, recorded);
            report.notes().forEach(note -> System.out.println("  " + note));
            System.out.println((written ? "recorded " : "unchanged ") + path + " (" + report.statementsRun()
                    + " statements)");
        } else {
            report = runner.check(script);
        }
        summary.add(report);
        if (!report.passed()) {
            fail(report.failureMessage());
        }
    }

    @AfterAll
    static void printSummary() {
        if (summary != null) {
            System.out.println(summary.render());
        }
    }
}
