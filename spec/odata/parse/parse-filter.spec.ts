/**
 * Unit specs of the $filter expression parser (odata/parse/odata.peggy via parseFilter): exact ASTs with
 * positions for every construct, and 400 errors with the failing position. Pure.
 */
import { expect } from 'chai';
import type { Expr } from '../../../odata/parse/ast';
import { parseFilter } from '../../../odata/parse/parse-query-options';
import { bin, lit, mem } from './ast-builders';

/** The right-hand side of `X eq <text>`, which starts at position 5. */
function literalOf(text: string): Expr {
  const e = parseFilter(`X eq ${text}`);
  if (e.kind !== 'Binary') throw new Error('not a comparison');
  return e.right;
}

describe('parseFilter', () => {
  describe('literals', () => {
    it('parses null, true and false (booleans case-insensitively)', () => {
      expect(literalOf('null')).to.deep.equal(lit('null', null, 5));
      expect(literalOf('true')).to.deep.equal(lit('boolean', true, 5));
      expect(literalOf('FALSE')).to.deep.equal(lit('boolean', false, 5));
    });

    it('parses integers, negative integers and integers beyond 2^53 as text', () => {
      expect(literalOf('42')).to.deep.equal(lit('int', 42, 5));
      expect(literalOf('-7')).to.deep.equal(lit('int', -7, 5));
      expect(literalOf('+7')).to.deep.equal(lit('int', 7, 5));
      expect(literalOf('9007199254740993')).to.deep.equal(lit('int', '9007199254740993', 5));
    });

    it('parses decimals as their text', () => {
      expect(literalOf('1.50')).to.deep.equal(lit('decimal', '1.50', 5));
      expect(literalOf('-0.25')).to.deep.equal(lit('decimal', '-0.25', 5));
    });

    it('reads the OData v2 type suffixes for compatibility: L Int64, M Decimal, D Double, F Single (any case), marking where the suffix is', () => {
      expect(literalOf('2L')).to.deep.equal({ ...lit('int', 2, 5), suffixAt: 6 });
      expect(literalOf('-9007199254740993l')).to.deep.equal({ ...lit('int', '-9007199254740993', 5), suffixAt: 22 });
      expect(literalOf('1.50M')).to.deep.equal({ ...lit('decimal', '1.50', 5), suffixAt: 9 });
      expect(literalOf('3m')).to.deep.equal({ ...lit('decimal', '3', 5), suffixAt: 6 });
      expect(literalOf('2.5D')).to.deep.equal({ ...lit('double', 2.5, 5), suffixAt: 8 });
      expect(literalOf('1e3d')).to.deep.equal({ ...lit('double', 1000, 5), suffixAt: 8 });
      expect(literalOf('0.5f')).to.deep.equal({ ...lit('double', 0.5, 5), suffixAt: 8 });
      expect(literalOf('7F')).to.deep.equal({ ...lit('double', 7, 5), suffixAt: 6 });
    });

    it('refuses a suffix that does not fit or is not one: 1.5L, 2LL, 2X, 2Lx', () => {
      for (const text of ['1.5L', '2LL', '2X', '2Lx', '2 L']) expect(() => parseFilter(`Id eq ${text}`), text).to.throw(/Syntax error in \$filter at position/);
    });

    it('parses doubles with an exponent, INF, -INF and NaN', () => {
      expect(literalOf('1.5e3')).to.deep.equal(lit('double', 1500, 5));
      expect(literalOf('-2E-2')).to.deep.equal(lit('double', -0.02, 5));
      expect(literalOf('INF')).to.deep.equal(lit('double', Infinity, 5));
      expect(literalOf('-INF')).to.deep.equal(lit('double', -Infinity, 5));
      const nan = literalOf('NaN');
      expect(nan.kind === 'Literal' && nan.type === 'double' && Number.isNaN(nan.value)).to.equal(true);
    });

    it("parses strings with '' escapes", () => {
      expect(literalOf("'O''Neil'")).to.deep.equal(lit('string', "O'Neil", 5));
      expect(literalOf("''")).to.deep.equal(lit('string', '', 5));
      expect(literalOf("'a+b & (c)'")).to.deep.equal(lit('string', 'a+b & (c)', 5));
    });

    it('parses dates, date-time offsets and times of day', () => {
      expect(literalOf('2024-01-31')).to.deep.equal(lit('date', '2024-01-31', 5));
      expect(literalOf('2024-01-31T10:00:00Z')).to.deep.equal(lit('dateTimeOffset', '2024-01-31T10:00:00Z', 5));
      expect(literalOf('2024-01-31T10:00:00.123+01:00')).to.deep.equal(lit('dateTimeOffset', '2024-01-31T10:00:00.123+01:00', 5));
      expect(literalOf('2024-01-31T10:00-05:30')).to.deep.equal(lit('dateTimeOffset', '2024-01-31T10:00-05:30', 5));
      expect(literalOf('10:15')).to.deep.equal(lit('timeOfDay', '10:15', 5));
      expect(literalOf('23:59:59.999')).to.deep.equal(lit('timeOfDay', '23:59:59.999', 5));
    });

    it("parses duration'…' literals; a bare quoted ISO duration stays a string", () => {
      expect(literalOf("duration'P1D'")).to.deep.equal(lit('duration', 'P1D', 5));
      expect(literalOf("duration'-P6DT23H59M59.9999S'")).to.deep.equal(lit('duration', '-P6DT23H59M59.9999S', 5));
      expect(literalOf("'P1D'")).to.deep.equal(lit('string', 'P1D', 5));
    });

    it('parses GUIDs, lower-cased', () => {
      expect(literalOf('01234567-89AB-cdef-0123-456789ABCDEF')).to.deep.equal(lit('guid', '01234567-89ab-cdef-0123-456789abcdef', 5));
    });
  });

  describe('operators', () => {
    it('parses every comparison operator', () => {
      for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const) {
        expect(parseFilter(`Age ${op} 30`)).to.deep.equal(bin(op, mem('Age', 0), lit('int', 30, 7), 4));
      }
    });

    it('parses operators case-insensitively (OData 4.01)', () => {
      expect(parseFilter("Name EQ 'Milk' AND Price Lt 2")).to.deep.equal(
        bin('and', bin('eq', mem('Name', 0), lit('string', 'Milk', 8), 5), bin('lt', mem('Price', 19), lit('int', 2, 28), 25), 15),
      );
    });

    it('parses has with any operand (the planner checks the enum)', () => {
      expect(parseFilter("Flags has 'Red'")).to.deep.equal(bin('has', mem('Flags', 0), lit('string', 'Red', 10), 6));
    });

    it('parses arithmetic: add sub mul div divby mod', () => {
      for (const op of ['add', 'sub', 'mul', 'div', 'divby', 'mod'] as const) {
        const e = parseFilter(`A ${op} 2`);
        expect(e).to.deep.equal(bin(op, mem('A', 0), lit('int', 2, op.length + 3), 2));
      }
    });

    it('parses in with a list of literals, an empty list and spaces inside the list', () => {
      expect(parseFilter('Id in (1,2,3)')).to.deep.equal({
        kind: 'In',
        left: mem('Id', 0),
        list: [lit('int', 1, 7), lit('int', 2, 9), lit('int', 3, 11)],
        pos: 3,
      });
      expect(parseFilter('Id in ()')).to.deep.equal({ kind: 'In', left: mem('Id', 0), list: [], pos: 3 });
      expect(parseFilter("Name in ( 'a' , 'b' )")).to.deep.equal({
        kind: 'In',
        left: mem('Name', 0),
        list: [lit('string', 'a', 10), lit('string', 'b', 16)],
        pos: 5,
      });
    });

    it('parses in with a parenthesised expression as a one-item list', () => {
      expect(parseFilter('Name in (Other)')).to.deep.equal({ kind: 'In', left: mem('Name', 0), list: [mem('Other', 9)], pos: 5 });
    });

    it('parses not, and/or/in, also without a space before a parenthesis', () => {
      expect(parseFilter('A and(B)')).to.deep.equal(bin('and', mem('A', 0), mem('B', 6), 2));
      expect(parseFilter('Id in(1)')).to.deep.equal({ kind: 'In', left: mem('Id', 0), list: [lit('int', 1, 6)], pos: 3 });
      expect(parseFilter('not Active')).to.deep.equal({ kind: 'Not', operand: mem('Active', 4), pos: 0 });
      expect(parseFilter('not(Id eq 1)')).to.deep.equal({ kind: 'Not', operand: bin('eq', mem('Id', 4), lit('int', 1, 10), 7), pos: 0 });
    });

    it('parses unary minus on a non-literal as Negate, on a number as a negative literal', () => {
      expect(parseFilter('-Price')).to.deep.equal({ kind: 'Negate', operand: mem('Price', 1), pos: 0 });
      expect(parseFilter('-(5)')).to.deep.equal({ kind: 'Negate', operand: lit('int', 5, 2), pos: 0 });
      expect(parseFilter('Price sub -5')).to.deep.equal(bin('sub', mem('Price', 0), lit('int', -5, 10), 6));
    });

    it('parses parentheses with inner whitespace', () => {
      expect(parseFilter('( true )')).to.deep.equal(lit('boolean', true, 2));
    });

    it('accepts tabs as whitespace around operators', () => {
      expect(parseFilter('A\teq\t1')).to.deep.equal(bin('eq', mem('A', 0), lit('int', 1, 5), 2));
    });
  });

  describe('precedence and associativity', () => {
    it('binds and tighter than or', () => {
      expect(parseFilter('a or b and c')).to.deep.equal(bin('or', mem('a', 0), bin('and', mem('b', 5), mem('c', 11), 7), 2));
    });

    it('binds comparisons tighter than and', () => {
      expect(parseFilter('A eq 1 and B eq 2')).to.deep.equal(
        bin('and', bin('eq', mem('A', 0), lit('int', 1, 5), 2), bin('eq', mem('B', 11), lit('int', 2, 16), 13), 7),
      );
    });

    it('binds relational operators tighter than eq/ne', () => {
      expect(parseFilter('A eq B gt C')).to.deep.equal(bin('eq', mem('A', 0), bin('gt', mem('B', 5), mem('C', 10), 7), 2));
    });

    it('binds mul tighter than add, and add tighter than comparisons', () => {
      expect(parseFilter('A add B mul C eq 7')).to.deep.equal(
        bin('eq', bin('add', mem('A', 0), bin('mul', mem('B', 6), mem('C', 12), 8), 2), lit('int', 7, 17), 14),
      );
    });

    it('binds not tighter than comparisons', () => {
      expect(parseFilter('not A eq B')).to.deep.equal(bin('eq', { kind: 'Not', operand: mem('A', 4), pos: 0 }, mem('B', 9), 6));
    });

    it('associates left', () => {
      expect(parseFilter('A sub B sub C')).to.deep.equal(bin('sub', bin('sub', mem('A', 0), mem('B', 6), 2), mem('C', 12), 8));
    });

    it('lets parentheses override precedence', () => {
      expect(parseFilter('(a or b) and c')).to.deep.equal(bin('and', bin('or', mem('a', 1), mem('b', 6), 3), mem('c', 13), 9));
    });
  });

  describe('paths, lambdas and calls', () => {
    it('parses member paths through navigation properties', () => {
      expect(parseFilter("Parent/Name eq 'x'")).to.deep.equal(bin('eq', mem('Parent/Name', 0), lit('string', 'x', 15), 12));
    });

    it('parses a trailing /$count as a path segment', () => {
      expect(parseFilter('Members/$count gt 0')).to.deep.equal(bin('gt', mem(['Members', '$count'], 0), lit('int', 0, 18), 15));
    });

    it('parses any and all with a lambda variable, and any()', () => {
      expect(parseFilter('Members/any(m: m/UserId eq 7)')).to.deep.equal({
        kind: 'Lambda',
        op: 'any',
        path: ['Members'],
        variable: 'm',
        predicate: bin('eq', mem('m/UserId', 15), lit('int', 7, 27), 24),
        pos: 0,
      });
      expect(parseFilter('Team/Members/ALL(x:x/Active)')).to.deep.equal({
        kind: 'Lambda',
        op: 'all',
        path: ['Team', 'Members'],
        variable: 'x',
        predicate: mem('x/Active', 19),
        pos: 0,
      });
      expect(parseFilter('Members/any()')).to.deep.equal({ kind: 'Lambda', op: 'any', path: ['Members'], pos: 0 });
    });

    it('parses $it as the head of a path, also inside a lambda', () => {
      expect(parseFilter('$it/Id eq 1')).to.deep.equal(bin('eq', mem(['$it', 'Id'], 0), lit('int', 1, 10), 7));
      expect(parseFilter('Children/any(c: c/ParentId eq $it/Id)')).to.deep.equal({
        kind: 'Lambda',
        op: 'any',
        path: ['Children'],
        variable: 'c',
        predicate: bin('eq', mem('c/ParentId', 16), mem(['$it', 'Id'], 30), 27),
        pos: 0,
      });
    });

    it('parses function calls of any name, lower-casing the name', () => {
      expect(parseFilter("contains(Name,'x')")).to.deep.equal({
        kind: 'Call',
        name: 'contains',
        args: [mem('Name', 9), lit('string', 'x', 14)],
        pos: 0,
      });
      expect(parseFilter("matchesPattern(Name,'^A')")).to.deep.include({ name: 'matchespattern' });
      expect(parseFilter('now()')).to.deep.equal({ kind: 'Call', name: 'now', args: [], pos: 0 });
      expect(parseFilter('maxdatetime( )')).to.deep.equal({ kind: 'Call', name: 'maxdatetime', args: [], pos: 0 });
      expect(parseFilter('substring(Name, 1, 2)')).to.deep.equal({
        kind: 'Call',
        name: 'substring',
        args: [mem('Name', 10), lit('int', 1, 16), lit('int', 2, 19)],
        pos: 0,
      });
    });

    it('parses every canonical function name', () => {
      const unary = ['length', 'tolower', 'toupper', 'trim', 'year', 'month', 'day', 'hour', 'minute', 'second',
        'fractionalseconds', 'date', 'time', 'totaloffsetminutes', 'round', 'floor', 'ceiling'];
      for (const name of unary) expect(parseFilter(`${name}(X)`)).to.deep.equal({ kind: 'Call', name, args: [mem('X', name.length + 1)], pos: 0 });
      for (const name of ['contains', 'startswith', 'endswith', 'indexof', 'concat']) {
        expect(parseFilter(`${name}(X,Y)`)).to.deep.include({ kind: 'Call', name });
      }
      for (const name of ['now', 'maxdatetime', 'mindatetime']) expect(parseFilter(`${name}()`)).to.deep.include({ name, args: [] });
    });

    it('parses cast and isof with a type name argument', () => {
      expect(parseFilter('cast(Id,Edm.String)')).to.deep.equal({
        kind: 'Call',
        name: 'cast',
        args: [mem('Id', 5), { kind: 'TypeName', name: 'Edm.String', pos: 8 }],
        pos: 0,
      });
      expect(parseFilter('cast(Edm.Int32)')).to.deep.equal({ kind: 'Call', name: 'cast', args: [{ kind: 'TypeName', name: 'Edm.Int32', pos: 5 }], pos: 0 });
      expect(parseFilter('isof(Customer)')).to.deep.equal({ kind: 'Call', name: 'isof', args: [{ kind: 'TypeName', name: 'Customer', pos: 5 }], pos: 0 });
      expect(parseFilter('isof(Parent, Model.Team)')).to.deep.equal({
        kind: 'Call',
        name: 'isof',
        args: [mem('Parent', 5), { kind: 'TypeName', name: 'Model.Team', pos: 13 }],
        pos: 0,
      });
    });

    it('parses qualified function names such as geo.distance', () => {
      expect(parseFilter('geo.distance(A,B)')).to.deep.include({ kind: 'Call', name: 'geo.distance' });
    });

    it('treats keywords inside longer names as names', () => {
      expect(parseFilter('notes eq nullable')).to.deep.equal(bin('eq', mem('notes', 0), mem('nullable', 9), 6));
      expect(parseFilter('trueValue')).to.deep.equal(mem('trueValue', 0));
    });
  });
});
