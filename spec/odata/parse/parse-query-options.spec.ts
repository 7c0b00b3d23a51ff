/**
 * Unit specs of the query-string entry point (parseQueryOptions) and of $orderby, $select and $expand:
 * splitting, percent-decoding, system vs custom options, scalar values, nested expand options, and the
 * 400 errors (code, target, position). Pure.
 */
import { expect } from 'chai';
import { parseExpand, parseOrderBy, parseQueryOptions, parseSelect } from '../../../odata/parse/parse-query-options';
import { bin, lit, mem, failure } from './ast-builders';

describe('parseQueryOptions', () => {
  it('parses an empty query into no options', () => {
    expect(parseQueryOptions('')).to.deep.equal({ options: {}, custom: {} });
  });

  it('percent-decodes values and reads + as a space (curl, URLSearchParams), %2B as a plus', () => {
    const { options } = parseQueryOptions("$filter=Name%20eq%20'a+b%2Bc'");
    expect(options.filter).to.deep.equal(bin('eq', mem('Name', 0), lit('string', 'a b+c', 8), 5));
    expect(parseQueryOptions("$filter=Name+eq+'x'").options.filter).to.deep.equal(bin('eq', mem('Name', 0), lit('string', 'x', 8), 5));
  });

  it('still reads an unencoded + in a DateTimeOffset offset as the sign', () => {
    const { options } = parseQueryOptions('$filter=CreatedAt+gt+2024-01-01T10:00:00+01:00');
    expect(options.filter).to.deep.equal(bin('gt', mem('CreatedAt', 0), lit('dateTimeOffset', '2024-01-01T10:00:00+01:00', 13), 10));
  });

  it('decodes %26 and %3D inside values without splitting on them', () => {
    expect(parseQueryOptions("$filter=Name eq 'a%26b%3Dc'").options.filter).to.deep.equal(
      bin('eq', mem('Name', 0), lit('string', 'a&b=c', 8), 5),
    );
  });

  it('recognises system options case-insensitively, with or without $', () => {
    const { options } = parseQueryOptions('$TOP=5&Skip=10&$OrderBy=Name&select=Id&count=true');
    expect(options).to.deep.equal({
      top: 5,
      skip: 10,
      orderby: [{ expr: mem('Name', 0), direction: 'asc' }],
      select: [{ path: ['Id'] }],
      count: true,
    });
  });

  it('keeps $search, $skiptoken and $format as text, and parses $levels', () => {
    expect(parseQueryOptions('$search=blue%20green&$skiptoken=abc%3D%3D&$format=application/json;odata.metadata=minimal&$levels=max').options).to.deep.equal({
      search: 'blue green',
      skiptoken: 'abc==',
      format: 'application/json;odata.metadata=minimal',
      levels: 'max',
    });
    expect(parseQueryOptions('$levels=3').options).to.deep.equal({ levels: 3 });
  });

  it('parses $count=false and $count=TRUE', () => {
    expect(parseQueryOptions('$count=false').options).to.deep.equal({ count: false });
    expect(parseQueryOptions('$count=TRUE').options).to.deep.equal({ count: true });
  });

  it('collects custom options, also repeated ones, decoded', () => {
    expect(parseQueryOptions('token=abc&token=d%2Be&flag&$top=1').custom).to.deep.equal({ token: ['abc', 'd+e'], flag: [''] });
  });

  it('accepts a leading ? and ignores empty pieces', () => {
    expect(parseQueryOptions('?$top=1&&$skip=2&').options).to.deep.equal({ top: 1, skip: 2 });
  });

  it('parses $expand with nested options', () => {
    const { options } = parseQueryOptions('$expand=Members($filter=UserId%20gt%203;$top=2)');
    expect(options.expand).to.deep.equal([
      {
        path: ['Members'],
        options: { filter: bin('gt', mem('UserId', 16), lit('int', 3, 26), 23), top: 2 },
        text: 'Members($filter=UserId gt 3;$top=2)',
        optionTexts: { filter: 'UserId gt 3', top: '2' },
      },
    ]);
  });

  it('rejects an unknown $ option with 400 UnsupportedQueryOption naming it', () => {
    const err = failure(() => parseQueryOptions('$top=1&$xyz=1'));
    expect([err.status, err.code, err.target]).to.deep.equal([400, 'UnsupportedQueryOption', '$xyz']);
    expect(err.message).to.contain('$xyz').and.to.contain('position 7');
  });

  it('takes $deltatoken as an opaque text (odata/plan/delta-token.ts reads it)', () => {
    expect(parseQueryOptions('$select=Id&$deltatoken=eyJm.sig%2D').options).to.deep.include({ deltatoken: 'eyJm.sig-' });
    expect(failure(() => parseQueryOptions('$deltatoken=')).code).to.equal('SyntaxError');
  });

  it('rejects known but unsupported options and parameter aliases', () => {
    expect(failure(() => parseQueryOptions('$schemaversion=1')).code).to.equal('UnsupportedQueryOption');
    expect(failure(() => parseQueryOptions('index=1')).code).to.equal('UnsupportedQueryOption');
    expect(failure(() => parseQueryOptions('@p=1')).code).to.equal('UnsupportedQueryOption');
  });

  it('rejects a duplicate system option with 400 InvalidQueryOption, also across spellings', () => {
    const err = failure(() => parseQueryOptions('$top=1&TOP=2'));
    expect([err.status, err.code, err.target]).to.deep.equal([400, 'InvalidQueryOption', '$top']);
    expect(err.message).to.contain('position 7');
  });

  it('rejects a system option without a value', () => {
    const err = failure(() => parseQueryOptions('$count'));
    expect([err.code, err.target]).to.deep.equal(['InvalidQueryOption', '$count']);
    expect(err.message).to.contain('position 6');
  });

  it('rejects negative or non-integer $top/$skip with 400 naming the option and the position', () => {
    for (const [query, target, position] of [['$top=-1', '$top', 0], ['$skip=1.5', '$skip', 1], ['$top=', '$top', 0], ['$top=abc', '$top', 0]] as const) {
      const err = failure(() => parseQueryOptions(query));
      expect([err.status, err.code, err.target], query).to.deep.equal([400, 'SyntaxError', target]);
      expect(err.message, query).to.contain(`at position ${position}: expected a non-negative integer`);
    }
  });

  it('rejects a $top beyond the safe integer range', () => {
    expect(failure(() => parseQueryOptions('$top=99999999999999999999')).code).to.equal('InvalidQueryOption');
  });

  it("rejects $count other than true/false and $levels other than a positive integer or 'max'", () => {
    expect(failure(() => parseQueryOptions('$count=yes')).message).to.contain("expected 'true' or 'false'");
    expect(failure(() => parseQueryOptions('$levels=0')).target).to.equal('$levels');
  });

  it('reports a $filter syntax error with the position inside the decoded value', () => {
    const err = failure(() => parseQueryOptions('$filter=Name%20eq'));
    expect([err.code, err.target]).to.deep.equal(['SyntaxError', '$filter']);
    expect(err.message).to.contain('at position 7: expected an expression');
  });

  it('rejects malformed percent-encoding with the position', () => {
    const err = failure(() => parseQueryOptions('$filter=a%zz'));
    expect([err.status, err.code, err.target]).to.deep.equal([400, 'InvalidQueryOption', '$filter']);
    expect(err.message).to.contain('position 1');
    expect(failure(() => parseQueryOptions('$filter=a%C3')).message).to.contain('position 1');
  });
});

