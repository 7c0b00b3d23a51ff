/**
 * Links repeat the client's text without OData v2 number suffixes: the parser marks each suffix
 * (suffixAt), stripNumberSuffixes deletes exactly those characters, and canonicalQueryPair /
 * canonicalPath rebuild a query pair or a path only when it had one. Strings, GUIDs, dates and names
 * that merely look like `2L` are left alone.
 */
import { expect } from 'chai';
import { canonicalPath, canonicalQueryPair } from '../../../odata/parse/canonical-link';
import { queryFingerprint } from '../../../odata/plan/fingerprint';
import { mayHaveNumberSuffix, stripNumberSuffixes } from '../../../odata/parse/number-suffixes';
import { parseExpand, parseFilter, parseKeyPredicate } from '../../../odata/parse/parse-query-options';

describe('number suffixes in links', () => {
  it('marks where a suffix was written, and only then', () => {
    expect(parseFilter('Id eq 25L')).to.deep.include({ right: { kind: 'Literal', type: 'int', value: 25, pos: 6, suffixAt: 8 } });
    expect(parseFilter('Id eq 25')).to.deep.include({ right: { kind: 'Literal', type: 'int', value: 25, pos: 6 } });
    expect(parseKeyPredicate('Id=1.5m')).to.deep.equal({ kind: 'named', values: { Id: { kind: 'Literal', type: 'decimal', value: '1.5', pos: 3, suffixAt: 6 } } });
  });

  it('strips exactly the marked characters', () => {
    const text = "Id eq 2L or (Score gt 1.5D and Name eq '2L') or Rate lt 1e3f";
    expect(stripNumberSuffixes(text, parseFilter(text))).to.equal("Id eq 2 or (Score gt 1.5 and Name eq '2L') or Rate lt 1e3");
    expect(stripNumberSuffixes('Id eq 2', parseFilter('Id eq 2'))).to.equal('Id eq 2');
  });

  it('keeps nested $expand option texts without suffixes, at any depth', () => {
    const [members] = parseExpand('Members($filter=UserId gt 3L;$expand=User($filter=Id ne 7L;$select=Id);$top=2)');
    expect(members?.optionTexts).to.deep.equal({ filter: 'UserId gt 3', expand: 'User($filter=Id ne 7;$select=Id)', top: '2' });
  });

  it('rebuilds a query pair only when it had a suffix', () => {
    expect(canonicalQueryPair('$filter=Id%20eq%202L')).to.equal('$filter=Id%20eq%202');
    expect(canonicalQueryPair('$filter=Id+eq+2L')).to.equal('$filter=Id%20eq%202');
    expect(canonicalQueryPair('filter=Id%20in%20(1L,2L)')).to.equal('filter=Id%20in%20(1%2C2)');
    expect(canonicalQueryPair('$expand=Members($filter=UserId%20gt%203L)')).to.equal('$expand=Members(%24filter%3DUserId%20gt%203)');
    for (const same of ["$filter=Name%20eq%20'2L'", '$filter=Id%20eq%202', '$select=Id', 'custom=2L', '$filter=Id%20eq%2001234567-89ab-cdef-0123-45678901234d', '$filter=(broken']) {
      expect(canonicalQueryPair(same)).to.equal(same);
    }
  });

  it('rebuilds a path only in the key predicates that had a suffix', () => {
    expect(canonicalPath('http://h/odata/Users(2L)/Memberships')).to.equal('http://h/odata/Users(2)/Memberships');
    expect(canonicalPath("/odata/Mappings(Id=5l,Name='a%20b')")).to.equal("/odata/Mappings(Id=5,Name='a%20b')");
    expect(canonicalPath('/odata/OrganizationTeamHierarchies(3L)/Default.Descendants(MaxDepth=2L)')).to.equal('/odata/OrganizationTeamHierarchies(3)/Default.Descendants(MaxDepth=2)');
    for (const same of ['/odata/Users(2)', "/odata/Projects(ProjectId='22L')", '/odata/Users']) expect(canonicalPath(same)).to.equal(same);
  });

  it("binds tokens to a query's meaning, not its spelling: the link's `2` fits the client's `2L`", () => {
    const of = (filter: string) => queryFingerprint({ s: 'Users', f: parseFilter(filter) });
    expect(of('Id eq 2L')).to.equal(of('Id  eq  2'));
    expect(of('Id eq 2L')).to.not.equal(of('Id eq 3'));
  });

  it('tests cheaply for text that may hold one', () => {
    expect(mayHaveNumberSuffix('Id eq 2L')).to.equal(true);
    expect(mayHaveNumberSuffix("Name eq 'Sam'")).to.equal(false);
  });
});
