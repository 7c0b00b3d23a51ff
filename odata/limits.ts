/**
 * The limits every request is held to, in one settings object (ASP.NET Core OData's idea). Values come
 * from server/config.ts; the planner enforces them and answers 400 when one is exceeded. Pure types.
 */

export interface Limits {
  /** Entities per response page: the seeds' cap is 1000; can be configured lower, never higher. */
  readonly maxPageSize: number;
  /** Largest $top accepted. */
  readonly maxTop: number;
  /** Largest $skip accepted. */
  readonly maxSkip: number;
  /** Nodes in a $filter tree (operators, literals, members, calls). */
  readonly maxFilterNodes: number;
  /** Keys in $orderby. */
  readonly maxOrderByKeys: number;
  /** Length of the request URL in characters. */
  readonly maxUrlLength: number;
  /** Items in an `in (…)` list. */
  readonly maxInListItems: number;
  /** Nesting of `$expand`, counting each level a `$levels` expands (`$levels=max` expands this deep). */
  readonly maxExpandDepth: number;
  /**
   * Entities one response may carry at most, nested ones included (the cost model's cap, odata/plan/cost.ts):
   * a larger page is shrunk to fit, a single entity that could carry more is a 400.
   */
  readonly maxResponseEntities: number;
  /** A read whose cost weight is above this is "expensive": it counts against the per-caller and pool limits. */
  readonly expensiveReadWeight: number;
  /** Statement timeout for reads that match regular expressions (matchesPattern), in milliseconds; 0: the ordinary one. */
  readonly regexStatementTimeoutMs: number;
  /** Statement timeout for reads, in milliseconds (PostgreSQL only; PGlite is single-threaded). */
  readonly statementTimeoutMs: number;
}
