/**
 * Specs of the matchesPattern gate: each rule of checkPattern accepts the patterns on its safe side and
 * refuses the others with a 400 naming the rule and the fragment; and the planner applies it to every
 * literal pattern — in $filter, $orderby, lambda bodies and nested $expand filters — and refuses a
 * pattern that is not a literal. Pure: no database.
 */
import { expect } from 'chai';
import type { ODataErrorCode } from '../../../odata/errors';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import { planRead } from '../../../odata/plan/plan-read';
import {
  checkPattern,
  MAX_EXPANDED_SIZE,
  MAX_PATTERN_LENGTH,
  MAX_REPEAT_COUNT,
  MAX_UNBOUNDED_REPEATS,
} from '../../../odata/plan/regex-safety';
import { DEFAULT_LIMITS } from '../../../server/config';
import { thrownODataError } from '../../helpers/odata-error';

/** The refusal of one pattern: a 400 with the code, target $filter and a message matching every fragment. */
function expectRefused(pattern: string, code: ODataErrorCode, ...fragments: readonly (string | RegExp)[]): void {
  const error = thrownODataError(() => checkPattern(pattern));
  expect(error.status, pattern).to.equal(400);
  expect(error.code, `${pattern}: ${error.message}`).to.equal(code);
  expect(error.target).to.equal('$filter');
  expect(error.message).to.match(/^\$filter: matchesPattern pattern /);
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(error.message, pattern).to.include(fragment);
    else expect(error.message, pattern).to.match(fragment);
  }
}

const expectAccepted = (...patterns: readonly string[]) => {
  for (const pattern of patterns) expect(() => checkPattern(pattern), pattern).not.to.throw();
};

