/**
 * Parser specs for `$search` (URL conventions 5.1.7 and the ABNF test cases' readings): implicit and
 * explicit AND, OR, NOT and their precedence, phrases, AND/OR/NOT as words where no operator can stand,
 * characters a word may hold, and the 400s of unbalanced quotes and parentheses.
 */
import { expect } from 'chai';
import { ODataError } from '../../../odata/errors';
import type { SearchExpr } from '../../../odata/parse/ast';
import { parseSearch } from '../../../odata/parse/parse-search';

/** A compact reading of a tree: AND(a, NOT(b)). */
function show(e: SearchExpr): string {
  if (e.kind === 'SearchTerm') return JSON.stringify(e.text);
  if (e.kind === 'SearchNot') return `NOT(${show(e.operand)})`;
  return `${e.kind === 'SearchAnd' ? 'AND' : 'OR'}(${show(e.left)}, ${show(e.right)})`;
}

describe('parseSearch', () => {
  for (const [text, tree] of [
    ['blue', '"blue"'],
    ['blue green', 'AND("blue", "green")'],
    ['blue AND green', 'AND("blue", "green")'],
    ['blue OR green', 'OR("blue", "green")'],
    ['blue NOT green', 'AND("blue", NOT("green"))'],
    ['NOT blue', 'NOT("blue")'],
    ['NOT (blue green)', 'NOT(AND("blue", "green"))'],
    ['a OR b c', 'OR("a", AND("b", "c"))'],
    ['(a OR b) c', 'AND(OR("a", "b"), "c")'],
    ['foo AND bar OR foo AND baz', 'OR(AND("foo", "bar"), AND("foo", "baz"))'],
    ['"blue green"', '"blue green"'],
    ['  padded  ', '"padded"'],
    // the ABNF cases' readings: operators only where an operator can stand
    ['NOT', '"NOT"'],
    ['AND', '"AND"'],
    ['OR', '"OR"'],
    ['NOT NOT', 'NOT("NOT")'],
    ['AND OR', 'AND("AND", "OR")'],
    ['OR AND', 'AND("OR", "AND")'],
    ['AND OR NOT', 'OR("AND", "NOT")'],
    // what a word may hold
    ["Daniel's", `"Daniel's"`],
    ['08/15', '"08/15"'],
    ['9,81', '"9,81"'],
    ['brand-new', '"brand-new"'],
    ['a;b', '"a;b"'],
    ['$search', '"$search"'],
    ['100%', '"100%"'],
    // a single-quoted search text is searched for as it is
    [`'"blue'`, '"\\"blue"'],
  ] as const) {
    it(`reads ${text} as ${tree}`, () => expect(show(parseSearch(text))).to.equal(tree));
  }

  for (const [text, position] of [['"blue', 5], ['(a', 2], ['"blue"green', 6], ['a)', 1], ['', 0]] as const) {
    it(`rejects ${JSON.stringify(text)} with 400 SyntaxError at position ${position}`, () => {
      let error: unknown;
      try {
        parseSearch(text);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(ODataError);
      expect([(error as ODataError).status, (error as ODataError).code, (error as ODataError).target]).to.deep.equal([400, 'SyntaxError', '$search']);
      expect((error as ODataError).message).to.contain(`Syntax error in $search at position ${position}`);
    });
  }
});
