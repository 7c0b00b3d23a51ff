/**
 * Formatting specs for expanded entities: PostgreSQL's JSON values formatted like any other (timestamps
 * as ISO with milliseconds and Z, Int64 as strings under IEEE754Compatible), counts and nextLinks of
 * truncated collections, null single navigations, and the context URL's select list. Pure.
 */
import { expect } from 'chai';
import { contextUrl, type FormatOptions } from '../../odata/format';
import { expandedNextLink, formatExpanded } from '../../odata/format-expanded';
import { entitySet } from '../../odata/model';
import { parseQueryOptions } from '../../odata/parse/parse-query-options';
import { planRead } from '../../odata/plan/plan-read';
import type { ExpandPlan } from '../../odata/plan/read-plan';
import { DEFAULT_LIMITS } from '../../server/config';

const ROOT = 'http://h/odata';
const plain: FormatOptions = { serviceRoot: ROOT, ieee754Compatible: false, omitNulls: false };

function plan(set: string, query: string, pageSize?: number) {
  return planRead({ segments: [{ name: set }], options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, preferredPageSize: pageSize, skipTokenSecret: 's' }, entitySet);
}

describe('formatExpanded', () => {
  const read = plan('OrganizationTeamHierarchies', '$select=Id,Name&$expand=Members($select=Id,CreatedAt;$count=true),Parent($select=Name)', 2);
  const row = {
    Id: '5', Name: 'Platform', __etag: '3', __o0: '5', __count_Members: '7', __key_Members: '5',
    Members: [
      { Id: 11, CreatedAt: '2024-01-08T23:00:00.123456+00:00', __etag: '1' },
      { Id: 12, CreatedAt: '2024-01-09T01:00:00+01:00', __etag: '2' },
      { Id: 13, CreatedAt: '2024-01-09T02:00:00+00:00', __etag: '1' },
    ],
    Parent: null,
  };

  it('formats nested values by type, keeps a page of entities and links to the rest, after the count', () => {
    const entity = formatExpanded(structuredClone(row), read, plain);
    expect(entity).to.deep.equal({
      '@odata.etag': 'W/"3"',
      Id: 5,
      Name: 'Platform',
      'Members@odata.count': 7,
      'Members@odata.nextLink': `${ROOT}/OrganizationTeamMemberHierarchies?$filter=OrganizationTeamHierarchyId%20eq%205&$select=Id%2CCreatedAt&$skip=2`,
      Members: [
        { '@odata.etag': 'W/"1"', Id: 11, CreatedAt: '2024-01-08T23:00:00.123Z' },
        { '@odata.etag': 'W/"2"', Id: 12, CreatedAt: '2024-01-09T00:00:00.000Z' },
      ],
      Parent: null,
    });
    expect(Object.keys(entity)).to.deep.equal(['@odata.etag', 'Id', 'Name', 'Members@odata.count', 'Members@odata.nextLink', 'Members', 'Parent']);
  });

  it('writes Int64 values and counts as strings under IEEE754Compatible, and leaves out a null navigation with omit-values=nulls', () => {
    const entity = formatExpanded(structuredClone(row), read, { ...plain, ieee754Compatible: true, omitNulls: true });
    expect(entity.Id).to.equal('5');
    expect(entity['Members@odata.count']).to.equal('7');
    expect((entity.Members as Record<string, unknown>[])[0]?.Id).to.equal('11');
    expect(entity).not.to.have.property('Parent');
  });

  it('gives an empty array, and no link, when nothing was reached', () => {
    const entity = formatExpanded({ ...structuredClone(row), Members: [], __count_Members: '0' }, read, plain);
    expect(entity.Members).to.deep.equal([]);
    expect(entity).not.to.have.property('Members@odata.nextLink');
  });

  it('links nowhere when the nested $top is what was read', () => {
    const topped = plan('OrganizationTeamHierarchies', '$select=Id&$expand=Members($top=2;$select=Id)');
    const entity = formatExpanded({ Id: '5', __key_Members: '5', Members: [{ Id: '11' }, { Id: '12' }] }, topped, plain);
    expect(entity).to.deep.equal({ Id: 5, Members: [{ Id: 11 }, { Id: 12 }] });
  });
});

describe('expandedNextLink', () => {
  const link = (query: string, pageSize?: number) => expandedNextLink(plan('OrganizationTeamHierarchies', query, pageSize).expand[0] as ExpandPlan, '9', ROOT);
  const decoded = (url: string) => decodeURIComponent(url.slice(url.indexOf('?') + 1)).split('&');

  it('filters the target set to the parent and by the nested filter, keeps the nested options, skips what was sent', () => {
    expect(decoded(link("$expand=Members($filter=UserId gt 3;$orderby=UserId desc;$select=UserId;$expand=User;$skip=4;$top=10)", 5))).to.deep.equal([
      '$filter=OrganizationTeamHierarchyId eq 9 and (UserId gt 3)',
      '$select=UserId',
      '$expand=User',
      '$orderby=UserId desc',
      '$top=5',
      '$skip=9',
    ]);
  });

  it('repeats a $levels item so that the rest expands the same way', () => {
    expect(decoded(link('$expand=Children($levels=max;$expand=Members)'))).to.deep.equal([
      '$filter=ParentId eq 9',
      '$expand=Members,Children($levels=max;$expand=Members)',
      '$skip=1000',
    ]);
  });
});

describe('contextUrl with $expand', () => {
  it('lists the expanded navigations with their own select lists; a $levels recursion once', () => {
    expect(contextUrl(plan('OrganizationTeamHierarchies', '$expand=Members'), ROOT)).to.equal(`${ROOT}/$metadata#OrganizationTeamHierarchies(Members())`);
    expect(contextUrl(plan('OrganizationTeamHierarchies', '$select=Name&$expand=Members($select=UserId;$expand=User($select=UserName)),Parent'), ROOT)).to.equal(
      `${ROOT}/$metadata#OrganizationTeamHierarchies(Name,Members(UserId,User(UserName)),Parent())`,
    );
    expect(contextUrl(plan('OrganizationTeamHierarchies', '$select=Name&$expand=Children($levels=max;$select=Name)'), ROOT)).to.equal(
      `${ROOT}/$metadata#OrganizationTeamHierarchies(Name,Children(Name))`,
    );
  });
});
