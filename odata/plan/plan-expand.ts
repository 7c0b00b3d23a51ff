/**
 * Planner for `$expand`: parsed ExpandItems → ExpandPlans, checked against the model and the limits.
 * Nested $select/$filter/$search/$orderby/$top/$skip/$count/$expand apply to each expanded collection; `$levels`
 * is unrolled into nested plans of the same navigation (`max`: down to limits.maxExpandDepth, where the
 * plan only asks whether more levels exist). Everything rejected is a 400 naming the item. Pure: no I/O.
 *   Members($top=2) on OrganizationTeamHierarchies → [{ navigation: Members, set: Memberships, limit: 2, orderBy: [Id asc], … }]
 */
import { ODataError } from '../errors';
import type { Limits } from '../limits';
import { keyProperty, navigation, property, type EntitySetDef, type NavigationDef } from '../model';
import type { ExpandItem } from '../parse/ast';
import { planFilterAndOrder, planSearch, planSelect } from './plan-collection';
import { targetSet } from './plan-expr';
import { defaultFilterOverridden, withDefaultFilter } from './default-filter';
import type { ExpandPlan } from './read-plan';

export interface ExpandContext {
  readonly limits: Limits;
  /** Entities per expanded collection at most (the response's page size). */
  readonly pageSize: number;
  /** Nesting level of the items being planned: 1 for the top-level $expand. */
  readonly depth: number;
  /** The request's custom query parameters (`inactive=true` turns default filters off). */
  readonly parameters?: Readonly<Record<string, readonly string[]>>;
}

/** Options that only a collection takes. */
const COLLECTION_OPTIONS = ['filter', 'search', 'orderby', 'top', 'skip', 'count'] as const;

function describe(item: ExpandItem): string {
  return item.path.join('/');
}

/** The navigations an item names: `Members` → [Members]; `*` → every navigation of the set. */
function navigationsOf(set: EntitySetDef, item: ExpandItem): NavigationDef[] {
  const [name, ...rest] = item.path;
  if (name === '*' && rest.length === 0) {
    if (Object.keys(item.optionTexts).some((option) => option !== 'levels')) {
      throw new ODataError('UnsupportedQueryOption', '$expand: * takes no nested options other than $levels; give them on a named navigation', '$expand');
    }
    return [...set.navigations];
  }
  if (name === undefined || rest.length > 0) {
    throw new ODataError(
      'UnsupportedQueryOption',
      `$expand: '${describe(item)}' — expand one navigation per level, e.g. ${name ?? ''}($expand=${rest.join('/')})`,
      '$expand',
    );
  }
  const nav = navigation(set, name);
  if (nav) return [nav];
  const names = set.navigations.map((n) => n.name).join(', ') || 'none';
  if (property(set, name)) {
    throw new ODataError('InvalidQueryOption', `$expand: ${name} is a property of ${set.typeName}, not a navigation (navigations: ${names})`, '$expand');
  }
  throw new ODataError('UnknownProperty', `$expand: ${set.typeName} has no navigation property '${name}' (navigations: ${names})`, '$expand');
}

/**
 * `planExpand(Teams, parseExpand('Members($top=20),Parent'), { limits, pageSize: 1000, depth: 1 })`
 *   → [Members: limit 20, Parent: single]; `Members,Members` → 400 (expanded twice).
 */
export function planExpand(set: EntitySetDef, items: readonly ExpandItem[], ctx: ExpandContext): ExpandPlan[] {
  const plans: ExpandPlan[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const nav of navigationsOf(set, item)) {
      if (seen.has(nav.name)) {
        throw new ODataError('InvalidQueryOption', `$expand: ${nav.name} is expanded twice; give its options once, separated by ';'`, '$expand');
      }
      seen.add(nav.name);
      plans.push(planItem(nav, item, ctx, item.options.levels));
    }
  }
  return plans;
}

/**
 * One navigation; `levels` is what is left of the item's $levels at this depth. A `probe` reads no
 * entities (limit 0, nothing nested): it only tells its parents whether there are any.
 */
