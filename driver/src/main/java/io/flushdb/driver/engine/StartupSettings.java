package io.flushdb.driver.engine;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The startup settings one connection asked for: only those it named. Settings it did not name
 * take the engine's defaults when it opens the engine, and accept whatever an already open engine
 * runs with.
 *
 * <p>Immutable.
 */
public final class StartupSettings {
    /** No settings named. */
    public static final StartupSettings NONE = new StartupSettings(new EnumMap<>(StartupSetting.class));

    private final Map<StartupSetting, Long> values;

    private StartupSettings(EnumMap<StartupSetting, Long> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Settings with the given values, each checked against its range. */
    public static StartupSettings of(Map<StartupSetting, Long> values) {
        EnumMap<StartupSetting, Long> copy = new EnumMap<>(StartupSetting.class);
        for (Map.Entry<StartupSetting, Long> e : values.entrySet()) {
            copy.put(e.getKey(), e.getKey().check(e.getValue()));
        }
        return new StartupSettings(copy);
    }

    public Map<StartupSetting, Long> values() {
        return values;
    }

    /** Writes the named settings into {@code config}; returns it. */
    public EngineConfig applyTo(EngineConfig config) {
        values.forEach((setting, value) -> setting.applyTo(config, value));
        return config;
    }

    /**
     * The named settings that differ from what {@code engine} runs with, each described as
     * "name=asked (open engine: actual)"; empty when the connection can share the engine.
     */
    public List<String> differencesFrom(Engine engine) {
        List<String> out = new ArrayList<>();
        values.forEach((setting, value) -> {
            long actual = setting.inEffect(engine);
            if (actual != value) {
                out.add(setting.mysqlName() + "=" + value + " (open engine: " + actual + ")");
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
        return values.toString();
    }
}
