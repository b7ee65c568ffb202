package io.flushdb.sql.plan;

/** MySQL string-literal unescaping, shared with the DML executor's constant folding. */
public final class SqlNodeTranslatorAccess {
    private SqlNodeTranslatorAccess() {
    }

    public static String unescape(String raw) {
        return SqlNodeTranslator.unescape(raw);
    }
}