function planItem(nav: NavigationDef, item: ExpandItem, ctx: ExpandContext, levels: number | 'max' | undefined, probe = false): ExpandPlan {
  const { limits, depth } = ctx;
  const set = targetSet(nav);
  const { options } = item;
  if (depth > limits.maxExpandDepth) {
    throw new ODataError('LimitExceeded', `$expand may nest at most ${limits.maxExpandDepth} levels ($levels included)`, '$expand');
  }
  if (!nav.collection) {
    for (const name of COLLECTION_OPTIONS) {
      if (options[name] !== undefined) {
        throw new ODataError('InvalidQueryOption', `$expand: ${nav.name} is a single ${set.typeName}; $${name} applies to collections only`, '$expand');
      }
    }
  }
  if (options.top !== undefined && options.top > limits.maxTop) throw new ODataError('LimitExceeded', `$top may be at most ${limits.maxTop}`, '$expand');
  if (options.skip !== undefined && options.skip > limits.maxSkip) throw new ODataError('LimitExceeded', `$skip may be at most ${limits.maxSkip}`, '$expand');
  if (levels === 0) throw new ODataError('InvalidQueryOption', `$expand: $levels of ${nav.name} must be at least 1 (or max)`, '$expand');

  const { select, explicit, members: selectMembers } = item.ref ? { select: [keyProperty(set)], explicit: true, members: undefined } : planSelect(set, options);
  const planned = nav.collection ? planFilterAndOrder(set, options, limits) : { filter: undefined, orderBy: [] };
  const { orderBy } = planned;
  // an expanded collection hides what its set's default filter hides, like a list (Users(7)?$expand=Teams: active teams)
  const defaultsOff = defaultFilterOverridden(set, ctx.parameters);
  const filter = nav.collection ? withDefaultFilter(set, planned.filter, defaultsOff) : planned.filter;
  const search = options.search === undefined ? undefined : planSearch(set, options.search, limits, '$expand');
  const deeper: ExpandContext = { ...ctx, depth: depth + 1 };
  const expand = options.expand && !probe ? planExpand(set, options.expand, deeper) : [];
  const recursion = levels === undefined || probe ? undefined : recurse(nav, item, deeper, levels, expand);
  const limit = probe ? 0 : nav.collection ? Math.min(options.top ?? ctx.pageSize, ctx.pageSize) : 1;
  // more than $top is never wanted: only a page-size cut (or a probe) can leave entities for a nextLink
  const probeMore = nav.collection && (probe || options.top === undefined || options.top > limit);
  return {
    navigation: nav,
    ...(item.ref ? { ref: true } : {}),
    set,
    select,
    selectExplicit: explicit,
    ...(selectMembers ? { selectMembers } : {}),
    filter,
    search,
    orderBy,
    skip: options.skip ?? 0,
    limit,
    probeMore,
    count: options.count === true && !probe,
    expand: recursion ? [...expand, recursion] : expand,
    link: {
      optionTexts: item.optionTexts,
      top: options.top !== undefined && options.top > limit ? options.top - limit : undefined,
      recurse: recursion === undefined && !probe ? undefined : itemWithLevels(nav, item, probe || levels === 'max' ? 'max' : (levels as number) - 1),
      ...(defaultsOff && set.defaultFilter ? { parameter: `${set.defaultFilter.overrideParameter}=true` } : {}),
    },
  };
}

/**
 * The item as the rest of a level must expand: `Children($levels=3;$select=Name)` one level down →
 * 'Children($levels=2;$select=Name)'. Option values are the client's text.
 */
function itemWithLevels(nav: NavigationDef, item: ExpandItem, levels: number | 'max'): string {
  const options = Object.entries({ ...item.optionTexts, levels: String(levels) }).map(([name, text]) => `$${name}=${text}`);
  return `${nav.name}(${options.join(';')})`;
}

/**
 * The next level of a `$levels` expansion, or undefined when this one is the last. `$levels=max` goes
 * down to maxExpandDepth; there a collection is planned with limit 0, so that its parents learn whether
 * more levels exist (they then carry a nextLink) without reading them.
 */
function recurse(nav: NavigationDef, item: ExpandItem, ctx: ExpandContext, levels: number | 'max', siblings: readonly ExpandPlan[]): ExpandPlan | undefined {
  if (levels !== 'max' && levels <= 1) return undefined;
  const again = navigation(targetSet(nav), nav.name);
  if (!again) {
    throw new ODataError('InvalidQueryOption', `$expand: $levels needs a navigation that leads back to its own type; ${nav.name} does not`, '$expand');
  }
  if (siblings.some((plan) => plan.navigation.name === again.name)) {
    throw new ODataError('InvalidQueryOption', `$expand: ${nav.name} is expanded twice (by $levels and by $expand)`, '$expand');
  }
  if (levels !== 'max') return planItem(again, item, ctx, levels - 1); // deeper than maxExpandDepth: 400 there
  if (ctx.depth < ctx.limits.maxExpandDepth) return planItem(again, item, ctx, 'max');
  // at the limit: a chain of parents just stops; a collection is probed
  return again.collection ? planItem(again, item, ctx, undefined, true) : planItem(again, item, ctx, undefined);
}
