package io.flushdb.storage.dict;

import java.nio.ByteBuffer;

/**
 * String collations: the order and equality of CHAR/VARCHAR/TEXT values, computed directly on the
 * UTF-8 bytes stored in records (no decoding to {@code String}, no allocation).
 *
 * <p>{@link #UTF8MB4_0900_AI_CI} is MySQL 8.0's default: case- and accent-insensitive, NO PAD
 * (trailing spaces count). Its weights here follow the Unicode Collation Algorithm's primary
 * order for ASCII (whitespace and punctuation, then symbols, then digits, then letters without
 * case) and strip accents from the Latin-1 and Latin Extended-A letters; other characters are
 * ordered by code point after those. That is exact for ASCII and Western European text, and an
 * approximation elsewhere (see {@code docs/format/record.md}, "How keys compare").
 */
public enum Collation {
    /** MySQL 8.0 default: accent- and case-insensitive, NO PAD. */
    UTF8MB4_0900_AI_CI("utf8mb4_0900_ai_ci", 255, false),
    /** Code point order, case-sensitive, NO PAD. */
    UTF8MB4_BIN("utf8mb4_bin", 46, true),
    /** MySQL's older default: case-insensitive, PAD SPACE; ordering as 0900_ai_ci here. */
    UTF8MB4_GENERAL_CI("utf8mb4_general_ci", 45, false);

    private final String mysqlName;
    private final int id;
    private final boolean binary;

    Collation(String mysqlName, int id, boolean binary) {
        this.mysqlName = mysqlName;
        this.id = id;
        this.binary = binary;
    }

    public String mysqlName() {
        return mysqlName;
    }

    /** MySQL's collation id (as in information_schema.COLLATIONS). */
    public int id() {
        return id;
    }

    public boolean padSpace() {
        return this == UTF8MB4_GENERAL_CI;
    }