describe('checkPattern', () => {
  it('accepts plain safe patterns', () => {
    expectAccepted('^Sm', '^[A-Z][a-z]+$', 'son$', '[Ss]mith', '\\d{3}-\\d{4}', 'a.*b', '^(Mc|Mac)', "^O'", '', 'x?y??', '(?:ab)?c', '[\\b]', '\\.\\-\\/');
  });

  it('refuses the attack pattern (.*.*…){1,50}zz, naming the inner and the outer repetition', () => {
    expectRefused('(.*.*.*.*.*.*.*.*){1,50}zz', 'LimitExceeded', "repeats '.*' at position 1", "inside the repeated '(.*.*.*.*.*.*.*.*){1,50}' at position 0");
  });

  describe(`length: at most ${MAX_PATTERN_LENGTH} characters`, () => {
    it('accepts a pattern of exactly the limit', () => expectAccepted('a'.repeat(MAX_PATTERN_LENGTH)));
    it('refuses a longer one with its length', () => {
      expectRefused('a'.repeat(MAX_PATTERN_LENGTH + 1), 'LimitExceeded', `is ${MAX_PATTERN_LENGTH + 1} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`);
    });
  });

  describe('ECMAScript syntax', () => {
    it('refuses an unparsable pattern with the parser reason and position', () => {
      expectRefused('(', 'InvalidValue', 'is not a valid regular expression: Unterminated group at position 1');
      expectRefused('a{2,1}', 'InvalidValue', 'not a valid regular expression', 'numbers out of order');
      expectRefused('[z-a]', 'InvalidValue', 'not a valid regular expression', 'Range out of order');
    });

    it('refuses legacy Annex B forms that mean something else in PostgreSQL (\\A, \\y, \\p, lone braces)', () => {
      for (const pattern of ['\\Ax', 'x\\y', '\\p{L}', 'a{', 'a]', '\\u{61}']) {
        expectRefused(pattern, 'InvalidValue', "not a valid regular expression in ECMAScript's strict syntax", /at position \d+/, 'legacy (Annex B)');
      }
    });

    it('accepts the escaped forms', () => expectAccepted('a\\{', 'a\\]', '\\\\A'));
  });

  describe('nested repetition (star height above 1)', () => {
    it('refuses a repeated group that itself repeats', () => {
      expectRefused('(a+)+', 'LimitExceeded', "repeats 'a+' at position 1 inside the repeated '(a+)+' at position 0");
      expectRefused('x(.*){2}', 'LimitExceeded', "repeats '.*' at position 2 inside the repeated '(.*){2}' at position 1");
      expectRefused('(a|b*)*', 'LimitExceeded', "repeats 'b*' at position 3");
      expectRefused('(?:(?:a{2}b)c)+', 'LimitExceeded', "repeats 'a{2}'");
      expectRefused('(\\d{3}-){2}', 'LimitExceeded', "repeats '\\d{3}'");
    });

    it('accepts optional parts inside a repetition and repetitions inside an optional part', () => {
      expectAccepted('(a?)*', '(ab?c)+', '(a*)?', '(?:x+y)?z', '(a)(b+)(c*)');
    });
  });

  describe(`counted repetition: counts up to ${MAX_REPEAT_COUNT}`, () => {
    it('accepts counts at the limit', () => expectAccepted(`a{${MAX_REPEAT_COUNT}}`, `a{1,${MAX_REPEAT_COUNT}}`, `a{${MAX_REPEAT_COUNT},}`));
    it('refuses a larger minimum or maximum, naming the repetition', () => {
      expectRefused(`xa{${MAX_REPEAT_COUNT + 1}}`, 'LimitExceeded', `the counted repetition 'a{${MAX_REPEAT_COUNT + 1}}' at position 1; counts above ${MAX_REPEAT_COUNT}`);
      expectRefused(`a{1,${MAX_REPEAT_COUNT + 1}}`, 'LimitExceeded', `'a{1,${MAX_REPEAT_COUNT + 1}}'`);
      expectRefused(`a{${MAX_REPEAT_COUNT + 1},}`, 'LimitExceeded', `'a{${MAX_REPEAT_COUNT + 1},}'`);
    });
  });

  describe(`size once counted repetitions are written out: at most ${MAX_EXPANDED_SIZE}`, () => {
    it('accepts a pattern at the limit', () => expectAccepted('.{0,100}.{0,99}z', '(?:ab|cd){0,50}'));
    it('refuses one above it with its size', () => {
      expectRefused('.{0,100}.{0,100}z', 'LimitExceeded', `is 201 elements long once its counted repetitions are written out`, `at most ${MAX_EXPANDED_SIZE}`);
      expectRefused('(?:ab|cd){0,51}', 'LimitExceeded', 'is 204 elements long');
    });
  });

  describe(`unbounded repetitions: at most ${MAX_UNBOUNDED_REPEATS}`, () => {
    it('accepts the limit', () => expectAccepted('.*'.repeat(MAX_UNBOUNDED_REPEATS), 'a+b*c{2,}'));
    it('refuses more, counting *, + and {n,}', () => {
      expectRefused(`${'.*'.repeat(MAX_UNBOUNDED_REPEATS - 1)}a+b{2,}`, 'LimitExceeded', `has ${MAX_UNBOUNDED_REPEATS + 1} unbounded repetitions (*, +, {n,}); at most ${MAX_UNBOUNDED_REPEATS}`);
    });
  });

  describe('back references', () => {
    it('refuses numbered and named ones', () => {
      expectRefused('(a)\\1', 'LimitExceeded', "has the back reference '\\1' at position 3");
      expectRefused('(?<x>a)\\k<x>', /* the named group is reported first */ 'UnsupportedQueryOption', 'named group');
    });
  });

  describe('lookarounds', () => {
    it('refuses lookahead and lookbehind, positive and negative', () => {
      expectRefused('^(?!Mc)', 'LimitExceeded', "has the lookaround '(?!Mc)' at position 1; lookarounds are not allowed", 'not matchesPattern');
      for (const pattern of ['a(?=b)', '(?<=a)b', '(?<!a)b']) expectRefused(pattern, 'LimitExceeded', 'lookaround');
    });
  });

  describe('ECMAScript features PostgreSQL reads differently', () => {
    it('refuses \\b and \\B (backspace and backslash in PostgreSQL)', () => {
      expectRefused('\\bSmith', 'UnsupportedQueryOption', "has the word boundary '\\b' at position 0", '(^|\\W)');
      expectRefused('a\\Bb', 'UnsupportedQueryOption', "'\\B' at position 1");
    });

    it('refuses the empty classes [] and [^]', () => {
      expectRefused('a[]', 'UnsupportedQueryOption', "has the empty character class '[]' at position 1");
      expectRefused('[^]', 'UnsupportedQueryOption', "'[^]' at position 0");
    });

    it('refuses named groups and inline modifiers', () => {
      expectRefused('(?<last>Sm)ith', 'UnsupportedQueryOption', "has the named group '(?<last>Sm)' at position 0");
      expectRefused('(?i:smith)', 'UnsupportedQueryOption', "has the inline modifiers '(?i:smith)' at position 0", '[Ss]mith');
    });
  });

  it('names the option it checks for', () => {
    const error = thrownODataError(() => checkPattern('(a+)+', '$orderby'));
    expect([error.target, error.message.startsWith('$orderby: ')]).to.deep.equal(['$orderby', true]);
  });

  it('shortens a long fragment in the message', () => {
    const error = thrownODataError(() => checkPattern(`(${'x'.repeat(60)}+)+`));
    expect(error.message).to.include(`'(${'x'.repeat(38)}…' at position 0`);
  });
});

