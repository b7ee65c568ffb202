/**
 * FlushDB's planner rules, registered with Calcite's default and Enumerable rules by
 * {@code QueryCompiler.newPlanner}: one rule per file, each named for what it matches and what it
 * produces, collected in {@link io.flushdb.sql.plan.rules.PlanRules} with a sentence per constant.
 * Today there is one, {@code FilterIndexPrefixToRangeScanRule}: a filter on a
 * {@code BTreeTableScan} becomes the same filter on a {@code BTreeIndexScan} of the index whose key
 * the filter's equalities and ranges match best.
 *
 * <p>Owns: choosing an index and its search keys. Never touches: storage (a rule reads only table
 * definitions) or cost figures beyond the operators' own.
 *
 * <p>Threads: the compiling session's thread, inside Calcite's Volcano planner.
 *
 * <p>Invariant RULE1: a rule only narrows what a scan reads; it keeps the filter above the scan,
 * so a plan's result does not depend on which index a rule chose.
 */
package io.flushdb.sql.plan.rules;
