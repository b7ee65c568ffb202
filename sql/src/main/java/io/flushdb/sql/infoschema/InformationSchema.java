package io.flushdb.sql.infoschema;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.session.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of the read-only {@code information_schema} database. Each is declared once, as an
 * {@link InfoSchemaTable}, and listed in {@link #DECLARED}; the planner, SHOW TABLES and the
 * TABLES and COLUMNS tables themselves find them here. Names of the database and of its tables
 * are case-insensitive, as in MySQL.
 *
 * <p>To add a table, declare it (in the package that owns its rows) and append it to
 * {@link #DECLARED}:
 * <pre>{@code
 * InfoSchemaTable.named("SESSION_VARIABLES")
 *         .varchar("VARIABLE_NAME", 64).notNull()
 *         .varchar("VARIABLE_VALUE", 1024)
 *         .rows(ctx -> rowsOf(ctx.session()))
 * }</pre>
 */
public final class InformationSchema {
    /** The database's name, as MySQL spells it. */
    public static final String NAME = Names.INFORMATION_SCHEMA;

    /**
     * When the tables came into being, as TABLES.CREATE_TIME reports it (MySQL reports the time
     * its data directory was initialised): the time this class was loaded.
     */
    static final Instant CREATED = Instant.now();

    /** Every table of information_schema, in the order SHOW TABLES lists them (by name). */
    private static final List<InfoSchemaTable> DECLARED = List.of(
            Schemata.TABLE,
            Tables.TABLE,
            Columns.TABLE,
            Statistics.TABLE,
            KeyColumnUsage.TABLE,
            InnodbBufferPoolStats.TABLE,
            InnodbTrx.TABLE,
            io.flushdb.sql.vars.VariableTables.GLOBAL_VARIABLES,
            io.flushdb.sql.vars.VariableTables.SESSION_VARIABLES,
            io.flushdb.sql.status.StatusTables.GLOBAL_STATUS,
            io.flushdb.sql.status.StatusTables.SESSION_STATUS,
            io.flushdb.sql.status.StatusTables.INNODB_METRICS);

    private static final Map<String, InfoSchemaTable> BY_NAME = index(DECLARED);

    private InformationSchema() {
    }

    private static Map<String, InfoSchemaTable> index(List<InfoSchemaTable> tables) {
        List<InfoSchemaTable> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparing(InfoSchemaTable::name));
        Map<String, InfoSchemaTable> out = new LinkedHashMap<>();
        for (InfoSchemaTable t : sorted) {
            if (out.put(t.name().toUpperCase(Locale.ROOT), t) != null) {
                throw new IllegalStateException("information_schema." + t.name() + " declared twice");
            }
        }
        return out;
    }

    /** Whether {@code database} names information_schema (in any letter case). */
    public static boolean isName(String database) {
        return Names.isInformationSchema(database);
    }

    /** Every table, by name. */
    public static List<InfoSchemaTable> tables() {
        return List.copyOf(BY_NAME.values());
    }

    /** The table named {@code name} (any letter case), or null. */
    public static InfoSchemaTable find(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** The table named {@code name}, or MySQL's error 1109 (Unknown table 'x' in information_schema). */
    public static InfoSchemaTable table(String name) {
        InfoSchemaTable t = find(name);
        if (t == null) {
            throw MySqlError.ER_UNKNOWN_TABLE.raise(name, NAME);
        }
        return t;
    }
}
