/**
 * Response serialisation for collection pages: database rows → the OData JSON text. In the default
 * format a page without $expand and without complex properties arrives as each entity's JSON text,
 * written by PostgreSQL (format-expanded.ts pageAsText), and is only joined here. Otherwise the driver's rows
 * are prepared in place (values converted by their Edm type, "@odata.etag" added) and written by
 * JSON.stringify with the property list as replacer (a 1000-row page is the hot path of a Power BI
 * refresh: 2.4 ms this way, 4.1 ms with per-property encoders); rows with complex values are copied
 * into new objects instead, since a replacer list applies inside them too. The specs hold the result equal to
 * formatting each row with format.ts's formatEntity. Pages with $expand (JSON nested by PostgreSQL) are
 * formatted entity by entity (format-expanded.ts): a replacer list would apply at every depth.
 * The text comes in pieces of a few dozen rows, and the server encodes them into one UTF-8 buffer
 * (utf8Body): a JavaScript string over 128 KB (64K characters once one is outside Latin-1) lives in V8's
 * large-object space, and making one cost 0.6 ms against 0.06 ms for one just under that size.
 */
import { contextUrl, etagOf, formatCount, formatValue, type CollectionPage, type FormatOptions } from './format';
import { DEPTH_ANNOTATION, ENTITY_JSON_ALIAS, expandCountAlias, expandKeyAlias } from './aliases';
import { expandedNextLink, formatExpanded, type ExpandForm } from './format-expanded';
import type { PropertyDef } from './model';
import type { ReadPlan } from './plan/read-plan';

type Row = Record<string, unknown>;

/** A cheap pre-check of formatValue's ISO test: `2024-01-31T10:00:00.123Z` has 24 characters, T at 10 and Z at 23. */
function looksIsoUtcMs(text: string): boolean {
  return text.length === 24 && text.charCodeAt(10) === 84 && text.charCodeAt(23) === 90 && text.charCodeAt(19) === 46;
}

/** How a property's value is prepared: kept as it is, or converted as formatValue would. */
const enum Kind {
  Plain,
  /** Int64/Decimal: a number, or a string under IEEE754Compatible. */
  Wide,
  /** Int32/Double: a number. */
  Number,
  Boolean,
  Timestamp,
}

function kindOf(prop: PropertyDef): Kind {
  switch (prop.type) {
    case 'Edm.Int64':
    case 'Edm.Decimal':
      return Kind.Wide;
    case 'Edm.Int32':
    case 'Edm.Double':
      return Kind.Number;
    case 'Edm.Boolean':
      return Kind.Boolean;
    case 'Edm.DateTimeOffset':
      return Kind.Timestamp;
    default:
      return Kind.Plain;
  }
}

/**
 * The page's rows rewritten in place so that JSON.stringify writes each exactly as formatEntity would:
 * values converted only where their driver type differs from the JSON one (a Date serialises as its ISO
 * text by itself), nulls as null or — omit-values=nulls — as undefined, which JSON.stringify leaves
 * out, and "@odata.etag" from the row version. Returns the names to write, in order: the property list
 * for JSON.stringify's replacer, which also leaves out the internal columns (__etag, __o0…).
 */
function prepareRowsInPlace(select: readonly PropertyDef[], rows: readonly Row[], options: FormatOptions, annotations: readonly string[] = []): string[] {
  const fields = select.map((prop) => ({ prop, kind: kindOf(prop) }));
  const absent = options.omitNulls ? undefined : null;
  for (const row of rows) {
    for (const { prop, kind } of fields) {
      const value = row[prop.name];
      if (value === null || value === undefined) {
        row[prop.name] = absent;
        continue;
      }
      switch (kind) {
        case Kind.Wide:
          if (options.ieee754Compatible ? typeof value !== 'string' : typeof value !== 'number') row[prop.name] = formatValue(prop, value, options);
          break;
        case Kind.Number:
          if (typeof value !== 'number') row[prop.name] = formatValue(prop, value, options);
          break;
        case Kind.Boolean:
          if (typeof value !== 'boolean') row[prop.name] = formatValue(prop, value, options);
          break;
        case Kind.Timestamp:
          if (typeof value === 'string' && !looksIsoUtcMs(value)) row[prop.name] = formatValue(prop, value, options);
          break;
        default:
          break;
      }
    }
    const etag = row.__etag;
    if (etag !== undefined && etag !== null) row['@odata.etag'] = etagOf(etag);
  }
  return ['@odata.etag', ...annotations, ...select.map((p) => p.name)];
}

