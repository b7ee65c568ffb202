package io.flushdb.sql.vars;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.EngineConfig;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The definition of one system variable: MySQL's name, its type and range, default, scope, whether
 * it can change at runtime, and what a change does to the engine. Definitions are immutable and
 * shared by every engine in the JVM; values live in {@link GlobalVariables} and
 * {@link SessionVariables}.
 *
 * <p>Values are held in one canonical Java type per {@link Type}: {@code Boolean}, {@code Long},
 * {@code Double} or {@code String} (ENUM and SET values in their canonical spelling); a nullable
 * STRING may hold null.
 */
public final class SystemVariable {
    /** How a value is written and checked. */
    public enum Type {
        /** ON/OFF, also 1/0 and TRUE/FALSE; SELECT @@ reads it as 1 or 0. */
        BOOLEAN,
        /** A whole number in [min, max]; option files and URLs may add K/M/G suffixes. */
        INTEGER,
        /** A decimal number in [min, max]. */
        DOUBLE,
        /** One of a fixed list of names (or its index). */
        ENUM,
        /** A comma-separated subset of a fixed list of names (sql_mode). */
        SET,
        /** Free text, checked by the variable's own rule if it has one. */
        STRING
    }

    /** Where a variable has a value (MySQL's GLOBAL / SESSION / GLOBAL and SESSION). */
    public enum Scope {
        GLOBAL, SESSION, BOTH;

        public boolean hasGlobal() {
            return this != SESSION;
        }

        public boolean hasSession() {
            return this != GLOBAL;
        }
    }

    /** Reads and writes a session value the session object itself keeps (autocommit, isolation). */
    public interface SessionBinding {
        Object get(Session session);

        void set(Session session, Object value);

        /** A binding from a getter and a setter of the session. */
        static SessionBinding of(Function<Session, Object> get, BiConsumer<Session, Object> set) {
            return new SessionBinding() {
                @Override
                public Object get(Session session) {
                    return get.apply(session);
                }

                @Override
                public void set(Session session, Object value) {
                    set.accept(session, value);
                }
            };
        }
    }

    /** An extra check of a new value beyond type and range; returns the canonical value or throws. */
    @FunctionalInterface
    public interface Check {
        Object apply(SystemVariable v, Object value);
    }

    final String name;
    final Type type;
    Scope scope = Scope.GLOBAL;
    boolean dynamic = true;
    Object defaultValue;
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    double dmin = -Double.MAX_VALUE;
    double dmax = Double.MAX_VALUE;
    List<String> names = List.of();
    boolean nullable;
    String unit = "";
    String effect = "";
    String cost = "";
    String mysqlDifference = "";
    BiConsumer<SqlEngine, Object> onGlobal;
    BiConsumer<EngineConfig, Object> configure;
    Function<SqlEngine, Object> computed;
    SessionBinding binding;
    Check check;

    private SystemVariable(String name, Type type, Object defaultValue) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    // ---- building (used by the definition lists only) ------------------------------------------

    static SystemVariable bool(String name, boolean defaultValue) {
        return new SystemVariable(name, Type.BOOLEAN, defaultValue);
    }

    static SystemVariable integer(String name, long defaultValue, long min, long max) {
        SystemVariable v = new SystemVariable(name, Type.INTEGER, defaultValue);
        v.min = min;
        v.max = max;
        return v;
    }

    static SystemVariable decimal(String name, double defaultValue, double min, double max) {
        SystemVariable v = new SystemVariable(name, Type.DOUBLE, defaultValue);
        v.dmin = min;
        v.dmax = max;
        return v;
    }

    static SystemVariable enumeration(String name, String defaultValue, String... names) {
        SystemVariable v = new SystemVariable(name, Type.ENUM, defaultValue);
        v.names = List.of(names);
        return v;
    }

    static SystemVariable set(String name, String defaultValue, String... names) {
        SystemVariable v = new SystemVariable(name, Type.SET, defaultValue);
        v.names = List.of(names);
        return v;
    }

    static SystemVariable string(String name, String defaultValue) {
        return new SystemVariable(name, Type.STRING, defaultValue);
    }

    SystemVariable scope(Scope s) {
        this.scope = s;
        return this;
    }

    SystemVariable both() {
        return scope(Scope.BOTH);
    }

    SystemVariable sessionOnly() {
        return scope(Scope.SESSION);
    }

    /** Startup-only: set by flushdb.cnf, SET PERSIST_ONLY or the URL; SET is 1238. */
    SystemVariable readOnly() {
        this.dynamic = false;
        return this;
    }

    SystemVariable nullable() {
        this.nullable = true;
        return this;
    }

    SystemVariable unit(String u) {
        this.unit = u;
        return this;
    }

    /** What the variable governs, and what raising or lowering it costs (the reference page). */
    SystemVariable doc(String effect, String cost) {
        this.effect = effect;
        this.cost = cost;
        return this;
    }

    /** Where FlushDB deliberately differs from MySQL 8.0 (scope, dynamic, range). */
    SystemVariable differs(String note) {
        this.mysqlDifference = note;
        return this;
    }

    /** The engine action a new global value drives; runs under the global variables lock. */
    SystemVariable onGlobal(BiConsumer<SqlEngine, Object> action) {
        this.onGlobal = action;
        return this;
    }

    /** Writes a startup value into the engine configuration before the engine opens. */
    SystemVariable configure(BiConsumer<EngineConfig, Object> action) {
        this.configure = action;
        return this;
    }

    /** The value is the engine's fact (version, datadir, the page size in use), not a setting. */
    SystemVariable computed(Function<SqlEngine, Object> value) {
        this.computed = value;
        return this;
    }

    SystemVariable binding(SessionBinding b) {
        this.binding = b;
        return this;
    }

    SystemVariable check(Check c) {
        this.check = c;
        return this;
    }

    // ---- reading -------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public Scope scope() {
        return scope;
    }

    public boolean dynamic() {
        return dynamic;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public String unit() {
        return unit;
    }

    public String effect() {
        return effect;
    }

    public String cost() {
        return cost;
    }

    public String mysqlDifference() {
        return mysqlDifference;
    }

    /** The allowed values as the reference page writes them. */
    public String range() {
        return switch (type) {
            case BOOLEAN -> "ON, OFF";
            case INTEGER -> min + " .. " + (max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max));
            case DOUBLE -> VariableValues.formatDouble(dmin) + " .. " + VariableValues.formatDouble(dmax);
            case ENUM -> String.join(", ", names);
            case SET -> "any of " + String.join(", ", names);
            case STRING -> computed != null ? "(reported by the engine)" : "text";
        };
    }

    /** Whether the value comes from the engine rather than a setting. */
    public boolean isComputed() {
        return computed != null;
    }

    boolean nameIs(String other) {
        return name.equals(other.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
