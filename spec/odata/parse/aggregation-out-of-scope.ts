/**
 * OASIS Data Aggregation ABNF test cases that the aggregation conformance spec
 * (aggregation-conformance.spec.ts) does not expect the query parser to pass, each with the reason. A
 * case is its Name, plus Input where other cases share the Name. Pure data.
 *
 * Reasons, for positive cases (valid syntax we reject with a 400 naming the position):
 *   aggregate-function  `Nav/aggregate(…)` inside $filter or $compute expressions
 *   annotation          annotation paths in aggregates (Price/@Measures.ISOCurrency)
 *   cast                type casts (Self.DigitalProduct) and custom aggregation methods (Custom.discount)
 *   custom-aggregate    custom aggregates (a bare `Forecast` declared by the model as Aggregation.CustomAggregate)
 *   from                `… with sum from Time with average`: aggregation controlled by dimensions
 *   hierarchy           rolluprecursive, traverse, ancestors/descendants transformations (recursive hierarchies)
 *   key-segment         key predicates inside aggregate paths (Product/SalesPlan('2015')/…)
 *   root                $root paths in expressions
 *   these               `$these/aggregate(…)`: the aggregate of the current input set
 * and for negative cases (the ABNF forbids them by the model's shape or a transformation's arguments):
 *   semantic            our parser accepts the syntax and the planner rejects it against our model with a
 *                       400 (a property without `with`, a collection in groupby, an unsupported
 *                       transformation such as addnested/nest/join named in the message)
 */
import type { CaseRef } from './abnf-out-of-scope';

