package io.flushdb.sql.plan.schema;

import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.TableEntry;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One database as a Calcite schema: its tables, read from the dictionary when the schema is made. */
public final class DatabaseSchema extends AbstractSchema {
    private final Map<String, Table> tables = new HashMap<>();

    public DatabaseSchema(Dictionary dictionary, String database) {
        for (TableEntry e : dictionary.tables(database)) {
            tables.put(e.def().name(), new EngineTable(e));
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
