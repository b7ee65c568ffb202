package io.flushdb.sql.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and arithmetic of MySQL temporal text and the stored microsecond forms. */
public final class Temporal {
    private static final Pattern DATE = Pattern.compile("^(\\d{2,4})[-/.](\\d{1,2})[-/.](\\d{1,2})$");
    private static final Pattern DATE_COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern DATETIME = Pattern.compile(
            "^(\\d{2,4})[-/.](\\d{1,2})[-/.](\\d{1,2})[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?$");
    private static final Pattern DATETIME_COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d{1,9}))?$");
    private static final Pattern TIME = Pattern.compile("^(-)?(?:(\\d+) )?(\\d{1,3}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?$");
    private static final Pattern TIME_COMPACT = Pattern.compile("^(-)?(\\d{1,3}?)(\\d{2})(\\d{2})(?:\\.(\\d{1,9}))?$");

    private Temporal() {
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        if (y.length() <= 2) {
            v += v < 70 ? 2000 : 1900;
        }
        return v;
    }

    /** A DATE from 'YYYY-MM-DD' (also two-digit years, other separators, 'YYYYMMDD'); null if invalid. */
    public static LocalDate parseDate(String s) {
        s = s.trim();
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            m = DATE_COMPACT.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A DATETIME from 'YYYY-MM-DD HH:MM[:SS[.ffffff]]' (or 'YYYYMMDDHHMMSS'); null if invalid. */
    public static LocalDateTime parseDateTime(String s) {
        s = s.trim();
        Matcher m = DATETIME.matcher(s);
        if (!m.matches()) {
            m = DATETIME_COMPACT.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            return LocalDateTime.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), sec, nanos(m.group(7)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A TIME in microseconds from '[-][D ]HH:MM[:SS[.f]]' or '[-]HHMMSS'; null if invalid. */
    public static Long parseTimeMicros(String s) {
        s = s.trim();
        Matcher m = TIME.matcher(s);
        long micros;
        boolean negative;
        if (m.matches()) {
            negative = m.group(1) != null;
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long h = Long.parseLong(m.group(3)) + days * 24;
            long min = Long.parseLong(m.group(4));
            long sec = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
            if (min > 59 || sec > 59) {
                return null;
            }
            micros = ((h * 60 + min) * 60 + sec) * 1_000_000L + nanos(m.group(6)) / 1000;
        } else {
            m = TIME_COMPACT.matcher(s);
            if (!m.matches()) {
                return null;
            }
            negative = m.group(1) != null;
            long h = m.group(2).isEmpty() ? 0 : Long.parseLong(m.group(2));
            long min = Long.parseLong(m.group(3));
            long sec = Long.parseLong(m.group(4));
            if (min > 59 || sec > 59) {
                return null;
            }
            micros = ((h * 60 + min) * 60 + sec) * 1_000_000L + nanos(m.group(5)) / 1000;
        }
        return negative ? -micros : micros;
    }

    private static int nanos(String frac) {
        if (frac == null) {
            return 0;
        }
        String f = (frac + "000000000").substring(0, 9);
        return Integer.parseInt(f);
    }

    /** Wall-clock microseconds since 1970-01-01 00:00 (the DATETIME form). */
    public static long toMicros(LocalDateTime dt) {
        return dt.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + dt.getNano() / 1000;
    }

    public static LocalDateTime fromMicros(long micros) {
        long secs = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(secs, nanos, ZoneOffset.UTC);
    }

    /** A TIME value (signed, up to 838:59:59) from microseconds. */
    public static java.time.Duration timeFromMicros(long micros) {
        return java.time.Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /** Rounds microseconds to {@code fsp} fractional digits (half up, as MySQL). */
    public static long roundMicros(long micros, int fsp) {
        if (fsp >= 6) {
            return micros;
        }
        long unit = (long) Math.pow(10, 6 - fsp);
        return Math.floorDiv(micros + unit / 2, unit) * unit;
    }
}
