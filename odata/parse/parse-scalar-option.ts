/**
 * Parse stage: the scalar system query options ($top, $skip, $count, $levels, $search, $format,
 * $skiptoken, $deltatoken, $id), at the top level and inside $expand(...) (not $id). Text in, typed value out. Pure: no I/O.
 */
import { ODataError, syntaxError } from '../errors';

export type ScalarOptionName = 'top' | 'skip' | 'count' | 'levels' | 'search' | 'format' | 'skiptoken' | 'deltatoken' | 'id';
export type ScalarOptionValue = number | boolean | 'max' | string;

/** Where the value sits: the option reported as error target and the text its positions refer to. */
export interface ScalarSite {
  readonly option: string;
  readonly fullText: string;
  readonly offset: number;
}

/**
 * Validates and converts one scalar option value.
 * e.g. parseScalarOption('top', '20', site) → 20; parseScalarOption('count', 'TRUE', site) → true;
 *      parseScalarOption('levels', 'max', site) → 'max'; parseScalarOption('top', '-1', site) throws
 *      400 "Syntax error in $top at position 0: expected a non-negative integer (found '-1')".
 */
export function parseScalarOption(name: ScalarOptionName, value: string, site: ScalarSite): ScalarOptionValue {
  switch (name) {
    case 'top':
    case 'skip':
      return integer(value, /^[0-9]+$/, 'a non-negative integer', site);
    case 'levels':
      if (value.toLowerCase() === 'max') return 'max';
      return integer(value, /^[1-9][0-9]*$/, "a positive integer without leading zeros or 'max'", site);
    case 'count': {
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      throw syntaxError(site.option, site.fullText, site.offset, "'true' or 'false'");
    }
    default:
      if (value === '') throw syntaxError(site.option, site.fullText, site.offset, 'a value');
      return value;
  }
}

function integer(value: string, pattern: RegExp, expected: string, site: ScalarSite): number {
  if (!pattern.test(value)) {
    const bad = value === '' ? 0 : [...value].findIndex((c, i) => !pattern.test(value.slice(0, i + 1)));
    throw syntaxError(site.option, site.fullText, site.offset + Math.max(bad, 0), expected);
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new ODataError(
      'InvalidQueryOption',
      `${site.option} at position ${site.offset} is too large (at most ${Number.MAX_SAFE_INTEGER})`,
      site.option,
    );
  }
  return n;
}
