/**
 * Planner for GET requests: resource path + parsed query options + limits → ReadPlan. Resolves the
 * entity set, key, property path, $select, $filter, $orderby (adding the key as tie-breaker), paging,
 * $skiptoken, $search and $expand (plan-expand.ts), navigation paths (`Teams(5)/Members`), and rejects what the service does not support with a 400
 * naming it. Pure: no I/O.
 *   GET Users?$filter=Department eq 'Sales'&$orderby=LastName&$top=10
 *     |-- { set: Users, filter: Compare(eq, Department, 'Sales'), orderBy: [LastName asc, Id asc], top: 10 }
 */
import { queryFingerprint } from './fingerprint';
import { ODataError } from '../errors';
import type { Limits } from '../limits';
import { boundFunction, entitySet, entitySetIgnoringCase, keyProperty, model, navigation, property, type EntitySetDef, type MemberDef, type PropertyDef } from '../model';
import type { KeyPredicate, LiteralNode, PathSegment, QueryOptions } from '../parse/ast';
import type { KeyLookup, NavigationSource, ReadPlan, ReadTarget } from './read-plan';
import { targetSet } from './plan-expr';
import { planFilterAndOrder, planSearch, planSelect } from './plan-collection';
import { planExpand } from './plan-expand';
import { defaultFilterOverridden, withDefaultFilter } from './default-filter';
import { decodeDeltaToken, type DeltaToken } from './delta-token';
import { decodeSkipTokenState } from './skiptoken';
import type { HierarchyDepthExpr, ValueExpr } from './typed-expr';

export interface ReadRequest {
  /** Path segments below the service root, the entity set first. */
  readonly segments: readonly PathSegment[];
  readonly options: QueryOptions;
  readonly limits: Limits;
  /** From `Prefer: odata.maxpagesize=N`; capped by limits.maxPageSize. */
  readonly preferredPageSize?: number;
  readonly skipTokenSecret: string;
  /** Custom query parameters (not `$…`): `inactive=true` turns default filters off (EntitySetDef.defaultFilter). */
  readonly parameters?: Readonly<Record<string, readonly string[]>>;
}

/** Resolves the first path segment: `Users` → the Users set; an unknown name → 404 naming the sets. */
export function resolveEntitySet(name: string, lookup: (n: string) => EntitySetDef | undefined): EntitySetDef {
  const set = lookup(name);
  if (set) return set;
  const hint = entitySetIgnoringCase(name);
  throw new ODataError(
    'UnknownEntitySet',
    `No entity set named '${name}'${hint ? ` (did you mean '${hint.name}'? names are case-sensitive)` : ''}`,
    name,
  );
}

function keyValue(set: EntitySetDef, prop: PropertyDef, literal: LiteralNode): ValueExpr {
  const expected = prop.type;
  const ok =
    (literal.type === 'int' && (expected === 'Edm.Int64' || expected === 'Edm.Int32')) ||
    (literal.type === 'string' && expected === 'Edm.String') ||
    (literal.type === 'guid' && expected === 'Edm.Guid');
  if (!ok) {
    throw new ODataError(
      'InvalidKey',
      `The key of ${set.name} is ${prop.name} (${expected}); '${String(literal.value)}' is not a valid ${expected}`,
      prop.name,
    );
  }
  return { kind: 'Value', type: prop.type, value: literal.value, nullable: false };
}

/** The 404 for an addressed entity that does not exist for the caller: "No User with Id 5". */
export function entityNotFound(set: EntitySetDef, key: KeyLookup): ODataError {
  return new ODataError('NotFound', `No ${set.typeName} with ${key.property.name} ${String(key.value.value)}`, set.name);
}

/** `Users(5)` → Id = 5; `Users(Email='a@b.c')` → Email = 'a@b.c' (alternate key). */
export function planKey(set: EntitySetDef, key: KeyPredicate): KeyLookup {
  if (key.kind === 'single') {
    const prop = keyProperty(set);
    return { property: prop, value: keyValue(set, prop, key.value) };
  }
  const names = Object.keys(key.values);
  const name = names[0];
  const allowed = [set.key, ...set.alternateKeys];
  if (names.length !== 1 || name === undefined || !allowed.includes(name)) {
    throw new ODataError('InvalidKey', `${set.name} is addressed by ${allowed.map((k) => `${k}=…`).join(' or ')}`, set.name);
  }
  const prop = property(set, name) as PropertyDef;
  return { property: prop, value: keyValue(set, prop, key.values[name] as LiteralNode) };
}

