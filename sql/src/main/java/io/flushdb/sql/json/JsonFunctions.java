package io.flushdb.sql.json;

import io.flushdb.sql.error.MySqlError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Bodies of MySQL's JSON functions. Each takes its operands as one array; functions that take
 * SQL values into a document also get, last, a bitmask of the operands that are already JSON
 * (a JSON column or another JSON function's result: the plan knows, see {@code MySqlRewriter}),
 * which are parsed rather than taken as JSON strings. A document argument (the first of
 * JSON_EXTRACT, ...) is always parsed: 3141 if it is not JSON. Documents come back as their
 * canonical text ({@link Json#write}).
 */
public final class JsonFunctions {
    private JsonFunctions() {
    }

    // ---- arguments ----------------------------------------------------------------------------

    private static String text(Object v) {
        return io.flushdb.sql.plan.functions.MySqlFunctions.text(v);
    }

    /** Argument {@code i} (0-based) of function {@code fn} as a JSON document, or null for SQL NULL. */
    static Object doc(Object v, int i, String fn) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number || v instanceof Boolean) {
            throw MySqlError.ER_INVALID_TYPE_FOR_JSON.raise(i + 1, fn);
        }
        String s = text(v);
        try {
            return Json.parse(s);
        } catch (Json.ParseError e) {
            throw MySqlError.ER_INVALID_JSON_TEXT_IN_PARAM.raise(i + 1, fn, e.reason, e.position);
        }
    }

    /** A SQL value as a JSON value: parsed when the plan says it is JSON, else a scalar. */
    static Object value(Object v, int i, long jsonMask) {
        if (v == null) {
            return Json.NULL;
        }
        if (i < 64 && (jsonMask & (1L << i)) != 0) {
            return Json.parse(text(v));
        }
        if (v instanceof ByteString bs) {
            return new String(bs.getBytes(), StandardCharsets.UTF_8);
        }
        return JsonText.scalar(v);
    }

    private static long mask(Object[] a) {
        return a[a.length - 1] == null ? 0 : ((Number) a[a.length - 1]).longValue();
    }

    private static JsonPath path(Object v) {
        return JsonPath.parse(text(v));
    }

    private static JsonPath plainPath(Object v) {
        JsonPath p = path(v);
        if (p.hasWildcards()) {
            throw MySqlError.ER_INVALID_JSON_PATH_WILDCARD.raise();
        }
        return p;
    }

    // ---- reading ------------------------------------------------------------------------------

    /** JSON_EXTRACT(doc, path, ...): the value (one path without wildcards) or an array of the matches; NULL if none. */
    public static Object extract(Object[] a) {
        Object doc = doc(a[0], 0, "json_extract");
        List<JsonPath> paths = new ArrayList<>();
        for (int i = 1; i < a.length; i++) {
            if (a[i] == null) {
                return null;
            }
            paths.add(path(a[i]));
        }
        if (doc == null) {
            return null;
        }
        List<Object> found = new ArrayList<>();
        boolean wrap = paths.size() > 1;
        for (JsonPath p : paths) {
            wrap |= p.hasWildcards();
            found.addAll(p.find(doc));
        }
        if (found.isEmpty()) {
            return null;
        }
        return Json.write(wrap ? found : found.get(0));
    }

    /** JSON_UNQUOTE(s): a JSON string's contents; anything else as it is. */
    public static Object unquote(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        String s = text(a[0]);
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            try {
                Object v = Json.parse(s);
                if (v instanceof String str) {
                    return str;
                }
            } catch (Json.ParseError e) {
                throw MySqlError.ER_INVALID_JSON_TEXT_IN_PARAM.raise(1, "json_unquote", e.reason, e.position);
            }
        }
        return s;
    }

    /** JSON_TYPE(v). */
    public static Object type(Object[] a) {
        Object v = doc(a[0], 0, "json_type");
        return v == null ? null : Json.typeName(v);
    }

    /** JSON_VALID(v): 1 or 0 (NULL for NULL). */
    public static Object valid(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        if (a[0] instanceof Number || a[0] instanceof Boolean) {
            return 0L;
        }
        return Json.isValid(text(a[0])) ? 1L : 0L;
    }

    /** JSON_QUOTE(s): s as a JSON string literal. */
    public static Object quote(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        Json.quote(text(a[0]), sb);
        return sb.toString();
    }

    /** JSON_LENGTH(doc[, path]): members of an object, elements of an array, 1 for a scalar. */
    public static Object length(Object[] a) {
        Object doc = doc(a[0], 0, "json_length");
        if (doc == null || a.length > 1 && a[1] == null) {
            return null;
        }
        if (a.length > 1) {
            JsonPath p = plainPath(a[1]);
            List<Object> found = p.find(doc);
            if (found.isEmpty()) {
                return null;
            }
            doc = found.get(0);
        }
        return (long) (doc instanceof Map<?, ?> m ? m.size() : doc instanceof List<?> l ? l.size() : 1);
    }

    /** JSON_DEPTH(doc). */
    public static Object depth(Object[] a) {
        Object doc = doc(a[0], 0, "json_depth");
        return doc == null ? null : (long) depthOf(doc);
    }

    private static int depthOf(Object v) {
        int inner = 0;
        if (v instanceof Map<?, ?> m) {
            for (Object c : m.values()) {
                inner = Math.max(inner, depthOf(c));
            }
            return m.isEmpty() ? 1 : inner + 1;
        }
        if (v instanceof List<?> l) {
            for (Object c : l) {
                inner = Math.max(inner, depthOf(c));
            }
            return l.isEmpty() ? 1 : inner + 1;
        }
        return 1;
    }

    /** JSON_KEYS(doc[, path]): the keys of the object there, as an array; NULL if it is not an object. */
    public static Object keys(Object[] a) {
        Object doc = doc(a[0], 0, "json_keys");
        if (doc == null || a.length > 1 && a[1] == null) {
            return null;
        }
        if (a.length > 1) {
            List<Object> found = plainPath(a[1]).find(doc);
            doc = found.isEmpty() ? null : found.get(0);
        }
        if (!(doc instanceof Map<?, ?> m)) {
            return null;
        }
        return Json.write(new ArrayList<Object>(m.keySet()));
    }

    /** JSON_CONTAINS(target, candidate[, path]): 1 if the candidate is contained (MySQL's rules), else 0. */
    public static Object contains(Object[] a) {
        Object target = doc(a[0], 0, "json_contains");
        Object candidate = doc(a[1], 1, "json_contains");
        if (target == null || candidate == null || a.length > 2 && a[2] == null) {
            return null;
        }
        if (a.length > 2) {
            List<Object> found = plainPath(a[2]).find(target);
            if (found.isEmpty()) {
                return null;
            }
            target = found.get(0);
        }
        return contains(target, candidate) ? 1L : 0L;
    }

    @SuppressWarnings("unchecked")
    static boolean contains(Object target, Object candidate) {
        if (target instanceof Map<?, ?> t) {
            if (!(candidate instanceof Map<?, ?> c)) {
                return false;
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) c).entrySet()) {
                if (!t.containsKey(e.getKey()) || !contains(t.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (target instanceof List<?> t) {
            if (candidate instanceof List<?> c) {
                for (Object x : c) {
                    if (!contains(target, x)) {
                        return false;
                    }
                }
                return true;
            }
            for (Object x : t) {
                if (contains(x, candidate)) {
                    return true;
                }
            }
            return false;
        }
        return !(candidate instanceof Map) && !(candidate instanceof List) && Json.compare(target, candidate) == 0;
    }

    /** JSON_CONTAINS_PATH(doc, 'one' | 'all', path, ...). */
    public static Object containsPath(Object[] a) {
        Object doc = doc(a[0], 0, "json_contains_path");
        if (doc == null || a[1] == null) {
            return null;
        }
        String mode = text(a[1]).trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("one") && !mode.equals("all")) {
            throw MySqlError.ER_JSON_BAD_ONE_OR_ALL_ARG.raise("json_contains_path");
        }
        boolean all = mode.equals("all");
        boolean any = false;
        for (int i = 2; i < a.length; i++) {
            if (a[i] == null) {
                return null;
            }
            boolean found = !path(a[i]).find(doc).isEmpty();
            if (all && !found) {
                return 0L;
            }
            any |= found;
        }
        return all || any ? 1L : 0L;
    }

    // ---- building -----------------------------------------------------------------------------

    /** JSON_OBJECT(key, value, ..., jsonMask). */
    public static Object object(Object[] a) {
        int n = a.length - 1;
        long mask = mask(a);
        TreeMap<String, Object> m = Json.object();
        for (int i = 0; i + 1 < n; i += 2) {
            if (a[i] == null) {
                throw MySqlError.ER_JSON_DOCUMENT_NULL_KEY.raise();
            }
            m.put(text(a[i]), value(a[i + 1], i + 1, mask));
        }
        return Json.write(m);
    }

    /** JSON_ARRAY(value, ..., jsonMask). */
    public static Object array(Object[] a) {
        long mask = mask(a);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.length - 1; i++) {
            out.add(value(a[i], i, mask));
        }
        return Json.write(out);
    }

    /** CAST(x AS JSON) (jsonMask in a[1]): text is parsed, other values become scalars. */
    public static Object cast(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        if (a[0] instanceof String || a[0] instanceof ByteString) {
            try {
                return Json.write(Json.parse(text(a[0])));
            } catch (Json.ParseError e) {
                throw MySqlError.ER_INVALID_JSON_TEXT_IN_PARAM.raise(1, "cast_as_json", e.reason, e.position);
            }
        }
        return Json.write(JsonText.scalar(a[0]));
    }

    // ---- changing -----------------------------------------------------------------------------

    public static Object set(Object[] a) {
        return change(a, JsonPath.Change.SET, "json_set");
    }

    public static Object insert(Object[] a) {
        return change(a, JsonPath.Change.INSERT, "json_insert");
    }

    public static Object replace(Object[] a) {
        return change(a, JsonPath.Change.REPLACE, "json_replace");
    }

    /** JSON_SET/INSERT/REPLACE(doc, path, value, ..., jsonMask). */
    private static Object change(Object[] a, JsonPath.Change how, String fn) {
        long mask = mask(a);
        Object doc = doc(a[0], 0, fn);
        if (doc == null) {
            return null;
        }
        for (int i = 1; i + 1 < a.length - 1; i += 2) {
            if (a[i] == null) {
                return null;
            }
            doc = plainPath(a[i]).change(doc, value(a[i + 1], i + 1, mask), how);
        }
        return Json.write(doc);
    }

    /** JSON_ARRAY_APPEND(doc, path, value, ..., jsonMask): appends to the array there (wrapping a non-array). */
    @SuppressWarnings("unchecked")
    public static Object arrayAppend(Object[] a) {
        long mask = mask(a);
        Object doc = doc(a[0], 0, "json_array_append");
        if (doc == null) {
            return null;
        }
        for (int i = 1; i + 1 < a.length - 1; i += 2) {
            if (a[i] == null) {
                return null;
            }
            JsonPath p = plainPath(a[i]);
            List<Object> found = p.find(doc);
            if (found.isEmpty()) {
                continue;
            }
            Object target = found.get(0);
            Object v = value(a[i + 1], i + 1, mask);
            if (target instanceof List<?> l) {
                ((List<Object>) l).add(v);
            } else {
                List<Object> wrapped = new ArrayList<>();
                wrapped.add(target);
                wrapped.add(v);
                doc = p.change(doc, wrapped, JsonPath.Change.REPLACE);
            }
        }
        return Json.write(doc);
    }

    /** JSON_REMOVE(doc, path, ...). */
    public static Object remove(Object[] a) {
        Object doc = doc(a[0], 0, "json_remove");
        if (doc == null) {
            return null;
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] == null) {
                return null;
            }
            JsonPath p = plainPath(a[i]);
            if (p.isRoot()) {
                throw MySqlError.ER_JSON_VACUOUS_PATH.raise();
            }
            doc = p.remove(doc);
        }
        return Json.write(doc);
    }

    // ---- comparison ---------------------------------------------------------------------------

    /**
     * MYSQL_JSON_COMPARE(a, b, jsonMask): -1, 0 or 1 comparing a JSON value with another or with
     * a SQL value (which is taken as a JSON scalar), by MySQL's JSON ordering; NULL if either is NULL.
     */
    public static Object compare(Object[] a) {
        if (a[0] == null || a[1] == null) {
            return null;
        }
        long mask = mask(a);
        Object x = value(a[0], 0, mask);
        Object y = value(a[1], 1, mask);
        return (long) Integer.signum(Json.compare(x, y));
    }

    // ---- aggregates ---------------------------------------------------------------------------

    /**
     * MYSQL_JSON_BOX(x, jsonMask): x as JSON text, SQL NULL as the JSON null literal. An
     * aggregate's argument goes through it, because aggregates never see NULL arguments.
     */
    public static Object box(Object[] a) {
        return Json.write(value(a[0], 0, mask(a)));
    }

    /** JSON_ARRAYAGG(x): the group's values as an array, NULL as null; NULL for no rows. */
    public static final class ArrayAgg {
        public List<Object> init() {
            return new ArrayList<>();
        }

        /** {@code value}: the row's value as JSON text ({@link #box}), never null, so that NULL rows count. */
        public List<Object> add(List<Object> acc, Object value) {
            acc.add(Json.parse(text(value)));
            return acc;
        }

        public String result(List<Object> acc) {
            return acc.isEmpty() ? null : Json.write(acc);
        }
    }

    /** JSON_OBJECTAGG(key, value): the group's pairs as an object (the last value of a key kept); NULL for no rows. */
    public static final class ObjectAgg {
        public TreeMap<String, Object> init() {
            return Json.object();
        }

        /** {@code key} and {@code value} as JSON text ({@link #box}). */
        public TreeMap<String, Object> add(TreeMap<String, Object> acc, Object key, Object value) {
            Object k = Json.parse(text(key));
            if (k == Json.NULL) {
                throw MySqlError.ER_JSON_DOCUMENT_NULL_KEY.raise();
            }
            acc.put(k instanceof String str ? str : Json.write(k), Json.parse(text(value)));
            return acc;
        }

        public String result(TreeMap<String, Object> acc) {
            return acc.isEmpty() ? null : Json.write(acc);
        }
    }
}
