package io.flushdb.driver.engine;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.vars.StartupVariables;
import io.flushdb.sql.vars.SystemVariable;
import io.flushdb.sql.vars.SystemVariables;
import io.flushdb.sql.vars.VariableValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The system variables one connection URL sets, by their MySQL names (any variable with a GLOBAL
 * value: startup-only ones such as {@code innodb_buffer_pool_size}, and dynamic ones such as
 * {@code innodb_io_capacity}, whose URL value is where they start). They apply when the engine
 * opens, over {@code flushdb.cnf} and the persisted settings; a connection to an engine already
 * open must agree with it on the startup-only ones (a dynamic one may have been changed since by
 * SET GLOBAL, so it is not compared).
 *
 * <p>Values are checked when the URL is parsed: MySQL's option syntax, with K/M/G suffixes for
 * whole numbers.
 *
 * <p>Immutable.
 */
public final class StartupSettings {
    /** No settings named. */
    public static final StartupSettings NONE = new StartupSettings(Map.of(), Map.of());

    /** Canonical name → text as given. */
    private final Map<String, String> text;
    /** Canonical name → checked value. */
    private final Map<String, Object> values;

    private StartupSettings(Map<String, String> text, Map<String, Object> values) {
        this.text = Collections.unmodifiableMap(text);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Settings with the given values, each checked.
     *
     * @throws IllegalArgumentException for a name that is no settable variable or a bad value
     */
    public static StartupSettings of(Map<String, String> settings) {
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            SystemVariable v = StartupVariables.settable(e.getKey(), "connection property");
            values.put(v.name(), VariableValues.fromOption(v, e.getValue()));
            text.put(v.name(), e.getValue());
        }
        return new StartupSettings(text, values);
    }

    /** Whether {@code name} is a variable a URL may set. */
    public static boolean isVariable(String name) {
        try {
            StartupVariables.settable(name, "");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The settings as text, name → value, for {@link SqlEngine#open}. */
    public Map<String, String> text() {
        return text;
    }

    /** Checked values by canonical name. */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * The startup-only settings that differ from what {@code engine} runs with, each described as
     * "name=asked (open engine: actual)"; empty when the connection can share the engine.
     */
    public List<String> differencesFrom(SqlEngine engine) {
        List<String> out = new ArrayList<>();
        values.forEach((name, value) -> {
            SystemVariable v = SystemVariables.find(name);
            if (v.dynamic()) {
                return;
            }
            Object actual = engine.globals().get(v);
            if (!Objects.equals(actual, value)) {
                out.add(name + "=" + VariableValues.show(v, value) + " (open engine: " + VariableValues.show(v, actual)
                        + ")");
            }
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StartupSettings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
