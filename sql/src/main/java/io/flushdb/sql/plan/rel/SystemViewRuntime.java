package io.flushdb.sql.plan.rel;

import io.flushdb.sql.infoschema.InfoSchemaContext;
import io.flushdb.sql.infoschema.InfoSchemaTable;
import io.flushdb.sql.plan.QueryContext;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.CalciteValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;

/**
 * What generated code calls to read an information_schema table: runs the table's row function
 * for the session executing the plan (found in the plan's {@link DataContext}) and converts the
 * fields the plan reads to Calcite's values.
 *
 * <p>Concurrency: immutable and shared by every execution of a cached plan. Each call to
 * {@link #scan} reads the rows once, on first enumeration, and serves later enumerations of the
 * same execution (the inner side of a join) from them, so one statement sees one set of rows.
 */
public final class SystemViewRuntime {
    private final InfoSchemaTable table;
    private final int[] fields;
    private final List<RelDataType> types;

    SystemViewRuntime(InfoSchemaTable table, int[] fields, List<RelDataType> types) {
        this.table = table;
        this.fields = fields;
        this.types = List.copyOf(types);
    }

    /** The rows, read when first enumerated. Called by generated code. */
    public Enumerable<Object[]> scan(DataContext root) {
        Session session = QueryContext.session(root);
        ZoneId zone = ScanRuntime.zoneOf(root);
        return new AbstractEnumerable<>() {
            private List<Object[]> rows;

            @Override
            public Enumerator<Object[]> enumerator() {
                if (rows == null) {
                    rows = read(session, zone);
                }
                return Linq4j.enumerator(rows);
            }
        };
    }

    /** The rows of a one-field scan, as bare values. Called by generated code. */
    public Enumerable<Object> scanValues(DataContext root) {
        return scan(root).select(row -> row[0]);
    }

    private List<Object[]> read(Session session, ZoneId zone) {
        int width = table.columns().size();
        boolean[] reads = new boolean[width];
        for (int f : fields) {
            reads[f] = true;
        }
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : table.rows().rows(new InfoSchemaContext(session, zone, reads))) {
            if (row.length != width) {
                throw new IllegalStateException("information_schema." + table.name() + ": a row of " + row.length
                        + " values for " + width + " columns"); // IS1
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = CalciteValues.toCalcite(types.get(i), row[fields[i]], zone);
            }
            out.add(values);
        }
        return out;
    }
}
