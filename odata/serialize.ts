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

/**
 * One page → its JSON text: `{"@odata.context":…,"@odata.count"?:…,"value":[…],"@odata.nextLink"?:…}`,
 * equal (after JSON.parse) to formatCollection(plan, page, options).
 */
export function serializeCollection(plan: ReadPlan, page: CollectionPage, options: FormatOptions): string {
  let out = `{"@odata.context":${JSON.stringify(contextUrl(plan, options.serviceRoot))}`;
  if (page.count !== undefined) out += `,"@odata.count":${options.ieee754Compatible ? JSON.stringify(String(page.count)) : String(page.count)}`;
  const serialize = rowSerializer(plan.select, options);
  out += `,"value":[${page.rows.map(serialize).join(',')}]`;
  if (page.nextLink) out += `,"@odata.nextLink":${JSON.stringify(page.nextLink)}`;
  return `${out}}`;
}