describe('planning matchesPattern', () => {
  /** Plans a query written unencoded, but for '+', which a query string reads as a space. */
  const plan = (set: string, query: string) =>
    planRead(
      { segments: [{ name: set }], options: parseQueryOptions(query.replace(/\+/g, '%2B')).options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' },
      entitySet,
    );

  it('plans a safe literal pattern, and null as the pattern', () => {
    expect(plan('Users', "$filter=matchesPattern(LastName,'^(Mc|Mac)')").filter).to.deep.include({ kind: 'Function', name: 'matchespattern' });
    expect(plan('Users', '$filter=matchesPattern(LastName,null)').filter).to.deep.include({ kind: 'Function', name: 'matchespattern' });
  });

  for (const [where, set, query, target] of [
    ['$filter', 'Users', "$filter=matchesPattern(LastName,'(a+)+')", '$filter'],
    ['a function argument', 'Users', "$filter=not matchesPattern(concat(FirstName,LastName),'(a+)+') and Id gt 1", '$filter'],
    ['$orderby', 'Users', "$orderby=matchesPattern(LastName,'(a+)+')", '$orderby'],
    ['an any() body', 'OrganizationTeamHierarchies', "$filter=Members/any(m: matchesPattern(m/User/LastName,'(a+)+'))", '$filter'],
    ['an all() body nested in any()', 'OrganizationTeamHierarchies', "$filter=Children/any(c: c/Members/all(m: matchesPattern(m/User/LastName,'(a+)+')))", '$filter'],
    ['a nested $expand $filter', 'OrganizationTeamHierarchies', "$expand=Children($filter=matchesPattern(Name,'(a+)+'))", '$filter'],
    ['a $filter two $expand levels down', 'Users', "$expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members($filter=matchesPattern(User/LastName,'(a+)+'))))", '$filter'],
  ] as const) {
    it(`checks a literal pattern in ${where}`, () => {
      const error = thrownODataError(() => plan(set, query));
      expect([error.status, error.code, error.target]).to.deep.equal([400, 'LimitExceeded', target]);
      expect(error.message).to.include(`${target}: matchesPattern pattern repeats 'a+'`);
    });
  }

  for (const [what, query] of [
    ['a property', '$filter=matchesPattern(LastName,FirstName)'],
    ['an expression', "$filter=matchesPattern(LastName,concat('^',FirstName))"],
    ['a cast', "$filter=matchesPattern(LastName,cast(Id,Edm.String))"],
    ['a property inside a lambda', "$filter=Memberships/any(m: matchesPattern(LastName,m/OrganizationTeamHierarchy/Name))"],
    ['a property in a nested $expand $filter', "$expand=Memberships($filter=matchesPattern(OrganizationTeamHierarchy/Name,OrganizationTeamHierarchy/Name))"],
  ] as const) {
    it(`refuses ${what} as the pattern`, () => {
      const error = thrownODataError(() => plan('Users', query));
      expect([error.status, error.code, error.target]).to.deep.equal([400, 'UnsupportedQueryOption', '$filter']);
      expect(error.message).to.include('$filter: matchesPattern needs a literal pattern');
    });
  }

  it('still reports a pattern of the wrong type as a type mismatch', () => {
    expect(thrownODataError(() => plan('Users', '$filter=matchesPattern(LastName,5)')).code).to.equal('TypeMismatch');
  });
});
