/**
 * Planner for `$apply` (OData Data Aggregation 4.0) and `$compute` (4.01, a compute(…) after $apply): the parsed transformations → ApplyPlan, a chain of
 * SELECT levels that server/db/compile-apply.ts nests into ONE statement. Level 0 reads the entity set
 * (the caller's company and visibility are added by the compiler); a groupby/aggregate closes a level,
 * and what follows reads that level's output as a derived set (a synthetic EntitySetDef whose properties
 * are the grouped paths and aliases). $filter, $orderby, $top, $skip and $count then apply to the last
 * level. Pure: no I/O, no SQL.
 *   Users?$apply=groupby((Department),aggregate($count as N))&$filter=N gt 5
 *     |-- levels [{ input: Users, groupBy: [Department], aggregates: [N = count(*)] }, { input: (Department, N), where: [N gt 5] }]
 */
import { queryFingerprint } from './fingerprint';
import { ODataError } from '../errors';
import type { Limits } from '../limits';
import { keyProperty, type EdmPrimitive, type EntitySetDef, type PropertyDef } from '../model';
import type { AggregateItem, ApplyTransformation, Expr, QueryOptions } from '../parse/ast';
import { isNumeric } from './canonical-functions';
import { planBoolean, planExpr, type ExprContext } from './plan-expr';
import type { OrderKey } from './read-plan';
import { defaultFilterOverridden, withDefaultFilter } from './default-filter';
import { decodeSkipToken } from './skiptoken';
import type { ExprType, TypedExpr } from './typed-expr';

export type AggregateMethod = 'sum' | 'min' | 'max' | 'average' | 'countdistinct' | 'count' | 'countnav';

/** One aggregate of a level: `Salary with sum as Total` → { name: 'Total', method: 'sum', expr: Column Salary, type: Edm.Decimal }. */
export interface PlannedAggregate {
  readonly name: string;
  readonly method: AggregateMethod;
  /** The aggregated value; none for `$count`. For 'countnav' the per-row count of the navigation. */
  readonly expr?: TypedExpr;
  readonly type: EdmPrimitive;
}

/** A SELECT over the level before (or the entity set): filtered, then grouped or extended, then ordered and cut. */
export interface ApplyLevel {
  /** What this level reads: the entity set (level 0) or the output of the level before. */
  readonly input: EntitySetDef;
  readonly where: readonly TypedExpr[];
  /** Set when this level groups (groupby, or aggregate: an empty list). */
  readonly groupBy?: readonly { readonly name: string; readonly expr: TypedExpr }[];
  readonly aggregates: readonly PlannedAggregate[];
  /** compute(…): columns added to the input's, each named by its alias. */
  readonly computes: readonly { readonly name: string; readonly expr: TypedExpr }[];
  readonly orderBy: readonly OrderKey[];
  readonly limit?: number;
  readonly offset: number;
  /** The columns this level yields, as a set later levels and the response read. */
  readonly output: EntitySetDef;
}

export interface ApplyPlan {
  readonly set: EntitySetDef;
  readonly levels: readonly ApplyLevel[];
  /** Whether any level grouped: the response then carries no etags and names its properties in the context URL. */
  readonly aggregated: boolean;
  /** The response's properties, in order (paths like `OrganizationTeamHierarchy/Name` are nested objects). */
  readonly columns: readonly PropertyDef[];
  readonly count: boolean;
  /** Rows per page, and the rows still wanted in total ($top) if given. */
  readonly pageSize: number;
  readonly top?: number;
  /** Rows of the result before this page: $skip, or on a later page the offset its $skiptoken carries (nextLinks drop $skip). */
  readonly offset: number;
  readonly fingerprint: string;
}

export interface ApplyRequest {
  readonly options: QueryOptions;
  readonly limits: Limits;
  readonly preferredPageSize?: number;
  readonly skipTokenSecret: string;
  /** Custom query parameters: `inactive=true` turns the set's default filter off (EntitySetDef.defaultFilter). */
  readonly parameters?: Readonly<Record<string, readonly string[]>>;
}

const OPTION = '$apply';

