package io.flushdb.sql.vars;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading variables as statements do: {@code @@name}, {@code @@global.name},
 * {@code @@session.name} (MySQL's scope rules and errors), and the rows of SHOW VARIABLES.
 */
public final class Variables {
    private Variables() {
    }

    /** A resolved {@code @@} reference: the variable and whether it reads the GLOBAL value. */
    public record Reference(SystemVariable variable, boolean global) {
        /** The name a cached plan keeps for it ({@code global.x} or {@code x}). */
        public String key() {
            return global ? "global." + variable.name() : variable.name();
        }
    }

    /**
     * Resolves {@code @@[global.|session.|local.]name}: 1193 for an unknown name, 1238 for a scope
     * the variable does not have.
     */
    public static Reference resolve(String text) {
        String n = text.toLowerCase(Locale.ROOT);
        String scope = "";
        int dot = n.indexOf('.');
        if (dot > 0) {
            scope = n.substring(0, dot);
            n = n.substring(dot + 1);
        }
        SystemVariable v = SystemVariables.get(SqlTextNames.unquote(n));
        switch (scope) {
            case "global" -> {
                if (!v.scope().hasGlobal()) {
                    throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.raise(v.name(), "SESSION");
                }
                return new Reference(v, true);
            }
            case "session", "local" -> {
                if (!v.scope().hasSession()) {
                    throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.raise(v.name(), "GLOBAL");
                }
                return new Reference(v, false);
            }
            case "" -> {
                return new Reference(v, !v.scope().hasSession());
            }
            default -> throw MySqlError.ER_UNKNOWN_SYSTEM_VARIABLE.raise(text);
        }
    }

    /** Whether the variable a reference key names reads as BIGINT UNSIGNED (a non-negative integer). */
    public static boolean isUnsigned(String key) {
        SystemVariable v = SystemVariables.find(key.startsWith("global.") ? key.substring(7) : key);
        return v != null && v.type() == SystemVariable.Type.INTEGER && v.min >= 0;
    }

    /** The value of a resolved reference, as {@code SELECT @@} returns it. */
    public static Object select(Session s, String key) {
        boolean global = key.startsWith("global.");
        SystemVariable v = SystemVariables.get(global ? key.substring(7) : key);
        return VariableValues.select(v, value(s, v, global));
    }

    /** The canonical value of {@code v} in the session, or its GLOBAL value. */
    public static Object value(Session s, SystemVariable v, boolean global) {
        if (v.computed != null) {
            return v.computed.apply(s.engine());
        }
        if (global || !v.scope().hasSession()) {
            return s.engine().globals().get(v);
        }
        return s.variables().get(v);
    }

    /**
     * The (Variable_name, Value) rows SHOW [GLOBAL|SESSION] VARIABLES and information_schema show,
     * sorted by name: GLOBAL lists variables with a global value; SESSION lists every variable, with
     * its session value where it has one.
     */
    public static List<Object[]> rows(Session s, boolean global) {
        List<Object[]> out = new ArrayList<>();
        for (SystemVariable v : SystemVariables.all()) {
            if (global && !v.scope().hasGlobal()) {
                continue;
            }
            out.add(new Object[] {v.name(), VariableValues.show(v, value(s, v, global))});
        }
        return out;
    }

    /** Small helper so names may be written `quoted`. */
    static final class SqlTextNames {
        private SqlTextNames() {
        }

        static String unquote(String n) {
            return n.length() > 1 && n.charAt(0) == '`' && n.charAt(n.length() - 1) == '`'
                    ? n.substring(1, n.length() - 1) : n;
        }
    }
}
