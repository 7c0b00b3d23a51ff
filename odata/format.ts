/**
 * Response formatting: database rows → OData JSON (minimal metadata). Converts each value by its Edm type
 * (Int64/Decimal as numbers, or strings with IEEE754Compatible=true; DateTimeOffset as ISO 8601 with Z),
 * builds context URLs, and puts "@odata.context" first. Pure: no I/O.
 */
import type { PropertyDef } from './model';
import type { ExpandPlan, ReadPlan } from './plan/read-plan';

export interface FormatOptions {
  /** Absolute service root without trailing slash: `http://localhost:3000/odata`. */
  readonly serviceRoot: string;
  /** IEEE754Compatible=true: Int64 and Decimal as JSON strings. */
  readonly ieee754Compatible: boolean;
  /** Prefer: omit-values=nulls applied: null properties left out. */
  readonly omitNulls: boolean;
}

/** The form DateTimeOffset values are sent in (what server/db/pg-types.ts already produces). */
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The sent form of a UTC instant from its date-time and its fraction of a second as PostgreSQL writes them,
 * milliseconds truncated like Date#toISOString: isoUtcMs('2024-01-31T10:00:00', '12345') → '2024-01-31T10:00:00.123Z'.
 */
export function isoUtcMs(dateTime: string, fraction = ''): string {
  return `${dateTime}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
}

/** PostgreSQL's JSON form of a timestamptz in a UTC session (the values inside $expand): `2024-01-31T10:00:00.123987+00:00`. */
const JSON_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00:00$/;

/** `formatValue(Int64 prop, '42', opts)` → 42; `formatValue(DateTimeOffset, Date, …)` → '2024-01-31T10:00:00.000Z'. */
export function formatValue(prop: PropertyDef, value: unknown, options: FormatOptions): unknown {
  if (value === null || value === undefined) return null;
  switch (prop.type) {
    case 'Edm.Int64':
    case 'Edm.Decimal':
      return options.ieee754Compatible ? String(value) : Number(value);
    case 'Edm.Int32':
    case 'Edm.Double':
      return Number(value);
    case 'Edm.DateTimeOffset': {
      if (value instanceof Date) return value.toISOString();
      const text = String(value);
      if (ISO_UTC_MS.test(text)) return text;
      const json = JSON_UTC.exec(text);
      return json ? isoUtcMs(json[1] as string, json[2]) : new Date(text).toISOString();
    }
    case 'Edm.Boolean':
      return Boolean(value);
    default:
      return value;
  }
}

/** An `@odata.count` (Int64): a number, or a string under IEEE754Compatible=true (OData JSON §4.5.5). `formatCount(3, { ieee754Compatible: true })` → '3'. */
export function formatCount(count: number, options: Pick<FormatOptions, 'ieee754Compatible'>): number | string {
  return options.ieee754Compatible ? String(count) : count;
}

/** The weak ETag of a row version: `etagOf('3')` → 'W/"3"'. */
export function etagOf(version: unknown): string {
  return `W/"${String(version)}"`;
}

/** The row version named by an ETag: `versionOfEtag('W/"3"')` → '3'; anything else → undefined. */
export function versionOfEtag(etag: string): string | undefined {
  return /^(?:W\/)?"(\d+)"$/.exec(etag.trim())?.[1];
}

/** One row → one entity object: "@odata.etag" (when the row has a version), then the selected properties in model order. */
export function formatEntity(row: Record<string, unknown>, select: readonly PropertyDef[], options: FormatOptions): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  if (row.__etag !== undefined && row.__etag !== null) entity['@odata.etag'] = etagOf(row.__etag);
  for (const prop of select) {
    const value = formatValue(prop, row[prop.name], options);
    if (value === null && options.omitNulls) continue;
    entity[prop.name] = value;
  }
  return entity;
}

/** What a context URL's select list is made of: a ReadPlan or an ExpandPlan. */
interface ContextShape {
  readonly select: readonly PropertyDef[];
  readonly selectExplicit: boolean;
  readonly selectMembers?: Readonly<Record<string, readonly (readonly string[])[]>>;
  readonly expand: readonly ExpandPlan[];
}

/**
 * The select list of a context URL: `(Id,Name,Members(UserId),Parent())`, or '' when neither $select
 * nor $expand shaped the entities. A level of `$levels` is written once: `Children()`.
 */
export function contextSelectList(shape: ContextShape): string {
  // a complex property selected in part is listed by its member paths: `ProjectOwner/Email`
  const named = (name: string): string[] => shape.selectMembers?.[name]?.map((path) => [name, ...path].join('/')) ?? [name];
  const items = shape.selectExplicit ? shape.select.flatMap((p) => named(p.name)) : [];
  for (const plan of shape.expand) {
    if (plan.ref) continue; // references are not entities: they shape nothing
    const inner: ContextShape = plan.link.recurse ? { ...plan, expand: plan.expand.filter((p) => p.navigation.name !== plan.navigation.name) } : plan;
    items.push(`${plan.navigation.name}(${contextSelectList(inner).slice(1, -1)})`);
  }
  return items.length > 0 ? `(${items.join(',')})` : '';
}

/**
 * The context URL of a read:
 *   Users                      → …/$metadata#Users
 *   Users?$select=Id,FirstName → …/$metadata#Users(Id,FirstName)
 *   Users(5)                   → …/$metadata#Users/$entity
 *   Users(5)/FirstName         → …/$metadata#Users(5)/FirstName
 *   Projects(1)/ProjectOwner/Email → …/$metadata#Projects(1)/ProjectOwner/Email
 *   Teams?$expand=Members      → …/$metadata#Teams(Members())
 */
export function contextUrl(plan: ReadPlan, serviceRoot: string, keyText?: string): string {
  const base = `${serviceRoot}/$metadata#${plan.set.name}`;
  const select = contextSelectList(plan);
  switch (plan.target.kind) {
    case 'entity':
    case 'related':
      return `${base}${select}/$entity`;
    case 'property':
      return `${base}(${keyText ?? ''})/${[plan.target.property, ...(plan.target.members ?? [])].map((p) => p.name).join('/')}`;
    default:
      return `${base}${select}`;
  }
}

export interface CollectionPage {
  readonly rows: readonly Record<string, unknown>[];
  readonly count?: number;
  readonly nextLink?: string;
  /** The last page of a read that tracks changes: where its changes will be (`@odata.deltaLink`). */
  readonly deltaLink?: string;
}

/** `keyLiteral(Id prop, 5)` → '5'; strings quoted with '' escaping: `'O''Neil'`. */
export function keyLiteral(prop: PropertyDef, value: unknown): string {
  if (prop.type === 'Edm.String') return `'${String(value).replace(/'/g, "''")}'`;
  return String(value);
}