/** What a resource path reads: its set (a navigation's target), the target within it, and where a navigation starts. */
interface PlannedPath {
  readonly set: EntitySetDef;
  readonly target: ReadTarget;
  readonly via?: NavigationSource;
}

/**
 * `Users` → collection; `Users/$count`; `Users(5)` → entity; `Users(5)/FirstName[/$value]` → property;
 * `Teams(5)/Members[/$count]` → Members of team 5; `Teams(5)/Members(9)` → that member if it is one;
 * `Teams(5)/Parent` → the related entity. Anything longer is a 400 naming the way that works.
 */
function planPath(set: EntitySetDef, segments: readonly PathSegment[]): PlannedPath {
  const [first, second, third, ...more] = segments;
  if (!first) throw new Error('planPath: no segments');
  if (!first.key) {
    if (!second) return { set, target: { kind: 'collection' } };
    if (second.name === '$count' && !third && !second.key) return { set, target: { kind: 'count' } };
    throw new ODataError('InvalidKey', `'${second.name}' cannot follow the collection ${set.name}; address one entity first: ${set.name}(1)/${second.name}`, second.name);
  }
  const key = planKey(set, first.key);
  if (!second) return { set, target: { kind: 'entity', key } };
  if (second.params !== undefined) return planFunction(set, key, second, [third, ...more].filter((s) => s !== undefined));
  const nav = navigation(set, second.name);
  if (nav) return planNavigation({ set, key, navigation: nav }, second, [third, ...more].filter((s) => s !== undefined));
  const prop = property(set, second.name);
  if (prop?.complex && third && !second.key) return { set, target: { kind: 'property', key, property: prop, ...complexPath(set, prop, [third, ...more]) } };
  if (!prop || second.key || more.length > 0 || (third && third.name !== '$value')) {
    throw new ODataError('UnknownProperty', `${set.typeName} has no property '${second.name}'`, second.name);
  }
  return { set, target: { kind: 'property', key, property: prop, raw: third?.name === '$value' } };
}

/**
 * The segments after a complex property: members down to the one read, then `$value` for a primitive one.
 *   Projects(1)/ProjectOwner/Email/$value → { members: [Email], raw: true }; Projects(1)/Assets/Repositories → { members: [Repositories] }.
 * An unknown member is a 400 naming it, as an unknown property is; `$value` of a complex value or a
 * collection, a key, or a path on into a collection's elements is a 400 too.
 */
function complexPath(set: EntitySetDef, prop: PropertyDef, segments: readonly PathSegment[]): { members: MemberDef[]; raw: boolean } {
  const members: MemberDef[] = [];
  let decl: PropertyDef | MemberDef = prop;
  for (const [i, segment] of segments.entries()) {
    const path = [set.name + '(…)', prop.name, ...members.map((m) => m.name)].join('/');
    if (segment.name === '$value' && !segment.key && i === segments.length - 1) {
      if (decl.complex || decl.collection) {
        throw new ODataError('UnsupportedQueryOption', `${path}/$value: $value is the raw form of a primitive value; read ${decl.name} without it`, '$value');
      }
      return { members, raw: true };
    }
    if (decl.collection) {
      throw new ODataError('UnsupportedQueryOption', `${path}/${segment.name}: ${decl.name} is a collection; read it whole, or filter with ${decl.name}/any(…)`, segment.name);
    }
    const next: MemberDef | undefined = decl.complex?.members.find((m) => m.name === segment.name);
    if (!next) throw new ODataError('UnknownProperty', `${decl.complex?.name ?? decl.name} has no property '${segment.name}'`, segment.name);
    if (segment.key) throw new ODataError('InvalidKey', `${path}/${segment.name} takes no key`, segment.name);
    members.push(next);
    decl = next;
  }
  return { members, raw: false };
}

/** The largest MaxDepth of Descendants (deeper trees are read whole without it). */
export const MAX_HIERARCHY_DEPTH = 1000;

/**
 * A hierarchy function bound to the addressed entity, read like a navigation path (its options, paging,
 * `/$count`, the 404 when the entity is not there for the caller):
 *   OrganizationTeamHierarchies(5)/Default.Descendants(MaxDepth=2) → teams 1–2 levels below team 5
 *   Users(7)/Default.Managers() → the members of the teams above user 7's teams
 */
