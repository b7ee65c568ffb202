package io.flushdb.sql.plan.schema;

import io.flushdb.storage.dict.ColumnDef;
import java.util.List;

/**
 * A Calcite table whose columns are dictionary {@link ColumnDef}s: a stored table
 * ({@link EngineTable}) or an information_schema table ({@link SystemViewTable}). What result
 * metadata, MySQL result types and collations read from the column a value comes from.
 */
public interface TableColumns {
    /** The database the table belongs to. */
    String databaseName();

    /** The table's name. */
    String tableName();

    /** The columns, in order: field {@code i} of the table's row type is column {@code i}. */
    List<ColumnDef> columns();
}
