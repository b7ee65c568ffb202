package io.flushdb.sql.plan.functions;

import io.flushdb.sql.exec.SqlWarning;
import io.flushdb.sql.types.Temporal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Runtime bodies of MySQL's date and time functions (DATE_FORMAT, STR_TO_DATE, DATE_ADD and
 * INTERVAL arithmetic, DATEDIFF, TIMESTAMPDIFF, UNIX_TIMESTAMP, FROM_UNIXTIME, WEEK and the
 * other date parts). Their temporal arguments arrive in one of two forms, which the planner's
 * rewriter arranges once the argument types are known: a {@code Long} is a DATETIME in Calcite's
 * milliseconds (a DATE or TIME argument is converted to one first), anything else is text or a
 * number to read as MySQL reads a date ('2024-01-05', '2024-01-05 10:00:00', 20240105). A value
 * that is not a date gives NULL and warning 1292, as in MySQL.
 */
public final class TemporalFunctions {
    private TemporalFunctions() {
    }

    /** Result kinds of functions whose type depends on their arguments (set by the rewriter). */
    public static final int RESULT_TEXT = 0;
    public static final int RESULT_DATE = 1;
    public static final int RESULT_DATETIME = 2;
    public static final int RESULT_TIME = 3;

    /** A date written as a number, its fraction cut off: YYMMDD, YYYYMMDD, YYMMDDHHMMSS, YYYYMMDDHHMMSS. */
    private static final java.util.regex.Pattern NUMERIC_DATE = java.util.regex.Pattern.compile("(\\d{1,8}|\\d{12}|\\d{14})(?:\\.\\d*)?");
    /** What separates the fields of a compound interval ('1 2:30:00'). */
    private static final java.util.regex.Pattern NON_DIGITS = java.util.regex.Pattern.compile("[^0-9]+");
    /** A number that can only be a date without a time. */
    private static final java.util.regex.Pattern NUMERIC_DAY = java.util.regex.Pattern.compile("\\d{1,8}(\\.\\d*)?");

    /**
     * The session's time zone for the statement running on this thread (set by the executor with
     * {@link MySqlFunctions#WARNINGS}): UNIX_TIMESTAMP, FROM_UNIXTIME and a TIME's date read it.
     */
    public static final ThreadLocal<ZoneId> ZONE = new ThreadLocal<>();

    private static ZoneId zone() {
        ZoneId z = ZONE.get();
        return z != null ? z : ZoneId.systemDefault();
    }

    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    // ---- reading arguments --------------------------------------------------------------------

