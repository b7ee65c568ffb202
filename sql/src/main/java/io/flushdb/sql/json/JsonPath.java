package io.flushdb.sql.json;

import io.flushdb.sql.error.MySqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MySQL JSON path expression: {@code $} followed by legs {@code .key}, {@code ."quoted key"},
 * {@code .*}, {@code [n]}, {@code [last]}, {@code [last-n]}, {@code [m to n]}, {@code [*]} and
 * {@code **}. A syntax error is 3143. Reading a path finds every value it names (in document
 * order); an array leg {@code [0]} on a non-array names the value itself (MySQL's auto-wrapping).
 */
public final class JsonPath {
    /** One step of a path. */
    record Leg(Kind kind, String key, int index, boolean fromLast, int toIndex, boolean toFromLast) {
    }

    enum Kind { MEMBER, MEMBER_WILDCARD, CELL, RANGE, CELL_WILDCARD, ELLIPSIS }

    final List<Leg> legs;
    private final boolean wildcards;

    private JsonPath(List<Leg> legs) {
        this.legs = legs;
        boolean w = false;
        for (Leg l : legs) {
            w |= l.kind == Kind.MEMBER_WILDCARD || l.kind == Kind.CELL_WILDCARD || l.kind == Kind.ELLIPSIS
                    || l.kind == Kind.RANGE;
        }
        this.wildcards = w;
    }

    /** Whether the path can name several values (*, ** or a range). */
    public boolean hasWildcards() {
        return wildcards;
    }

    public boolean isRoot() {
        return legs.isEmpty();
    }

    // ---- parsing ------------------------------------------------------------------------------

    public static JsonPath parse(String text) {
        Parser p = new Parser(text);
        return p.path();
    }

    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        RuntimeException fail() {
            return MySqlError.ER_INVALID_JSON_PATH.raise(Math.min(at + 1, s.length()));
        }

        void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        JsonPath path() {
            space();
            if (at >= s.length() || s.charAt(at) != '$') {
                throw fail();
            }
            at++;
            List<Leg> legs = new ArrayList<>();
            while (true) {
                space();
                if (at >= s.length()) {
                    break;
                }
                char c = s.charAt(at);
                if (c == '.') {
                    at++;
                    space();
                    if (at < s.length() && s.charAt(at) == '*') {
                        at++;
                        legs.add(new Leg(Kind.MEMBER_WILDCARD, null, 0, false, 0, false));
                    } else if (at < s.length() && s.charAt(at) == '"') {
                        legs.add(new Leg(Kind.MEMBER, quoted(), 0, false, 0, false));
                    } else {
                        int start = at;
                        while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_'
                                || s.charAt(at) == '$')) {
                            at++;
                        }
                        if (at == start || Character.isDigit(s.charAt(start))) {
                            throw fail();
                        }
                        legs.add(new Leg(Kind.MEMBER, s.substring(start, at), 0, false, 0, false));
                    }
                } else if (c == '[') {
                    at++;
                    space();
                    if (at < s.length() && s.charAt(at) == '*') {
                        at++;
                        legs.add(new Leg(Kind.CELL_WILDCARD, null, 0, false, 0, false));
                    } else {
                        boolean[] fromLast = new boolean[1];
                        int i = index(fromLast);
                        space();
                        if (s.startsWith("to", at)) {
                            at += 2;
                            space();
                            boolean[] toLast = new boolean[1];
                            int j = index(toLast);
                            legs.add(new Leg(Kind.RANGE, null, i, fromLast[0], j, toLast[0]));
                        } else {
                            legs.add(new Leg(Kind.CELL, null, i, fromLast[0], 0, false));
                        }
                    }
                    space();
                    if (at >= s.length() || s.charAt(at) != ']') {
                        throw fail();
                    }
                    at++;
                } else if (c == '*' && at + 1 < s.length() && s.charAt(at + 1) == '*') {
                    at += 2;
                    space();
                    if (at >= s.length() || (s.charAt(at) != '.' && s.charAt(at) != '[')) {
                        throw fail(); // ** must be followed by a leg
                    }
                    legs.add(new Leg(Kind.ELLIPSIS, null, 0, false, 0, false));
                } else {
                    throw fail();
                }
            }
            return new JsonPath(List.copyOf(legs));
        }

        int index(boolean[] fromLast) {
            if (s.startsWith("last", at)) {
                at += 4;
                fromLast[0] = true;
                space();
                if (at < s.length() && s.charAt(at) == '-') {
                    at++;
                    space();
                    return number();
                }
                return 0;
            }
            return number();
        }

        int number() {
            int start = at;
            while (at < s.length() && Character.isDigit(s.charAt(at))) {
                at++;
            }
            if (at == start) {
                throw fail();
            }
            try {
                return Integer.parseInt(s.substring(start, at));
            } catch (NumberFormatException e) {
                throw fail();
            }
        }

        String quoted() {
            int start = at;
            at++;
            StringBuilder sb = new StringBuilder();
            while (at < s.length() && s.charAt(at) != '"') {
                char c = s.charAt(at++);
                if (c == '\\' && at < s.length()) {
                    c = s.charAt(at++);
                }
                sb.append(c);
            }
            if (at >= s.length()) {
                at = start;
                throw fail();
            }
            at++;
            return sb.toString();
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Every value the path names in {@code doc}, in document order, without duplicates of one node. */
    public List<Object> find(Object doc) {
        List<Object> out = new ArrayList<>();
        walk(doc, 0, out);
        if (legs.stream().filter(l -> l.kind == Kind.ELLIPSIS).count() > 0) {
            // ** can reach one node along several routes; keep each node once.
            List<Object> unique = new ArrayList<>();
            for (Object o : out) {
                boolean seen = false;
                for (Object u : unique) {
                    seen |= u == o;
                }
                if (!seen) {
                    unique.add(o);
                }
            }
            return unique;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void walk(Object v, int leg, List<Object> out) {
        if (leg == legs.size()) {
            out.add(v);
            return;
        }
        Leg l = legs.get(leg);
        switch (l.kind) {
            case MEMBER -> {
                if (v instanceof Map<?, ?> m && m.containsKey(l.key)) {
                    walk(m.get(l.key), leg + 1, out);
                }
            }
            case MEMBER_WILDCARD -> {
                if (v instanceof Map<?, ?> m) {
                    for (Object child : m.values()) {
                        walk(child, leg + 1, out);
                    }
                }
            }
            case CELL -> {
                List<Object> a = v instanceof List<?> list ? (List<Object>) list : List.of(v);
                int i = l.fromLast ? a.size() - 1 - l.index : l.index;
                if (i >= 0 && i < a.size()) {
                    walk(a.get(i), leg + 1, out);
                }
            }
            case RANGE -> {
                List<Object> a = v instanceof List<?> list ? (List<Object>) list : List.of(v);
                int from = l.fromLast ? a.size() - 1 - l.index : l.index;
                int to = l.toFromLast ? a.size() - 1 - l.toIndex : l.toIndex;
                for (int i = Math.max(0, from); i <= Math.min(to, a.size() - 1); i++) {
                    walk(a.get(i), leg + 1, out);
                }
            }
            case CELL_WILDCARD -> {
                if (v instanceof List<?> list) {
                    for (Object child : list) {
                        walk(child, leg + 1, out);
                    }
                }
            }
            case ELLIPSIS -> {
                walk(v, leg + 1, out);
                if (v instanceof Map<?, ?> m) {
                    for (Object child : m.values()) {
                        walk(child, leg, out);
                    }
                } else if (v instanceof List<?> list) {
                    for (Object child : list) {
                        walk(child, leg, out);
                    }
                }
            }
        }
    }

    // ---- changing -----------------------------------------------------------------------------

    /** What JSON_SET, JSON_INSERT and JSON_REPLACE may do at the path's end. */
    public enum Change { SET, INSERT, REPLACE }

    /**
     * {@code doc} with {@code value} put at this path (the path has no wildcards; the caller
     * checks): an existing value is replaced (SET, REPLACE), a missing object member or array
     * cell is added (SET, INSERT; a cell past the end is appended, and a non-array value is
     * wrapped in an array first). A path whose parent does not exist changes nothing.
     */
    @SuppressWarnings("unchecked")
    public Object change(Object doc, Object value, Change how) {
        if (legs.isEmpty()) {
            return how == Change.INSERT ? doc : value;
        }
        List<Object> parents = new ArrayList<>();
        new JsonPath(legs.subList(0, legs.size() - 1)).walk(doc, 0, parents);
        if (parents.isEmpty()) {
            return doc;
        }
        Object parent = parents.get(0);
        Leg last = legs.get(legs.size() - 1);
        if (last.kind == Kind.MEMBER) {
            if (!(parent instanceof Map<?, ?>)) {
                return doc;
            }
            Map<String, Object> m = (Map<String, Object>) parent;
            boolean exists = m.containsKey(last.key);
            if (exists ? how != Change.INSERT : how != Change.REPLACE) {
                m.put(last.key, value);
            }
            return doc;
        }
        // An array cell.
        if (parent instanceof List<?> list) {
            List<Object> a = (List<Object>) list;
            int i = last.fromLast ? a.size() - 1 - last.index : last.index;
            if (i >= 0 && i < a.size()) {
                if (how != Change.INSERT) {
                    a.set(i, value);
                }
            } else if (how != Change.REPLACE && i >= a.size()) {
                a.add(value);
            }
            return doc;
        }
        // A cell of a non-array: [0] is the value itself; a later cell wraps it in an array.
        int i = last.fromLast ? -last.index : last.index;
        Object replacement;
        if (i == 0) {
            if (how == Change.INSERT) {
                return doc;
            }
            replacement = value;
        } else if (i > 0 && how != Change.REPLACE) {
            List<Object> wrapped = new ArrayList<>();
            wrapped.add(parent);
            wrapped.add(value);
            replacement = wrapped;
        } else {
            return doc;
        }
        return replaceAt(doc, legs.subList(0, legs.size() - 1), replacement);
    }

    /** {@code doc} without the value at this path (no wildcards, not {@code $}). */
    @SuppressWarnings("unchecked")
    public Object remove(Object doc) {
        List<Object> parents = new ArrayList<>();
        new JsonPath(legs.subList(0, legs.size() - 1)).walk(doc, 0, parents);
        if (parents.isEmpty()) {
            return doc;
        }
        Object parent = parents.get(0);
        Leg last = legs.get(legs.size() - 1);
        if (last.kind == Kind.MEMBER && parent instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).remove(last.key);
        } else if (last.kind == Kind.CELL && parent instanceof List<?> list) {
            int i = last.fromLast ? list.size() - 1 - last.index : last.index;
            if (i >= 0 && i < list.size()) {
                ((List<Object>) list).remove(i);
            }
        }
        return doc;
    }

    /** {@code doc} with the value at {@code path} (member and cell legs only, the value existing) replaced. */
    @SuppressWarnings("unchecked")
    private static Object replaceAt(Object doc, List<Leg> path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        List<Object> parents = new ArrayList<>();
        new JsonPath(path.subList(0, path.size() - 1)).walk(doc, 0, parents);
        Object parent = parents.get(0);
        Leg last = path.get(path.size() - 1);
        if (last.kind == Kind.MEMBER) {
            ((Map<String, Object>) parent).put(last.key, replacement);
            return doc;
        }
        if (parent instanceof List<?> list) {
            int i = last.fromLast ? list.size() - 1 - last.index : last.index;
            ((List<Object>) list).set(i, replacement);
            return doc;
        }
        return replaceAt(doc, path.subList(0, path.size() - 1), replacement); // [0] of a non-array: itself
    }
}
