package io.flushdb.sql.plan.rel;

import io.flushdb.sql.types.CalciteValues;
import java.time.ZoneId;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One value of an index scan's search key: a constant known when the plan was made, or a
 * parameter read from the execution's context (so one cached plan serves every binding).
 *
 * @param constant the canonical constant (when {@code param < 0})
 * @param param    the dynamic parameter's index, or -1
 * @param type     the parameter's Calcite type (to read its value back to canonical form)
 */
public record KeyBound(Object constant, int param, RelDataType type) {

    public static KeyBound constant(Object canonical) {
        return new KeyBound(canonical, -1, null);
    }

    public static KeyBound param(int index, RelDataType type) {
        return new KeyBound(null, index, type);
    }

    /** The canonical value for this execution. */
    public Object value(DataContext root, ZoneId zone) {
        if (param < 0) {
            return constant;
        }
        return CalciteValues.toCanonical(type, root.get("?" + param));
    }

    @Override
    public String toString() {
        return param < 0 ? String.valueOf(constant) : "?" + param;
    }
}
