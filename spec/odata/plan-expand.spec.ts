/**
 * Planner specs for `$expand`: parsed items → ExpandPlans (navigation, target, nested options, the rows
 * per parent, the nextLink recipe), `$levels` unrolled into nested plans, and every rejection a 400
 * naming what was wrong. Pure: no database.
 */
import { expect } from 'chai';
import { contextUrl } from '../../odata/format';
import { entitySet } from '../../odata/model';
import type { PathSegment } from '../../odata/parse/ast';
import { parseQueryOptions } from '../../odata/parse/parse-query-options';
import { planRead } from '../../odata/plan/plan-read';
import type { ExpandPlan } from '../../odata/plan/read-plan';
import { DEFAULT_LIMITS } from '../../server/config';
import { thrownODataError } from '../helpers/odata-error';

function plan(set: string, query: string, options: { maxExpandDepth?: number; pageSize?: number } = {}) {
  const limits = { ...DEFAULT_LIMITS, maxExpandDepth: options.maxExpandDepth ?? DEFAULT_LIMITS.maxExpandDepth };
  return planRead(
    { segments: [{ name: set }], options: parseQueryOptions(query).options, limits, preferredPageSize: options.pageSize, skipTokenSecret: 's' },
    entitySet,
  );
}

/** The navigation names down a recursion: Children → Children → … */
function chain(plans: readonly ExpandPlan[]): string[] {
  const first = plans[0];
  return first ? [first.navigation.name, ...chain(first.expand.filter((p) => p.navigation.name === first.navigation.name))] : [];
}