/** The transformations this planner implements (declared in $metadata as Aggregation.ApplySupported); others are refused by name. */
export const APPLY_TRANSFORMATIONS = ['aggregate', 'groupby', 'filter', 'compute', 'orderby', 'top', 'skip', 'identity'] as const;

function refuse(message: string, code: 'InvalidQueryOption' | 'UnsupportedQueryOption' = 'InvalidQueryOption'): ODataError {
  return new ODataError(code, `${OPTION}: ${message}`, OPTION);
}

/** A derived set: `derivedSet(Users, [Department, N])` reads columns named as the properties; no navigations unless kept. */
function derivedSet(from: EntitySetDef, properties: readonly PropertyDef[], keepNavigations: boolean): EntitySetDef {
  return { ...from, properties, navigations: keepNavigations ? from.navigations : [], alternateKeys: [], key: properties.some((p) => p.name === from.key) ? from.key : '' };
}

/** The property a grouped path or alias becomes: its column is its name (what the level's SELECT calls it). */
function outputProperty(name: string, type: ExprType, nullable: boolean, option = OPTION): PropertyDef {
  if (type === 'Null' || type === 'Edm.Duration') throw new ODataError('TypeMismatch', `${option}: ${name} would be of type ${type === 'Null' ? 'null' : type}, which a result cannot carry`, option);
  return { name, column: name, type, nullable };
}

/** Rewrites paths that name a grouped path of a derived set (`OrganizationTeamHierarchy/Name`) to that one name. */
function joinGroupedPaths(node: Expr, set: EntitySetDef): Expr {
  const names = new Set(set.properties.filter((p) => p.name.includes('/')).map((p) => p.name));
  if (names.size === 0) return node;
  const walk = (n: Expr): Expr => {
    switch (n.kind) {
      case 'Member':
        return names.has(n.path.join('/')) ? { ...n, path: [n.path.join('/')] } : n;
      case 'Binary':
        return { ...n, left: walk(n.left), right: walk(n.right) };
      case 'Not':
      case 'Negate':
        return { ...n, operand: walk(n.operand) };
      case 'In':
        return { ...n, left: walk(n.left), list: n.list.map(walk) };
      case 'Call':
        return { ...n, args: n.args.map(walk) };
      default:
        return n;
    }
  };
  return walk(node);
}

class Planner {
  readonly levels: ApplyLevel[] = [];
  private current: { -readonly [K in keyof ApplyLevel]: ApplyLevel[K] };
  aggregated = false;

  constructor(
    private readonly base: EntitySetDef,
    private readonly limits: Limits,
  ) {
    const properties = base.properties.filter((p) => p.column !== '');
    this.current = this.fresh(base, derivedSet(base, properties, true));
  }

  private fresh(input: EntitySetDef, output: EntitySetDef) {
    return { input, where: [], aggregates: [], computes: [], orderBy: [], offset: 0, output };
  }

  /** Closes the current level: what follows reads its output. */
  private wrap(): void {
    this.levels.push(this.current);
    const output = this.current.output;
    this.current = this.fresh(output, output);
  }

  context(option = OPTION): ExprContext {
    return { option, root: { name: '$it', set: this.current.input }, variables: [], counter: { nodes: 0 }, maxNodes: this.limits.maxFilterNodes, maxInListItems: this.limits.maxInListItems };
  }

  /** Plans an expression over what the current level reads. */
  expr(node: Expr, option = OPTION): TypedExpr {
    return planExpr(joinGroupedPaths(node, this.current.input), this.context(option));
  }

  private get closed(): boolean {
    const c = this.current;
    return c.groupBy !== undefined || c.computes.length > 0 || c.orderBy.length > 0 || c.limit !== undefined || c.offset > 0;
  }

  filter(node: Expr, option = OPTION): void {
    if (this.closed) this.wrap();
    this.current.where = [...this.current.where, planBoolean(joinGroupedPaths(node, this.current.input), this.context(option), option === OPTION ? 'filter' : option)];
  }

