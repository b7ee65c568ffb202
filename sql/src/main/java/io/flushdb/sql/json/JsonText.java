package io.flushdb.sql.json;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.storage.dict.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** SQL values made JSON documents: what a JSON column stores, and a JSON function's arguments. */
public final class JsonText {
    private JsonText() {
    }

    /**
     * The canonical text a JSON column stores for {@code value}: text is parsed (3140 if it is not
     * JSON, in every sql_mode), numbers and booleans become JSON scalars.
     */
    public static String forColumn(ColumnDef c, Object value) {
        if (value instanceof String || value instanceof byte[]) {
            String s = value instanceof String str ? str : new String((byte[]) value, StandardCharsets.UTF_8);
            try {
                return Json.write(Json.parse(s));
            } catch (Json.ParseError e) {
                throw MySqlError.ER_INVALID_JSON_TEXT.raise(e.reason, e.position, c.name());
            }
        }
        return Json.write(scalar(value));
    }

    /** A non-text SQL value as a JSON scalar (numbers, booleans; anything else as its text). */
    public static Object scalar(Object v) {
        if (v == null) {
            return Json.NULL;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger bi) {
            return Json.integer(bi);
        }
        if (v instanceof BigDecimal || v instanceof Double || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return io.flushdb.sql.types.MySqlValues.toText(v, null);
    }
}
