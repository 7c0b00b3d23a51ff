/**
 * Unit specs of parseResourcePath and parseKeyPredicate: segments, keys (single, named, composite),
 * percent-decoding, and 400 errors with positions. Pure.
 */
import { expect } from 'chai';
import { parseKeyPredicate, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { lit, failure } from './ast-builders';

describe('parseKeyPredicate', () => {
  it('reads a v2-style Int64 key with its L suffix (SAP Cloud SDK: Users(2L)) as the integer', () => {
    expect(parseKeyPredicate('2L')).to.deep.equal({ kind: 'single', value: { ...lit('int', 2, 0), suffixAt: 1 } });
    expect(parseKeyPredicate('Id=2l')).to.deep.include({ kind: 'named' });
  });

  it('parses a single integer or string key', () => {
    expect(parseKeyPredicate('5')).to.deep.equal({ kind: 'single', value: lit('int', 5, 0) });
    expect(parseKeyPredicate("'abc'")).to.deep.equal({ kind: 'single', value: lit('string', 'abc', 0) });
  });

  it('parses a GUID key', () => {
    expect(parseKeyPredicate('01234567-89ab-cdef-0123-456789abcdef')).to.deep.equal({
      kind: 'single',
      value: lit('guid', '01234567-89ab-cdef-0123-456789abcdef', 0),
    });
  });

  it('parses named and composite keys', () => {
    expect(parseKeyPredicate("Email='a@b.c'")).to.deep.equal({ kind: 'named', values: { Email: lit('string', 'a@b.c', 6) } });
    expect(parseKeyPredicate("Id=5,Code='x'")).to.deep.equal({ kind: 'named', values: { Id: lit('int', 5, 3), Code: lit('string', 'x', 10) } });
  });

  it('rejects a non-literal key value, a repeated name and an empty key', () => {
    expect(failure(() => parseKeyPredicate('Id=abc')).message).to.contain('at position 3');
    expect(failure(() => parseKeyPredicate('Id=1,Id=2')).message).to.contain('Id is given twice').and.to.contain('position 5');
    expect(failure(() => parseKeyPredicate('')).status).to.equal(400);
  });
});

describe('parseResourcePath', () => {
  it('parses an empty path into zero segments', () => {
    expect(parseResourcePath('')).to.deep.equal({ segments: [] });
    expect(parseResourcePath('/')).to.deep.equal({ segments: [] });
  });

  it('parses an entity set, a key and a property', () => {
    expect(parseResourcePath('Users(5)/FirstName')).to.deep.equal({
      segments: [{ name: 'Users', key: { kind: 'single', value: lit('int', 5, 0) } }, { name: 'FirstName' }],
    });
  });

  it('parses $count, $metadata and navigation segments', () => {
    expect(parseResourcePath('Users/$count')).to.deep.equal({ segments: [{ name: 'Users' }, { name: '$count' }] });
    expect(parseResourcePath('$metadata')).to.deep.equal({ segments: [{ name: '$metadata' }] });
    expect(parseResourcePath('OrganizationTeamHierarchies(3)/Members')).to.deep.equal({
      segments: [{ name: 'OrganizationTeamHierarchies', key: { kind: 'single', value: lit('int', 3, 0) } }, { name: 'Members' }],
    });
  });

  it('parses a bound function call: a qualified name with parameters by name, or none', () => {
    expect(parseResourcePath('OrganizationTeamHierarchies(5)/Default.Ancestors()').segments[1]).to.deep.equal({ name: 'Default.Ancestors', params: {} });
    expect(parseResourcePath('OrganizationTeamHierarchies(5)/Default.Descendants(MaxDepth=3)').segments[1])
      .to.deep.equal({ name: 'Default.Descendants', params: { MaxDepth: lit('int', 3, 9) } });
    expect(parseResourcePath('OrganizationTeamHierarchies(5)/Default.Descendants(MaxDepth=3)/$count').segments).to.have.length(3);
    expect(() => parseResourcePath('OrganizationTeamHierarchies(5)/Default.Descendants(3)')).to.throw('Syntax error in resource path at position 51: expected parameters by name (Name=value)');
  });

  it('parses an alternate key and percent-decodes segments (also %2F inside a key)', () => {
    expect(parseResourcePath("Users(Email='x@y.z')")).to.deep.equal({
      segments: [{ name: 'Users', key: { kind: 'named', values: { Email: lit('string', 'x@y.z', 6) } } }],
    });
    expect(parseResourcePath('Users%28Email=%27a%2Fb%27%29')).to.deep.equal({
      segments: [{ name: 'Users', key: { kind: 'named', values: { Email: lit('string', 'a/b', 6) } } }],
    });
  });

  it('accepts a leading and a trailing slash', () => {
    expect(parseResourcePath('/Users/')).to.deep.equal({ segments: [{ name: 'Users' }] });
  });

  it('rejects a bad key with 400 and the position in the path', () => {
    const err = failure(() => parseResourcePath('Users(5'));
    expect([err.status, err.code]).to.deep.equal([400, 'SyntaxError']);
    expect(err.message).to.contain("at position 7: expected ')'");
    expect(failure(() => parseResourcePath('Teams(1)/Users(x eq)')).message).to.contain('at position 17');
  });

  it('rejects a segment that is not a name, and a key on a $ segment', () => {
    expect(failure(() => parseResourcePath('Users/5')).message).to.contain('at position 6: expected a name');
    expect(failure(() => parseResourcePath('$count(1)')).message).to.contain('at position 6');
  });
});
