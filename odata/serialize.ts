/**
 * Response serialisation for collection pages: database rows → the OData JSON text, written directly
 * as a string by per-property encoders compiled once per request, instead of building an object per
 * row and handing the page to JSON.stringify (a 1000-row page is the hot path of a Power BI refresh).
 * The result is the same JSON that format.ts's formatCollection describes; the specs hold them equal.
 */
import { contextUrl, etagOf, formatValue, type CollectionPage, type FormatOptions } from './format';
import type { PropertyDef } from './model';
import type { ReadPlan } from './plan/read-plan';

type Row = Record<string, unknown>;
/** A value that is not null → its JSON text. */
type Encoder = (value: unknown) => string;

const json: Encoder = (value) => JSON.stringify(value);
const number: Encoder = (value) => JSON.stringify(Number(value));

function encoderFor(prop: PropertyDef, options: FormatOptions): Encoder {
  switch (prop.type) {
    case 'Edm.String':
      return json;
    case 'Edm.Int32':
    case 'Edm.Double':
      return number;
    case 'Edm.Int64':
    case 'Edm.Decimal':
      return options.ieee754Compatible ? (value) => JSON.stringify(String(value)) : number;
    case 'Edm.Boolean':
      return (value) => (value ? 'true' : 'false');
    case 'Edm.DateTimeOffset':
      // formatValue gives ISO 8601 text, which has nothing to escape
      return (value) => `"${String(formatValue(prop, value, options))}"`;
    default:
      return (value) => JSON.stringify(formatValue(prop, value, options));
  }
}

/**
 * `rowSerializer([Id, FirstName], { omitNulls: false, … })({ Id: '7', FirstName: null, __etag: '2' })`
 *   → '{"@odata.etag":"W/\"2\"","Id":7,"FirstName":null}'
 */
export function rowSerializer(select: readonly PropertyDef[], options: FormatOptions): (row: Row) => string {
  const fields = select.map((prop) => ({ name: prop.name, key: `${JSON.stringify(prop.name)}:`, encode: encoderFor(prop, options) }));
  const { omitNulls } = options;
  return (row) => {
    let out = '{';
    let first = true;
    const etag = row.__etag;
    if (etag !== undefined && etag !== null) {
      out += `"@odata.etag":${JSON.stringify(etagOf(etag))}`;
      first = false;
    }
    for (const field of fields) {
      const value = row[field.name];
      const isNull = value === null || value === undefined;
      if (isNull && omitNulls) continue;
      out += `${first ? '' : ','}${field.key}${isNull ? 'null' : field.encode(value)}`;
      first = false;
    }
    return `${out}}`;
  };
}

/** A cheap pre-check of formatValue's ISO test: `2024-01-31T10:00:00.123Z` has 24 characters, T at 10 and Z at 23. */
function looksIsoUtcMs(text: string): boolean {
  return text.length === 24 && text.charCodeAt(10) === 84 && text.charCodeAt(23) === 90 && text.charCodeAt(19) === 46;
}

/**
 * The page's rows rewritten in place so that JSON.stringify writes them exactly as the encoders would:
 * Int64/Decimal as numbers, DateTimeOffset as ISO text (a Date serialises as its ISO text by itself),
 * "@odata.etag" from the row version. Returns the property list for JSON.stringify's replacer, which
 * also fixes the key order and leaves out the internal columns (__etag, __o0…).
 */
function prepareRowsInPlace(select: readonly PropertyDef[], rows: readonly Row[], options: FormatOptions): string[] {
  const NUMBER = 1;
  const TIMESTAMP = 2;
  const fields = select.map((prop) => ({
    prop,
    kind: prop.type === 'Edm.Int64' || prop.type === 'Edm.Decimal' ? NUMBER : prop.type === 'Edm.DateTimeOffset' ? TIMESTAMP : 0,
  }));
  for (const row of rows) {
    for (const { prop, kind } of fields) {
      const value = row[prop.name];
      if (value === null) continue;
      if (value === undefined) row[prop.name] = null; // JSON.stringify would leave the key out
      else if (kind === NUMBER && typeof value !== 'number') row[prop.name] = Number(value);
      else if (kind === TIMESTAMP && typeof value === 'string' && !looksIsoUtcMs(value)) row[prop.name] = formatValue(prop, value, options);
    }
    const etag = row.__etag;
    if (etag !== undefined && etag !== null) row['@odata.etag'] = etagOf(etag);
  }
  return ['@odata.etag', ...select.map((p) => p.name)];
}

/**
 * One page → its JSON text: `{"@odata.context":…,"@odata.count"?:…,"value":[…],"@odata.nextLink"?:…}`,
 * equal (after JSON.parse) to formatCollection(plan, page, options). With the default options the rows
 * are prepared in place and written by JSON.stringify (1000 users: 2.4 ms instead of 4.1 ms with the
 * per-property encoders); IEEE754Compatible and omit-values=nulls use the encoders. The rows are the
 * driver's fresh objects, read once: they may be rewritten.
 */
export function serializeCollection(plan: ReadPlan, page: CollectionPage, options: FormatOptions): string {
  let out = `{"@odata.context":${JSON.stringify(contextUrl(plan, options.serviceRoot))}`;
  if (page.count !== undefined) out += `,"@odata.count":${options.ieee754Compatible ? JSON.stringify(String(page.count)) : String(page.count)}`;
  if (options.ieee754Compatible || options.omitNulls) {
    const serialize = rowSerializer(plan.select, options);
    out += `,"value":[${page.rows.map(serialize).join(',')}]`;
  } else {
    out += `,"value":${JSON.stringify(page.rows, prepareRowsInPlace(plan.select, page.rows, options))}`;
  }
  if (page.nextLink) out += `,"@odata.nextLink":${JSON.stringify(page.nextLink)}`;
  return `${out}}`;
}
