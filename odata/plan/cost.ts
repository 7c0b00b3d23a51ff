/**
 * Cost model of a read, planned before any SQL runs (ARCHITECTURE §6): the most entities a response can
 * carry (the page × every nested collection's page, `$levels` unrolled; bounded, when known, by how many
 * rows each set holds in the caller's company and by the most rows one entity has through a navigation)
 * and a weight for expensive operators. `fitToCost` then
 * shrinks the top-level page to the response cap (server-driven paging: the nextLink brings the rest) or
 * answers 400 saying what to change. Runs after planRead, before compile. Pure: no I/O.
 */
import { ODataError } from '../errors';
import type { Limits } from '../limits';
import { navigation, type EntitySetDef, type NavigationDef } from '../model';
import type { ExpandPlan, ReadPlan } from './read-plan';
import type { TypedExpr } from './typed-expr';

/**
 * What the data bounds, in the caller's company, when known: a set's rows, and a collection navigation's
 * fan-out (the most entities any one entity has through it: the largest team's Members).
 */
export interface Cardinalities {
  rows(set: EntitySetDef): number | undefined;
  fanOut(nav: NavigationDef): number | undefined;
}

/**
 * The key a navigation's fan-out is known by: its target set and join column, `OrganizationTeamMemberHierarchies.user_id`;
 * for a many-to-many navigation its link table and the column grouped by, `access_team_users.team_id` (Teams.Users).
 */
export const fanOutKey = (nav: NavigationDef): string => (nav.through ? `${nav.through.table}.${nav.through.sourceColumn}` : `${nav.target}.${nav.targetColumn}`);

/** What one regular-expression match per row is counted as, in entities: a backtracking match can cost milliseconds. */
export const REGEX_WEIGHT = 5_000;

export interface ReadCost {
  /** Entities one top-level entity can carry, itself included. */
  readonly perEntity: number;
  /** Entities the whole response can carry: page rows × perEntity. */
  readonly entities: number;
  /** `matchesPattern` calls anywhere in the request ($filter and nested filters). */
  readonly regexes: number;
  /** entities, plus REGEX_WEIGHT for each regular expression. */
  readonly weight: number;
}

const unknown: Cardinalities = { rows: () => undefined, fanOut: () => undefined };

/**
 * Whether a collection navigation is a tree edge: it leads back to its own set and its partner is
 * single-valued (`Children`, partner `Parent`). Writes keep the hierarchy acyclic, so the entities reached
 * by repeating it from one entity are all distinct: however many levels, at most the set's size.
 */
function isTreeEdge(plan: ExpandPlan): boolean {
  const { navigation: nav } = plan;
  if (!nav.collection || nav.target !== plan.set.name || nav.partner === undefined) return false;
  const partner = navigation(plan.set, nav.partner);
  return partner !== undefined && !partner.collection && partner.target === plan.set.name;
}

/** Entities the expanded navigations bring below one entity (the entity itself not counted). */
function carried(plans: readonly ExpandPlan[], sizes: Cardinalities): number {
  let total = 0;
  for (const plan of plans) total += reached(plan, sizes);
  return total;
}

/** Entities one navigation brings below one entity, its own nested expansions included. */
function reached(plan: ExpandPlan, sizes: Cardinalities): number {
  if (!plan.navigation.collection) return 1 + carried(plan.expand, sizes);
  const size = sizes.rows(plan.set) ?? Infinity;
  const perParent = (p: ExpandPlan) => Math.min(p.limit, size, sizes.fanOut(p.navigation) ?? Infinity);
  if (!isTreeEdge(plan)) return perParent(plan) * (1 + carried(plan.expand, sizes));
  // a chain of the same tree edge ($levels, or Children($expand=Children)): level by level, capped by the
  // set's size; the other navigations of each level (Members…) are counted for every entity of the chain
  let level: ExpandPlan | undefined = plan;
  let atLevel = 1;
  let chain = 0;
  let besides = 0;
  while (level) {
    atLevel *= perParent(level);
    chain += atLevel;
    const next: ExpandPlan | undefined = level.expand.find((p) => p.navigation.name === plan.navigation.name);
    besides = Math.max(besides, carried(level.expand.filter((p) => p !== next), sizes));
    level = next;
  }
  return Math.min(chain, size) * (1 + besides);
}