/** Instance annotations the page's rows carry after their etag: a hierarchy function's `@OrgChart.Depth`. */
function annotationsOf(plan: ReadPlan): string[] {
  return plan.depth ? [DEPTH_ANNOTATION] : [];
}

/**
 * A prepared row as a new object of the named properties, in order: what JSON.stringify writes of rows
 * with complex values (a replacer list would be looked up in every nested object too: 22 µs against
 * 10 µs for two projects with their assets). `pick({ b: 2, a: 1, __etag: '3' }, ['a', 'b'])` → { a: 1, b: 2 }
 */
function pick(row: Row, names: readonly string[]): Row {
  const entity: Row = {};
  for (const name of names) if (row[name] !== undefined) entity[name] = row[name];
  return entity;
}

/**
 * One page → its JSON text: `{"@odata.context":…,"@odata.count"?:…,"value":[…],"@odata.nextLink"?:…}`,
 * the same document as formatting each row with formatEntity. The rows are the driver's fresh objects,
 * read once: they are rewritten.
 */
export function serializeCollection(plan: ReadPlan, page: CollectionPage, options: FormatOptions, form: ExpandForm = 'objects'): string {
  return [...serializeCollectionChunks(plan, page, options, form)].join('');
}

/**
 * Pieces of text → one UTF-8 buffer, without joining them into one string first (see the header).
 *   utf8Body(['{"a":', '"Łódź"}']).toString() → '{"a":"Łódź"}'
 */
export function utf8Body(chunks: Iterable<string>): Buffer {
  const pieces = [...chunks];
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece);
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += body.write(piece, at);
  return body;
}

/** Rows of an expanded page written per chunk: each carries up to a few thousand nested entities. */
export const EXPANDED_ROWS_PER_CHUNK = 8;

/** Rows of a page without $expand written per chunk: ~30 KB of text, far below V8's large-object size. */
export const ROWS_PER_CHUNK = 64;

/** The keys of removed entries in a delta, in both forms: `{"@removed":{"reason":…},"@id":…}` (4.01), `{"@odata.context":…,"id":…,"reason":…}` (4.0). */
const REMOVED_ENTRY_KEYS = ['@removed', '@odata.context', '@id', 'id', 'reason'];

/**
 * A page of a delta (server/http/delta-handler.ts): each row's entry in the rows' order — the JSON text
 * PostgreSQL wrote for it (`text(row)`), or the removed entry `removed` makes of it, or else the row
 * written as an entity the way collection pages are (prepared in place, JSON.stringify with the property list):
 *   serializeDelta(plan, [{ Id: 5, __etag: '2' }, { __delta_key: '6' }], o, { removed: (r) => r.Id === undefined ? { '@removed': … } : undefined }, links)
 *     → '{"@odata.context":"…#Users/$delta","value":[{"@odata.etag":"W/\\"2\\"","Id":5},{"@removed":…}],"@odata.deltaLink":…}'
 */
export function serializeDelta(
  plan: ReadPlan, rows: readonly Row[], options: FormatOptions,
  entries: { readonly removed: (row: Row) => Row | undefined; readonly text?: (row: Row) => string | undefined },
  links: { readonly nextLink?: string; readonly deltaLink?: string },
): string {
  let value: string;
  if (entries.text) {
    const { text, removed } = entries;
    value = rows.map((row) => text(row) ?? JSON.stringify(removed(row))).join(',');
  } else {
    const written = rows.map((row) => entries.removed(row) ?? row);
    const names = prepareRowsInPlace(plan.select, written.filter((entry, i) => entry === rows[i]), options);
    // one JSON.stringify for the page (a replacer list per row costs ~5 µs a row): the list names the
    // removed entries' keys too — none is a property name — in the order they are written
    value = JSON.stringify(written, [...names, ...REMOVED_ENTRY_KEYS]).slice(1, -1);
  }
  return `${collectionHead(`${contextUrl(plan, options.serviceRoot)}/$delta`, undefined, options)}${value}${collectionTail(links)}`;
}

/**
 * The text of a collection response around its entries, for every writer of one (pages, deltas, $apply):
 *   collectionHead('http://h/odata/$metadata#Users', 3, o) → '{"@odata.context":"http://h/odata/$metadata#Users","@odata.count":3,"value":['
 */
export function collectionHead(context: string, count: number | undefined, options: Pick<FormatOptions, 'ieee754Compatible'>): string {
  const counted = count === undefined ? '' : `,"@odata.count":${JSON.stringify(formatCount(count, options))}`;
  return `{"@odata.context":${JSON.stringify(context)}${counted},"value":[`;
}