describe('planExpand', () => {
  it('plans a collection with its nested options, the key as last order key, and the rows per parent', () => {
    const [members] = plan('OrganizationTeamHierarchies', '$expand=Members($filter=UserId gt 3;$orderby=UserId desc;$top=2;$skip=1;$select=UserId;$count=true)').expand;
    expect(members?.navigation.name).to.equal('Members');
    expect(members?.set.name).to.equal('OrganizationTeamMemberHierarchies');
    expect(members?.select.map((p) => p.name)).to.deep.equal(['UserId']);
    expect(members?.selectExplicit).to.equal(true);
    expect(members?.filter?.kind).to.equal('Compare');
    expect(members?.orderBy.map((k) => [(k.expr as { property: { name: string } }).property.name, k.direction])).to.deep.equal([['UserId', 'desc'], ['Id', 'asc']]);
    expect([members?.limit, members?.probeMore, members?.skip, members?.count]).to.deep.equal([2, false, 1, true]);
    expect(members?.link).to.deep.equal({
      optionTexts: { filter: 'UserId gt 3', orderby: 'UserId desc', top: '2', skip: '1', select: 'UserId', count: 'true' },
      top: undefined,
      recurse: undefined,
    });
  });

  it('caps a collection at the page size and keeps the $top left for its nextLink', () => {
    expect(plan('OrganizationTeamHierarchies', '$expand=Members').expand[0]?.limit).to.equal(1000);
    expect(plan('OrganizationTeamHierarchies', '$expand=Members', { pageSize: 5 }).expand[0]?.limit).to.equal(5);
    const capped = plan('OrganizationTeamHierarchies', '$expand=Members($top=12)', { pageSize: 5 }).expand[0];
    expect([capped?.limit, capped?.probeMore, capped?.link.top]).to.deep.equal([5, true, 7]);
  });

  it('plans single-valued navigations and nested expands, and * as every navigation', () => {
    const [user, team] = plan('OrganizationTeamMemberHierarchies', '$expand=User($select=UserName;$expand=Memberships),OrganizationTeamHierarchy').expand;
    expect([user?.navigation.name, user?.limit, user?.select.map((p) => p.name)]).to.deep.equal(['User', 1, ['UserName']]);
    expect(user?.expand.map((p) => p.navigation.name)).to.deep.equal(['Memberships']);
    expect(team?.set.name).to.equal('OrganizationTeamHierarchies');
    expect(plan('OrganizationTeamHierarchies', '$expand=*').expand.map((p) => p.navigation.name)).to.deep.equal(['Parent', 'Children', 'Members']);
  });

  it('selects members of complex properties inside $expand as at the top level (context URL and nextLink included)', () => {
    const read = plan('Users', '$select=Id&$expand=Projects($select=ProjectName,ProjectOwner/Email,Assets/Repositories)');
    const [projects] = read.expand;
    expect(projects?.select.map((p) => p.name)).to.deep.equal(['ProjectName', 'ProjectOwner', 'Assets']);
    expect(projects?.selectMembers).to.deep.equal({ ProjectOwner: [['Email']], Assets: [['Repositories']] });
    expect(projects?.link.optionTexts.select).to.equal('ProjectName,ProjectOwner/Email,Assets/Repositories');
    expect(contextUrl(read, 'http://h/odata')).to.equal('http://h/odata/$metadata#Users(Id,Projects(ProjectName,ProjectOwner/Email,Assets/Repositories))');
    // a whole complex property: no members, and the whole property wins over its members
    const [whole] = plan('Mappings', '$expand=Project($select=ProjectOwner,ProjectOwner/Email)').expand;
    expect([whole?.select.map((p) => p.name), whole?.selectMembers]).to.deep.equal([['ProjectOwner'], undefined]);
    const [deeper] = plan('Mappings', '$expand=User($expand=Projects($select=ProjectOwner/FirstName))').expand;
    expect(deeper?.expand[0]?.selectMembers).to.deep.equal({ ProjectOwner: [['FirstName']] });
    expect(thrownODataError(() => plan('Users', '$expand=Projects($select=ProjectOwner/Phone)'))).to.include({ code: 'UnknownProperty' });
    expect(thrownODataError(() => plan('Users', '$expand=Projects($select=Assets/Repositories/Url)'))).to.include({ code: 'UnsupportedQueryOption' });
  });

  it('ignores a navigation named in $select (minimal metadata has no link to show)', () => {
    const read = plan('OrganizationTeamHierarchies', '$select=Name,Members&$expand=Members');
    expect(read.select.map((p) => p.name)).to.deep.equal(['Name']);
    expect(read.expand.map((p) => p.navigation.name)).to.deep.equal(['Members']);
  });

  it('unrolls $levels=N into N nested plans of the same navigation, with the nested options at each level', () => {
    const levels = plan('OrganizationTeamHierarchies', '$expand=Children($levels=3;$select=Name;$expand=Members($top=1))').expand;
    expect(chain(levels)).to.deep.equal(['Children', 'Children', 'Children']);
    const second = levels[0]?.expand;
    expect(second?.map((p) => p.navigation.name)).to.deep.equal(['Members', 'Children']);
    expect(second?.[1]?.select.map((p) => p.name)).to.deep.equal(['Name']);
    // the rest of a level expands the levels still left below it; the last level's rest expands none
    expect(levels[0]?.link.recurse).to.equal('Children($levels=2;$select=Name;$expand=Members($top=1))');
    expect(second?.[1]?.link.recurse).to.equal('Children($levels=1;$select=Name;$expand=Members($top=1))');
    expect(second?.[1]?.expand.find((p) => p.navigation.name === 'Children')?.link.recurse).to.equal(undefined);
  });

  it('unrolls $levels=max to maxExpandDepth, where a probe of limit 0 asks whether more levels exist', () => {
    const levels = plan('OrganizationTeamHierarchies', '$expand=Children($levels=max)', { maxExpandDepth: 4 }).expand;
    expect(chain(levels)).to.deep.equal(['Children', 'Children', 'Children', 'Children']);
    let deepest = levels[0];
    while (deepest?.expand[0]) deepest = deepest.expand[0];
    expect(levels[0]?.limit).to.equal(1000);
    expect([deepest?.limit, deepest?.expand.length, deepest?.link.recurse]).to.deep.equal([0, 0, 'Children($levels=max)']);
    // a chain of single-valued parents just stops at the limit
    expect(chain(plan('OrganizationTeamHierarchies', '$expand=Parent($levels=max)', { maxExpandDepth: 3 }).expand)).to.deep.equal(['Parent', 'Parent', 'Parent']);
  });

  for (const [query, code, words] of [
    ['$expand=Nope', 'UnknownProperty', "no navigation property 'Nope'"],
    ['$expand=Name', 'InvalidQueryOption', 'Name is a property'],
    ['$expand=Members,Members', 'InvalidQueryOption', 'expanded twice'],
    ['$expand=Members/User', 'UnsupportedQueryOption', 'one navigation per level'],
    ['$expand=Members($levels=2)', 'InvalidQueryOption', 'leads back to its own type'],
    ['$expand=Children($levels=2;$expand=Children)', 'InvalidQueryOption', 'expanded twice'],
    ['$expand=Parent($filter=Id eq 1)', 'InvalidQueryOption', '$filter applies to collections'],
    ['$expand=Parent($top=1)', 'InvalidQueryOption', '$top applies to collections'],
    ['$expand=Children($levels=17)', 'LimitExceeded', 'at most 16'],
    ['$expand=Members($search=x)', 'InvalidQueryOption', 'no text to $search'],
    ['$expand=Parent($search=x)', 'InvalidQueryOption', '$search applies to collections'],
    ['$expand=Members($filter=Nope eq 1)', 'UnknownProperty', 'Nope'],
    ['$expand=*($select=Name)', 'UnsupportedQueryOption', '* takes no nested options'],
  ] as const) {
    it(`rejects ${query} with 400 ${code}`, () => {
      const err = thrownODataError(() => plan('OrganizationTeamHierarchies', query));
      expect([err.status, err.code]).to.deep.equal([400, code]);
      expect(err.message).to.contain(words);
    });
  }

  it('rejects $expand on a count or a property with 400 InvalidQueryOption', () => {
    const read = (segments: PathSegment[]) =>
      thrownODataError(() => planRead({ segments, options: parseQueryOptions('$expand=Memberships').options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet));
    const key: PathSegment['key'] = { kind: 'single', value: { kind: 'Literal', type: 'int', value: 2, pos: 0 } };
    expect(read([{ name: 'Users' }, { name: '$count' }]).message).to.equal('$expand applies to entities, not to a count');
    const property = read([{ name: 'Users', key }, { name: 'FirstName' }]);
    expect([property.code, property.message]).to.deep.equal(['InvalidQueryOption', '$expand applies to entities, not to a property']);
  });

  it('counts nesting against maxExpandDepth', () => {
    expect(thrownODataError(() => plan('Users', '$expand=Memberships($expand=User($expand=Memberships))', { maxExpandDepth: 2 })).code).to.equal('LimitExceeded');
    expect(plan('Users', '$expand=Memberships($expand=User)', { maxExpandDepth: 2 }).expand).to.have.length(1);
  });
});
