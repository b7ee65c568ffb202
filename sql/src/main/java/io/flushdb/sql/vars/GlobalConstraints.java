package io.flushdb.sql.vars;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.SqlWarning;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The rules InnoDB keeps between pairs of GLOBAL variables when one of them is set, with MySQL's
 * warnings (1210): io_capacity above io_capacity_max raises the maximum to twice the new value;
 * io_capacity_max below io_capacity lowers io_capacity to it; the dirty-page low-water mark is
 * capped at the maximum; a maximum below the low-water mark lowers the mark. The checks see the
 * changes made earlier in the same SET.
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