    public static Collation byName(String name) {
        for (Collation c : values()) {
            if (c.mysqlName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    public static Collation byId(int id) {
        for (Collation c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown collation id " + id);
    }

    // ---- weights ------------------------------------------------------------------------------

    /** Primary weight of each ASCII character; letters fold to one weight per letter. */
    private static final int[] ASCII_WEIGHT = new int[128];
    /** Latin-1 / Latin Extended-A letters (U+00C0..U+017F) folded to their base ASCII letter, or 0. */
    private static final char[] LATIN_BASE = new char[0x180];
    private static final int LETTER_BASE = 1000;
    private static final int OTHER_BASE = 2000;

    static {
        // UCA primary order of the ASCII non-alphanumerics (DUCET): controls and whitespace first,
        // then punctuation, then symbols.
        String order = "\t\n\u000b\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
        for (int i = 0; i < 128; i++) {
            ASCII_WEIGHT[i] = 1 + i; // remaining control characters: ignorable-ish, lowest
        }
        for (int i = 0; i < order.length(); i++) {
            ASCII_WEIGHT[order.charAt(i)] = 200 + i;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WEIGHT[c] = 500 + (c - '0');
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WEIGHT[c] = LETTER_BASE + (c - 'a') * 4;
            ASCII_WEIGHT[Character.toUpperCase(c)] = LETTER_BASE + (c - 'a') * 4;
        }
        String from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ";
        String to__ = "aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy";
        for (int i = 0; i < from.length(); i++) {
            LATIN_BASE[from.charAt(i)] = to__.charAt(i);
        }
        // Latin Extended-A (U+0100..U+017F) in code point order: runs of one base letter each.
        String[] runs = {"a6", "c8", "d4", "e10", "g8", "h4", "i12", "j2", "k3", "l10", "n9", "o8", "r6", "s8",
            "t6", "u12", "w2", "y3", "z6", "s1"};
        int cp = 0x100;
        for (String run : runs) {
            char base = run.charAt(0);
            int count = Integer.parseInt(run.substring(1));
            for (int k = 0; k < count; k++) {
                LATIN_BASE[cp++] = base;
            }
        }
        assert cp == 0x180;
    }

    /** Primary weight of code point {@code cp} under the case- and accent-insensitive order. */
    static int insensitiveWeight(int cp) {
        if (cp < 128) {
            return ASCII_WEIGHT[cp];
        }
        if (cp < 0x180) {
            char base = LATIN_BASE[cp];
            if (base != 0) {
                return ASCII_WEIGHT[base];
            }
            if (cp == 0xDF) { // ß sorts as "ss"; treated as s here (one weight per code point)
                return ASCII_WEIGHT['s'];
            }
        }
        int lower = Character.toLowerCase(cp);
        return OTHER_BASE + lower;
    }

    /**
     * Compares two UTF-8 strings held in buffers. Returns negative, zero or positive.
     */
    public int compare(ByteBuffer a, int aOff, int aLen, ByteBuffer b, int bOff, int bLen) {
        if (binary) {
            return compareCodePoints(a, aOff, aLen, b, bOff, bLen);
        }
        int i = aOff;
        int j = bOff;
        int aEnd = aOff + aLen;
        int bEnd = bOff + bLen;
        if (padSpace()) {
            aEnd = trimSpaces(a, aOff, aEnd);
            bEnd = trimSpaces(b, bOff, bEnd);
        }
        while (i < aEnd && j < bEnd) {
            int ca = a.get(i) & 0xFF;
            int cb = b.get(j) & 0xFF;
            if (ca < 0x80 && cb < 0x80) {
                if (ca != cb) {
                    int d = ASCII_WEIGHT[ca] - ASCII_WEIGHT[cb];
                    if (d != 0) {
                        return d;
                    }
                }
                i++;
                j++;
                continue;
            }
            int cpa = decode(a, i);
            int cpb = decode(b, j);
            i += utf8Length(ca);
            j += utf8Length(cb);
            int d = insensitiveWeight(cpa) - insensitiveWeight(cpb);
            if (d != 0) {
                return d;
            }
        }
        return Boolean.compare(i < aEnd, j < bEnd);
    }

    /** Compares two Java strings under this collation (used by the SQL layer). */
    public int compare(String a, String b) {
        if (binary) {
            return compareStringsByCodePoint(a, b);
        }
        int aEnd = a.length();
        int bEnd = b.length();
        if (padSpace()) {
            while (aEnd > 0 && a.charAt(aEnd - 1) == ' ') {
                aEnd--;
            }
            while (bEnd > 0 && b.charAt(bEnd - 1) == ' ') {
                bEnd--;
            }
        }
        int i = 0;
        int j = 0;
        while (i < aEnd && j < bEnd) {
            int cpa = a.codePointAt(i);
            int cpb = b.codePointAt(j);
            i += Character.charCount(cpa);
            j += Character.charCount(cpb);
            if (cpa != cpb) {
                int d = insensitiveWeight(cpa) - insensitiveWeight(cpb);
                if (d != 0) {
                    return d;
                }
            }
        }
        return Boolean.compare(i < aEnd, j < bEnd);
    }

    /**
     * A string whose plain {@code equals}/{@code hashCode} agree with this collation's equality
     * (for grouping and hashing): one character per weight.
     */
    public String sortKey(String s) {
        if (binary) {
            return s;
        }
        int end = s.length();
        if (padSpace()) {
            while (end > 0 && s.charAt(end - 1) == ' ') {
                end--;
            }
        }
        StringBuilder sb = new StringBuilder(end);
        for (int i = 0; i < end; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            sb.appendCodePoint(insensitiveWeight(cp));
        }
        return sb.toString();
    }

    private static int trimSpaces(ByteBuffer buf, int start, int end) {
        while (end > start && buf.get(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static int compareCodePoints(ByteBuffer a, int aOff, int aLen, ByteBuffer b, int bOff, int bLen) {
        // UTF-8 byte order is code point order.
        int n = Math.min(aLen, bLen);
        for (int k = 0; k < n; k++) {
            int d = (a.get(aOff + k) & 0xFF) - (b.get(bOff + k) & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return aLen - bLen;
    }

    private static int compareStringsByCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int cpa = a.codePointAt(i);
            int cpb = b.codePointAt(j);
            if (cpa != cpb) {
                return cpa - cpb;
            }
            i += Character.charCount(cpa);
            j += Character.charCount(cpb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int utf8Length(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead < 0xE0) {
            return 2;
        }
        if (lead < 0xF0) {
            return 3;
        }
        return 4;
    }

    private static int decode(ByteBuffer buf, int i) {
        int b0 = buf.get(i) & 0xFF;
        if (b0 < 0x80) {
            return b0;
        }
        if (b0 < 0xE0) {
            return ((b0 & 0x1F) << 6) | (buf.get(i + 1) & 0x3F);
        }
        if (b0 < 0xF0) {
            return ((b0 & 0x0F) << 12) | ((buf.get(i + 1) & 0x3F) << 6) | (buf.get(i + 2) & 0x3F);
        }
        return ((b0 & 0x07) << 18) | ((buf.get(i + 1) & 0x3F) << 12) | ((buf.get(i + 2) & 0x3F) << 6)
                | (buf.get(i + 3) & 0x3F);
    }
}
