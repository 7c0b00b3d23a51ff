/**
 * Parse stage entry: raw query string (after '?'; not framework-decoded; '+' is a space, as curl, browsers and
 * most HTTP libraries encode it — a literal plus is %2B) → system options
 * + custom options. Splits on '&', percent-decodes, recognises system options case-insensitively with or
 * without '$' (4.01). Syntax-error positions count characters of the decoded option value; option-level
 * errors give the position in the query string. Pure: no I/O.
 */
import type { QueryOptions } from './ast';
import { ODataError } from '../errors';
import { decodePercent } from './percent-decode';
import { parseApply, parseCompute, parseFilter, parseOrderBy, parseSelect } from './parse-expression';
import { parseExpand } from './parse-expand';
import { parseScalarOption, type ScalarOptionName } from './parse-scalar-option';
import type { ParseSite } from './run-grammar';

export { parseApply, parseCompute, parseFilter, parseOrderBy, parseSelect, parseKeyPredicate } from './parse-expression';
export { parseExpand } from './parse-expand';
export { parseResourcePath } from './parse-resource-path';

const SYSTEM_OPTIONS = ['filter', 'apply', 'compute', 'select', 'orderby', 'expand', 'top', 'skip', 'count', 'search', 'skiptoken', 'deltatoken', 'format', 'levels', 'id'] as const;
type SystemOption = (typeof SYSTEM_OPTIONS)[number];
/** OData system options we know but do not implement: named in the 400, also without '$'. */
const UNSUPPORTED_OPTIONS = ['index', 'schemaversion'];

/** The options whose value is an expression or a list of them, each with its parser; the rest are scalars. */
const EXPRESSION_OPTIONS: Partial<Record<SystemOption, (text: string, site: ParseSite) => unknown>> = {
  filter: parseFilter,
  apply: parseApply,
  compute: parseCompute,
  orderby: parseOrderBy,
  select: parseSelect,
  expand: parseExpand,
};

export interface ParsedQuery {
  readonly options: QueryOptions;
  readonly custom: Record<string, string[]>;
}

/**
 * e.g. parseQueryOptions("$filter=Name%20eq%20'Sam'&top=5&token=abc&token=def")
 *   → { options:{ filter: Binary eq, top: 5 }, custom:{ token:['abc','def'] } }
 * parseQueryOptions('$top=1&$TOP=2') throws 400 InvalidQueryOption (duplicate);
 * parseQueryOptions('$xyz=1') throws 400 UnsupportedQueryOption naming $xyz.
 */
export function parseQueryOptions(rawQuery: string): ParsedQuery {
  const options: { -readonly [K in keyof QueryOptions]: QueryOptions[K] } = {};
  const custom = new Map<string, string[]>();
  const seen = new Set<SystemOption>();
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  let start = 0;
  for (const piece of query.split('&')) {
    const pieceStart = start;
    start += piece.length + 1;
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const name = decodePercent(rawName, 'query string', pieceStart);
    const rawValue = eq < 0 ? undefined : piece.slice(eq + 1);
    const lower = name.toLowerCase();
    const bare = lower.startsWith('$') ? lower.slice(1) : lower;
    const system = (SYSTEM_OPTIONS as readonly string[]).includes(bare) ? (bare as SystemOption) : undefined;

    if (!system) {
      if (lower.startsWith('$') || UNSUPPORTED_OPTIONS.includes(bare)) {
        throw new ODataError('UnsupportedQueryOption', `Query option ${name} is not supported (at position ${pieceStart})`, name);
      }
      if (name.startsWith('@')) {
        throw new ODataError('UnsupportedQueryOption', `Parameter aliases such as ${name} are not supported (at position ${pieceStart})`, name);
      }
      if (name === '') throw new ODataError('InvalidQueryOption', `Query option without a name at position ${pieceStart}`, 'query string');
      const value = rawValue === undefined ? '' : decodePercent(plusAsSpace(rawValue), name, 0);
      custom.set(name, [...(custom.get(name) ?? []), value]);
      continue;
    }

    const option = `$${system}`;
    if (seen.has(system)) {
      throw new ODataError('InvalidQueryOption', `Query option ${option} is given more than once (at position ${pieceStart})`, option);
    }
    seen.add(system);
    if (rawValue === undefined) {
      throw new ODataError('InvalidQueryOption', `Query option ${option} needs a value: expected '=' at position ${pieceStart + piece.length}`, option);
    }
    const text = decodePercent(plusAsSpace(rawValue), option, 0);
    const parse = EXPRESSION_OPTIONS[system];
    const value = parse ? parse(text, { option }) : parseScalarOption(system as ScalarOptionName, text, { option, fullText: text, offset: 0 });
    Object.assign(options, { [system]: value });
  }
  return { options, custom: Object.fromEntries(custom) };
}

/**
 * '+' in a query string means a space (application/x-www-form-urlencoded, what curl --data-urlencode,
 * URLSearchParams and Python requests send); a literal plus arrives as %2B. Same length, so positions hold.
 * e.g. plusAsSpace("Name+eq+'x'") → "Name eq 'x'"
 */
export function plusAsSpace(raw: string): string {
  return raw.replace(/\+/g, ' ');
}
