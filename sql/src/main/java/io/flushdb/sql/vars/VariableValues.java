package io.flushdb.sql.vars;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.SqlWarning;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Conversions of system variable values: from a SET expression's result (MySQL's checks, errors
 * and clamping), from option-file and URL text (with size suffixes), and to what SHOW VARIABLES and
 * {@code SELECT @@name} show.
 */
public final class VariableValues {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private VariableValues() {
    }

    // ---- SET -----------------------------------------------------------------------------------

    /**
     * The canonical value {@code v} takes from SET's evaluated {@code value} (a Number, String, or
     * null). Wrong types are 1232, wrong values 1231; numbers out of range are clamped with warning
     * 1292, as MySQL does for system variables.
     */
    public static Object fromSql(SystemVariable v, Object value, Consumer<SqlWarning> warnings) {
        if (value == null) {
            if (v.nullable) {
                return checked(v, null);
            }
            throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, "NULL");
        }
        if (value instanceof byte[] b) {
            value = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return checked(v, switch (v.type) {
            case BOOLEAN -> {
                if (value instanceof String s) {
                    yield switch (s.toUpperCase(Locale.ROOT)) {
                        case "ON", "TRUE" -> Boolean.TRUE;
                        case "OFF", "FALSE" -> Boolean.FALSE;
                        default -> throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, s);
                    };
                }
                BigInteger n = integral(v, value);
                if (n.equals(BigInteger.ONE) || n.signum() == 0) {
                    yield n.signum() != 0;
                }
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, n.toString());
            }
            case INTEGER -> {
                if (value instanceof String) {
                    throw MySqlError.ER_WRONG_TYPE_FOR_VAR.raise(v.name);
                }
                BigInteger n = integral(v, value);
                long clamped = n.max(BigInteger.valueOf(v.min)).min(BigInteger.valueOf(v.max)).longValueExact();
                if (!n.equals(BigInteger.valueOf(clamped))) {
                    warnings.accept(truncated(v, n.toString()));
                }
                yield clamped;
            }
            case DOUBLE -> {
                if (!(value instanceof Number num)) {
                    throw MySqlError.ER_WRONG_TYPE_FOR_VAR.raise(v.name);
                }
                double d = num.doubleValue();
                double clamped = Math.max(v.dmin, Math.min(v.dmax, d));
                if (clamped != d) {
                    warnings.accept(truncated(v, num.toString()));
                }
                yield clamped;
            }
            case ENUM -> {
                if (value instanceof String s) {
                    yield enumName(v, s, s);
                }
                BigInteger n = integral(v, value);
                if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(v.names.size())) >= 0) {
                    throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, n.toString());
                }
                yield v.names.get(n.intValue());
            }
            case SET -> {
                if (!(value instanceof String s)) {
                    BigInteger n = integral(v, value);
                    if (n.signum() != 0) {
                        throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, n.toString());
                    }
                    yield "";
                }
                yield setValue(v, s);
            }
            case STRING -> {
                if (!(value instanceof String s)) {
                    throw MySqlError.ER_WRONG_TYPE_FOR_VAR.raise(v.name);
                }
                yield s;
            }
        });
    }

    /** A user variable's value as MySQL keeps it: numbers and strings; temporal values as text. */
    public static Object userValue(Object value) {
        if (value instanceof LocalDateTime t) {
            String s = t.format(DATETIME);
            int micros = t.getNano() / 1000;
            return micros == 0 ? s : s + String.format(Locale.ROOT, ".%06d", micros);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value == null || value instanceof Long || value instanceof BigDecimal || value instanceof Double
                || value instanceof String || value instanceof byte[] || value instanceof BigInteger) {
            return value;
        }
        return value.toString();
    }

    private static BigInteger integral(SystemVariable v, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw MySqlError.ER_WRONG_TYPE_FOR_VAR.raise(v.name);
            }
        }
        throw MySqlError.ER_WRONG_TYPE_FOR_VAR.raise(v.name);
    }

    private static SqlWarning truncated(SystemVariable v, String shown) {
        return new SqlWarning("Warning", MySqlError.ER_TRUNCATED_WRONG_VALUE.code,
                String.format(MySqlError.ER_TRUNCATED_WRONG_VALUE.template, v.name, shown));
    }

    private static String enumName(SystemVariable v, String s, String shown) {
        for (String n : v.names) {
            if (n.equalsIgnoreCase(s.trim())) {
                return n;
            }
        }
        throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, shown);
    }

    private static String setValue(SystemVariable v, String s) {
        List<String> picked = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                if (s.isBlank()) {
                    continue;
                }
                throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name, s);
            }
            String n = enumName(v, p, p);
            if (!picked.contains(n)) {
                picked.add(n);
            }
        }
        // Canonical order: the order of the definition's list, as MySQL prints sql_mode.
        List<String> ordered = new ArrayList<>();
        for (String n : v.names) {
            if (picked.contains(n)) {
                ordered.add(n);
            }
        }
        return String.join(",", ordered);
    }

    private static Object checked(SystemVariable v, Object value) {
        return v.check == null ? value : v.check.apply(v, value);
    }

    // ---- option files and URLs -----------------------------------------------------------------

    /**
     * The value {@code text} gives {@code v} in flushdb.cnf or a URL: MySQL's option syntax, whole
     * numbers with K/M/G/T/P/E suffixes, booleans as ON/OFF/TRUE/FALSE/1/0.
     *
     * @throws IllegalArgumentException naming the variable, the value and what is expected
     */
    public static Object fromOption(SystemVariable v, String text) {
        String t = text.trim();
        try {
            return checked(v, switch (v.type) {
                case BOOLEAN -> switch (t.toUpperCase(Locale.ROOT)) {
                    case "ON", "TRUE", "1", "YES" -> Boolean.TRUE;
                    case "OFF", "FALSE", "0", "NO" -> Boolean.FALSE;
                    default -> throw bad(v, text, "ON or OFF");
                };
                case INTEGER -> {
                    long n = parseSize(v, t);
                    if (n < v.min || n > v.max) {
                        throw bad(v, text, "a value in " + v.range());
                    }
                    yield n;
                }
                case DOUBLE -> {
                    double d;
                    try {
                        d = Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw bad(v, text, "a number");
                    }
                    if (d < v.dmin || d > v.dmax) {
                        throw bad(v, text, "a value in " + v.range());
                    }
                    yield d;
                }
                case ENUM -> {
                    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                        int i = Integer.parseInt(t);
                        if (i >= v.names.size()) {
                            throw bad(v, text, "one of " + v.range());
                        }
                        yield v.names.get(i);
                    }
                    yield enumName(v, t, text);
                }
                case SET -> setValue(v, t);
                case STRING -> t;
            });
        } catch (io.flushdb.sql.error.MySqlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static long parseSize(SystemVariable v, String t) {
        long multiplier = 1;
        String digits = t;
        if (!t.isEmpty()) {
            int shift = switch (Character.toUpperCase(t.charAt(t.length() - 1))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                case 'P' -> 50;
                case 'E' -> 60;
                default -> 0;
            };
            if (shift > 0) {
                multiplier = 1L << shift;
                digits = t.substring(0, t.length() - 1);
            }
        }
        String unsigned = digits.startsWith("-") ? digits.substring(1) : digits;
        if (unsigned.isEmpty() || !unsigned.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(v, t, "a whole number, optionally with a K, M or G suffix");
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw bad(v, t, "a number that fits in 64 bits");
        }
    }

    private static IllegalArgumentException bad(SystemVariable v, String text, String expected) {
        return new IllegalArgumentException("Invalid value '" + text + "' for " + v.name + ": expected " + expected);
    }

    // ---- showing -------------------------------------------------------------------------------

    /** The text SHOW VARIABLES and information_schema show (ON/OFF for booleans, "" for NULL). */
    public static String show(SystemVariable v, Object value) {
        if (value == null) {
            return "";
        }
        return switch (v.type) {
            case BOOLEAN -> (Boolean) value ? "ON" : "OFF";
            case DOUBLE -> String.format(Locale.ROOT, "%.6f", (Double) value);
            default -> value.toString();
        };
    }

    /** The value {@code SELECT @@name} returns: booleans as 1/0, numbers as numbers. */
    public static Object select(SystemVariable v, Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return value;
    }

    /** A double as the reference page writes a range bound. */
    static String formatDouble(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
