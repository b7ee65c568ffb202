package io.flushdb.sql.plan.schema;

import io.flushdb.sql.infoschema.InfoSchemaTable;
import io.flushdb.sql.infoschema.SystemDatabase;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A system database (information_schema, performance_schema) as a Calcite schema: one
 * {@link SystemViewTable} per table.
 */
public final class SystemViewSchema extends AbstractSchema {
    private final Map<String, Table> tables = new HashMap<>();

    public SystemViewSchema(SystemDatabase database) {
        for (InfoSchemaTable t : database.tables()) {
            tables.put(t.name(), new SystemViewTable(database.name(), t));
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
