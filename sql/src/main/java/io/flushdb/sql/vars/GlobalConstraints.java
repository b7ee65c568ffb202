package io.flushdb.sql.vars;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.SqlWarning;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The rules InnoDB keeps between pairs of GLOBAL variables when one of them is set, with MySQL's
 * warnings (1210): io_capacity above io_capacity_max raises the maximum to twice the new value;
 * io_capacity_max below io_capacity lowers io_capacity to it; the dirty-page low-water mark is
 * capped at the maximum; a maximum below the low-water mark lowers the mark. The checks see the
 * changes made earlier in the same SET. {@link #atStartup} applies InnoDB's startup form of the same
 * rules to the values an engine opens with.
 */
final class GlobalConstraints {
    private GlobalConstraints() {
    }

    /**
     * The value {@code v} will take; {@code partner} receives a change the rule makes to the other
     * variable of the pair.
     */
    static Object adjust(SystemVariable v, Object value, GlobalVariables globals, List<GlobalVariables.Change> earlier,
                         List<SqlWarning> warnings, Consumer<GlobalVariables.Change> partner) {
        if (v == SystemVariables.INNODB_IO_CAPACITY) {
            long in = (Long) value;
            long max = (Long) current(SystemVariables.INNODB_IO_CAPACITY_MAX, globals, earlier);
            if (in > max) {
                long raised = in > Long.MAX_VALUE / 2 ? in : in * 2;
                warnings.add(warning("Setting innodb_io_capacity to " + in + " higher than innodb_io_capacity_max "
                        + max));
                warnings.add(warning("Setting innodb_max_io_capacity to " + raised));
                partner.accept(new GlobalVariables.Change(SystemVariables.INNODB_IO_CAPACITY_MAX, raised, true, false));
            }
        } else if (v == SystemVariables.INNODB_IO_CAPACITY_MAX) {
            long in = (Long) value;
            long cap = (Long) current(SystemVariables.INNODB_IO_CAPACITY, globals, earlier);
            if (in < cap) {
                warnings.add(warning("innodb_io_capacity_max " + in + " lower than innodb_io_capacity " + cap + "."));
                warnings.add(warning("Setting innodb_io_capacity to " + in));
                partner.accept(new GlobalVariables.Change(SystemVariables.INNODB_IO_CAPACITY, in, true, false));
            }
        } else if (v == SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT_LWM) {
            double max = (Double) current(SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT, globals, earlier);
            if ((Double) value > max) {
                warnings.add(warning("innodb_max_dirty_pages_pct_lwm cannot be set higher than "
                        + "innodb_max_dirty_pages_pct."));
                warnings.add(warning("Setting innodb_max_dirty_page_pct_lwm to " + fixed(max)));
                return max;
            }
        } else if (v == SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT) {
            double in = (Double) value;
            double lwm = (Double) current(SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT_LWM, globals, earlier);
            if (in < lwm) {
                warnings.add(warning("innodb_max_dirty_pages_pct cannot be set lower than "
                        + "innodb_max_dirty_pages_pct_lwm."));
                warnings.add(warning("Lowering innodb_max_dirty_page_pct_lwm to " + fixed(in)));
                partner.accept(new GlobalVariables.Change(SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT_LWM, in, true,
                        false));
            }
        }
        return value;
    }

    /**
     * InnoDB's startup rules for the same pairs ({@code innodb_init_params}), applied to the GLOBAL
     * values an engine opens with, so that the engine actions get them in order (GV1): a dirty-page
     * low-water mark above the maximum is lowered to it; {@code innodb_io_capacity_max}, when no
     * source gave it, is twice {@code innodb_io_capacity} or 2000, whichever is larger (the largest
     * value when twice would overflow); given below {@code innodb_io_capacity}, it lowers
     * {@code innodb_io_capacity} to it. Each correction is reported to {@code messages}.
     *
     * @param values the starting values, changed in place
     * @param given  whether a startup source (option file, persisted file, URL) gave a variable
     */
    static void atStartup(Map<SystemVariable, Object> values, Predicate<SystemVariable> given,
                          Consumer<String> messages) {
        double max = (Double) values.get(SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT);
        if ((Double) values.get(SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT_LWM) > max) {
            messages.accept("FlushDB: innodb_max_dirty_pages_pct_lwm cannot be set higher than "
                    + "innodb_max_dirty_pages_pct. Setting innodb_max_dirty_page_pct_lwm to " + fixed(max));
            values.put(SystemVariables.INNODB_MAX_DIRTY_PAGES_PCT_LWM, max);
        }
        long cap = (Long) values.get(SystemVariables.INNODB_IO_CAPACITY);
        if (!given.test(SystemVariables.INNODB_IO_CAPACITY_MAX)) {
            long derived = cap >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : Math.max(2 * cap, 2000);
            values.put(SystemVariables.INNODB_IO_CAPACITY_MAX, derived);
        } else {
            long capMax = (Long) values.get(SystemVariables.INNODB_IO_CAPACITY_MAX);
            if (capMax < cap) {
                messages.accept("FlushDB: innodb_io_capacity cannot be set higher than innodb_io_capacity_max. "
                        + "Setting innodb_io_capacity to " + capMax);
                values.put(SystemVariables.INNODB_IO_CAPACITY, capMax);
            }
        }
    }

    private static String fixed(double d) {
        return String.format(Locale.ROOT, "%f", d);
    }

    private static Object current(SystemVariable v, GlobalVariables globals, List<GlobalVariables.Change> earlier) {
        Object value = globals.get(v);
        for (GlobalVariables.Change c : earlier) {
            if (c.variable() == v) {
                value = c.value();
            }
        }
        return value;
    }

    private static SqlWarning warning(String message) {
        return new SqlWarning("Warning", MySqlError.ER_WRONG_ARGUMENTS.code, message);
    }
}