/** `collectionTail({ nextLink: 'http://h/odata/Users?$skiptoken=t' })` → '],"@odata.nextLink":"http://h/odata/Users?$skiptoken=t"}' (a delta link likewise). */
export function collectionTail(links: { readonly nextLink?: string; readonly deltaLink?: string }): string {
  const next = links.nextLink ? `,"@odata.nextLink":${JSON.stringify(links.nextLink)}` : '';
  const delta = links.deltaLink ? `,"@odata.deltaLink":${JSON.stringify(links.deltaLink)}` : '';
  return `]${next}${delta}}`;
}

/**
 * The same text as serializeCollection, in pieces that concatenate to it: the head, then the rows —
 * a page without $expand ROWS_PER_CHUNK rows at a time (2.4 ms for 1000 users), an expanded page
 * EXPANDED_ROWS_PER_CHUNK rows at a time, so that the server can yield to other requests between
 * pieces and no piece is a large object — then the tail.
 *   [...serializeCollectionChunks(plan, { rows: [a, b] }, o)].join('') === serializeCollection(plan, { rows: [a, b] }, o)
 */
export function* serializeCollectionChunks(plan: ReadPlan, page: CollectionPage, options: FormatOptions, form: ExpandForm = 'objects'): Generator<string> {
  const tail = collectionTail(page);
  yield collectionHead(contextUrl(plan, options.serviceRoot), page.count, options);
  if (plan.expand.length === 0 && form === 'text') {
    // each entity's JSON as PostgreSQL wrote it (compile-read.ts: ENTITY_JSON_ALIAS)
    for (let i = 0; i < page.rows.length; i += ROWS_PER_CHUNK) {
      yield `${i > 0 ? ',' : ''}${page.rows.slice(i, i + ROWS_PER_CHUNK).map((row) => row[ENTITY_JSON_ALIAS] as string).join(',')}`;
    }
    yield tail;
    return;
  }
  if (plan.expand.length === 0) {
    const names = prepareRowsInPlace(plan.select, page.rows, options, annotationsOf(plan));
    const complex = plan.select.some((p) => p.complex);
    for (let i = 0; i < page.rows.length; i += ROWS_PER_CHUNK) {
      const rows = page.rows.slice(i, i + ROWS_PER_CHUNK);
      const json = complex ? JSON.stringify(rows.map((row) => pick(row, names))) : JSON.stringify(rows, names);
      yield `${i > 0 ? ',' : ''}${json.slice(1, -1)}`;
    }
    yield tail;
    return;
  }
  const names = form === 'text' ? prepareRowsInPlace(plan.select, page.rows, options, annotationsOf(plan)) : [];
  const complex = plan.select.some((p) => p.complex);
  const write = form === 'text'
    ? (row: Row) => withExpandedText(complex ? JSON.stringify(pick(row, names)) : JSON.stringify(row, names), row, plan, options)
    : (row: Row) => JSON.stringify(formatExpanded(row, plan, options));
  for (let i = 0; i < page.rows.length; i += EXPANDED_ROWS_PER_CHUNK) {
    yield `${i > 0 ? ',' : ''}${page.rows.slice(i, i + EXPANDED_ROWS_PER_CHUNK).map(write).join(',')}`;
  }
  yield tail;
}

/**
 * An entity's JSON with its expanded navigations appended as PostgreSQL wrote them (the 'text' form of
 * server/db/compile-expand.ts): a collection's `@odata.count`, its `@odata.nextLink` when the leading
 * '1' says more exist, then the array; a single entity's object or null.
 *   withExpandedText('{"Id":5}', { People: '0[{"Id":7}]' }, plan, o) → '{"Id":5,"People":[{"Id":7}]}'
 */
function withExpandedText(own: string, row: Row, plan: ReadPlan, options: FormatOptions): string {
  let text = own.slice(0, -1);
  for (const nav of plan.expand) {
    const name = nav.navigation.name;
    const sep = text.length > 1 ? ',' : '';
    const value = row[name] as string | null | undefined;
    if (!nav.navigation.collection) {
      text += `${sep}${JSON.stringify(name)}:${value ?? 'null'}`;
      continue;
    }
    let array = value ?? '[]';
    let annotations = '';
    if (nav.count) annotations += `${JSON.stringify(`${name}@odata.count`)}:${Number(row[expandCountAlias(name)] ?? 0)},`;
    if (nav.probeMore) {
      if (array.charCodeAt(0) === 49) annotations += `${JSON.stringify(`${name}@odata.nextLink`)}:${JSON.stringify(expandedNextLink(nav, row[expandKeyAlias(name)], options.serviceRoot))},`;
      array = array.slice(1);
    }
    text += `${sep}${annotations}${JSON.stringify(name)}:${array}`;
  }
  return `${text}}`;
}