function planFunction(set: EntitySetDef, key: KeyLookup, segment: PathSegment, rest: readonly PathSegment[]): PlannedPath {
  const fn = boundFunction(segment.name, set.name);
  if (!fn) {
    const known = model.functions.filter((f) => f.binding === set.name).map((f) => `${model.alias}.${f.name}()`);
    throw new ODataError('UnknownFunction', `${set.name}(…)/${segment.name}(): no such function${known.length > 0 ? `; ${set.name} has ${known.join(', ')}` : ` for ${set.name}`}`, segment.name);
  }
  const [next, ...after] = rest;
  if (after.length > 0 || (next && !(next.name === '$count' && !next.key && !next.params))) {
    throw new ODataError('UnsupportedQueryOption', `${set.name}(…)/${segment.name}(): only /$count may follow a function; narrow its result with $filter or $expand`, next?.name ?? segment.name);
  }
  const params = segment.params ?? {};
  for (const name of Object.keys(params)) {
    if (!fn.parameters.some((p) => p.name === name)) {
      throw new ODataError('InvalidQueryOption', `${fn.name} has ${fn.parameters.length > 0 ? `the parameter ${fn.parameters.map((p) => p.name).join(', ')}` : 'no parameters'}, not '${name}'`, segment.name);
    }
  }
  const depth = params.MaxDepth;
  let maxDepth: number | undefined;
  if (depth !== undefined && depth.type !== 'null') {
    if (depth.type !== 'int' || typeof depth.value !== 'number' || depth.value < 1 || depth.value > MAX_HIERARCHY_DEPTH) {
      throw new ODataError('InvalidValue', `MaxDepth is a whole number between 1 and ${MAX_HIERARCHY_DEPTH}, not ${String(depth.value)}`, 'MaxDepth');
    }
    maxDepth = depth.value;
  }
  const returns = entitySet(fn.returns) as EntitySetDef;
  const navigation = { name: `${model.alias}.${fn.name}`, target: fn.returns, collection: true, sourceColumn: 'id', targetColumn: 'id' };
  return { set: returns, target: { kind: next ? 'count' : 'collection' }, via: { set, key, navigation, hierarchy: { relation: fn.relation, ...(maxDepth === undefined ? {} : { maxDepth }) } } };
}

function planNavigation(via: NavigationSource, segment: PathSegment, rest: readonly PathSegment[]): PlannedPath {
  const target = targetSet(via.navigation);
  const [next, ...after] = rest;
  const path = `${via.set.name}(…)/${via.navigation.name}`;
  if (after.length > 0 || (next && !(next.name === '$count' && !next.key && via.navigation.collection && !segment.key))) {
    throw new ODataError(
      'UnsupportedQueryOption',
      `${path}/${next?.name ?? ''}: a path may follow one navigation; read ${target.name} with $filter, or use $expand`,
      next?.name ?? segment.name,
    );
  }
  if (!via.navigation.collection) {
    if (segment.key) throw new ODataError('InvalidKey', `${via.navigation.name} is a single ${target.typeName}; it takes no key`, segment.name);
    return { set: target, target: { kind: 'related' }, via };
  }
  if (segment.key) return { set: target, target: { kind: 'entity', key: planKey(target, segment.key) }, via };
  return { set: target, target: { kind: next ? 'count' : 'collection' }, via };
}

/** What a $skiptoken or delta link is bound to: the set, filter, search and order (fingerprint.ts). */
function fingerprintOf(set: EntitySetDef, options: QueryOptions, defaultsOff: boolean, fn?: string): string {
  return queryFingerprint({ s: set.name, f: options.filter ?? null, q: options.search ?? null, o: options.orderby ?? null, d: defaultsOff, ...(fn ? { h: fn } : {}) });
}

