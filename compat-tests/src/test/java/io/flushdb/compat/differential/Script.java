package io.flushdb.compat.differential;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A parsed {@code .test} file: its lines in order, each either verbatim text (comments and blank
 * lines between statements) or a {@link ScriptStatement} with its directives and outcome blocks.
 * Writing it back with {@link ScriptWriter} reproduces the file.
 *
 * @param path    the path below the scripts directory, with {@code /}, e.g. {@code ddl/create_table.test}
 * @param entries the file's content in order
 */
record Script(String path, List<Entry> entries) {

    /** A piece of a script. */
    sealed interface Entry permits Text, ScriptStatement {
    }

    /** A comment ({@code #}) or blank line outside statements, kept verbatim. */
    record Text(String line) implements Entry {
    }

    Script {
        entries = List.copyOf(entries);
    }

    /** The feature area: the first directory of {@link #path()} ({@code ddl}, {@code query}, ...). */
    String area() {
        int slash = path.indexOf('/');
        return slash < 0 ? "(top)" : path.substring(0, slash);
    }

    List<ScriptStatement> statements() {
        return entries.stream()
                .filter(ScriptStatement.class::isInstance)
                .map(ScriptStatement.class::cast)
                .toList();
    }

    /** A copy with every statement replaced by {@code change.apply(statement)}. */
    Script mapStatements(UnaryOperator<ScriptStatement> change) {
        return new Script(path, entries.stream()
                .map(entry -> entry instanceof ScriptStatement statement ? (Entry) change.apply(statement) : entry)
                .toList());
    }
}
