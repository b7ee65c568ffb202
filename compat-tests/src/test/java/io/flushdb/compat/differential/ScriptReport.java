package io.flushdb.compat.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * What running one script found: how many statements ran and every problem, each a self-contained
 * paragraph naming file:line, the statement, and expected versus actual.
 */
final class ScriptReport {
    /** Problems listed per side before the rest are only counted. */
    private static final int MAX_PROBLEMS_SHOWN = 25;

    private final Script script;
    private final List<String> flushDbProblems = new ArrayList<>();
    private final List<String> referenceProblems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int statementsRun;

    ScriptReport(Script script) {
        this.script = script;
    }

    Script script() {
        return script;
    }

    void statementRun() {
        statementsRun++;
    }

    int statementsRun() {
        return statementsRun;
    }

    void flushDbProblem(String problem) {
        flushDbProblems.add(problem);
    }

    void referenceProblem(String problem) {
        referenceProblems.add(problem);
    }

    /** Information that is not a failure (record mode: what changed). */
    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }

    int flushDbProblemCount() {
        return flushDbProblems.size();
    }

    int referenceProblemCount() {
        return referenceProblems.size();
    }

    boolean passed() {
        return flushDbProblems.isEmpty() && referenceProblems.isEmpty();
    }

    /** The failure message: reference problems first (they make FlushDB results suspect), then FlushDB's. */
    String failureMessage() {
        StringBuilder out = new StringBuilder();
        out.append(script.path()).append(": ");
        List<String> parts = new ArrayList<>();
        if (!referenceProblems.isEmpty()) {
            parts.add(referenceProblems.size() + " reference-server mismatch(es)");
        }
        if (!flushDbProblems.isEmpty()) {
            parts.add(flushDbProblems.size() + " FlushDB mismatch(es)");
        }
        out.append(String.join(", ", parts)).append(" in ").append(statementsRun).append(" statements\n");
        appendAll(out, referenceProblems);
        appendAll(out, flushDbProblems);
        return out.toString();
    }

    private static void appendAll(StringBuilder out, List<String> problems) {
        for (int i = 0; i < problems.size(); i++) {
            if (i == MAX_PROBLEMS_SHOWN) {
                out.append("\n... and ").append(problems.size() - i).append(" more\n");
                break;
            }
            out.append('\n').append(problems.get(i)).append('\n');
        }
    }
}