  compute(items: readonly { expr: Expr; alias: string }[], option = OPTION): void {
    const c = this.current;
    if (c.groupBy !== undefined || c.orderBy.length > 0 || c.limit !== undefined || c.offset > 0) this.wrap();
    const computes = items.map(({ expr, alias }) => {
      this.checkAlias(alias, [...this.current.output.properties.map((p) => p.name), ...this.current.computes.map((x) => x.name)], option);
      const planned = this.expr(expr, option);
      return { name: alias, expr: planned, prop: outputProperty(alias, planned.type, planned.nullable, option) };
    });
    this.current.computes = [...this.current.computes, ...computes.map(({ name, expr }) => ({ name, expr }))];
    this.current.output = derivedSet(this.current.input, [...this.current.output.properties, ...computes.map((x) => x.prop)], this.current.input.navigations.length > 0);
  }

  group(paths: readonly { path: readonly string[]; rollup?: boolean }[], aggregates: readonly AggregateItem[]): void {
    if (this.closed) this.wrap();
    const groupBy = paths.map(({ path, rollup }) => {
      if (rollup) throw refuse('rollup is not supported; group by the levels you need: groupby((A,B),…)', 'UnsupportedQueryOption');
      const name = path.join('/');
      const expr = this.expr({ kind: 'Member', path, pos: 0 });
      if (expr.type === 'Null') throw refuse(`cannot group by ${name}`);
      return { name, expr };
    });
    const names: string[] = groupBy.map((g) => g.name);
    const unique = new Set(names);
    if (unique.size !== names.length) throw refuse(`groupby names a property twice`);
    const planned = aggregates.map((item) => {
      this.checkAlias(item.alias, [...names, ...this.current.input.properties.map((p) => p.name)]);
      names.push(item.alias);
      return this.aggregate(item);
    });
    const properties = [
      ...groupBy.map((g) => outputProperty(g.name, g.expr.type, g.expr.nullable)),
      ...planned.map((a) => outputProperty(a.name, a.type, a.method !== 'count' && a.method !== 'countdistinct' && a.method !== 'countnav')),
    ];
    this.current.groupBy = groupBy;
    this.current.aggregates = planned;
    this.lastOrder = []; // groups come in their own order
    this.current.output = derivedSet(this.current.input, properties, false);
    this.aggregated = true;
  }

  private checkAlias(alias: string, taken: readonly string[], option = OPTION): void {
    if (taken.includes(alias)) throw new ODataError('InvalidQueryOption', `${option}: the alias ${alias} is already a property or alias here; choose another name`, option);
  }

  private aggregate(item: AggregateItem): PlannedAggregate {
    if (item.kind === 'count') return { name: item.alias, method: 'count', type: 'Edm.Int64' };
    if (item.from) throw refuse(`'from' (aggregation over levels) is not supported: group first, then aggregate`, 'UnsupportedQueryOption');
    const expr = this.expr(item.expr);
    if (item.method === undefined) {
      if (expr.kind === 'Count') {
        if (expr.navigation.through) {
          throw refuse(`${expr.navigation.name}/$count cannot be aggregated: ${expr.navigation.name} is many-to-many, and a sum would count shared entities twice`, 'UnsupportedQueryOption');
        }
        return { name: item.alias, method: 'countnav', expr, type: 'Edm.Int64' };
      }
      throw refuse(`${item.alias}: say how to aggregate, e.g. 'with sum as ${item.alias}' (custom aggregates are not supported)`);
    }
    const method = item.method;
    if (expr.kind === 'Count' || expr.type === 'Null') throw refuse(`${item.alias}: ${method} needs a value to aggregate`);
    switch (method) {
      case 'sum':
      case 'average': {
        if (!isNumeric(expr.type)) throw new ODataError('TypeMismatch', `${OPTION}: ${method} needs a numeric value; ${item.alias} would aggregate ${expr.type}`, OPTION);
        const type: EdmPrimitive = expr.type === 'Edm.Double' ? 'Edm.Double' : method === 'average' || expr.type !== 'Edm.Int32' ? 'Edm.Decimal' : 'Edm.Int64';
        return { name: item.alias, method, expr, type };
      }
      case 'min':
      case 'max': {
        if (expr.type === 'Edm.Boolean' || expr.type === 'Edm.Guid' || expr.type === 'Edm.Duration') {
          throw new ODataError('TypeMismatch', `${OPTION}: ${method} cannot compare values of type ${expr.type}`, OPTION);
        }
        return { name: item.alias, method, expr, type: expr.type };
      }
      case 'countdistinct':
        return { name: item.alias, method, expr, type: 'Edm.Int64' };
      default:
        throw refuse(`unknown aggregation method '${method}' (supported: sum, min, max, average, countdistinct)`, 'UnsupportedQueryOption');
    }
  }

