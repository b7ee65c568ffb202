package io.flushdb.sql.types;

import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.ColumnDef;
import java.util.List;

/**
 * ENUM, SET and BIT values: the text of a stored ENUM index or SET bitmask, the index or mask of
 * a text, and a BIT value's bytes and binary digits. ENUM and SET members match under the
 * column's collation, ignoring trailing spaces (MySQL's {@code find_type2} after
 * {@code lengthsp}).
 */
public final class EnumSetValues {
    private EnumSetValues() {
    }

    /** The member of ENUM index {@code index} (1-based); the error value '' for 0 or an unknown index. */
    public static String enumText(ColumnDef c, long index) {
        List<String> members = c.extra().elements();
        return index >= 1 && index <= members.size() ? members.get((int) index - 1) : "";
    }

    /** The 1-based index of the member {@code s} names, or 0 if none does. */
    public static int enumIndex(ColumnDef c, String s) {
        return memberIndex(c.extra().elements(), collation(c), stripTrailingSpaces(s)) + 1;
    }

    /** The SET value of bitmask {@code mask}: its members in declared order, comma-separated. */
    public static String setText(ColumnDef c, long mask) {
        if (mask == 0) {
            return "";
        }
        List<String> members = c.extra().elements();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(members.get(i));
            }
        }
        return sb.toString();
    }

    /**
     * The bitmask of the comma-separated members in {@code s} (any order, repeats allowed), or
     * -1 - mask when some item names no member (mask: the members that matched).
     */
    public static long setMask(ColumnDef c, String s) {
        List<String> members = c.extra().elements();
        Collation coll = collation(c);
        long mask = 0;
        boolean bad = false;
        if (s.isEmpty()) {
            return 0;
        }
        int from = 0;
        while (from <= s.length()) {
            int comma = s.indexOf(',', from);
            int to = comma < 0 ? s.length() : comma;
            String item = stripTrailingSpaces(s.substring(from, to));
            int i = memberIndex(members, coll, item);
            if (i >= 0) {
                mask |= 1L << i;
            } else {
                bad = true;
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return bad ? -1 - mask : mask;
    }

    /** The mask with every member of the SET. */
    public static long fullMask(ColumnDef c) {
        int n = c.extra().elements().size();
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    private static int memberIndex(List<String> members, Collation coll, String s) {
        for (int i = 0; i < members.size(); i++) {
            if (coll.compare(members.get(i), s) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Collation collation(ColumnDef c) {
        return c.collation() != null ? c.collation() : Collation.UTF8MB4_0900_AI_CI;
    }

    static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    // ---- BIT ----------------------------------------------------------------------------------

    /** The bytes MySQL sends for a BIT(M) value: ceil(M/8) bytes, big-endian. */
    public static byte[] bitBytes(long bits, int m) {
        int n = (Math.max(1, m) + 7) / 8;
        byte[] b = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            b[i] = (byte) bits;
            bits >>>= 8;
        }
        return b;
    }

    /** The value of big-endian bytes as an unsigned integer, or null if it needs more than 64 bits. */
    public static Long bitsOf(byte[] b) {
        long v = 0;
        for (int i = 0; i < b.length; i++) {
            if (i < b.length - 8 && b[i] != 0) {
                return null;
            }
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }
}
