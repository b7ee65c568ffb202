package io.flushdb.sql.plan.schema;

import io.flushdb.sql.infoschema.InfoSchemaTable;
import io.flushdb.sql.infoschema.InformationSchema;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The information_schema database as a Calcite schema: one {@link SystemViewTable} per table. */
public final class SystemViewSchema extends AbstractSchema {
    private final Map<String, Table> tables = new HashMap<>();

    public SystemViewSchema() {
        for (InfoSchemaTable t : InformationSchema.tables()) {
            tables.put(t.name(), new SystemViewTable(t));
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
