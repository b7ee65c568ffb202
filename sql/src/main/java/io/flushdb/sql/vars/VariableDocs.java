package io.flushdb.sql.vars;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates {@code docs/variables.md}, the reference page of every system variable, from the
 * definitions in {@link SystemVariables}. A test in the sql module fails when the committed page
 * differs from what this produces, so the page cannot drift from the code; that test rewrites
 * the page when run with {@code -Dflushdb.docs.write=true}.
 */
public final class VariableDocs {
    private VariableDocs() {
    }

    /** Writes the page to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), page(), StandardCharsets.UTF_8);
    }

    /** The page's Markdown. */
    public static String page() {
        StringBuilder sb = new StringBuilder();
        sb.append("# System variables\n\n")
                .append("<!-- Generated from sql/src/main/java/io/flushdb/sql/vars/SystemVariables.java by VariableDocs; "
                        + "do not edit by hand. -->\n\n")
                .append("Every system variable FlushDB knows, with MySQL 8.0's name, default and range. Read them with "
                        + "`SELECT @@name`, `@@global.name`, `@@session.name` or `SHOW [GLOBAL|SESSION] VARIABLES "
                        + "[LIKE ...|WHERE ...]`; change them with `SET GLOBAL`, `SET [SESSION]`, `SET PERSIST` or "
                        + "`SET PERSIST_ONLY`.\n\n")
                .append("**Scope**: GLOBAL (one value for the engine), SESSION (each connection's own), or both "
                        + "(a connection starts from the GLOBAL value). `SET SESSION` of a GLOBAL-only variable is "
                        + "error 1229, `SET GLOBAL` of a SESSION-only one 1228, `@@session.` of a GLOBAL-only one "
                        + "and `@@global.` of a SESSION-only one 1238.\n\n")
                .append("**Dynamic** variables change at runtime and take effect at once (a GLOBAL change of an "
                        + "engine tunable reaches the running threads through a listener). **Startup** variables "
                        + "are set in `flushdb.cnf`, by `SET PERSIST_ONLY` or in the JDBC URL, and `SET` of them is "
                        + "error 1238 (read only).\n\n")
                .append("**Startup values** come from, in rising precedence: the default, `flushdb.cnf` in the data "
                        + "directory (`[mysqld]` group, MySQL option syntax: `innodb-io-capacity = 400`, "
                        + "`innodb_buffer_pool_size = 256M`, `loose-` prefix, `skip-` for booleans), "
                        + "`flushdb-auto.cnf` (written by `SET PERSIST`; `RESET PERSIST [name]` removes entries), and the "
                        + "JDBC URL (`jdbc:flushdb:dir?innodb_io_capacity=400`). An unknown name in any of them is an "
                        + "error.\n\n")
                .append("**Bad values**: a wrong type is error 1232, a value outside an ON/OFF or list variable's "
                        + "choices 1231; a number outside its range is clamped to it with warning 1292, as MySQL "
                        + "does. A `SET` that fails changes none of its assignments.\n\n");
        sb.append("| Variable | Scope | Dynamic | Default | Range | Unit |\n|---|---|---|---|---|---|\n");
        for (SystemVariable v : SystemVariables.all()) {
            sb.append("| [`").append(v.name()).append("`](#").append(v.name()).append(") | ")
                    .append(scope(v)).append(" | ").append(v.dynamic() ? "yes" : "startup").append(" | ")
                    .append(v.isComputed() ? "(engine)" : code(VariableValues.show(v, v.defaultValue()))).append(" | ")
                    .append(v.range().replace("|", "\\|")).append(" | ").append(v.unit()).append(" |\n");
        }
        sb.append('\n');
        for (SystemVariable v : SystemVariables.all()) {
            sb.append("## ").append(v.name()).append("\n\n");
            sb.append("- Scope: ").append(scope(v)).append("; ").append(v.dynamic() ? "dynamic" : "startup only")
                    .append('\n');
            if (!v.isComputed()) {
                sb.append("- Default: ").append(code(VariableValues.show(v, v.defaultValue()))).append('\n');
            }
            sb.append("- Values: ").append(v.range()).append(v.unit().isEmpty() ? "" : " (" + v.unit() + ")")
                    .append('\n');
            if (!v.effect().isEmpty()) {
                sb.append("- Effect: ").append(v.effect()).append('\n');
            }
            if (!v.cost().isEmpty()) {
                sb.append("- Raising or lowering it: ").append(v.cost()).append('\n');
            }
            if (!v.mysqlDifference().isEmpty()) {
                sb.append("- Differs from MySQL 8.0: ").append(v.mysqlDifference()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String scope(SystemVariable v) {
        return switch (v.scope()) {
            case GLOBAL -> "GLOBAL";
            case SESSION -> "SESSION";
            case BOTH -> "GLOBAL, SESSION";
        };
    }

    private static String code(String s) {
        return s.isEmpty() ? "''" : "`" + s + "`";
    }
}
