/**
 * Formatting of entities with expanded navigations: the row's own properties as formatEntity formats
 * them, then each navigation — a single entity (or null), or a collection preceded by its
 * `@odata.count` and, when more entities exist than were read, an `@odata.nextLink` to the rest. The
 * expanded JSON is built by PostgreSQL (server/db/compile-expand.ts); its values are formatted here by
 * their Edm type like any other. Pure: no I/O.
 */
import { expandCountAlias, expandKeyAlias } from './aliases';
import { contextUrl, formatCount, formatEntity, keyLiteral, type FormatOptions } from './format';
import { entitySet, keyProperty, type PropertyDef } from './model';
import type { ExpandPlan, ReadPlan } from './plan/read-plan';

type Row = Record<string, unknown>;

/** What to format at one level: the properties and the expanded navigations (a ReadPlan or an ExpandPlan). */
export interface ExpandShape {
  readonly select: readonly PropertyDef[];
  readonly expand: readonly ExpandPlan[];
}

/**
 * How a page's expanded navigations come back from the database: as JSON whose values the formatter
 * converts by their Edm type ('objects', any expansion), or as the response's own JSON text, which the
 * serialiser writes as it is ('text': when expandsAsText allows).
 */
export type ExpandForm = 'objects' | 'text';

/** The Edm types whose JSON PostgreSQL writes as the formatter would (a DateTimeOffset by to_char): no Decimal, Double (NaN), Date… */
const SENT_AS_WRITTEN = new Set(['Edm.String', 'Edm.Guid', 'Edm.Int32', 'Edm.Int64', 'Edm.Boolean', 'Edm.DateTimeOffset']);

/** Whether PostgreSQL writes these properties' values as the response does (compile-expand.ts sentValue). */
function writtenAsSent(select: readonly PropertyDef[]): boolean {
  return select.every((p) => p.complex !== undefined || SENT_AS_WRITTEN.has(p.type));
}

/**
 * Whether entities of this shape can come back as the response's JSON text, written by PostgreSQL (a
 * delta's changed entities: server/db/compile-delta.ts): the default format and plain types, as for expansions.
 *   entitiesAsText({ select: [Id, UserName] }, { ieee754Compatible: false, omitNulls: false }) → true
 */
export function entitiesAsText(shape: { readonly select: readonly PropertyDef[] }, options: Pick<FormatOptions, 'ieee754Compatible' | 'omitNulls'>): boolean {
  return !options.ieee754Compatible && !options.omitNulls && writtenAsSent(shape.select);
}

/**
 * Whether a page's expanded navigations can come back as the response's own JSON text, written by
 * PostgreSQL and passed through (server/db/compile-expand.ts textOf) instead of parsed, converted and
 * written again: the default format (no IEEE754Compatible, no omit-values=nulls), types PostgreSQL writes
 * as we would, and below the first level single-valued navigations only (their annotations are all the
 * serialiser adds). `Projects?$expand=People` → true; `Teams?$expand=Children($levels=2)` → false.
 */
export function expandsAsText(shape: ExpandShape, options: Pick<FormatOptions, 'ieee754Compatible' | 'omitNulls'>): boolean {
  if (options.ieee754Compatible || options.omitNulls || shape.expand.length === 0) return false;
  const plain = (plan: ExpandPlan): boolean => writtenAsSent(plan.select);
  const singleBelow = (plan: ExpandPlan): boolean => plan.expand.every((inner) => !inner.navigation.collection && plain(inner) && singleBelow(inner));
  return shape.expand.every((plan) => !plan.ref && plain(plan) && singleBelow(plan));
}

/**
 * Whether a page without $expand comes back as each entity's JSON text, written by PostgreSQL (no
 * parsing of every column by the driver, no re-writing here): the default format, plain types, no
 * instance annotation beside the etag.
 *   pageAsText(Users?$top=50, { ieee754Compatible: false, omitNulls: false }) → true
 */
export function pageAsText(plan: ExpandShape & { readonly depth?: unknown }, options: Pick<FormatOptions, 'ieee754Compatible' | 'omitNulls'>): boolean {
  // complex (jsonb) properties stay with the driver: PostgreSQL's text of them is no cheaper to pass on,
  // and the extra subquery costs more planning than a page of a few projects saves (projects-owner 0.84 → 0.74)
  return plan.expand.length === 0 && !plan.depth && plan.select.every((p) => !p.complex) && entitiesAsText(plan, options);
}

/** A single entity, expanded, with its context URL first. */
export function formatSingle(plan: ReadPlan, row: Row, options: FormatOptions): Row {
  return { '@odata.context': contextUrl(plan, options.serviceRoot), ...formatExpanded(row, plan, options) };
}

