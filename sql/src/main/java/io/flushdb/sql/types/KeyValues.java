package io.flushdb.sql.types;

import io.flushdb.storage.dict.ColumnDef;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Search-key values for index lookups: a value compared with a column, converted to the column's
 * stored form only when the conversion is exact (so an index lookup finds exactly the rows the
 * comparison would).
 */
public final class KeyValues {
    /** Returned when a value has no exact stored form in the column (e.g. 1.5 for an INT). */
    public static final Object INEXACT = new Object();

    private static final io.flushdb.sql.plan.MySqlTypeFactory TYPES = new io.flushdb.sql.plan.MySqlTypeFactory();

    private KeyValues() {
    }

    public static Object exactStored(ColumnDef c, Object canonical, ZoneId zone) {
        if (canonical == null) {
            return null;
        }
        if (c.type() == io.flushdb.storage.dict.ColumnType.ENUM || c.type() == io.flushdb.storage.dict.ColumnType.SET) {
            // Compared as text under the column's collation: the code of the member(s) it names, exactly.
            if (!(canonical instanceof String s)) {
                return INEXACT;
            }
            if (c.type() == io.flushdb.storage.dict.ColumnType.ENUM) {
                int index = EnumSetValues.enumIndex(c, s);
                return index == 0 && !s.isEmpty() ? INEXACT : (Object) (long) index;
            }
            long mask = EnumSetValues.setMask(c, s);
            // A SET's text compares equal only in declared order without repeats: its canonical text.
            return mask < 0 || !EnumSetValues.setText(c, mask).equalsIgnoreCase(s) ? INEXACT : (Object) mask;
        }
        if (canonical instanceof Long v && c.type().encoding() == io.flushdb.storage.dict.ColumnType.Encoding.INT
                && c.type() != io.flushdb.storage.dict.ColumnType.YEAR && c.type().intWidth() < 8) {
            // The common case of a key lookup, without conversions: an integer in the column's range.
            int bits = 8 * c.type().intWidth();
            long min = c.unsigned() ? 0 : -(1L << (bits - 1));
            long max = c.unsigned() ? (1L << bits) - 1 : (1L << (bits - 1)) - 1;
            return v >= min && v <= max ? v : INEXACT;
        }
        if (canonical instanceof Long v && c.type() == io.flushdb.storage.dict.ColumnType.BIGINT && !c.unsigned()) {
            return v;
        }
        List<Object> warnings = new ArrayList<>();
        Object stored;
        try {
            stored = StoreValues.coerce(c, canonical, new StoreValues.Context(false, 1, zone, warnings::add));
        } catch (RuntimeException e) {
            return INEXACT;
        }
        if (!warnings.isEmpty() || stored == null) {
            return INEXACT;
        }
        Object back = CalciteValues.toCanonical(TypeMapping.relType(TYPES, c),
                CalciteValues.fromStored(c, stored, zone));
        return sameValue(canonical, back) ? stored : INEXACT;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return toDecimal(x).compareTo(toDecimal(y)) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        return a.equals(b);
    }

    private static BigDecimal toDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(Double.toString(n.doubleValue()));
        }
        if (n instanceof java.math.BigInteger bi) {
            return new BigDecimal(bi);
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
