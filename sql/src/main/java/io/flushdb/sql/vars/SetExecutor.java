package io.flushdb.sql.vars;

import io.flushdb.sql.ddl.CharsetNames;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.SqlWarning;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.route.StatementRouter;
import io.flushdb.sql.session.Session;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SET: system variables ({@code GLOBAL}, {@code SESSION}/{@code LOCAL}/none, {@code PERSIST},
 * {@code PERSIST_ONLY}, {@code @@global.x}, {@code @@session.x}, {@code @@x}), user variables
 * ({@code @x = expr}, {@code :=}), several assignments in one statement, {@code SET NAMES} and
 * {@code SET CHARACTER SET}; and RESET PERSIST.
 *
 * <p>A SET is atomic: every assignment is parsed, evaluated and checked before any is applied, so
 * a failing one changes none of them (as MySQL). As in MySQL, a scope keyword applies to the
 * assignments after it that name none.
 */
public final class SetExecutor {
    private enum Target { SESSION, GLOBAL, PERSIST, PERSIST_ONLY, USER }

    /** One parsed assignment: what it sets, and the value expression's text. */
    private record Assignment(Target target, String name, String expr, boolean explicitScope) {
    }

    /** One checked assignment, ready to apply. */
    private record Pending(Target target, SystemVariable variable, String userName, Object value) {
    }

    private static final Object DEFAULT = new Object();

    private final Session session;
    private final StatementRouter router;

    public SetExecutor(Session session, StatementRouter router) {
        this.session = session;
        this.router = router;
    }

    /** Runs the SET statement {@code sql} with {@code params} bound to its {@code ?} markers. */
    public StatementResult execute(String sql, Object[] params) {
        String text = SqlText.trim(sql);
        int pos = skipSpace(text, 3); // after SET
        String first = wordAt(text, pos).toUpperCase(Locale.ROOT);
        if (first.equals("NAMES")) {
            return names(text.substring(pos + 5).trim());
        }
        if (first.equals("CHARSET") || (first.equals("CHARACTER") && wordAt(text, skipSpace(text, pos + 9))
                .equalsIgnoreCase("SET"))) {
            int after = first.equals("CHARSET") ? pos + 7 : skipSpace(text, pos + 9) + 3;
            return characterSet(SqlText.unquote(text.substring(after).trim()));
        }
        List<Assignment> assignments = parse(text, pos);
        List<SqlWarning> warnings = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        int param = 0;
        for (Assignment a : assignments) {
            int n = SqlText.countParameters(a.expr());
            Object[] slice = Arrays.copyOfRange(params, param, param + n);
            param += n;
            check(a, slice, warnings, pending);
        }
        apply(pending);
        warnings.forEach(session::addWarning);
        return StatementResult.updateCount(0, List.of(), session.warningCount());
    }

    // ---- parsing ---------------------------------------------------------------------------------