/**
 * `formatExpanded({ Id: '5', Name: 'Platform', __key_Members: '5', Members: [{ Id: 9, UserId: 3, … }] }, plan, options)`
 *   → { Id: 5, Name: 'Platform', Members: [{ Id: 9, UserId: 3, … }] }
 */
export function formatExpanded(row: Row, shape: ExpandShape, options: FormatOptions): Row {
  const entity = formatEntity(row, shape.select, options);
  for (const plan of shape.expand) {
    const name = plan.navigation.name;
    const value = row[name];
    // `Members/$ref`: each related entity as its reference
    const write = plan.ref ? (item: Row) => referenceTo(plan, item, options.serviceRoot) : (item: Row) => formatExpanded(item, plan, options);
    if (!plan.navigation.collection) {
      if (value !== null && value !== undefined) entity[name] = write(value as Row);
      else if (!options.omitNulls) entity[name] = null;
      continue;
    }
    const items = (value ?? []) as Row[];
    if (plan.count) {
      const count = Number(row[expandCountAlias(name)] ?? 0);
      entity[`${name}@odata.count`] = formatCount(count, options);
    }
    if (plan.probeMore && items.length > plan.limit) entity[`${name}@odata.nextLink`] = expandedNextLink(plan, row[expandKeyAlias(name)], options.serviceRoot);
    entity[name] = items.slice(0, plan.limit).map(write);
  }
  return entity;
}

/** `referenceTo(Members plan, { Id: 9 }, 'http://h/odata')` → { '@odata.id': 'http://h/odata/OrganizationTeamMemberHierarchies(9)' } */
function referenceTo(plan: ExpandPlan, item: Row, serviceRoot: string): Row {
  const key = keyProperty(plan.set);
  return { '@odata.id': `${serviceRoot}/${plan.set.name}(${keyLiteral(key, item[key.name])})` };
}

/**
 * Where the rest of a truncated expanded collection is read: its entity set, filtered to the parent and
 * by the nested $filter and $search, with the nested $select/$orderby/$expand (and the recursion of $levels), past
 * the entities already sent.
 *   Members of team 5, 1000 sent → 'http://h/odata/OrganizationTeamMemberHierarchies?$filter=OrganizationTeamHierarchyId%20eq%205&$skip=1000'
 */
export function expandedNextLink(plan: ExpandPlan, parentKey: unknown, serviceRoot: string): string {
  const texts = plan.link.optionTexts;
  const own = parentCondition(plan, parentKey);
  const options: [string, string][] = [['$filter', texts.filter ? `${own} and (${texts.filter})` : own]];
  if (texts.search) options.push(['$search', texts.search]);
  if (texts.select) options.push(['$select', texts.select]);
  const expand = [texts.expand, plan.link.recurse].filter((text) => text).join(',');
  if (expand) options.push(['$expand', expand]);
  if (texts.orderby) options.push(['$orderby', texts.orderby]);
  if (plan.link.top !== undefined) options.push(['$top', String(plan.link.top)]);
  options.push(['$skip', String(plan.skip + plan.limit)]);
  const query = options.map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  if (plan.link.parameter) query.push(plan.link.parameter); // inactive=true: the rest without the default filter too
  return `${serviceRoot}/${plan.set.name}?${query.join('&')}`;
}

/**
 * The $filter term that keeps a nextLink to the parent's entities: `OrganizationTeamHierarchyId eq 5`; for a
 * many-to-many navigation, through its partner: Teams(3)'s Users → `Teams/any(p: p/Id eq 3)`.
 */
function parentCondition(plan: ExpandPlan, parentKey: unknown): string {
  const nav = plan.navigation;
  if (nav.through) {
    const partner = nav.partner === undefined ? undefined : plan.set.navigations.find((n) => n.name === nav.partner);
    const parentSet = partner ? entitySet(partner.target) : undefined;
    const parentProp = parentSet?.properties.find((p) => p.column === nav.sourceColumn);
    if (!partner || !parentProp) throw new Error(`model: ${nav.name} needs a partner navigation on ${plan.set.name} for its nextLink`);
    return `${partner.name}/any(p: p/${parentProp.name} eq ${keyLiteral(parentProp, parentKey)})`;
  }
  const joined = plan.set.properties.find((p) => p.column === nav.targetColumn);
  if (!joined) throw new Error(`model: ${plan.set.name} has no property for ${nav.targetColumn}`);
  return `${joined.name} eq ${keyLiteral(joined, parentKey)}`;
}