describe('parseOrderBy', () => {
  it('parses several keys with directions, case-insensitive, default asc', () => {
    expect(parseOrderBy('LastName desc,FirstName,Id ASC')).to.deep.equal([
      { expr: mem('LastName', 0), direction: 'desc' },
      { expr: mem('FirstName', 14), direction: 'asc' },
      { expr: mem('Id', 24), direction: 'asc' },
    ]);
  });

  it('parses expressions and paths as keys, and tolerates a space after the comma', () => {
    expect(parseOrderBy('length(Name) desc, Parent/Name')).to.deep.equal([
      { expr: { kind: 'Call', name: 'length', args: [mem('Name', 7)], pos: 0 }, direction: 'desc' },
      { expr: mem('Parent/Name', 19), direction: 'asc' },
    ]);
  });

  it('rejects an unknown direction', () => {
    const err = failure(() => parseOrderBy('Name up'));
    expect([err.code, err.target]).to.deep.equal(['SyntaxError', '$orderby']);
    expect(err.message).to.contain('at position 5');
  });
});

describe('parseSelect', () => {
  it('parses names, paths and *', () => {
    expect(parseSelect('Name,Parent/Name,*')).to.deep.equal([{ path: ['Name'] }, { path: ['Parent', 'Name'] }, { path: ['*'] }]);
  });

  it('rejects an empty item at its position', () => {
    const err = failure(() => parseSelect('Name,,Id'));
    expect([err.code, err.target]).to.deep.equal(['SyntaxError', '$select']);
    expect(err.message).to.contain('at position 5');
  });
});