export function planRead(request: ReadRequest, lookup: (n: string) => EntitySetDef | undefined): ReadPlan {
  const { segments, options, limits } = request;
  const first = segments[0];
  if (!first) throw new Error('planRead: empty path');
  const { set, target, via } = planPath(resolveEntitySet(first.name, lookup), segments);

  if (options.levels !== undefined) throw new ODataError('UnsupportedQueryOption', '$levels is only allowed inside $expand', '$levels');
  if (options.top !== undefined && options.top > limits.maxTop) {
    throw new ODataError('LimitExceeded', `$top may be at most ${limits.maxTop}`, '$top');
  }
  if (options.skip !== undefined && options.skip > limits.maxSkip) {
    throw new ODataError('LimitExceeded', `$skip may be at most ${limits.maxSkip}; use server-driven paging (@odata.nextLink) instead`, '$skip');
  }
  if (options.expand && (target.kind === 'property' || target.kind === 'count')) {
    throw new ODataError('InvalidQueryOption', `$expand applies to entities, not to ${target.kind === 'count' ? 'a count' : 'a property'}`, '$expand');
  }
  const isCollection = target.kind === 'collection' || target.kind === 'count';
  if (!isCollection) {
    for (const name of ['filter', 'orderby', 'top', 'skip', 'count', 'skiptoken'] as const) {
      if (options[name] !== undefined) {
        throw new ODataError('InvalidQueryOption', `$${name} applies to collections, not to a single entity`, `$${name}`);
      }
    }
  }

  const planned = planFilterAndOrder(set, options, limits);
  // Ancestors() and Descendants(): each team's distance from the bound one; the top team first, the nearest
  // sub-teams first, unless $orderby says otherwise
  const relation = via?.hierarchy?.relation;
  const depth: HierarchyDepthExpr | undefined = via && (relation === 'ancestors' || relation === 'descendants')
    ? { kind: 'HierarchyDepth', relation, type: 'Edm.Int32', nullable: false }
    : undefined;
  const orderBy = depth && options.orderby === undefined
    ? [{ expr: depth, direction: relation === 'ancestors' ? 'desc' as const : 'asc' as const }, ...planned.orderBy]
    : planned.orderBy;
  const defaultsOff = defaultFilterOverridden(set, request.parameters);
  // a list hides what the set's default filter hides (inactive Teams); a single entity by key does not
  const filter = isCollection ? withDefaultFilter(set, planned.filter, defaultsOff) : planned.filter;
  const search = options.search === undefined ? undefined : planSearch(set, options.search, limits);
  const { select, explicit, members: selectMembers } = planSelect(set, options);
  const fingerprint = fingerprintOf(set, options, defaultsOff, via?.hierarchy ? `${via.navigation.name}:${JSON.stringify(via.hierarchy)}` : undefined);
  const token = options.skiptoken !== undefined
    ? decodeSkipTokenState(options.skiptoken, fingerprint, request.skipTokenSecret, orderBy.length)
    : undefined;
  const after = token?.values;
  const pageSize = Math.max(1, Math.min(request.preferredPageSize ?? limits.maxPageSize, limits.maxPageSize));

  return {
    set,
    target,
    via,
    filter,
    search,
    select,
    selectExplicit: explicit,
    ...(selectMembers ? { selectMembers } : {}),
    orderBy,
    top: options.top,
    skip: after ? 0 : options.skip ?? 0,
    count: options.count === true,
    after,
    pageSize,
    fingerprint,
    expand: options.expand ? planExpand(set, options.expand, { limits, pageSize, depth: 1, parameters: request.parameters }) : [],
    ...(depth ? { depth } : {}),
    ...(token?.delta ? { tracking: token.delta } : {}),
    ...(options.deltatoken !== undefined ? { delta: planDelta(set, target, via, options, fingerprint, request.skipTokenSecret) } : {}),
  };
}

/**
 * `$deltatoken`: the changes since a delta link was issued — of a whole set that tracks changes, with the
 * link's own $filter, $search, $select and $orderby (paged by the delta's own token, so no $skiptoken,
 * $top, $skip, $count or $expand beside it).
 */
function planDelta(set: EntitySetDef, target: ReadTarget, via: NavigationSource | undefined, options: QueryOptions, fingerprint: string, secret: string): DeltaToken {
  if (!set.changeTracking || target.kind !== 'collection' || via) {
    const tracked = model.entitySets.filter((s) => s.changeTracking).map((s) => s.name).join(', ');
    throw new ODataError('InvalidQueryOption', `$deltatoken applies to a whole entity set that tracks changes (${tracked})`, '$deltatoken');
  }
  for (const name of ['skiptoken', 'top', 'skip', 'count', 'expand'] as const) {
    if (options[name] !== undefined) throw new ODataError('InvalidQueryOption', `$${name} cannot be combined with $deltatoken; follow the delta link as it was given`, `$${name}`);
  }
  return decodeDeltaToken(options.deltatoken as string, fingerprint, secret);
}
