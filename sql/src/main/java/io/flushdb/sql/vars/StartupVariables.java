package io.flushdb.sql.vars;

import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.io.FileStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values variables start with when an engine opens, from three sources in rising precedence:
 * {@code flushdb.cnf} in the data directory, {@code flushdb-auto.cnf} (what SET PERSIST wrote),
 * and the connection URL. A variable none of them names keeps its default. Unknown names and bad
 * values are errors naming their source (an option written {@code loose-name} is skipped when
 * unknown, as mysqld does).
 */
public final class StartupVariables {
    /** The option file a user writes. */
    public static final String OPTION_FILE = "flushdb.cnf";
    /** The file SET PERSIST keeps. */
    public static final String PERSISTED_FILE = "flushdb-auto.cnf";

    private final Map<SystemVariable, Object> values;
    private final Map<String, String> persisted;

    private StartupVariables(Map<SystemVariable, Object> values, Map<String, String> persisted) {
        this.values = values;
        this.persisted = persisted;
    }

    /**
     * Reads the files of {@code store} and merges {@code url} on top.
     *
     * @param url variable name → value text, as the connection URL gives them
     * @throws IllegalArgumentException for an unknown variable or a bad value, naming its source
     */
    public static StartupVariables resolve(FileStore store, Map<String, String> url) {
        Map<SystemVariable, Object> values = new LinkedHashMap<>();
        String text = OptionFile.read(store, OPTION_FILE);
        if (text != null) {
            for (OptionFile.Option o : OptionFile.parse(text, OPTION_FILE)) {
                put(values, o.name(), o.value(), o.loose(), OPTION_FILE + " line " + o.line());
            }
        }
        Map<String, String> persisted = new LinkedHashMap<>();
        String auto = OptionFile.read(store, PERSISTED_FILE);
        if (auto != null) {
            for (OptionFile.Option o : OptionFile.parse(auto, PERSISTED_FILE)) {
                put(values, o.name(), o.value(), false, PERSISTED_FILE + " line " + o.line());
                persisted.put(o.name(), o.value());
            }
        }
        for (Map.Entry<String, String> e : url.entrySet()) {
            put(values, e.getKey(), e.getValue(), false, "the connection URL");
        }
        return new StartupVariables(values, persisted);
    }

    /** The variable a startup setting names; unknown, computed or session-only ones are refused. */
    public static SystemVariable settable(String name, String source) {
        SystemVariable v = SystemVariables.find(name);
        if (v == null) {
            throw new IllegalArgumentException(source + ": unknown variable '" + name + "'");
        }
        if (v.isComputed() && v.configure == null || !v.scope().hasGlobal()) {
            throw new IllegalArgumentException(source + ": variable '" + v.name() + "' cannot be set at startup");
        }
        return v;
    }

    private static void put(Map<SystemVariable, Object> values, String name, String text, boolean loose,
                            String source) {
        if (loose && SystemVariables.find(name) == null) {
            return;
        }
        SystemVariable v = settable(name, source);
        try {
            values.put(v, VariableValues.fromOption(v, text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Writes the startup-only values into {@code config} before the engine opens. */
    public void configure(EngineConfig config) {
        values.forEach((v, value) -> {
            if (v.configure != null) {
                v.configure.accept(config, value);
            }
        });
    }

    /** Every value a source gave. */
    public Map<SystemVariable, Object> values() {
        return values;
    }

    /** The persisted settings, name → option text, as flushdb-auto.cnf holds them. */
    Map<String, String> persisted() {
        return persisted;
    }
}