describe('parseExpand', () => {
  it('parses plain, several and star items', () => {
    expect(parseExpand('Parent,Members,*')).to.deep.equal([
      { path: ['Parent'], options: {}, text: 'Parent', optionTexts: {} },
      { path: ['Members'], options: {}, text: 'Members', optionTexts: {} },
      { path: ['*'], options: {}, text: '*', optionTexts: {} },
    ]);
  });

  it('parses nested $filter, $top, $select and $expand separated by ;', () => {
    expect(parseExpand('Members($filter=UserId gt 3;$top=2;$select=Id;$expand=User($select=FirstName))')).to.deep.equal([
      {
        path: ['Members'],
        options: {
          filter: bin('gt', mem('UserId', 16), lit('int', 3, 26), 23),
          top: 2,
          select: [{ path: ['Id'] }],
          expand: [{ path: ['User'], options: { select: [{ path: ['FirstName'] }] }, text: 'User($select=FirstName)', optionTexts: { select: 'FirstName' } }],
        },
        text: 'Members($filter=UserId gt 3;$top=2;$select=Id;$expand=User($select=FirstName))',
        optionTexts: { filter: 'UserId gt 3', top: '2', select: 'Id', expand: 'User($select=FirstName)' },
      },
    ]);
  });

  it('parses $orderby, $skip, $count, $search and $levels, with or without $', () => {
    expect(parseExpand('Children(orderby=Name desc;skip=1;$count=true;$search=(a b);levels=max)')).to.deep.equal([
      {
        path: ['Children'],
        options: { orderby: [{ expr: mem('Name', 17), direction: 'desc' }], skip: 1, count: true, search: '(a b)', levels: 'max' },
        text: 'Children(orderby=Name desc;skip=1;$count=true;$search=(a b);levels=max)',
        optionTexts: { orderby: 'Name desc', skip: '1', count: 'true', search: '(a b)', levels: 'max' },
      },
    ]);
  });

  it('reads X/$ref as references, with collection options but no $select/$expand/$levels; rejects X/$count and */$ref', () => {
    const [members] = parseExpand('Members/$ref($top=2;$orderby=Id desc)');
    expect(members).to.deep.include({ path: ['Members'], ref: true });
    expect(members?.options.top).to.equal(2);
    for (const text of ['Members/$ref($select=Id)', 'Members/$ref($expand=User)', 'Children/$ref($levels=2)']) {
      expect(failure(() => parseExpand(text)).code, text).to.equal('InvalidQueryOption');
    }
    const err = failure(() => parseExpand('Members/$count'));
    expect([err.status, err.code, err.target]).to.deep.equal([400, 'UnsupportedQueryOption', '$expand']);
    expect(err.message).to.contain('at position 7');
    expect(failure(() => parseExpand('*/$ref')).code).to.equal('UnsupportedQueryOption');
  });

  it('rejects unsupported nested options and aliases', () => {
    expect(failure(() => parseExpand('Members($compute=A as B)')).code).to.equal('UnsupportedQueryOption');
    expect(failure(() => parseExpand('Members(@c=1)')).code).to.equal('UnsupportedQueryOption');
  });

  it('rejects a duplicate nested option with 400 InvalidQueryOption', () => {
    const err = failure(() => parseExpand('Members($top=1;top=2)'));
    expect([err.code, err.target]).to.deep.equal(['InvalidQueryOption', '$expand']);
    expect(err.message).to.contain('position 15');
  });

  it('reports bad nested values at their position in the $expand text', () => {
    expect(failure(() => parseExpand('Category($levels=04)')).message).to.contain('Syntax error in $expand at position 17');
    expect(failure(() => parseExpand('Members($top=x)')).message).to.contain('Syntax error in $expand at position 13');
    expect(failure(() => parseExpand('Members($filter=Id eq)')).message).to.contain('at position 21: expected an expression');
  });

  it("reports a missing ')' after nested options", () => {
    expect(failure(() => parseExpand('Members($top=1')).message).to.contain("at position 14: expected ';' or ')'");
  });
});