export const AGGREGATION_OUT_OF_SCOPE: readonly CaseRef[] = [
  { name: "aggregate - forbidden arithmetic on collection", reason: 'semantic' },
  { name: "aggregate - functional expression", reason: 'cast' },
  { name: "aggregate - functional expression on entity", reason: 'cast' },
  { name: "aggregate - property requires method", reason: 'semantic' },
  { name: "aggregate - aggregate annotations", reason: 'annotation' },
  { name: "aggregate - custom aggregation method with type cast", reason: 'cast' },
  { name: "aggregate - type cast after single-valued segment", reason: 'cast' },
  { name: "aggregate - custom aggregation method with only type cast", reason: 'cast' },
  { name: "aggregate - from", reason: 'from' },
  { name: "aggregate - from twice", reason: 'from' },
  { name: "aggregate - from twice in one step", reason: 'from' },
  { name: "aggregate - property from requires with 1", reason: 'semantic' },
  { name: "aggregate - $count from", reason: 'from' },
  { name: "aggregate - custom aggregate reached via path", reason: 'custom-aggregate' },
  { name: "aggregate - custom aggregate reached via type cast", reason: 'cast' },
  { name: "aggregate - custom aggregate reached via type cast only", reason: 'cast' },
  { name: "aggregate - custom aggregate and from", reason: 'from' },
  { name: "aggregate - custom aggregate and from multiple", reason: 'from' },
  { name: "aggregate - custom aggregate and multiple from with", reason: 'from' },
  { name: "aggregate - custom aggregate, with, custom aggregate again", reason: 'from' },
  { name: "aggregate - path with key segment", reason: 'key-segment' },
  { name: "aggregate - $count with type cast", input: "$apply=aggregate(Products/Self.DigitalProduct/$count as Stuff)", reason: 'cast' },
  { name: "aggregate - $count with type cast", input: "$apply=aggregate(Self.DigitalProduct/$count as Stuff)", reason: 'cast' },
  { name: "aggregate - $count with type-cast after single-valued property", reason: 'cast' },
  { name: "aggregate - groupby no two consecutive primitive properties", reason: 'semantic' },
  { name: "aggregate - groupby with type cast", reason: 'cast' },
  { name: "aggregate - groupby only derived property", reason: 'cast' },
  { name: "aggregate - groupby with custom aggregates calculated from aggregated instances", reason: 'aggregate-function' },
  { name: "aggregate - groupby rollup recursive hierarchy", reason: 'hierarchy' },
  { name: "aggregate - groupby rollup recursive sub-hierarchy", reason: 'hierarchy' },
  { name: "aggregate - groupby rollup recursive sub-hierarchy with filter", reason: 'hierarchy' },
  { name: "aggregate - filter on $root", reason: 'root' },
  { name: "aggregate - multi-level nest with branches", input: "$apply=addnested(Products,addnested(Sales,filter(Amount gt 3) as FilteredSales) as Stuff,addnested(Suppliers,nest(Products)))", reason: 'semantic' },
  { name: "aggregate - join with single-valued complex property", reason: 'semantic' },
  { name: "aggregate function - arithmetic expression", reason: 'aggregate-function' },
  { name: "aggregate function - $compute", reason: 'aggregate-function' },
  { name: "aggregate function - lambda operators", reason: 'aggregate-function' },
  { name: "aggregate function - function expression", reason: 'aggregate-function' },
  { name: "aggregate function - function expression on current collection", reason: 'these' },
  { name: "aggregate function - after grouping", reason: 'these' },
  { name: "aggregate function - within a group", reason: 'these' },
  { name: "aggregate function - across input set", reason: 'these' },
  { name: "aggregate function - across input set with custom aggregate", reason: 'these' },
  { name: "aggregate function - across input set with related custom aggregate", reason: 'these' },
  { name: "aggregate function - across input set with from", reason: 'these' },
  { name: "aggregate function - across input set with $count and from", reason: 'these' },
  { name: "aggregate function - across input set with $count", reason: 'these' },
  { name: "aggregate function - within a group - ...", reason: 'these' },
  { name: "aggregate function - in $compute option", reason: 'these' },
  { name: "aggregate function - in $compute option with custom aggregate", reason: 'these' },
  { name: "aggregate function - within filter after navigation property", reason: 'aggregate-function' },
  { name: "aggregate function - aggregate within any", reason: 'aggregate-function' },
  { name: "aggregate function - countdistinct with navigation property", reason: 'these' },
  { name: "hierarchy transformations - ancestors with forbidden node property path", reason: 'semantic' },
  { name: "hierarchy transformations - ancestors with forbidden fifth parameter", reason: 'semantic' },
  { name: "aggregation methods - collection-valued navigation property", reason: 'semantic' },
  { name: "custom aggregate", reason: 'custom-aggregate' },
  { name: "custom aggregate reached via path", reason: 'custom-aggregate' },
  { name: "controlling aggregation - from", reason: 'from' },
  { name: "controlling aggregation - rollup and from", reason: 'from' },
  { name: "transformation sequences - pre- and post-filter", reason: 'custom-aggregate' },
  { name: "transformation sequences - aggregation along hierarchy", reason: 'hierarchy' },
  { name: "two hierarchies in one transformation sequence", reason: 'hierarchy' },
  { name: "two hierarchies in one transformation sequence - alternative", reason: 'hierarchy' },
  { name: "multi-parent hierarchy with weighted edges (ns.SalesOrganization@Aggregation.RecursiveHierarchy#SalesOrgHierarchy/ParentPropertyPath = Edges/Parent)", reason: 'hierarchy' },
  { name: "aggregation with 1:n hierarchy assignment", reason: 'hierarchy' },
  { name: "traverserecursive", reason: 'hierarchy' },
  { name: "restricted hierarchical measure", reason: 'hierarchy' },
];

/**
 * Negative cases the parser rejects, but at another position than the ABNF tool: their fault lies in
 * syntax we do not parse at all (`from`, casts, annotations), so we stop at its start or at the first
 * construct we do not know.
 */
export const AGGREGATION_POSITION_DIFFERS: readonly CaseRef[] = [
  { name: 'aggregate - no expression after path - this feature from CS02 has been removed', reason: 'path-arguments' },
  { name: 'aggregate - from requires as', reason: 'from' },
  { name: 'aggregate - property from requires with 2', reason: 'from' },
  { name: 'aggregate - custom aggregate and multiple from, missing alias', reason: 'from' },
  { name: 'aggregate - groupby annotations', reason: 'annotation' },
  { name: 'aggregate - groupby final type cast', reason: 'cast' },
  { name: 'aggregate function - prefix required', reason: 'aggregate-function' },
];