  /** The last orderby(…) of $apply, kept as the result's order when no $orderby follows. */
  private lastOrder: readonly { expr: Expr; direction: 'asc' | 'desc' }[] = [];

  orderBy(items: readonly { expr: Expr; direction: 'asc' | 'desc' }[]): void {
    if (this.current.groupBy !== undefined || this.current.limit !== undefined || this.current.offset > 0 || this.current.orderBy.length > 0 || this.current.computes.length > 0) this.wrap();
    this.lastOrder = items;
    this.current.orderBy = this.orderKeys(items, OPTION);
  }

  /** Order keys over what the current level reads; ordering by null is a 400. */
  private orderKeys(items: readonly { expr: Expr; direction: 'asc' | 'desc' }[], option: string): OrderKey[] {
    return items.map((item) => {
      const expr = this.expr(item.expr, option);
      if (expr.type === 'Null') throw new ODataError('TypeMismatch', `${option}: cannot order by null`, option);
      return { expr, direction: item.direction };
    });
  }

  top(n: number): void {
    this.current.limit = Math.min(this.current.limit ?? n, n);
  }

  skip(n: number): void {
    if (this.current.limit !== undefined) this.wrap();
    this.current.offset += n;
  }

  transform(t: ApplyTransformation): void {
    switch (t.kind) {
      case 'identity':
        return;
      case 'filter':
        return this.filter(t.expr);
      case 'compute':
        return this.compute(t.items);
      case 'aggregate':
        return this.group([], t.items);
      case 'groupby': {
        const [first, ...more] = t.apply;
        if (more.length > 0 || (first && first.kind !== 'aggregate')) {
          throw refuse(`groupby((…),…) takes one aggregate(…) after the grouping properties; ${first?.kind === 'aggregate' ? 'chain the rest after the groupby' : `${first?.kind ?? ''} inside groupby is not supported`}`, 'UnsupportedQueryOption');
        }
        return this.group(t.paths, first ? first.items : []);
      }
      case 'orderby':
        return this.orderBy(t.items);
      case 'top':
        return this.top(t.count);
      case 'skip':
        return this.skip(t.count);
      case 'unsupported':
        throw refuse(`the transformation '${t.name}' is not supported (supported: ${APPLY_TRANSFORMATIONS.join(', ')})`, 'UnsupportedQueryOption');
    }
  }

  /**
   * The system options after $apply: $filter, $orderby (with every output column after it, so that pages
   * are stable), and the level they make. → the response's columns.
   */
  finish(options: QueryOptions): { levels: ApplyLevel[]; columns: readonly PropertyDef[] } {
    if (options.filter) this.filter(options.filter, '$filter');
    if (this.closed) this.wrap();
    const output = this.current.input;
    // groups are unique on their grouping properties: those order them totally (an aggregate() alone is one row)
    const grouping = [...this.levels].reverse().find((l) => l.groupBy !== undefined)?.groupBy?.map((g) => g.name);
    const tieBreakers = this.aggregated ? output.properties.filter((p) => grouping?.includes(p.name)) : [keyProperty(this.base)];
    // a subquery's order is not kept by the query around it: orderby(…) of $apply is ordered again here
    const given = options.orderby ?? this.lastOrder;
    if (given.length > this.limits.maxOrderByKeys) throw new ODataError('LimitExceeded', `$orderby may have at most ${this.limits.maxOrderByKeys} keys`, '$orderby');
    const keys = this.orderKeys(given, '$orderby');
    for (const prop of tieBreakers) {
      if (prop.complex || keys.some((k) => k.expr.kind === 'Column' && k.expr.navPath.length === 0 && k.expr.property.name === prop.name)) continue;
      keys.push({ expr: { kind: 'Column', variable: '$it', navPath: [], set: output, property: prop, type: prop.type, nullable: prop.nullable }, direction: 'asc' });
    }
    this.current.orderBy = keys;
    return { levels: [...this.levels, this.current], columns: selectColumns(output, options) };
  }
}

