package io.flushdb.sql.infoschema;

import io.flushdb.sql.catalog.ColumnDescription;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.COLUMNS}: one row per column of every table, information_schema's
 * own included. The values are those {@code SHOW COLUMNS} and {@code DatabaseMetaData.getColumns}
 * show, from the one {@link ColumnDescription} of each column.
 */
final class Columns {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("COLUMNS")
            .name("TABLE_CATALOG").notNull()
            .name("TABLE_SCHEMA").notNull()
            .name("TABLE_NAME").notNull()
            .varchar("COLUMN_NAME", 64)
            .intUnsigned("ORDINAL_POSITION").notNull()
            .text("COLUMN_DEFAULT")
            .varchar("IS_NULLABLE", 3).notNull()
            .longtext("DATA_TYPE")
            .bigint("CHARACTER_MAXIMUM_LENGTH")
            .bigint("CHARACTER_OCTET_LENGTH")
            .bigintUnsigned("NUMERIC_PRECISION")
            .bigintUnsigned("NUMERIC_SCALE")
            .intUnsigned("DATETIME_PRECISION")
            .varchar("CHARACTER_SET_NAME", 64)
            .varchar("COLLATION_NAME", 64)
            .mediumtext("COLUMN_TYPE").notNull()
            .enumeration("COLUMN_KEY", "", "PRI", "UNI", "MUL").notNull()
            .varchar("EXTRA", 256)
            .varchar("PRIVILEGES", 154)
            .text("COLUMN_COMMENT").notNull()
            .longtext("GENERATION_EXPRESSION").notNull()
            .intUnsigned("SRS_ID")
            .rows(Columns::rows);

    private Columns() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (SystemDatabase system : SystemDatabase.all()) {
            for (InfoSchemaTable view : system.tables()) {
                for (ColumnDescription d : ColumnDescription.of(view.columns(), List.of())) {
                    out.add(row(system.name(), view.name(), d));
                }
            }
        }
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                for (ColumnDescription d : ColumnDescription.of(e.def().columns(), e.def().indexes())) {
                    out.add(row(db.name(), e.def().name(), d));
                }
            }
        }
        return out;
    }

    private static Object[] row(String database, String table, ColumnDescription d) {
        return new Object[] {Schemata.CATALOG, database, table, d.name(), (long) d.ordinal(), d.defaultText(),
            d.nullable() ? "YES" : "NO", d.dataType(), d.characterMaximumLength(), d.characterOctetLength(),
            d.numericPrecision(), d.numericScale(), d.datetimePrecision(), d.characterSetName(), d.collationName(),
            d.columnType(), d.columnKey(), d.extra(), d.privileges(), d.comment(),
            d.def().isGenerated() ? d.def().extra().generationExpression() : "", null};
    }
}
