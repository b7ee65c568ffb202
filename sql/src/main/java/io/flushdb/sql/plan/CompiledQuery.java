package io.flushdb.sql.plan;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.session.Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;

/**
 * A query planned and compiled to Java once, for every later execution: the generated code
 * ({@link #bindable()}), the objects it reads from its context ({@link #stash()}), the types of
 * its parameters, the metadata of its result, and the tables it reads (to lock them).
 *
 * <p>Concurrency: immutable; shared by every session through the plan cache.
 *
 * @param bindable      generated code; {@code bind(context)} runs it
 * @param stash         objects the generated code fetches from the context by name
 * @param rowType       the Calcite type of each output row
 * @param columns       MySQL metadata of each output column
 * @param paramTypes    Calcite types of the parameters: the user's, then the hidden ones
 * @param userParams    number of user parameters
 * @param hidden        session values bound after the user's parameters
 * @param tables        tables the query reads
 * @param physicalPlan  the optimised plan (for EXPLAIN)
 * @param recursive     recursive CTEs to materialise, in order, before the plan runs
 */
public record CompiledQuery(Bindable<?> bindable, Map<String, Object> stash, RelDataType rowType,
                            List<ColumnMeta> columns, List<RelDataType> paramTypes, int userParams,
                            List<HiddenParam> hidden, Set<Names.TableName> tables, RelNode physicalPlan,
                            List<RecursiveCte.Compiled> recursive) {

    /** Whether the query reads the statement's start time (NOW() and the like). */
    public boolean readsNow() {
        for (RecursiveCte.Compiled r : recursive) {
            if (r.anchor().readsNow() || r.recursive().stream().anyMatch(CompiledQuery::readsNow)) {
                return true;
            }
        }
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i).kind() == HiddenParam.Kind.NOW) {
                return true;
            }
        }
        return false;
    }
}
