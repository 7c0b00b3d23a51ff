/**
 * Conformance of the query parser against the OASIS ABNF test cases (spec/fixtures/oasis/odata-abnf-testcases.yaml, copied from OASIS):
 * every case of the rules we implement runs through the matching entry point; positive cases must parse,
 * negative cases must fail (at FailAt, unless listed in POSITION_DIFFERS). Cases needing syntax we do not
 * support are listed, with a one-word reason, in OUT_OF_SCOPE. Pure: reads the YAML file, no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { load } from 'js-yaml';
import { ODataError } from '../../../odata/errors';
import { parseFilter, parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { OUT_OF_SCOPE, POSITION_DIFFERS, type CaseRef } from './abnf-out-of-scope';


interface TestCase {
  readonly Name: string;
  readonly Rule: string;
  readonly Input: string;
  readonly FailAt?: number;
}

type Runner = (input: string) => void;

/** ABNF rule → our entry point. Option rules include the option name (`$filter=…`), like a query string. */
const RUNNERS: Readonly<Record<string, Runner>> = {
  commonExpr: runExpression,
  boolCommonExpr: runExpression,
  boolcommonExpr: runExpression,
  filter: runQuery,
  orderby: runQuery,
  orderBy: runQuery,
  select: runQuery,
  expand: runQuery,
  top: runQuery,
  skip: runQuery,
  queryOptions: runQuery,
  resourcePath: (input) => parseResourcePath(input),
};

const yamlPath = join(__dirname, '../../fixtures/oasis/odata-abnf-testcases.yaml');
const allCases = (load(readFileSync(yamlPath, 'utf8')) as { TestCases: TestCase[] }).TestCases;
const considered = allCases.filter((c) => c.Rule in RUNNERS);

const matches = (ref: CaseRef, c: TestCase): boolean => ref.name === c.Name && (ref.input === undefined || ref.input === c.Input);
const outOfScope = (c: TestCase): CaseRef | undefined => OUT_OF_SCOPE.find((ref) => matches(ref, c));
const positionDiffers = (c: TestCase): CaseRef | undefined => POSITION_DIFFERS.find((ref) => matches(ref, c));

describe('OASIS ABNF test cases', () => {
  const inScope = considered.filter((c) => !outOfScope(c));
  let passed = 0;

  after(() => {
    console.log(`      ABNF conformance: ${passed} passed / ${inScope.length} in scope / ${considered.length} considered (rules: ${Object.keys(RUNNERS).join(', ')})`);
  });

  for (const c of inScope) {
    const label = `${c.FailAt === undefined ? 'accepts' : `rejects at ${c.FailAt}`} ${c.Rule} "${c.Input}" (${c.Name})`;
    it(label, () => {
      const outcome = attempt(RUNNERS[c.Rule]!, c.Input);
      if (c.FailAt === undefined) {
        expect(outcome.error, outcome.error?.message).to.equal(undefined);
      } else {
        expect(outcome.error, 'expected a parse failure').to.be.instanceOf(ODataError);
        expect(outcome.error!.status).to.equal(400);
        if (!positionDiffers(c)) expect(outcome.position, outcome.error!.message).to.equal(c.FailAt);
      }
      passed++;
    });
  }

  it('lists only existing cases as out of scope or with a different position', () => {
    const stale = [...OUT_OF_SCOPE, ...POSITION_DIFFERS].filter((ref) => !considered.some((c) => matches(ref, c)));
    expect(stale).to.deep.equal([]);
  });
});

interface Outcome {
  readonly error?: ODataError;
  /** Failure position mapped back to the raw (percent-encoded) input. */
  readonly position?: number;
}

function attempt(run: Runner, input: string): Outcome {
  try {
    run(input);
    return {};
  } catch (err) {
    if (!(err instanceof ODataError)) throw err; // anything else escaping is a bug
    const reported = Number(/at position (\d+)/.exec(err.message)?.[1] ?? NaN);
    const mapped = (err as ODataError & { rawPosition?: number }).rawPosition;
    return { error: err, position: mapped ?? reported };
  }
}

/** commonExpr / boolCommonExpr: percent-decode (as the HTTP layer would), then parse as $filter text. */
function runExpression(input: string): void {
  const { text, rawIndex } = decodeWithMap(input);
  try {
    parseFilter(text);
  } catch (err) {
    throw withRawPosition(err, (p) => rawIndex(p));
  }
}

/** Option rules and queryOptions: the whole input is a query string. */
function runQuery(input: string): void {
  try {
    parseQueryOptions(input);
  } catch (err) {
    // SyntaxErrors count characters of the decoded option value; map them back into the query string.
    if (!(err instanceof ODataError) || err.code !== 'SyntaxError' || !err.target) throw err;
    const piece = findOption(input, err.target);
    if (!piece) throw err;
    const { rawIndex } = decodeWithMap(piece.rawValue);
    throw withRawPosition(err, (p) => piece.valueStart + rawIndex(p));
  }
}

function findOption(query: string, option: string): { rawValue: string; valueStart: number } | undefined {
  let start = 0;
  for (const piece of query.split('&')) {
    const eq = piece.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? piece : piece.slice(0, eq)).toLowerCase();
    if (eq >= 0 && (name === option.toLowerCase() || `$${name}` === option.toLowerCase())) {
      return { rawValue: piece.slice(eq + 1), valueStart: start + eq + 1 };
    }
    start += piece.length + 1;
  }
  return undefined;
}

function withRawPosition(err: unknown, map: (decoded: number) => number): unknown {
  if (!(err instanceof ODataError)) return err;
  const reported = /at position (\d+)/.exec(err.message)?.[1];
  if (reported !== undefined) Object.assign(err, { rawPosition: map(Number(reported)) });
  return err;
}

/** Percent-decodes and remembers, for each decoded character, where it started in the raw text. */
function decodeWithMap(raw: string): { text: string; rawIndex: (decoded: number) => number } {
  const starts: number[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const m = /^(%[0-9A-Fa-f]{2})+/.exec(raw.slice(i));
    if (m) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(m[0]);
      } catch {
        decoded = m[0];
      }
      for (let k = 0; k < decoded.length; k++) starts.push(i + Math.min(k * 3, m[0].length - 1));
      text += decoded;
      i += m[0].length;
    } else {
      starts.push(i);
      text += raw[i++];
    }
  }
  return { text, rawIndex: (d) => (d >= starts.length ? raw.length : starts[d]!) };
}