    /** A temporal argument read as a date and time; null (after warning 1292) if it is not one. */
    static LocalDateTime dateTime(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Long millis) {
            return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000,
                    ZoneOffset.UTC);
        }
        String s = text(v).trim();
        LocalDateTime dt = Temporal.parseDateTime(s);
        if (dt == null) {
            LocalDate d = Temporal.parseDate(s);
            if (d != null) {
                return d.atStartOfDay();
            }
            java.util.regex.Matcher number = NUMERIC_DATE.matcher(s);
            if (number.matches()) {
                String digits = number.group(1);
                // A number: YYMMDD, YYYYMMDD, YYMMDDHHMMSS or YYYYMMDDHHMMSS.
                if (digits.length() <= 6 || digits.length() == 12) {
                    digits = "0".repeat(Math.max(0, 6 - digits.length())) + digits;
                    digits = (Integer.parseInt(digits.substring(0, 2)) < 70 ? "20" : "19") + digits;
                } else if (digits.length() == 7) {
                    digits = "0" + digits;
                }
                if (digits.length() == 8) {
                    LocalDate n = Temporal.parseDate(digits);
                    if (n != null) {
                        return n.atStartOfDay();
                    }
                } else {
                    dt = Temporal.parseDateTime(digits);
                    if (dt != null) {
                        return dt;
                    }
                }
            }
            warn(1292, "Incorrect datetime value: '" + s + "'");
            return null;
        }
        return dt;
    }

    /** Whether text argument {@code v} has a time part (a DATE_ADD on it then answers with one). */
    private static boolean textHasTime(Object v) {
        if (v instanceof Long) {
            return true;
        }
        String s = text(v).trim();
        return Temporal.parseDate(s) == null && !NUMERIC_DAY.matcher(s).matches();
    }

    static String text(Object v) {
        return v instanceof BigDecimal bd ? bd.toPlainString() : MySqlFunctions.text(v);
    }

    private static long millis(LocalDateTime dt) {
        return dt.toEpochSecond(ZoneOffset.UTC) * 1000L + dt.getNano() / 1_000_000;
    }

    private static void warn(int code, String message) {
        Consumer<SqlWarning> sink = MySqlFunctions.WARNINGS.get();
        if (sink != null) {
            sink.accept(new SqlWarning("Warning", code, message));
        }
    }

    /** A DATETIME in MySQL's range (years 1000..9999 are valid; 0..9999 are accepted). */
    private static boolean inRange(LocalDateTime dt) {
        return dt.getYear() >= 0 && dt.getYear() <= 9999;
    }

    // ---- DATE_FORMAT --------------------------------------------------------------------------

    /** DATE_FORMAT(dt, format). */
    public static Object dateFormat(Object dt, Object format) {
        if (dt == null || format == null) {
            return null;
        }
        LocalDateTime t = dateTime(dt);
        return t == null ? null : format(t, text(format));
    }

    static String format(LocalDateTime t, String f) {
        StringBuilder out = new StringBuilder(f.length() + 16);
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 == f.length()) {
                out.append(c);
                continue;
            }
            char spec = f.charAt(++i);
            int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            switch (spec) {
                case 'a' -> out.append(DAY_NAMES[t.getDayOfWeek().ordinal()], 0, 3);
                case 'b' -> out.append(MONTH_NAMES[t.getMonthValue() - 1], 0, 3);
                case 'c' -> out.append(t.getMonthValue());
                case 'D' -> out.append(t.getDayOfMonth()).append(ordinalSuffix(t.getDayOfMonth()));
                case 'd' -> two(out, t.getDayOfMonth());
                case 'e' -> out.append(t.getDayOfMonth());
                case 'f' -> digits(out, t.getNano() / 1000, 6);
                case 'H' -> two(out, t.getHour());
                case 'h', 'I' -> two(out, hour12);
                case 'i' -> two(out, t.getMinute());
                case 'j' -> digits(out, t.getDayOfYear(), 3);
                case 'k' -> out.append(t.getHour());
                case 'l' -> out.append(hour12);
                case 'M' -> out.append(MONTH_NAMES[t.getMonthValue() - 1]);
                case 'm' -> two(out, t.getMonthValue());
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'r' -> {
                    two(out, hour12);
                    out.append(':');
                    two(out, t.getMinute());
                    out.append(':');
                    two(out, t.getSecond());
                    out.append(t.getHour() < 12 ? " AM" : " PM");
                }
                case 'S', 's' -> two(out, t.getSecond());
                case 'T' -> {
                    two(out, t.getHour());
                    out.append(':');
                    two(out, t.getMinute());
                    out.append(':');
                    two(out, t.getSecond());
                }
                case 'U' -> two(out, week(t.toLocalDate(), 0, null));
                case 'u' -> two(out, week(t.toLocalDate(), 1, null));
                case 'V' -> two(out, week(t.toLocalDate(), 2, null));
                case 'v' -> two(out, week(t.toLocalDate(), 3, null));
                case 'X', 'x' -> {
                    int[] year = new int[1];
                    week(t.toLocalDate(), spec == 'X' ? 2 : 3, year);
                    digits(out, year[0], 4);
                }
                case 'W' -> out.append(DAY_NAMES[t.getDayOfWeek().ordinal()]);
                case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
                case 'Y' -> digits(out, t.getYear(), 4);
                case 'y' -> two(out, t.getYear() % 100);
                default -> out.append(spec); // %% and unknown specifiers give the character itself
            }
        }
        return out.toString();
    }

    private static void two(StringBuilder out, int v) {
        digits(out, v, 2);
    }

    /** {@code v} (not negative) with leading zeros to {@code width} digits. */
    private static void digits(StringBuilder out, int v, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (v < limit) {
                out.append('0');
            }
        }
        out.append(v);
    }

    private static String ordinalSuffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    // ---- WEEK ---------------------------------------------------------------------------------

    private static final int WEEK_MONDAY_FIRST = 1;
    private static final int WEEK_YEAR = 2;
    private static final int WEEK_FIRST_WEEKDAY = 4;

    /**
     * WEEK(d, mode) as MySQL numbers weeks. Mode bit 0: weeks start on Monday (else Sunday); bit 1:
     * weeks are 1..53 and a week belonging to the previous or next year takes that year's number
     * (else 0..53); bit 2: week 1 is the first with a first weekday in the year (else the first
     * with four or more days in it). For Sunday-first modes bit 2 is inverted, as in MySQL.
     * {@code yearOut}, if given, receives the year the week belongs to.
     */
    static int week(LocalDate d, int mode, int[] yearOut) {
        int flags = mode & 7;
        if ((flags & WEEK_MONDAY_FIRST) == 0) {
            flags ^= WEEK_FIRST_WEEKDAY;
        }
        boolean mondayFirst = (flags & WEEK_MONDAY_FIRST) != 0;
        boolean weekYear = (flags & WEEK_YEAR) != 0;
        boolean firstWeekday = (flags & WEEK_FIRST_WEEKDAY) != 0;
        int year = d.getYear();
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        long dayNr = d.toEpochDay();
        long firstDayNr = jan1.toEpochDay();
        int weekday = weekday(jan1.getDayOfWeek(), mondayFirst); // of January 1st, 0 = first day of week
        if (d.getMonthValue() == 1 && d.getDayOfMonth() <= 7 - weekday) {
            if (!weekYear && (firstWeekday && weekday != 0 || !firstWeekday && weekday >= 4)) {
                if (yearOut != null) {
                    yearOut[0] = year;
                }
                return 0;
            }
            weekYear = true;
            year--;
            int days = LocalDate.of(year, 1, 1).lengthOfYear();
            firstDayNr -= days;
            weekday = (weekday + 53 * 7 - days) % 7;
        }
        long days;
        if (firstWeekday && weekday != 0 || !firstWeekday && weekday >= 4) {
            days = dayNr - (firstDayNr + (7 - weekday));
        } else {
            days = dayNr - (firstDayNr - weekday);
        }
        if (weekYear && days >= 52 * 7) {
            weekday = (weekday + LocalDate.of(year, 1, 1).lengthOfYear()) % 7;
            if (!firstWeekday && weekday < 4 || firstWeekday && weekday == 0) {
                if (yearOut != null) {
                    yearOut[0] = year + 1;
                }
                return 1;
            }
        }
        if (yearOut != null) {
            yearOut[0] = year;
        }
        return (int) (days / 7 + 1);
    }

    private static int weekday(DayOfWeek dow, boolean mondayFirst) {
        return mondayFirst ? dow.getValue() - 1 : dow.getValue() % 7;
    }

    // ---- date parts ---------------------------------------------------------------------------

    /** Parts of a date for {@link #datePart}. */
    public static final int PART_DAYOFWEEK = 0;
    public static final int PART_WEEKDAY = 1;
    public static final int PART_DAYOFYEAR = 2;
    public static final int PART_QUARTER = 3;
    public static final int PART_TO_DAYS = 4;
    public static final int PART_WEEK = 5; // + mode in the third argument
    public static final int PART_YEARWEEK = 6;
    public static final int PART_MICROSECOND = 7;
    public static final int PART_TO_SECONDS = 8;

    /** DAYOFWEEK, WEEKDAY, DAYOFYEAR, QUARTER, TO_DAYS, WEEK(d, mode), YEARWEEK(d, mode), ... */
    public static Object datePart(Object dt, Object part, Object mode) {
        if (dt == null || mode == null) {
            return null;
        }
        LocalDateTime t = dateTime(dt);
        if (t == null) {
            return null;
        }
        LocalDate d = t.toLocalDate();
        int m = ((Number) mode).intValue();
        return switch (((Number) part).intValue()) {
            case PART_DAYOFWEEK -> (long) d.getDayOfWeek().getValue() % 7 + 1;
            case PART_WEEKDAY -> (long) d.getDayOfWeek().getValue() - 1;
            case PART_DAYOFYEAR -> (long) d.getDayOfYear();
            case PART_QUARTER -> (long) (d.getMonthValue() + 2) / 3;
            case PART_TO_DAYS -> d.toEpochDay() + DAYS_TO_EPOCH;
            case PART_WEEK -> (long) week(d, m, null);
            case PART_YEARWEEK -> {
                int[] year = new int[1];
                // YEARWEEK always numbers weeks within their own year (mode bit 1 set).
                int w = week(d, m | WEEK_YEAR, year);
                yield (long) year[0] * 100 + w;
            }
            case PART_MICROSECOND -> (long) t.getNano() / 1000;
            case PART_TO_SECONDS -> (d.toEpochDay() + DAYS_TO_EPOCH) * 86400L + t.toLocalTime().toSecondOfDay();
            default -> throw new IllegalArgumentException("date part " + part);
        };
    }

    /** MySQL's day number of 1970-01-01 (TO_DAYS counts from year 0). */
    private static final long DAYS_TO_EPOCH = 719528;

    /** DAYNAME (0) or MONTHNAME (1). */
    public static Object dateName(Object dt, Object which) {
        LocalDateTime t = dateTime(dt);
        if (t == null) {
            return null;
        }
        return ((Number) which).intValue() == 0 ? DAY_NAMES[t.getDayOfWeek().ordinal()] : MONTH_NAMES[t.getMonthValue() - 1];
    }

    /** LAST_DAY(d): the last day of d's month, as a DATE (days since 1970). */
    public static Object lastDay(Object dt) {
        LocalDateTime t = dateTime(dt);
        if (t == null) {
            return null;
        }
        LocalDate d = t.toLocalDate();
        return (int) d.withDayOfMonth(d.lengthOfMonth()).toEpochDay();
    }

    /** FROM_DAYS(n): the DATE of MySQL day number n (NULL-free: days before year 1 give 0000-00-00, here NULL). */
    public static Object fromDays(Object n) {
        if (n == null) {
            return null;
        }
        long days = MySqlFunctions.exact(n).setScale(0, RoundingMode.HALF_UP).longValue();
        if (days < 366 || days > 3652424) {
            return null;
        }
        return (int) (days - DAYS_TO_EPOCH);
    }

    /** MAKEDATE(year, dayofyear). */
    public static Object makeDate(Object year, Object dayOfYear) {
        if (year == null || dayOfYear == null) {
            return null;
        }
        long y = MySqlFunctions.exact(year).setScale(0, RoundingMode.HALF_UP).longValue();
        long n = MySqlFunctions.exact(dayOfYear).setScale(0, RoundingMode.HALF_UP).longValue();
        if (n <= 0 || y < 0 || y > 9999) {
            return null;
        }
        if (y < 70) {
            y += 2000;
        } else if (y < 100) {
            y += 1900;
        }
        LocalDate d = LocalDate.of((int) y, 1, 1).plusDays(n - 1);
        return d.getYear() > 9999 ? null : (int) d.toEpochDay();
    }

    // ---- differences --------------------------------------------------------------------------

    /** DATEDIFF(a, b): days from b's date to a's, times ignored. */
    public static Object dateDiff(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        LocalDateTime x = dateTime(a);
        LocalDateTime y = dateTime(b);
        if (x == null || y == null) {
            return null;
        }
        return x.toLocalDate().toEpochDay() - y.toLocalDate().toEpochDay();
    }

    /** TIMESTAMPDIFF(unit, a, b): whole units from a to b (months and years by calendar, truncated). */
    public static Object timestampDiff(Object unit, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        LocalDateTime x = dateTime(a);
        LocalDateTime y = dateTime(b);
        if (x == null || y == null) {
            return null;
        }
        return switch (text(unit)) {
            case "MICROSECOND" -> ChronoUnit.MICROS.between(x, y);
            case "SECOND" -> ChronoUnit.SECONDS.between(x, y);
            case "MINUTE" -> ChronoUnit.MINUTES.between(x, y);
            case "HOUR" -> ChronoUnit.HOURS.between(x, y);
            case "DAY" -> ChronoUnit.DAYS.between(x, y);
            case "WEEK" -> ChronoUnit.WEEKS.between(x, y);
            case "MONTH" -> ChronoUnit.MONTHS.between(x, y);
            case "QUARTER" -> ChronoUnit.MONTHS.between(x, y) / 3;
            case "YEAR" -> ChronoUnit.YEARS.between(x, y);
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    // ---- INTERVAL arithmetic ------------------------------------------------------------------

    /** Whether {@code unit} moves only whole days or more (a DATE plus it stays a DATE). */
    public static boolean isDateUnit(String unit) {
        return switch (unit) {
            case "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "YEAR_MONTH" -> true;
            default -> false;
        };
    }

    /** The units DATE_ADD and INTERVAL accept. */
    public static boolean isUnit(String unit) {
        return switch (unit) {
            case "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "YEAR_MONTH",
                 "DAY_HOUR", "DAY_MINUTE", "DAY_SECOND", "HOUR_MINUTE", "HOUR_SECOND", "MINUTE_SECOND",
                 "DAY_MICROSECOND", "HOUR_MICROSECOND", "MINUTE_MICROSECOND", "SECOND_MICROSECOND" -> true;
            default -> false;
        };
    }

    /**
     * DATE_ADD(dt, INTERVAL amount unit) with {@code sign} +1, DATE_SUB with -1. The result is a
     * DATE (days), DATETIME (milliseconds) or text, as {@code resultKind} says. Month and year
     * steps keep the day of month, clamped to the target month's last day; a result outside years
     * 0..9999 is NULL with warning 1441.
     */
    public static Object dateAdd(Object dt, Object amount, Object unit, Object sign, Object resultKind) {
        if (dt == null || amount == null) {
            return null;
        }
        LocalDateTime t = dateTime(dt);
        if (t == null) {
            return null;
        }
        String u = text(unit);
        long[] parts = intervalParts(amount, u);
        if (parts == null) {
            return null;
        }
        boolean negate = ((Number) sign).intValue() < 0;
        LocalDateTime r;
        try {
            long months = parts[0] * 12 + parts[1];
            if (months != 0) {
                r = t.plusMonths(negate ? -months : months);
            } else {
                long micros = ((((parts[2] * 24 + parts[3]) * 60 + parts[4]) * 60 + parts[5]) * 1_000_000L) + parts[6];
                r = t.plus(negate ? -micros : micros, ChronoUnit.MICROS);
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            r = null;
        }
        if (r == null || !inRange(r)) {
            warn(1441, "Datetime function: datetime field overflow");
            return null;
        }
        int kind = ((Number) resultKind).intValue();
        return switch (kind) {
            case RESULT_DATE -> (int) r.toLocalDate().toEpochDay();
            case RESULT_DATETIME, RESULT_TIME -> millis(r); // a TIME is the milliseconds from 1970-01-01 00:00
            default -> textHasTime(dt) || !isDateUnit(u) ? formatDateTime(r) : r.toLocalDate().toString();
        };
    }

    private static String formatDateTime(LocalDateTime r) {
        StringBuilder out = new StringBuilder(26);
        digits(out, r.getYear(), 4);
        out.append('-');
        two(out, r.getMonthValue());
        out.append('-');
        two(out, r.getDayOfMonth());
        out.append(' ');
        two(out, r.getHour());
        out.append(':');
        two(out, r.getMinute());
        out.append(':');
        two(out, r.getSecond());
        if (r.getNano() != 0) {
            out.append('.');
            digits(out, r.getNano() / 1000, 6);
        }
        return out.toString();
    }

    /**
     * An interval's amount split into {years, months, days, hours, minutes, seconds, micros}, all of
     * one sign. A simple unit takes a number (rounded, as MySQL does); a compound unit takes text
     * such as '1:30' for HOUR_MINUTE or '1-2' for YEAR_MONTH, read from the right.
     */
    static long[] intervalParts(Object amount, String unit) {
        long[] p = new long[7];
        int slot = switch (unit) {
            case "YEAR" -> 0;
            case "QUARTER", "MONTH" -> 1;
            case "WEEK", "DAY" -> 2;
            case "HOUR" -> 3;
            case "MINUTE" -> 4;
            case "SECOND" -> 5;
            case "MICROSECOND" -> 6;
            default -> -1;
        };
        if (slot >= 0) {
            BigDecimal v = amount instanceof Double || amount instanceof Float ? BigDecimal.valueOf(((Number) amount).doubleValue())
                    : MySqlFunctions.exact(amount);
            if (unit.equals("SECOND") && v.scale() > 0) {
                // INTERVAL 1.5 SECOND is one and a half seconds.
                BigDecimal micros = v.movePointRight(6).setScale(0, RoundingMode.HALF_UP);
                p[6] = micros.longValue();
                return p;
            }
            long n = v.setScale(0, RoundingMode.HALF_UP).longValue();
            p[slot] = switch (unit) {
                case "QUARTER" -> n * 3;
                case "WEEK" -> n * 7;
                default -> n;
            };
            return p;
        }
        String s = text(amount).trim();
        boolean negative = s.startsWith("-");
        String[] fields = NON_DIGITS.split(negative || s.startsWith("+") ? s.substring(1) : s);
        int[] slots = switch (unit) {
            case "YEAR_MONTH" -> new int[] {0, 1};
            case "DAY_HOUR" -> new int[] {2, 3};
            case "DAY_MINUTE" -> new int[] {2, 3, 4};
            case "DAY_SECOND" -> new int[] {2, 3, 4, 5};
            case "HOUR_MINUTE" -> new int[] {3, 4};
            case "HOUR_SECOND" -> new int[] {3, 4, 5};
            case "MINUTE_SECOND" -> new int[] {4, 5};
            case "DAY_MICROSECOND" -> new int[] {2, 3, 4, 5, 6};
            case "HOUR_MICROSECOND" -> new int[] {3, 4, 5, 6};
            case "MINUTE_MICROSECOND" -> new int[] {4, 5, 6};
            case "SECOND_MICROSECOND" -> new int[] {5, 6};
            default -> throw new IllegalArgumentException("unit " + unit);
        };
        java.util.List<String> values = new java.util.ArrayList<>();
        for (String f : fields) {
            if (!f.isEmpty()) {
                values.add(f);
            }
        }
        if (values.size() > slots.length) {
            return null;
        }
        // Fewer values than fields fill the smallest units: '1:30' DAY_MINUTE is 1 hour 30 minutes.
        int offset = slots.length - values.size();
        for (int i = 0; i < values.size(); i++) {
            int target = slots[offset + i];
            String f = values.get(i);
            long v = Long.parseLong(f.length() > 18 ? f.substring(0, 18) : f);
            if (target == 6) {
                v = Long.parseLong((f + "000000").substring(0, 6));
            }
            p[target] = negative ? -v : v;
        }
        return p;
    }

    // ---- STR_TO_DATE --------------------------------------------------------------------------

    /** The result kind of STR_TO_DATE with a constant {@code format}: DATE, TIME or DATETIME. */
    public static int strToDateKind(String format) {
        boolean date = false;
        boolean time = false;
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            char c = format.charAt(++i);
            switch (c) {
                case 'a', 'b', 'c', 'D', 'd', 'e', 'j', 'M', 'm', 'U', 'u', 'V', 'v', 'W', 'w', 'X', 'x', 'Y', 'y' -> date = true;
                case 'f', 'H', 'h', 'I', 'i', 'k', 'l', 'p', 'r', 'S', 's', 'T' -> time = true;
                default -> {
                }
            }
        }
        if (date && !time) {
            return RESULT_DATE;
        }
        return time && !date ? RESULT_TIME : RESULT_DATETIME;
    }

    /** STR_TO_DATE(s, format) as a DATE (days), DATETIME (milliseconds) or TIME (milliseconds). */
    public static Object strToDate(Object s, Object format, Object resultKind) {
        if (s == null || format == null) {
            return null;
        }
        String in = text(s);
        String f = text(format);
        int kind = ((Number) resultKind).intValue();
        String what = kind == RESULT_DATE ? "date" : kind == RESULT_TIME ? "time" : "datetime";
        int[] v = parseWithFormat(in, f); // year, month, day, hour, minute, second, micros
        if (v == null) {
            warn(1411, "Incorrect " + what + " value: '" + in + "' for function str_to_date");
            return null;
        }
        if (kind == RESULT_TIME) {
            return ((v[3] * 60L + v[4]) * 60 + v[5]) * 1000 + v[6] / 1000;
        }
        LocalDateTime dt;
        try {
            if (v[1] == 0 || v[2] == 0) {
                throw new java.time.DateTimeException("zero in date");
            }
            dt = LocalDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6] * 1000);
        } catch (java.time.DateTimeException e) {
            warn(1411, "Incorrect " + what + " value: '" + in + "' for function str_to_date");
            return null;
        }
        return kind == RESULT_DATE ? (Object) (int) dt.toLocalDate().toEpochDay() : (Object) millis(dt);
    }

    /**
     * Reads {@code in} by {@code f}: spaces before each field are skipped, numbers take up to their
     * field's width, names match case-insensitively, other format characters must match. Null if
     * the text does not fit; trailing text is ignored (MySQL warns about it).
     */
    private static int[] parseWithFormat(String in, String format) {
        String f = format.replace("%T", "%H:%i:%s").replace("%r", "%h:%i:%s %p");
        int[] v = new int[7];
        boolean pm = false;
        boolean twelveHour = false;
        int pos = 0;
        for (int i = 0; i < f.length() && pos < in.length(); i++) {
            while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
                pos++;
            }
            if (pos >= in.length()) {
                break;
            }
            char c = f.charAt(i);
            if (c != '%' || i + 1 == f.length()) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (in.charAt(pos) != c) {
                    return null;
                }
                pos++;
                continue;
            }
            char spec = f.charAt(++i);
            int[] read;
            switch (spec) {
                case 'Y' -> {
                    int start = pos;
                    read = number(in, pos, 4);
                    if (read == null) {
                        return null;
                    }
                    v[0] = read[1] - start <= 2 ? read[0] + (read[0] < 70 ? 2000 : 1900) : read[0];
                    pos = read[1];
                }
                case 'y' -> {
                    read = number(in, pos, 2);
                    if (read == null) {
                        return null;
                    }
                    v[0] = read[0] + (read[0] < 70 ? 2000 : 1900);
                    pos = read[1];
                }
                case 'm', 'c' -> pos = field(in, pos, 2, v, 1);
                case 'd', 'e' -> pos = field(in, pos, 2, v, 2);
                case 'D' -> {
                    pos = field(in, pos, 2, v, 2);
                    if (pos >= 0 && pos + 2 <= in.length()) {
                        pos += 2; // the st/nd/rd/th suffix
                    }
                }
                case 'H', 'k' -> pos = field(in, pos, 2, v, 3);
                case 'h', 'I', 'l' -> {
                    pos = field(in, pos, 2, v, 3);
                    twelveHour = true;
                }
                case 'i' -> pos = field(in, pos, 2, v, 4);
                case 'S', 's' -> pos = field(in, pos, 2, v, 5);
                case 'f' -> {
                    int start = pos;
                    read = number(in, pos, 6);
                    if (read == null) {
                        return null;
                    }
                    int digits = read[1] - start;
                    v[6] = read[0] * (int) Math.pow(10, 6 - digits);
                    pos = read[1];
                }
                case 'j' -> {
                    read = number(in, pos, 3);
                    if (read == null || read[0] < 1) {
                        return null;
                    }
                    LocalDate d = LocalDate.ofYearDay(v[0] == 0 ? 2000 : v[0], Math.min(read[0], 365));
                    v[1] = d.getMonthValue();
                    v[2] = d.getDayOfMonth();
                    pos = read[1];
                }
                case 'p' -> {
                    if (pos + 2 > in.length()) {
                        return null;
                    }
                    String ap = in.substring(pos, pos + 2).toUpperCase(Locale.ROOT);
                    if (!ap.equals("AM") && !ap.equals("PM")) {
                        return null;
                    }
                    pm = ap.equals("PM");
                    twelveHour = true;
                    pos += 2;
                }
                case 'M', 'b' -> {
                    int month = name(in, pos, MONTH_NAMES, spec == 'b');
                    if (month < 0) {
                        return null;
                    }
                    v[1] = month + 1;
                    pos += spec == 'b' ? 3 : MONTH_NAMES[month].length();
                }
                case 'W', 'a' -> {
                    int day = name(in, pos, DAY_NAMES, spec == 'a');
                    if (day < 0) {
                        return null;
                    }
                    pos += spec == 'a' ? 3 : DAY_NAMES[day].length();
                }
                case '%' -> {
                    if (in.charAt(pos) != '%') {
                        return null;
                    }
                    pos++;
                }
                default -> {
                    if (in.charAt(pos) != spec) {
                        return null;
                    }
                    pos++;
                }
            }
            if (pos < 0) {
                return null;
            }
        }
        if (twelveHour) {
            if (v[3] > 12 || v[3] < 1) {
                return null;
            }
            v[3] = v[3] % 12 + (pm ? 12 : 0);
        }
        if (v[3] > 23 || v[4] > 59 || v[5] > 59) {
            return null;
        }
        return v;
    }

    /** Reads a number of up to {@code width} digits into {@code v[slot]}; the new position or -1. */
    private static int field(String in, int pos, int width, int[] v, int slot) {
        int[] read = number(in, pos, width);
        if (read == null) {
            return -1;
        }
        v[slot] = read[0];
        return read[1];
    }

    /** {value, end position} of up to {@code width} digits at {@code pos}, or null. */
    private static int[] number(String in, int pos, int width) {
        int end = pos;
        int value = 0;
        while (end < in.length() && end - pos < width && Character.isDigit(in.charAt(end))) {
            value = value * 10 + (in.charAt(end) - '0');
            end++;
        }
        return end == pos ? null : new int[] {value, end};
    }

    private static int name(String in, int pos, String[] names, boolean abbreviated) {
        for (int i = 0; i < names.length; i++) {
            String n = abbreviated ? names[i].substring(0, 3) : names[i];
            if (in.regionMatches(true, pos, n, 0, n.length())) {
                return i;
            }
        }
        return -1;
    }

    // ---- Unix time ----------------------------------------------------------------------------

    /** UNIX_TIMESTAMP(dt): seconds since 1970 UTC of dt in the session's zone; 0 outside the range. */
    public static Object unixTimestamp(Object dt, Object withFraction) {
        LocalDateTime t = dateTime(dt);
        if (t == null) {
            return null;
        }
        java.time.Instant i = t.atZone(zone()).toInstant();
        if (i.getEpochSecond() < 0 || i.getEpochSecond() > 32536771199L) {
            return ((Number) withFraction).intValue() == 0 ? (Object) 0L : (Object) BigDecimal.ZERO;
        }
        if (((Number) withFraction).intValue() == 0) {
            return i.getEpochSecond();
        }
        return BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano() / 1000, 6));
    }

    /** FROM_UNIXTIME(n): the DATETIME (milliseconds) of Unix time n in the session's zone. */
    public static Object fromUnixTime(Object n) {
        if (n == null) {
            return null;
        }
        BigDecimal v = MySqlFunctions.exact(n);
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(32536771199L)) > 0) {
            return null;
        }
        long micros = v.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValue();
        java.time.Instant i = java.time.Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        return millis(LocalDateTime.ofInstant(i, zone()));
    }

    /** A MySQL TIME (milliseconds) on today's date, as a DATETIME argument (MySQL uses CURRENT_DATE). */
    public static Object timeOnToday(Object timeMillis) {
        if (timeMillis == null) {
            return null;
        }
        long today = LocalDate.now(zone()).toEpochDay() * 86_400_000L;
        return today + ((Number) timeMillis).longValue();
    }
}
