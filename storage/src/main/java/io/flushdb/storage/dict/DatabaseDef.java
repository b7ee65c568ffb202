package io.flushdb.storage.dict;

/**
 * A database (MySQL schema).
 *
 * @param name                 name, case-sensitive as MySQL on Linux with lower_case_table_names=0
 * @param defaultCollation     default collation of tables created in it
 */
public record DatabaseDef(String name, Collation defaultCollation) {
}
