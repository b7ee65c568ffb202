package io.flushdb.sql.plan.functions;

import io.flushdb.storage.dict.Collation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Bodies of the functions on BIT, ENUM and SET values: BIN, FIND_IN_SET, and the index of an
 * ENUM and the bitmask of a SET, which MySQL uses where these types meet numbers and in sorts.
 * ENUM and SET columns reach Calcite as their text; the plan passes the members as one literal
 * (joined by {@link #MEMBER_SEPARATOR}) and the column's collation id.
 */
public final class TypeFunctions {
    /** Separates the members in the literal that names them (a character no member contains). */
    public static final char MEMBER_SEPARATOR = '\0';

    private static final ConcurrentHashMap<String, String[]> MEMBERS = new ConcurrentHashMap<>();

    private TypeFunctions() {
    }

    /** The members literal of a column's ENUM or SET members. */
    public static String membersLiteral(java.util.List<String> members) {
        return String.join(String.valueOf(MEMBER_SEPARATOR), members);
    }

    private static String[] members(Object literal) {
        return MEMBERS.computeIfAbsent((String) literal, l -> l.split(String.valueOf(MEMBER_SEPARATOR), -1));
    }

    /** The 1-based index of ENUM text {@code v} among the members (0 for '' or no member). */
    public static Object enumIndex(Object v, Object members, Object collationId) {
        if (v == null) {
            return null;
        }
        String s = MySqlFunctions.text(v);
        if (s.isEmpty()) {
            return 0L;
        }
        String[] m = members(members);
        Collation c = Collation.byId(((Number) collationId).intValue());
        for (int i = 0; i < m.length; i++) {
            if (m[i].equals(s) || c.compare(m[i], s) == 0) {
                return (long) (i + 1);
            }
        }
        return 0L;
    }

    /** The bitmask of SET text {@code v} (members comma-separated). */
    public static Object setMask(Object v, Object members, Object collationId) {
        if (v == null) {
            return null;
        }
        String s = MySqlFunctions.text(v);
        if (s.isEmpty()) {
            return 0L;
        }
        String[] m = members(members);
        Collation c = Collation.byId(((Number) collationId).intValue());
        long mask = 0;
        for (String item : s.split(",", -1)) {
            for (int i = 0; i < m.length; i++) {
                if (m[i].equals(item) || c.compare(m[i], item) == 0) {
                    mask |= 1L << i;
                    break;
                }
            }
        }
        return mask;
    }

    /**
     * BIN(n): the binary digits of n as an unsigned 64-bit integer (CONV(n, 10, 2)); text is read
     * as a number, a binary string as its bytes' number (a bit or hex literal).
     */
    public static Object bin(Object v) {
        if (v == null) {
            return null;
        }
        long n;
        if (v instanceof Long l) {
            n = l;
        } else if (v instanceof ByteString bs) {
            n = 0;
            for (byte b : bs.getBytes()) {
                n = (n << 8) | (b & 0xFF);
            }
        } else if (v instanceof BigDecimal bd) {
            n = bd.setScale(0, RoundingMode.DOWN).toBigInteger().longValue();
        } else if (v instanceof Number num) {
            n = (long) num.doubleValue();
        } else {
            BigDecimal parsed = io.flushdb.sql.types.StoreValues.parseLeadingNumber(MySqlFunctions.text(v).trim());
            n = parsed == null ? 0 : parsed.setScale(0, RoundingMode.DOWN).toBigInteger().longValue();
        }
        return Long.toBinaryString(n);
    }

    /**
     * FIND_IN_SET(s, list): the 1-based position of {@code s} in the comma-separated
     * {@code list}, comparing under the default collation; 0 if absent or {@code s} has a comma.
     */
    public static Object findInSet(Object s, Object list, Object collationId) {
        if (s == null || list == null) {
            return null;
        }
        String needle = MySqlFunctions.text(s);
        String hay = MySqlFunctions.text(list);
        if (hay.isEmpty() || needle.indexOf(',') >= 0) {
            return 0L;
        }
        Collation c = Collation.byId(((Number) collationId).intValue());
        long pos = 1;
        int from = 0;
        while (true) {
            int comma = hay.indexOf(',', from);
            String item = hay.substring(from, comma < 0 ? hay.length() : comma);
            if (c.compare(item, needle) == 0) {
                return pos;
            }
            if (comma < 0) {
                return 0L;
            }
            pos++;
            from = comma + 1;
        }
    }
}
