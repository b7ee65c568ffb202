package io.flushdb.sql.plan.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * FlushDB's planner rules, registered with Calcite's default ones. One rule per file; each constant
 * says what it matches and what it produces.
 */
public final class PlanRules {
    private PlanRules() {
    }

    /**
     * Planner rule that matches a filter on a full table scan and produces an index scan on the
     * best index prefix the filter's equalities and ranges allow.
     */
    public static final RelOptRule FILTER_INDEX_PREFIX_TO_RANGE_SCAN = FilterIndexPrefixToRangeScanRule.INSTANCE;

    /** Every FlushDB rule. */
    public static final List<RelOptRule> ALL = List.of(FILTER_INDEX_PREFIX_TO_RANGE_SCAN);
}