    private static List<Assignment> parse(String text, int pos) {
        List<Assignment> out = new ArrayList<>();
        Target sticky = Target.SESSION;
        int i = pos;
        while (true) {
            i = skipSpace(text, i);
            if (i >= text.length()) {
                throw MySqlError.ER_PARSE_ERROR.raise("", 1);
            }
            Target target;
            String name;
            boolean explicit = false;
            if (text.startsWith("@@", i)) {
                int end = nameEnd(text, i + 2);
                String full = text.substring(i + 2, end);
                i = end;
                int dot = full.indexOf('.');
                String prefix = dot > 0 ? full.substring(0, dot).toLowerCase(Locale.ROOT) : "";
                target = switch (prefix) {
                    case "global" -> Target.GLOBAL;
                    case "persist" -> Target.PERSIST;
                    case "persist_only" -> Target.PERSIST_ONLY;
                    case "session", "local", "" -> Target.SESSION;
                    default -> throw MySqlError.ER_UNKNOWN_SYSTEM_VARIABLE.raise(full);
                };
                name = dot > 0 ? full.substring(dot + 1) : full;
                explicit = true;
            } else if (text.charAt(i) == '@') {
                int start = i + 1;
                if (start < text.length() && "'\"`".indexOf(text.charAt(start)) >= 0) {
                    i = SqlText.skipQuoted(text, start);
                    name = SqlText.unquote(text.substring(start, i));
                } else {
                    i = nameEnd(text, start);
                    name = text.substring(start, i);
                }
                if (name.isEmpty()) {
                    throw MySqlError.ER_PARSE_ERROR.raise(text.substring(start), 1);
                }
                target = Target.USER;
            } else {
                int end = nameEnd(text, i);
                String word = text.substring(i, end);
                Target keyword = switch (word.toUpperCase(Locale.ROOT)) {
                    case "GLOBAL" -> Target.GLOBAL;
                    case "SESSION", "LOCAL" -> Target.SESSION;
                    case "PERSIST" -> Target.PERSIST;
                    case "PERSIST_ONLY" -> Target.PERSIST_ONLY;
                    default -> null;
                };
                if (keyword != null) {
                    sticky = keyword;
                    explicit = true;
                    i = skipSpace(text, end);
                    if (text.startsWith("@@", i)) {
                        throw MySqlError.ER_PARSE_ERROR.raise(text.substring(i), 1);
                    }
                    end = nameEnd(text, i);
                    word = text.substring(i, end);
                }
                name = SqlText.unquote(word);
                i = end;
                target = sticky;
                if (name.isEmpty()) {
                    throw MySqlError.ER_PARSE_ERROR.raise(text.substring(i), 1);
                }
            }
            i = skipSpace(text, i);
            if (text.startsWith(":=", i)) {
                i += 2;
            } else if (i < text.length() && text.charAt(i) == '=') {
                i++;
            } else {
                throw MySqlError.ER_PARSE_ERROR.raise(i < text.length() ? text.substring(i) : "", 1);
            }
            int end = exprEnd(text, i);
            String expr = text.substring(i, end).trim();
            if (expr.isEmpty()) {
                throw MySqlError.ER_PARSE_ERROR.raise(text.substring(end), 1);
            }
            out.add(new Assignment(target, name, expr, explicit));
            if (end >= text.length()) {
                return out;
            }
            i = end + 1; // past the comma
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String wordAt(String s, int i) {
        return s.substring(i, nameEnd(s, i));
    }

    private static int nameEnd(String s, int i) {
        if (i < s.length() && s.charAt(i) == '`') {
            return SqlText.skipQuoted(s, i);
        }
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
                j++;
            } else if (c == '`') {
                j = SqlText.skipQuoted(s, j);
            } else {
                break;
            }
        }
        return j;
    }

