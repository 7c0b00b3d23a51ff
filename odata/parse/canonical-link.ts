/**
 * Parse stage, for links: a request's path and query pairs as a nextLink or delta link repeats them,
 * in the canonical v4 form — the OData v2 number suffixes a client wrote (`Users(2L)`, `$filter=Id eq 2L`)
 * left out. Text without a suffix comes back as it was, byte for byte (and is not parsed again). Pure.
 */
import { stripNumberSuffixes, mayHaveNumberSuffix } from './number-suffixes';
import { parseApply, parseCompute, parseFilter, parseKeyPredicate, parseOrderBy } from './parse-expression';
import { parseExpand } from './parse-expand';
import { plusAsSpace } from './parse-query-options';
import { decodePercent } from './percent-decode';
import type { ParseSite } from './run-grammar';

/** The options whose value may hold a number literal, each with its parser. */
const PARSERS: Readonly<Record<string, (text: string, site: ParseSite) => unknown>> = {
  filter: parseFilter,
  orderby: parseOrderBy,
  apply: parseApply,
  compute: parseCompute,
  expand: parseExpand,
};

/**
 * One `name=value` pair of a query string, as a link repeats it.
 * e.g. canonicalQueryPair('$filter=Id%20eq%202L') → '$filter=Id%20eq%202'
 *      canonicalQueryPair("$filter=Name eq '2L'") → "$filter=Name eq '2L'" (unchanged: a string)
 */
export function canonicalQueryPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const rawName = pair.slice(0, eq);
  const parse = PARSERS[optionName(rawName)];
  if (!parse) return pair;
  const stripped = withoutSuffixes(plusAsSpace(pair.slice(eq + 1)), (text) => parse(text, { option: rawName }));
  return stripped === undefined ? pair : `${rawName}=${encodeURIComponent(stripped)}`;
}

/**
 * A resource path (below the host), as a link repeats it: key predicates and function parameters
 * without suffixes.
 * e.g. canonicalPath('/odata/Users(2L)/Memberships') → '/odata/Users(2)/Memberships'
 */
export function canonicalPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const open = segment.indexOf('(');
      if (open < 0 || !segment.endsWith(')')) return segment;
      const stripped = withoutSuffixes(segment.slice(open + 1, -1), (text) => parseKeyPredicate(text, { option: 'resource path' }));
      return stripped === undefined ? segment : `${segment.slice(0, open)}(${encodePathText(stripped)})`;
    })
    .join('/');
}

/** The decoded text without its suffixes, or undefined when it has none (or does not parse: the request's own parse reports that). */
function withoutSuffixes(raw: string, parse: (text: string) => unknown): string | undefined {
  let text: string;
  try {
    text = decodePercent(raw, 'link', 0);
    if (!mayHaveNumberSuffix(text)) return undefined;
    const stripped = stripNumberSuffixes(text, parse(text));
    return stripped === text ? undefined : stripped;
  } catch {
    return undefined;
  }
}

/** A query option's name as written → its bare lower-case name: `%24FILTER` → 'filter' (a malformed escape: the raw name). */
export function optionName(rawName: string): string {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    // keep the raw name; the parser reports malformed escapes
  }
  return name.replace(/^\$/, '').toLowerCase();
}

/** Percent-encodes a key predicate's text for a path, keeping what a path may hold as it is: `Id=2,Name='a b'` → `Id=2,Name='a%20b'`. */
function encodePathText(text: string): string {
  return encodeURIComponent(text).replace(/%(2C|3D|3A|40|24|2B)/gi, (escape) => decodeURIComponent(escape));
}
