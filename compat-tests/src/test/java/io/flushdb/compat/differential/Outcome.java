package io.flushdb.compat.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one statement did, as a script records it and as a live run observes it.
 *
 * <p>Recorded outcomes are {@link UpdateCount}, {@link ResultTable}, {@link Failure} and, for a
 * statement started with {@code send}, {@link Progress}. A live run can
 * also produce {@link Crash}: the driver threw something other than an {@code SQLException}, which
 * no script ever expects.
 */
sealed interface Outcome {

    /**
     * A statement without a result set; {@code count} is {@code Statement.getUpdateCount()} and
     * {@code warnings} the codes of its warnings, in order ({@code Statement.getWarnings()}).
     */
    record UpdateCount(long count, List<Integer> warnings) implements Outcome {
        public UpdateCount {
            warnings = List.copyOf(warnings);
        }

        UpdateCount(long count) {
            this(count, List.of());
        }
    }

    /**
     * A result set: its columns and its rows, and the codes of the statement's warnings. A value is
     * {@code ResultSet.getString} of the cell, {@code null} for SQL NULL.
     */
    record ResultTable(List<Column> columns, List<List<String>> rows, List<Integer> warnings) implements Outcome {
        public ResultTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
            warnings = List.copyOf(warnings);
        }

        ResultTable(List<Column> columns, List<List<String>> rows) {
            this(columns, rows, List.of());
        }
    }

    /**
     * An {@code SQLException}: MySQL's error code and SQLSTATE. The message is kept for failure
     * reports only; it is neither compared nor written to scripts.
     */
    record Failure(int errorCode, String sqlState, String message) implements Outcome {
        public Failure {
            Objects.requireNonNull(sqlState, "sqlState");
        }

        boolean sameError(Failure other) {
            return errorCode == other.errorCode && sqlState.equals(other.sqlState);
        }
    }

    /**
     * What a statement started with {@code send} was doing when the harness looked (see
     * {@link ScriptSessions}): waiting for a row lock, or finished.
     */
    record Progress(boolean blocked) implements Outcome {
    }

    /** The driver threw something that is not an {@code SQLException} (a driver or engine bug). */
    record Crash(String description) implements Outcome {
    }

    /** One result column: {@code getColumnLabel} and {@code getColumnTypeName}. */
    record Column(String label, String typeName) {
        public Column {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(typeName, "typeName");
        }
    }
}