/** $select over the result: names of its properties (a grouped path by its first segment selects all below it). */
function selectColumns(output: EntitySetDef, options: QueryOptions): readonly PropertyDef[] {
  // every level's properties have columns: level 0 takes only those of the set (Planner's constructor)
  const shown = output.properties;
  if (!options.select || options.select.some((s) => s.path[0] === '*')) return shown;
  const wanted = options.select.map((s) => s.path.join('/'));
  for (const name of wanted) {
    if (!shown.some((p) => p.name === name || p.name.startsWith(`${name}/`))) {
      throw new ODataError('UnknownProperty', `$select: the result of $apply has no property '${name}' (it has ${shown.map((p) => p.name).join(', ')})`, '$select');
    }
  }
  return shown.filter((p) => wanted.some((name) => p.name === name || p.name.startsWith(`${name}/`)));
}

function pageSizeOf(request: ApplyRequest): number {
  return Math.min(request.limits.maxPageSize, request.preferredPageSize ?? request.limits.maxPageSize);
}

/**
 * `planApply(Users, { apply: [groupby((Department),aggregate($count as N))] }, …)` → the levels, the
 * response's columns (Department, N), paging. $expand, $search and $levels with $apply are 400s.
 */
export function planApply(set: EntitySetDef, request: ApplyRequest): ApplyPlan {
  const { options, limits } = request;
  const transformations = options.apply ?? [];
  const named = options.apply ? '$apply' : '$compute';
  if (options.expand) throw new ODataError('UnsupportedQueryOption', `$expand cannot be combined with ${named} here${options.apply ? '; group by a navigation path instead: groupby((Parent/Name))' : ''}`, '$expand');
  if (options.search !== undefined) throw new ODataError('UnsupportedQueryOption', `$search cannot be combined with ${named}; use ${options.apply ? 'filter(…) inside $apply' : '$filter'}`, '$search');
  if (options.top !== undefined && options.top > limits.maxTop) throw new ODataError('LimitExceeded', `$top may be at most ${limits.maxTop}`, '$top');
  if (options.skip !== undefined && options.skip > limits.maxSkip) throw new ODataError('LimitExceeded', `$skip may be at most ${limits.maxSkip}`, '$skip');
  const planner = new Planner(set, limits);
  for (const t of transformations) planner.transform(t);
  // $compute (4.01) comes after $apply: its properties may be selected, filtered and ordered by
  if (options.compute) planner.compute(options.compute, '$compute');
  const { levels, columns } = planner.finish(options);
  const first = levels[0] as ApplyLevel;
  // the set's default filter (inactive Teams hidden) applies to the rows $apply starts from
  const defaultFilter = withDefaultFilter(set, undefined, defaultFilterOverridden(set, request.parameters));
  const withDefault: ApplyLevel = defaultFilter ? { ...first, where: [defaultFilter, ...first.where] } : first;
  const fingerprint = queryFingerprint({ s: set.name, a: transformations, c: options.compute ?? null, f: options.filter ?? null, o: options.orderby ?? null, p: pageSizeOf(request) });
  const offset = options.skiptoken ? Number(decodeSkipToken(options.skiptoken, fingerprint, request.skipTokenSecret, 1)[0]) : (options.skip ?? 0);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new ODataError('InvalidSkipToken', '$skiptoken is not valid for this request; start again without $skiptoken', '$skiptoken');
  const pageSize = pageSizeOf(request);
  return {
    set,
    levels: [withDefault, ...levels.slice(1)],
    aggregated: planner.aggregated,
    columns,
    count: options.count === true,
    pageSize,
    top: options.top,
    offset,
    fingerprint,
  };
}
