/**
 * Planner pieces shared by a top-level collection and each expanded one: $select → properties, and
 * $filter/$orderby → typed expressions with the key as the last order key. Pure: no I/O.
 *   planSelect(Users, { select: [FirstName] }) → { select: [FirstName], explicit: true }
 */
import { ODataError } from '../errors';
import type { Limits } from '../limits';
import { keyProperty, navigation, property, type EntitySetDef, type MemberDef, type PropertyDef } from '../model';
import type { QueryOptions, SearchExpr } from '../parse/ast';
import { parseSearch } from '../parse/parse-search';
import { planBoolean, planExpr, type ExprContext } from './plan-expr';
import type { OrderKey } from './read-plan';
import type { TypedExpr } from './typed-expr';

/** `$select=FirstName,Id` → the properties in model order (all of them without $select or with `*`). */
export function planSelect(set: EntitySetDef, options: QueryOptions): { select: PropertyDef[]; explicit: boolean; members?: SelectMembers } {
  if (!options.select || options.select.some((s) => s.path.length === 1 && s.path[0] === '*')) {
    return { select: [...set.properties], explicit: false };
  }
  const wanted = new Set<string>();
  const members: Record<string, string[][]> = {};
  for (const item of options.select) {
    const [name, ...rest] = item.path;
    if (!name) continue;
    const nav = navigation(set, name);
    // a navigation property in $select only asks for its link, which minimal metadata leaves out
    if (nav && rest.length === 0) continue;
    if (nav) {
      throw new ODataError('UnsupportedQueryOption', `$select: '${item.path.join('/')}' selects through a navigation property; use $expand=${name}($select=${rest.join('/')})`, '$select');
    }
    const complex = property(set, name);
    if (rest.length > 0 && complex?.complex) {
      selectMember(complex, rest, members);
      continue;
    }
    if (rest.length > 0) {
      throw new ODataError('UnknownProperty', `$select: ${set.typeName}.${name} has no property '${rest.join('/')}'`, '$select');
    }
    if (!property(set, name)) {
      throw new ODataError('UnknownProperty', `$select: ${set.typeName} has no property '${name}'`, '$select');
    }
    wanted.add(name);
  }
  // a whole complex property wins over some of its members
  for (const name of Object.keys(members)) if (wanted.has(name)) delete members[name];
  const partial = Object.keys(members).length > 0;
  return { select: set.properties.filter((p) => wanted.has(p.name) || p.name in members), explicit: true, ...(partial ? { members } : {}) };
}

/** Members of complex properties selected by path, by property: `$select=ProjectOwner/Email` → { ProjectOwner: [['Email']] }. */
export type SelectMembers = Readonly<Record<string, readonly (readonly string[])[]>>;

/** Checks a `$select` path into a complex property (single-valued members down to the last) and records it. */
function selectMember(prop: PropertyDef, path: readonly string[], into: Record<string, string[][]>): void {
  let decl: PropertyDef | MemberDef = prop;
  for (const name of path) {
    if (decl.collection || !decl.complex) {
      throw new ODataError('UnsupportedQueryOption', `$select: ${[prop.name, ...path].join('/')} goes into a collection or a primitive value (${decl.name}); ask for ${decl.name} as a whole`, '$select');
    }
    const next: MemberDef | undefined = decl.complex.members.find((m) => m.name === name);
    if (!next) throw new ODataError('UnknownProperty', `$select: ${decl.complex.name} has no property '${name}'`, '$select');
    decl = next;
  }
  (into[prop.name] ??= []).push([...path]);
}

/**
 * $filter and $orderby of a collection over `set` (the top level, or one expanded collection), with the
 * key appended as the last order key (a total order, for keyset paging and stable nested pages):
 *   Users, $orderby=LastName → { orderBy: [LastName asc, Id asc] }
 */
export function planFilterAndOrder(set: EntitySetDef, options: QueryOptions, limits: Limits): { filter?: TypedExpr; orderBy: OrderKey[] } {
  const root = { name: '$it', set };
  const base = { root, variables: [], counter: { nodes: 0 }, maxInListItems: limits.maxInListItems };
  const filterCtx: ExprContext = { ...base, option: '$filter', maxNodes: limits.maxFilterNodes };
  const filter = options.filter ? planBoolean(options.filter, filterCtx, '$filter') : undefined;

  const orderItems = options.orderby ?? [];
  if (orderItems.length > limits.maxOrderByKeys) {
    throw new ODataError('LimitExceeded', `$orderby may have at most ${limits.maxOrderByKeys} keys`, '$orderby');
  }
  const orderCtx: ExprContext = { ...base, option: '$orderby', counter: { nodes: 0 }, maxNodes: limits.maxFilterNodes };
  const orderBy: OrderKey[] = orderItems.map((item) => {
    const expr = planExpr(item.expr, orderCtx);
    if (expr.type === 'Null') throw new ODataError('TypeMismatch', '$orderby: cannot order by null', '$orderby');
    return { expr, direction: item.direction };
  });
  const key = keyProperty(set);
  const orderedByKey = orderBy.some((o) => o.expr.kind === 'Column' && o.expr.navPath.length === 0 && o.expr.property === key);
  if (!orderedByKey) {
    orderBy.push({ expr: { kind: 'Column', variable: '$it', navPath: [], set, property: key, type: key.type, nullable: false }, direction: 'asc' });
  }
  return { filter, orderBy };
}

/** Terms and operators in a search expression: `a OR NOT b` → 4. */
function searchNodes(expr: SearchExpr): number {
  if (expr.kind === 'SearchTerm') return 1;
  if (expr.kind === 'SearchNot') return 1 + searchNodes(expr.operand);
  return 1 + searchNodes(expr.left) + searchNodes(expr.right);
}

/**
 * `$search` over a set → the parsed expression, or 400 when the set has no searchable text or the
 * expression is larger than a $filter may be: planSearch(Users, 'alice smith') → SearchAnd(alice, smith).
 */
export function planSearch(set: EntitySetDef, text: string, limits: Limits, option = '$search'): SearchExpr {
  if (!set.properties.some((p) => p.searchable)) {
    throw new ODataError('InvalidQueryOption', `${set.name} has no text to $search; use $filter`, option);
  }
  const expr = parseSearch(text, { option });
  if (searchNodes(expr) > limits.maxFilterNodes) {
    throw new ODataError('LimitExceeded', `${option} may have at most ${limits.maxFilterNodes} terms and operators`, option);
  }
  return expr;
}
