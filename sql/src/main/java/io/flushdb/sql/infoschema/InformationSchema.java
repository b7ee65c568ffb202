package io.flushdb.sql.infoschema;

import io.flushdb.sql.session.Names;
import java.time.Instant;
import java.util.List;

/**
 * The tables of the read-only {@code information_schema} database. Each is declared once, as an
 * {@link InfoSchemaTable}, and listed in {@link #DECLARED}; the planner, SHOW TABLES and the
 * TABLES and COLUMNS tables themselves find them through {@link SystemDatabase}, which also holds
 * {@code performance_schema} ({@link PerformanceSchema}). Names of the database and of its tables
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

    /** Every table of information_schema ({@link SystemDatabase} sorts them by name). */
    static final List<InfoSchemaTable> DECLARED = List.of(
            Schemata.TABLE,
            Tables.TABLE,
            Views.TABLE,
            Columns.TABLE,
            Statistics.TABLE,
            KeyColumnUsage.TABLE,
            CheckConstraints.TABLE,
            TableConstraints.TABLE,
            ReferentialConstraints.TABLE,
            InnodbBufferPoolStats.TABLE,
            InnodbTrx.TABLE,
            io.flushdb.sql.vars.VariableTables.GLOBAL_VARIABLES,
            io.flushdb.sql.vars.VariableTables.SESSION_VARIABLES,
            io.flushdb.sql.status.StatusTables.GLOBAL_STATUS,
            io.flushdb.sql.status.StatusTables.SESSION_STATUS,
            io.flushdb.sql.status.StatusTables.INNODB_METRICS);

    private InformationSchema() {
    }

    /** Whether {@code database} names information_schema (in any letter case). */
    public static boolean isName(String database) {
        return Names.isInformationSchema(database);
    }

    /** Every table, by name. */
    public static List<InfoSchemaTable> tables() {
        return SystemDatabase.INFORMATION_SCHEMA.tables();
    }

    /** The table named {@code name} (any letter case), or null. */
    public static InfoSchemaTable find(String name) {
        return SystemDatabase.INFORMATION_SCHEMA.find(name);
    }

    /** The table named {@code name}, or MySQL's error 1109 (Unknown table 'x' in information_schema). */
    public static InfoSchemaTable table(String name) {
        return SystemDatabase.INFORMATION_SCHEMA.table(name);
    }
}
