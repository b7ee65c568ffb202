package io.flushdb.sql.vars;

import java.util.LinkedHashSet;
import java.util.Set;

/** sql_mode's combination modes: ANSI and TRADITIONAL stand for sets of modes, as in MySQL 8.0. */
final class SqlModes {
    private SqlModes() {
    }

    /** Adds the modes a combination mode stands for, in the variable's canonical order. */
    static String expand(SystemVariable v, String canonical) {
        if (canonical == null || canonical.isEmpty()) {
            return canonical;
        }
        Set<String> modes = new LinkedHashSet<>(java.util.List.of(canonical.split(",")));
        if (modes.contains("ANSI")) {
            modes.addAll(java.util.List.of("REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE",
                    "ONLY_FULL_GROUP_BY"));
        }
        if (modes.contains("TRADITIONAL")) {
            modes.addAll(java.util.List.of("STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE",
                    "NO_ZERO_DATE", "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION"));
        }
        StringBuilder sb = new StringBuilder();
        for (String n : v.names) {
            if (modes.contains(n)) {
                sb.append(sb.length() == 0 ? "" : ",").append(n);
            }
        }
        return sb.toString();
    }
}
