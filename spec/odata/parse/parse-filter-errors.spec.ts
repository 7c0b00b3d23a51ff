/**
 * Unit specs of $filter syntax errors: status 400, code, target and the failing position in plain words;
 * nesting limits. Pure.
 */
import { expect } from 'chai';
import { ODataError } from '../../../odata/errors';
import { parseFilter } from '../../../odata/parse/parse-query-options';
import { lit } from './ast-builders';

function errorOf(text: string): ODataError {
  try {
    parseFilter(text);
  } catch (err) {
    expect(err).to.be.instanceOf(ODataError);
    return err as ODataError;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('parseFilter errors', () => {
  it('reports a missing operand at the end with status 400, code SyntaxError and target $filter', () => {
    const err = errorOf('Name eq');
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('SyntaxError');
    expect(err.target).to.equal('$filter');
    expect(err.message).to.equal('Syntax error in $filter at position 7: expected an expression (found end of input)');
  });

  it('reports an empty filter at position 0', () => {
    expect(errorOf('').message).to.contain('at position 0: expected an expression');
  });

  it("reports a missing ')' where the input ends", () => {
    expect(errorOf("(Name eq 'x'").message).to.contain("at position 12: expected ')'");
  });

  it('reports an unterminated string', () => {
    expect(errorOf("Name eq 'abc").message).to.contain('at position 12: expected a closing quote');
  });

  it('reports an unknown operator where it starts', () => {
    expect(errorOf("Name eq 'x' foo 1").message).to.contain('at position 12: expected an operator');
  });

  it('requires whitespace around eq and rejects leading or trailing whitespace (ABNF)', () => {
    expect(errorOf("Name eq'x'").message).to.contain('at position 7: expected whitespace');
    expect(errorOf(' true').message).to.contain('at position 0');
    expect(errorOf('true ').message).to.contain('at position 5');
  });

  it('rejects a non-literal in an in-list at the comma', () => {
    expect(errorOf('Name in (A,B)').message).to.contain('at position 10');
  });

  it('rejects all() without a lambda variable and any/all without a path', () => {
    expect(errorOf('Members/all()').message).to.contain('at position 12: expected a name');
    expect(errorOf('any()').message).to.contain('at position 3');
  });

  it('rejects a qualified name that is not called', () => {
    expect(errorOf('Model.Available').message).to.contain("at position 15: expected '('");
  });

  it('rejects an invalid duration at its first bad character, and an invalid date', () => {
    expect(errorOf("D eq duration'1 day'").message).to.contain('at position 14: expected an ISO 8601 duration');
    expect(errorOf('D eq 2024-13-01').message).to.contain('at position 9');
  });

  it('rejects unsupported syntax: JSON arrays, enum literals, $root, aliases', () => {
    for (const text of ['Name in ["a"]', "Color eq NS.Color'Red'", '$root/Users(1)/Name eq 1', 'Name eq @p']) {
      expect(errorOf(text).code, text).to.equal('SyntaxError');
    }
  });

  it('rejects more than 100 nested parentheses with 400, and accepts 100', () => {
    expect(parseFilter(`${'('.repeat(100)}true${')'.repeat(100)}`)).to.deep.equal(lit('boolean', true, 100));
    const err = errorOf(`${'('.repeat(101)}true${')'.repeat(101)}`);
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('LimitExceeded');
    expect(err.message).to.contain('at position 100');
  });

  it('turns a stack overflow from a pathological chain of unary operators into a 400', () => {
    const err = errorOf(`${'not '.repeat(50000)}true`);
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('LimitExceeded');
  });
});
