/**
 * Conformance of the $apply / $compute parser against the OASIS Data Aggregation ABNF test cases
 * (spec/fixtures/oasis/odata-aggregation-testcases.yaml, copied from OASIS): every queryOptions case runs
 * through parseQueryOptions; positive cases must parse, negative cases must fail with a 400 at FailAt.
 * The cases listed in AGGREGATION_OUT_OF_SCOPE (aggregation-out-of-scope.ts) are held to what the list
 * says instead: a positive one is refused with a 400 (never a crash), a negative one is accepted by the
 * parser (the planner rejects it against our model) — so the list cannot go stale silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { load } from 'js-yaml';
import { ODataError } from '../../../odata/errors';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import type { CaseRef } from './abnf-out-of-scope';
import { AGGREGATION_OUT_OF_SCOPE, AGGREGATION_POSITION_DIFFERS } from './aggregation-out-of-scope';

interface TestCase {
  readonly Name: string;
  readonly Rule: string;
  readonly Input: string;
  readonly FailAt?: number;
}

const yamlPath = join(__dirname, '../../fixtures/oasis/odata-aggregation-testcases.yaml');
const considered = (load(readFileSync(yamlPath, 'utf8')) as { TestCases: TestCase[] }).TestCases.filter((c) => c.Rule === 'queryOptions');
const matches = (ref: CaseRef, c: TestCase): boolean => ref.name === c.Name && (ref.input === undefined || ref.input === c.Input);
const listed = (c: TestCase): CaseRef | undefined => AGGREGATION_OUT_OF_SCOPE.find((ref) => matches(ref, c));

/** The parser's verdict: accepted, or the ODataError (anything else escaping is a bug and fails the spec). */
function verdict(input: string): ODataError | undefined {
  try {
    parseQueryOptions(input);
    return undefined;
  } catch (err) {
    if (err instanceof ODataError) return err;
    throw err;
  }
}

/** Where a SyntaxError points in the query string: the option's value start plus the reported position (the cases are not percent-encoded). */
function positionIn(input: string, err: ODataError): number | undefined {
  const at = /at position (\d+)/.exec(err.message)?.[1];
  if (at === undefined || !err.target) return undefined;
  const start = input.toLowerCase().indexOf(`${err.target.toLowerCase()}=`);
  return start < 0 ? undefined : start + err.target.length + 1 + Number(at);
}

describe('OASIS Data Aggregation ABNF test cases', () => {
  let passed = 0;
  after(() => {
    console.log(`      aggregation conformance: ${passed} passed / ${considered.length - AGGREGATION_OUT_OF_SCOPE.length} in scope / ${considered.length} queryOptions cases`);
  });

  for (const c of considered) {
    const reason = listed(c)?.reason;
    if (reason === undefined) {
      it(`${c.FailAt === undefined ? 'accepts' : `rejects at ${c.FailAt}`} "${c.Input}" (${c.Name})`, () => {
        const error = verdict(c.Input);
        if (c.FailAt === undefined) {
          expect(error, error?.message).to.equal(undefined);
        } else {
          expect(error, 'expected a parse failure').to.be.instanceOf(ODataError);
          expect(error?.status).to.equal(400);
          if (!AGGREGATION_POSITION_DIFFERS.some((ref) => matches(ref, c))) expect(positionIn(c.Input, error as ODataError), error?.message).to.equal(c.FailAt);
        }
        passed += 1;
      });
    } else if (c.FailAt === undefined) {
      it(`refuses with a 400, out of scope (${reason}): "${c.Input}" (${c.Name})`, () => {
        const error = verdict(c.Input);
        expect(error, 'listed as out of scope, but it parses: remove it from aggregation-out-of-scope.ts').to.be.instanceOf(ODataError);
        expect(error?.status).to.equal(400);
      });
    } else {
      it(`leaves to the planner (${reason}): "${c.Input}" (${c.Name})`, () => {
        expect(verdict(c.Input)?.message, 'listed as semantic, but the parser rejects it: remove it from aggregation-out-of-scope.ts').to.equal(undefined);
      });
    }
  }

  it('lists only existing cases, each once', () => {
    const stale = [...AGGREGATION_OUT_OF_SCOPE, ...AGGREGATION_POSITION_DIFFERS].filter((ref) => considered.filter((c) => matches(ref, c)).length !== 1);
    expect(stale).to.deep.equal([]);
  });
});
