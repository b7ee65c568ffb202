package io.flushdb.storage.dict;

/**
 * A CHECK constraint as the dictionary records it.
 *
 * @param name       constraint name (unique in the database, as in MySQL)
 * @param expression the condition as SQL text, as SHOW CREATE TABLE prints it
 * @param enforced   false for NOT ENFORCED (kept, not checked)
 */
public record CheckDef(String name, String expression, boolean enforced) {
}