    /** The end of an expression: the next comma outside parentheses and quotes, or the end. */
    private static int exprEnd(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\'' || c == '"' || c == '`') {
                j = SqlText.skipQuoted(s, j);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return j;
            }
            j++;
        }
        return j;
    }

    // ---- checking --------------------------------------------------------------------------------

    /** Parses, evaluates and checks {@code a}, adding what it will change to {@code pending}. */
    private void check(Assignment a, Object[] params, List<SqlWarning> warnings, List<Pending> pending) {
        if (a.target() == Target.USER) {
            pending.add(new Pending(Target.USER, null, a.name(), VariableValues.userValue(evaluate(a.expr(), params))));
            return;
        }
        SystemVariable v = SystemVariables.get(a.name());
        Target t = a.target();
        if ((v.computed != null && v.configure == null) || (!v.dynamic && t != Target.PERSIST_ONLY)) {
            throw MySqlError.ER_INCORRECT_GLOBAL_LOCAL_VAR.raise(v.name(), "read only");
        }
        if (t == Target.SESSION && !v.scope().hasSession()) {
            throw MySqlError.ER_GLOBAL_VARIABLE.raise(v.name());
        }
        if (t != Target.SESSION && !v.scope().hasGlobal()) {
            throw MySqlError.ER_LOCAL_VARIABLE.raise(v.name());
        }
        Object raw = systemValue(a.expr(), params);
        Object value;
        if (raw == DEFAULT) {
            value = t == Target.SESSION && v.scope().hasGlobal() ? session.engine().globals().get(v) : v.defaultValue();
        } else {
            value = VariableValues.fromSql(v, raw, warnings::add);
        }
        Pending partner = null;
        if (t != Target.SESSION) {
            Pending[] holder = new Pending[1];
            value = GlobalConstraints.adjust(v, value, session.engine().globals(), pendingGlobals(pending), warnings,
                    c -> holder[0] = new Pending(t, c.variable(), null, c.value()));
            if (SystemVariables.isMonitorControl(v) && value != null) {
                try {
                    session.engine().innodbMetrics().check((String) value);
                } catch (IllegalArgumentException e) {
                    throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name(), value);
                }
            }
            partner = holder[0];
        }
        pending.add(new Pending(t, v, null, value));
        if (partner != null) {
            pending.add(partner);
        }
    }

    private static List<GlobalVariables.Change> pendingGlobals(List<Pending> earlier) {
        List<GlobalVariables.Change> out = new ArrayList<>();
        for (Pending p : earlier) {
            if (p.target() == Target.GLOBAL || p.target() == Target.PERSIST) {
                out.add(new GlobalVariables.Change(p.variable(), p.value(), true, false));
            }
        }
        return out;
    }

    /**
     * A system variable's new value: DEFAULT, a bare word (ON, OFF, SYSTEM, an enum name: MySQL
     * takes an identifier as its text), a literal, or any expression, evaluated.
     */
    private Object systemValue(String expr, Object[] params) {
        if (expr.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            return switch (expr.toUpperCase(Locale.ROOT)) {
                case "DEFAULT" -> DEFAULT;
                case "TRUE" -> 1L;
                case "FALSE" -> 0L;
                case "NULL" -> null;
                default -> expr;
            };
        }
        if (expr.startsWith("`") && expr.endsWith("`") && expr.length() > 1) {
            return SqlText.unquote(expr);
        }
        if (expr.matches("'[^'\\\\]*'")) {
            return expr.substring(1, expr.length() - 1);
        }
        return evaluate(expr, params);
    }

    /** The value of {@code expr}, as {@code SELECT expr} computes it. */
    private Object evaluate(String expr, Object[] params) {
        if (expr.matches("-?\\d{1,18}")) {
            return Long.parseLong(expr);
        }
        if (expr.matches("-?\\d+")) {
            return new BigInteger(expr);
        }
        if (expr.matches("-?\\d*\\.\\d+|-?\\d+\\.\\d*")) {
            return new BigDecimal(expr);
        }
        StatementResult r = router.execute(router.parse("SELECT " + expr), params);
        if (r.columns().size() != 1) {
            throw MySqlError.ER_OPERAND_COLUMNS.raise(1);
        }
        if (r.rows().size() > 1) {
            throw MySqlError.ER_SUBQUERY_NO_1_ROW.raise();
        }
        return r.rows().isEmpty() ? null : r.rows().get(0)[0];
    }

    // ---- applying --------------------------------------------------------------------------------

    private void apply(List<Pending> pending) {
        List<GlobalVariables.Change> globals = new ArrayList<>();
        for (Pending p : pending) {
            switch (p.target()) {
                case GLOBAL -> globals.add(new GlobalVariables.Change(p.variable(), p.value(), true, false));
                case PERSIST -> globals.add(new GlobalVariables.Change(p.variable(), p.value(), true, true));
                case PERSIST_ONLY -> globals.add(new GlobalVariables.Change(p.variable(), p.value(), false, true));
                default -> {
                }
            }
        }
        if (!globals.isEmpty()) {
            session.engine().globals().apply(globals);
        }
        for (Pending p : pending) {
            if (p.target() == Target.SESSION) {
                session.variables().set(p.variable(), p.value());
            } else if (p.target() == Target.USER) {
                session.variables().setUser(p.userName(), p.value());
            }
        }
    }

    // ---- character sets --------------------------------------------------------------------------

    /** SET NAMES {charset [COLLATE collation] | DEFAULT}. */
    private StatementResult names(String rest) {
        List<String> w = SqlText.leadingWords(rest, 4);
        if (w.isEmpty()) {
            throw MySqlError.ER_PARSE_ERROR.raise("", 1);
        }
        String charset;
        String collation = null;
        if (w.get(0).equals("DEFAULT")) {
            charset = "utf8mb4";
        } else {
            String[] parts = rest.split("\\s+");
            charset = SqlText.unquote(parts[0]).toLowerCase(Locale.ROOT);
            if (parts.length >= 3 && parts[1].equalsIgnoreCase("COLLATE")) {
                collation = SqlText.unquote(parts[2]).toLowerCase(Locale.ROOT);
            } else if (parts.length > 1) {
                throw MySqlError.ER_PARSE_ERROR.raise(parts[1], 1);
            }
        }
        CharsetNames.defaultCollation(charset); // 1115 for an unknown character set
        if (collation != null) {
            CharsetNames.collation(collation); // 1273 for an unknown collation
        } else {
            collation = defaultCollationName(charset);
        }
        SessionVariables vars = session.variables();
        vars.set(SystemVariables.CHARACTER_SET_CLIENT, charset);
        vars.set(SystemVariables.CHARACTER_SET_CONNECTION, charset);
        vars.set(SystemVariables.CHARACTER_SET_RESULTS, charset);
        vars.set(SystemVariables.COLLATION_CONNECTION, collation);
        return StatementResult.updateCount(0, List.of(), 0);
    }

    /** SET CHARACTER SET / CHARSET {charset | DEFAULT}. */
    private StatementResult characterSet(String name) {
        String charset = name.equalsIgnoreCase("DEFAULT") ? "utf8mb4" : name.toLowerCase(Locale.ROOT);
        CharsetNames.defaultCollation(charset);
        SessionVariables vars = session.variables();
        vars.set(SystemVariables.CHARACTER_SET_CLIENT, charset);
        vars.set(SystemVariables.CHARACTER_SET_RESULTS, charset);
        Object db = vars.get(SystemVariables.CHARACTER_SET_DATABASE);
        vars.set(SystemVariables.CHARACTER_SET_CONNECTION, db);
        vars.set(SystemVariables.COLLATION_CONNECTION, defaultCollationName((String) db));
        return StatementResult.updateCount(0, List.of(), 0);
    }

    /** MySQL 8.0's default collation of a character set, by name. */
    static String defaultCollationName(String charset) {
        return switch (charset) {
            case "utf8mb4" -> "utf8mb4_0900_ai_ci";
            case "utf8", "utf8mb3" -> "utf8mb3_general_ci";
            case "latin1" -> "latin1_swedish_ci";
            case "ascii" -> "ascii_general_ci";
            default -> "binary";
        };
    }

    // ---- RESET PERSIST ---------------------------------------------------------------------------

    /** RESET PERSIST [[IF EXISTS] name]. */
    public StatementResult resetPersist(String sql) {
        List<String> w = SqlText.leadingWords(sql, 6);
        boolean ifExists = w.size() > 3 && w.get(2).equals("IF") && w.get(3).equals("EXISTS");
        int nameAt = ifExists ? 4 : 2;
        String name = null;
        if (w.size() > nameAt) {
            String[] parts = SqlText.trim(sql).split("\\s+");
            name = SqlText.unquote(parts[nameAt]);
        }
        session.engine().globals().resetPersisted(name, ifExists);
        return StatementResult.updateCount(0, List.of(), 0);
    }
}
