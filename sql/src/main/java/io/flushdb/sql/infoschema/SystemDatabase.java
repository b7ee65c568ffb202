package io.flushdb.sql.infoschema;

import io.flushdb.sql.error.MySqlError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only database whose tables are produced by code: {@code information_schema} and
 * {@code performance_schema}. Their names, and the names of their tables, are case-insensitive,
 * as in MySQL. The planner, {@code USE}, {@code SHOW DATABASES}/{@code TABLES}/{@code COLUMNS}
 * and information_schema's own SCHEMATA, TABLES and COLUMNS find them here.
 *
 * @param name      the database's name, as MySQL spells it
 * @param tableType {@code TABLES.TABLE_TYPE} of its tables ({@code SYSTEM VIEW} or {@code BASE TABLE})
 * @param engine    {@code TABLES.ENGINE} of its tables, or null
 * @param charset   {@code SCHEMATA.DEFAULT_CHARACTER_SET_NAME}, as MySQL 8.0 reports it
 * @param collation {@code SCHEMATA.DEFAULT_COLLATION_NAME}, as MySQL 8.0 reports it
 */
public record SystemDatabase(String name, String tableType, String engine, String charset, String collation,
        List<InfoSchemaTable> tables, Map<String, InfoSchemaTable> byName) {

    public static final SystemDatabase INFORMATION_SCHEMA = of(InformationSchema.NAME, "SYSTEM VIEW", null,
            "utf8mb3", "utf8mb3_general_ci", InformationSchema.DECLARED);
    public static final SystemDatabase PERFORMANCE_SCHEMA = of(PerformanceSchema.NAME, "BASE TABLE",
            "PERFORMANCE_SCHEMA", "utf8mb4", "utf8mb4_0900_ai_ci", PerformanceSchema.DECLARED);

    private static final List<SystemDatabase> ALL = List.of(INFORMATION_SCHEMA, PERFORMANCE_SCHEMA);

    private static SystemDatabase of(String name, String tableType, String engine, String charset, String collation,
            List<InfoSchemaTable> declared) {
        List<InfoSchemaTable> sorted = new ArrayList<>(declared);
        sorted.sort(Comparator.comparing(InfoSchemaTable::name));
        Map<String, InfoSchemaTable> byName = new LinkedHashMap<>();
        for (InfoSchemaTable t : sorted) {
            if (byName.put(t.name().toUpperCase(Locale.ROOT), t) != null) {
                throw new IllegalStateException(name + "." + t.name() + " declared twice");
            }
        }
        return new SystemDatabase(name, tableType, engine, charset, collation, List.copyOf(sorted),
                Map.copyOf(byName));
    }

    /** Every system database, information_schema first. */
    public static List<SystemDatabase> all() {
        return ALL;
    }

    /** The system database named {@code database} (any letter case), or null for any other name. */
    public static SystemDatabase named(String database) {
        if (database == null) {
            return null;
        }
        for (SystemDatabase d : ALL) {
            if (d.name.equalsIgnoreCase(database)) {
                return d;
            }
        }
        return null;
    }

    /** The table named {@code table} (any letter case), or null. */
    public InfoSchemaTable find(String table) {
        return byName.get(table.toUpperCase(Locale.ROOT));
    }

    /**
     * The table named {@code table}, or MySQL's error for a missing one: 1109 (Unknown table 'x'
     * in information_schema) there, 1146 in performance_schema, whose tables are base tables.
     */
    public InfoSchemaTable table(String table) {
        InfoSchemaTable t = find(table);
        if (t == null) {
            throw this == INFORMATION_SCHEMA ? MySqlError.ER_UNKNOWN_TABLE.raise(table, name)
                    : MySqlError.ER_NO_SUCH_TABLE.raise(name, table);
        }
        return t;
    }
}