function regexCount(expr: TypedExpr | undefined): number {
  if (!expr) return 0;
  switch (expr.kind) {
    case 'Function':
      return (expr.name === 'matchespattern' ? 1 : 0) + expr.args.reduce((n, a) => n + regexCount(a), 0);
    case 'Compare':
    case 'Logical':
    case 'Arithmetic':
      return regexCount(expr.left) + regexCount(expr.right);
    case 'Not':
    case 'Negate':
      return regexCount(expr.operand);
    case 'In':
      return regexCount(expr.left) + expr.list.reduce((n, e) => n + regexCount(e), 0);
    case 'Lambda':
    case 'JsonLambda':
      return regexCount(expr.predicate);
    default:
      return 0;
  }
}

function expandRegexCount(plans: readonly ExpandPlan[]): number {
  return plans.reduce((n, p) => n + regexCount(p.filter) + expandRegexCount(p.expand), 0);
}

/** Rows the top level of the plan can return in one response. */
function pageRows(plan: ReadPlan, sizes: Cardinalities): number {
  if (plan.target.kind === 'count') return 0;
  if (plan.target.kind !== 'collection') return 1;
  return Math.min(plan.pageSize, plan.top ?? Infinity, sizes.rows(plan.set) ?? Infinity);
}

/**
 * `readCost(Teams?$expand=Members($top=20)&$top=50)` → { perEntity: 21, entities: 1050, regexes: 0, weight: 1050 };
 * `Teams?$expand=Children($levels=max)` with 47 teams known → perEntity 48 (the tree's 47 at most, and itself).
 */
export function readCost(plan: ReadPlan, sizes: Cardinalities = unknown): ReadCost {
  const perEntity = 1 + carried(plan.expand, sizes);
  const entities = pageRows(plan, sizes) * perEntity;
  const regexes = regexCount(plan.filter) + expandRegexCount(plan.expand);
  return { perEntity, entities, regexes, weight: entities + REGEX_WEIGHT * regexes };
}

/**
 * The navigation to name in a refusal: down the biggest contributor at each level, the first expansion a
 * client can bound (a $levels recursion, or a collection without its own $top), as a path from the top:
 * `Members/User/Memberships`. Without one, the biggest contributor.
 */
function culprit(plans: readonly ExpandPlan[], sizes: Cardinalities, prefix = ''): { path: string; plan: ExpandPlan } | undefined {
  let best: { plan: ExpandPlan; n: number } | undefined;
  for (const plan of plans) {
    const n = reached(plan, sizes);
    if (!best || n > best.n) best = { plan, n };
  }
  if (!best) return undefined;
  const { plan } = best;
  const path = `${prefix}${plan.navigation.name}`;
  const unbounded = plan.link.recurse !== undefined || (plan.navigation.collection && plan.link.optionTexts.top === undefined);
  return unbounded ? { path, plan } : (culprit(plan.expand, sizes, `${path}/`) ?? { path, plan });
}

function advice(plan: ReadPlan, sizes: Cardinalities): string {
  const found = culprit(plan.expand, sizes);
  if (!found) return 'narrow the request';
  const name = found.plan.navigation.name;
  if (found.plan.link.recurse !== undefined) return `use fewer $levels on ${found.path}, or add $top inside its $expand`;
  if (found.plan.navigation.collection && found.plan.link.optionTexts.top === undefined) return `add $top inside ${found.path}'s $expand (e.g. ${name}($top=20))`;
  return `give ${found.path} a smaller $top, or expand less below it`;
}

/**
 * The plan within the response cap (limits.maxResponseEntities): unchanged when it fits; else its page
 * shrunk so that page × perEntity fits (the nextLink brings the rest); a single entity that alone could
 * carry more than the cap → 400 saying what to change.
 *   Teams?$expand=Members($top=100) (1000 teams, cap 20,000) → pageSize 198
 *   Teams?$expand=Members($expand=User($expand=Memberships)) → 400 "… add $top inside Members's $expand …"
 */
export function fitToCost(plan: ReadPlan, limits: Limits, sizes: Cardinalities = unknown): ReadPlan {
  const cost = readCost(plan, sizes);
  const cap = limits.maxResponseEntities;
  if (cost.entities <= cap) return plan;
  if (cost.perEntity > cap) {
    const most = cost.perEntity < 1e12 ? Math.round(cost.perEntity).toLocaleString('en-US') : 'over 10^12';
    throw new ODataError(
      'LimitExceeded',
      `$expand could return ${most} entities for one ${plan.set.typeName} (at most ${cap.toLocaleString('en-US')} per response): ${advice(plan, sizes)}`,
      '$expand',
    );
  }
  return { ...plan, pageSize: Math.max(1, Math.floor(cap / cost.perEntity)) };
}
