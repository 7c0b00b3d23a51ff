/**
 * Parse stage: `$expand` text → ExpandItem[], with the nested options of each item
 * (`Members($filter=…;$top=2;$expand=User($select=FirstName))`) assembled into QueryOptions.
 * `/$ref` reads references (no $select/$expand/$levels inside); `/$count`, `$compute` and @aliases are
 * rejected with 400 UnsupportedQueryOption. Pure: no I/O.
 */
import type { ExpandItem, Expr, OrderByItem, QueryOptions, SelectItem } from './ast';
import { ODataError } from '../errors';
import { stripNumberSuffixes } from './number-suffixes';
import { runGrammar, type ParseSite } from './run-grammar';
import { parseScalarOption, type ScalarOptionName } from './parse-scalar-option';

interface RawExpandItem {
  readonly path: readonly string[];
  readonly pos: number;
  readonly suffix?: { readonly name: string; readonly pos: number };
  readonly options: readonly RawOption[];
  readonly text: string;
}

type RawOption =
  | { readonly name: 'filter'; readonly pos: number; readonly value: Expr; readonly text: string }
  | { readonly name: 'orderby'; readonly pos: number; readonly value: readonly OrderByItem[]; readonly text: string }
  | { readonly name: 'select'; readonly pos: number; readonly value: readonly SelectItem[]; readonly text: string }
  | { readonly name: 'expand'; readonly pos: number; readonly value: readonly RawExpandItem[]; readonly text: string }
  | { readonly name: string; readonly pos: number; readonly valuePos: number; readonly value: string; readonly raw: true };

const NESTED_SCALARS: readonly string[] = ['top', 'skip', 'count', 'levels', 'search'];

/**
 * e.g. parseExpand('Members($filter=UserId gt 3;$top=2),Parent')
 *   → [{ path:['Members'], options:{ filter: Binary gt, top: 2 } }, { path:['Parent'], options:{} }]
 * parseExpand('Members/$ref') → [{ path: ['Members'], ref: true, … }]; parseExpand('Members/$count') throws 400 UnsupportedQueryOption.
 */
export function parseExpand(text: string, site: ParseSite = { option: '$expand' }): readonly ExpandItem[] {
  const raw = runGrammar('ExpandText', text, site) as RawExpandItem[];
  return assemble(raw, { option: site.option, fullText: site.fullText ?? text, offset: site.offset ?? 0 });
}

interface Site {
  readonly option: string;
  readonly fullText: string;
  readonly offset: number;
}

function assemble(items: readonly RawExpandItem[], site: Site): ExpandItem[] {
  return items.map((item) => {
    const ref = item.suffix?.name === '$ref';
    if (item.suffix && !ref) {
      throw new ODataError(
        'UnsupportedQueryOption',
        `${site.option}: ${item.path.join('/')}/${item.suffix.name} is not supported (at position ${item.suffix.pos + site.offset})`,
        site.option,
      );
    }
    const options = assembleOptions(item.options, site);
    if (ref) {
      const shaping = (['select', 'expand', 'levels'] as const).find((name) => options[name] !== undefined);
      if (shaping) throw new ODataError('InvalidQueryOption', `${site.option}: ${item.path.join('/')}/$ref is a list of references, which take no $${shaping}`, site.option);
      if (item.path[0] === '*') throw new ODataError('UnsupportedQueryOption', `${site.option}: */$ref is not supported; name the navigations`, site.option);
    }
    return { path: item.path, ...(ref ? { ref } : {}), options, text: item.text, optionTexts: optionTexts(item.options) };
  });
}

/**
 * The options' texts, as links repeat them (without v2 number suffixes):
 * `[$filter=A eq 1L, $top=2]` → { filter: 'A eq 1', top: '2' }
 */
function optionTexts(options: readonly RawOption[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const option of options) {
    const name = option.name.replace(/^\$/, '').toLowerCase();
    if ('raw' in option) {
      texts[name] = option.value;
      continue;
    }
    const valueStart = option.text.indexOf('=') + 1;
    texts[name] = stripNumberSuffixes(option.text.slice(valueStart), option.value, option.pos + valueStart);
  }
  return texts;
}

function assembleOptions(options: readonly RawOption[], site: Site): QueryOptions {
  const out: { -readonly [K in keyof QueryOptions]: QueryOptions[K] } = {};
  const seen = new Set<string>();
  for (const option of options) {
    const name = option.name.replace(/^\$/, '').toLowerCase();
    const position = option.pos + site.offset;
    if (name.startsWith('@') || !['filter', 'orderby', 'select', 'expand', ...NESTED_SCALARS].includes(name)) {
      throw new ODataError(
        'UnsupportedQueryOption',
        `${site.option}: nested option ${option.name} is not supported (at position ${position})`,
        site.option,
      );
    }
    if (seen.has(name)) {
      throw new ODataError('InvalidQueryOption', `${site.option}: $${name} is given twice (at position ${position})`, site.option);
    }
    seen.add(name);
    if ('raw' in option) {
      const scalarSite = { option: site.option, fullText: site.fullText, offset: option.valuePos + site.offset };
      const value = parseScalarOption(name as ScalarOptionName, option.value, scalarSite);
      Object.assign(out, { [name]: value });
    } else if (option.name === 'filter') out.filter = option.value;
    else if (option.name === 'orderby') out.orderby = option.value;
    else if (option.name === 'select') out.select = option.value;
    else if (option.name === 'expand') out.expand = assemble(option.value, site);
  }
  return out;
}
