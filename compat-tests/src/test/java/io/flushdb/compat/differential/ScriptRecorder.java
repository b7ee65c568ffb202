package io.flushdb.compat.differential;

import java.nio.file.Path;
import java.util.List;

/**
 * Record mode as a plain main class, for running outside Maven and JUnit: every selected script
 * runs on the reference server and its outcome blocks are rewritten in place, as
 * {@code DifferentialScriptsTest} does with {@code -Dflushdb.record=true}. Honors the same system
 * properties ({@code flushdb.scripts.dir}, {@code flushdb.scripts}, {@code flushdb.reference}).
 * Ends with an exception (so a non-zero exit) when any script had a problem.
 */
public final class ScriptRecorder {
    private ScriptRecorder() {
    }

    public static void main(String[] args) {
        Path directory = ScriptCatalog.directory();
        List<String> paths = ScriptCatalog.list(directory);
        ReferenceServer reference = ReferenceServer.shared()
                .orElseThrow(() -> new IllegalStateException("record mode needs a reference server"));
        DifferentialSummary summary = new DifferentialSummary("record", reference.description());
        ScriptRunner runner = new ScriptRunner(reference, false);
        int failed = 0;
        try {
            failed = recordAll(directory, paths, runner, summary);
        } finally {
            // The server's output pumps are non-daemon threads: stop it, or the JVM never exits.
            ReferenceServer.stopShared();
        }
        System.out.println(summary.render());
        if (failed > 0) {
            throw new IllegalStateException(failed + " script(s) had problems while recording");
        }
    }

    private static int recordAll(Path directory, List<String> paths, ScriptRunner runner, DifferentialSummary summary) {
        int failed = 0;
        for (String path : paths) {
            Script script = ScriptCatalog.load(directory, path);
            ScriptReport report = new ScriptReport(script);
            Script recorded = runner.record(script, report);
            boolean written = ScriptCatalog.save(directory, recorded);
            report.notes().forEach(note -> System.out.println("  " + note));
            System.out.println((written ? "recorded " : "unchanged ") + path + " (" + report.statementsRun() + " statements)");
            if (!report.passed()) {
                failed++;
                System.out.println(report.failureMessage());
            }
            summary.add(report);
        }
        return failed;
    }
}
