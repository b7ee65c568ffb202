package io.flushdb.sql.status;

import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.route.ParsedStatement;
import java.util.List;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The statement kinds MySQL counts in its {@code Com_xxx} status variables, for the statements
 * FlushDB runs. {@link #of} says which one a parsed statement counts as, the way MySQL's
 * {@code sql_command} does: an EXPLAIN of a SELECT is a {@code Com_select}, DESCRIBE is
 * {@code Com_show_fields}, SET TRANSACTION is {@code Com_set_option}.
 *
 * <p>Classifying a query or DML statement looks only at the parse tree's class, so the hot path
 * allocates nothing; administrative statements (SHOW, transaction control by words) read their
 * leading words.
 */
public enum Command {
    BEGIN("Com_begin"),
    CHANGE_DB("Com_change_db"),
    CHECK("Com_check"),
    COMMIT("Com_commit"),
    CREATE_DB("Com_create_db"),
    CREATE_INDEX("Com_create_index"),
    CREATE_TABLE("Com_create_table"),
    DELETE("Com_delete"),
    DROP_DB("Com_drop_db"),
    DROP_INDEX("Com_drop_index"),
    DROP_TABLE("Com_drop_table"),
    INSERT("Com_insert"),
    INSERT_SELECT("Com_insert_select"),
    RELEASE_SAVEPOINT("Com_release_savepoint"),
    ROLLBACK("Com_rollback"),
    ROLLBACK_TO_SAVEPOINT("Com_rollback_to_savepoint"),
    SAVEPOINT("Com_savepoint"),
    SELECT("Com_select"),
    SET_OPTION("Com_set_option"),
    SHOW_CREATE_DB("Com_show_create_db"),
    SHOW_CREATE_TABLE("Com_show_create_table"),
    SHOW_DATABASES("Com_show_databases"),
    SHOW_ENGINE_STATUS("Com_show_engine_status"),
    SHOW_ERRORS("Com_show_errors"),
    SHOW_FIELDS("Com_show_fields"),
    SHOW_KEYS("Com_show_keys"),
    SHOW_STATUS("Com_show_status"),
    SHOW_TABLES("Com_show_tables"),
    SHOW_VARIABLES("Com_show_variables"),
    SHOW_WARNINGS("Com_show_warnings"),
    TRUNCATE("Com_truncate"),
    UPDATE("Com_update");

    private static final Command[] ALL = values();

    /** The status variable's name, e.g. {@code Com_select}. */
    public final String statusName;

    Command(String statusName) {
        this.statusName = statusName;
    }

    static Command[] all() {
        return ALL;
    }

    /** The command {@code p} counts as, or null for a statement MySQL would count as none of these. */
    public static Command of(ParsedStatement p) {
        Statement ast = p.ast();
        switch (p.kind()) {
            case QUERY:
                return SELECT;
            case INSERT:
                return ast instanceof Insert ins && ins.getSelect() != null && !(ins.getSelect() instanceof Values)
                        ? INSERT_SELECT : INSERT;
            case UPDATE:
                return UPDATE;
            case DELETE:
                return DELETE;
            case USE:
                return CHANGE_DB;
            case SET:
                return SET_OPTION;
            default:
                break;
        }
        if (ast instanceof CreateTable) {
            return CREATE_TABLE;
        }
        if (ast instanceof CreateIndex) {
            return CREATE_INDEX;
        }
        if (ast instanceof Truncate) {
            return TRUNCATE;
        }
        if (ast instanceof Drop d) {
            String type = d.getType() == null ? "" : d.getType().toUpperCase(java.util.Locale.ROOT);
            return type.equals("INDEX") ? DROP_INDEX : type.equals("TABLE") ? DROP_TABLE : null;
        }
        if (ast instanceof Commit) {
            return COMMIT;
        }
        if (ast instanceof RollbackStatement r) {
            return r.getSavepointName() != null ? ROLLBACK_TO_SAVEPOINT : ROLLBACK;
        }
        if (ast instanceof SavepointStatement) {
            return SAVEPOINT;
        }
        if (ast instanceof SetStatement) {
            return SET_OPTION;
        }
        if (ast instanceof UseStatement) {
            return CHANGE_DB;
        }
        if (ast instanceof DescribeStatement) {
            return SHOW_FIELDS;
        }
        if (ast instanceof ExplainStatement e) {
            return e.getStatement() instanceof Select ? SELECT : null;
        }
        if (ast instanceof Select) {
            return SELECT;
        }
        if (ast instanceof Update) {
            return UPDATE;
        }
        if (ast instanceof Delete) {
            return DELETE;
        }
        return byWords(SqlText.leadingWords(p.sql(), 4));
    }

    /** Statements routed by their leading words (SHOW, DESCRIBE, BEGIN, CREATE DATABASE ...). */
    private static Command byWords(List<String> w) {
        String w0 = w.isEmpty() ? "" : w.get(0);
        String w1 = w.size() > 1 ? w.get(1) : "";
        String w2 = w.size() > 2 ? w.get(2) : "";
        switch (w0) {
            case "BEGIN", "START":
                return BEGIN;
            case "RELEASE":
                return RELEASE_SAVEPOINT;
            case "SET":
                return SET_OPTION;
            case "CHECK":
                return CHECK;
            case "DESC", "DESCRIBE":
                return w1.equals("SELECT") || w1.equals("(") ? SELECT : SHOW_FIELDS;
            case "EXPLAIN":
                return SELECT;
            case "CREATE":
                return w1.equals("DATABASE") || w1.equals("SCHEMA") ? CREATE_DB : null;
            case "DROP":
                return w1.equals("DATABASE") || w1.equals("SCHEMA") ? DROP_DB : null;
            case "SHOW":
                break;
            default:
                return null;
        }
        String what = w1.equals("GLOBAL") || w1.equals("SESSION") || w1.equals("LOCAL") || w1.equals("FULL") ? w2 : w1;
        return switch (what) {
            case "STATUS" -> SHOW_STATUS;
            case "VARIABLES" -> SHOW_VARIABLES;
            case "DATABASES", "SCHEMAS" -> SHOW_DATABASES;
            case "TABLES" -> SHOW_TABLES;
            case "COLUMNS", "FIELDS" -> SHOW_FIELDS;
            case "INDEX", "INDEXES", "KEYS" -> SHOW_KEYS;
            case "WARNINGS" -> SHOW_WARNINGS;
            case "ERRORS" -> SHOW_ERRORS;
            case "ENGINE" -> SHOW_ENGINE_STATUS;
            case "CREATE" -> w2.equals("TABLE") ? SHOW_CREATE_TABLE
                    : w2.equals("DATABASE") || w2.equals("SCHEMA") ? SHOW_CREATE_DB : null;
            default -> null;
        };
    }
}
