package io.flushdb.sql.ddl;

import io.flushdb.storage.dict.ForeignKeyDef;
import java.util.List;

/**
 * A FOREIGN KEY clause as written in CREATE TABLE or ALTER TABLE ... ADD:
 * {@code [CONSTRAINT [name]] FOREIGN KEY [indexName] (columns) REFERENCES [refDatabase.]refTable
 * (refColumns) [ON DELETE onDelete] [ON UPDATE onUpdate]}. An action not written is NO ACTION, as
 * MySQL 8.0 records it. {@link ForeignKeyResolver} turns it into a {@link ForeignKeyDef}.
 */
record ForeignKeySpec(String name, String indexName, List<String> columns, String refDatabase, String refTable,
                      List<String> refColumns, ForeignKeyDef.Action onDelete, ForeignKeyDef.Action onUpdate) {
}
