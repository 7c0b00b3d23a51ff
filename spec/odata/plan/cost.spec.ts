/**
 * The cost model (odata/plan/cost.ts): the most entities a response can carry, computed from the plan,
 * the limits and (when known) the rows per set; the page it shrinks to under the cap, and the 400s that
 * say what to change. Pure: no database.
 */
import { expect } from 'chai';
import { entitySet, type EntitySetDef } from '../../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { fitToCost, readCost, REGEX_WEIGHT, type Cardinalities } from '../../../odata/plan/cost';
import { planRead } from '../../../odata/plan/plan-read';
import type { ReadPlan } from '../../../odata/plan/read-plan';
import { DEFAULT_LIMITS } from '../../../server/config';
import { thrownODataError } from '../../helpers/odata-error';

const TEAMS = 'OrganizationTeamHierarchies';

function plan(set: string, query: string, pageSize?: number): ReadPlan {
  return planRead(
    { segments: [{ name: set }], options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, preferredPageSize: pageSize, skipTokenSecret: 's' },
    entitySet,
  );
}

/** Rows as the demo's Contoso has them; fan-outs unknown. */
const demo: Cardinalities = {
  rows: (set: EntitySetDef) => ({ Users: 227, OrganizationTeamHierarchies: 47, OrganizationTeamMemberHierarchies: 301 })[set.name],
  fanOut: () => undefined,
};

describe('readCost', () => {
  it('counts a plain page as its rows: the page size, or $top when smaller', () => {
    expect(readCost(plan('Users', ''))).to.deep.equal({ perEntity: 1, entities: 1000, regexes: 0, weight: 1000 });
    expect(readCost(plan('Users', '$top=10')).entities).to.equal(10);
    expect(readCost(plan('Users', '', 50)).entities).to.equal(50);
  });

  it('counts an entity, a count and a single-valued expansion', () => {
    const { segments } = parseResourcePath('/Users(5)');
    const one = planRead({ segments, options: parseQueryOptions('$expand=Memberships($top=3)').options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
    expect(readCost(one)).to.include({ perEntity: 4, entities: 4 });
    expect(readCost(planRead({ segments: [{ name: 'Users' }, { name: '$count' }], options: {}, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet)).entities).to.equal(0);
    expect(readCost(plan('OrganizationTeamMemberHierarchies', '$expand=User,OrganizationTeamHierarchy($expand=Parent)&$top=10')).perEntity).to.equal(4);
  });

  it('multiplies nested pages: page × (1 + Σ nested $top × (1 + their nested …))', () => {
    expect(readCost(plan(TEAMS, '$expand=Members($top=20)&$top=50'))).to.deep.equal({ perEntity: 21, entities: 1050, regexes: 0, weight: 1050 });
    expect(readCost(plan(TEAMS, '$expand=Members($top=20;$expand=User($expand=Memberships($top=5)))&$top=10')).perEntity).to.equal(1 + 20 * (1 + 1 + 5));
    // no nested $top: a nested collection carries up to a page of 1000
    expect(readCost(plan(TEAMS, '$expand=Members')).perEntity).to.equal(1001);
    expect(readCost(plan(TEAMS, '$expand=Members', 100)).perEntity).to.equal(101);
  });

  it('bounds each collection by the rows its set has in the company, when known', () => {
    expect(readCost(plan(TEAMS, '$expand=Members'), demo).perEntity).to.equal(1 + 301);
    expect(readCost(plan(TEAMS, ''), demo).entities).to.equal(47);
  });

  it('bounds each collection by its fan-out, the most any one entity has through it', () => {
    const stats: Cardinalities = {
      rows: (set) => ({ Users: 100_000, OrganizationTeamHierarchies: 10_000, OrganizationTeamMemberHierarchies: 150_000 })[set.name],
      fanOut: (nav) => ({ Memberships: 4, Members: 300, Children: 12 })[nav.name],
    };
    // a user has at most 4 memberships: a full page of users with theirs is 5,000 entities, not a million
    expect(readCost(plan('Users', '$expand=Memberships'), stats)).to.include({ perEntity: 5, entities: 5000 });
    expect(readCost(plan(TEAMS, '$expand=Members($top=20)'), stats).perEntity).to.equal(21);
    expect(readCost(plan(TEAMS, '$expand=Members'), stats).perEntity).to.equal(301);
    // two levels of at most 12 children each
    expect(readCost(plan(TEAMS, '$expand=Children($levels=2)'), stats).perEntity).to.equal(1 + 12 + 144);
  });

  it('unrolls $levels: without sizes the levels multiply; a tree (Children) never carries more than its set', () => {
    const levels3 = plan(TEAMS, '$expand=Children($levels=3;$top=10)');
    expect(readCost(levels3).perEntity).to.equal(1 + 10 + 100 + 1000);
    expect(readCost(plan(TEAMS, '$expand=Children($levels=max)')).perEntity).to.be.greaterThan(1e40);
    expect(readCost(plan(TEAMS, '$expand=Children($levels=max)'), demo).perEntity).to.equal(1 + 47);
    // Children written out by hand is the same tree
    expect(readCost(plan(TEAMS, '$expand=Children($expand=Children($expand=Children))'), demo).perEntity).to.equal(1 + 47);
    // the other navigations of every level count for each team of the tree
    expect(readCost(plan(TEAMS, '$expand=Children($levels=max;$expand=Members($top=5))'), demo).perEntity).to.equal(1 + 47 * (1 + 5));
    // a chain of parents is one entity per level
    expect(readCost(plan(TEAMS, '$expand=Parent($levels=max)'), demo).perEntity).to.equal(1 + 16);
  });

  it('weighs every matchesPattern, in $filter and in nested filters', () => {
    expect(readCost(plan('Users', "$filter=matchesPattern(LastName,'^Sm')&$top=10")).weight).to.equal(10 + REGEX_WEIGHT);
    const nested = plan(TEAMS, "$top=1&$expand=Members($top=1),Children($top=1;$filter=matchesPattern(tolower(Name),'a') or matchesPattern(Description,'b'))");
    expect(readCost(nested).weight).to.equal(readCost(nested).entities + 2 * REGEX_WEIGHT);
  });
});

describe('fitToCost', () => {
  it('leaves a plan within the cap unchanged (the same object)', () => {
    const p = plan(TEAMS, '$expand=Members($top=20)&$top=50');
    expect(fitToCost(p, DEFAULT_LIMITS)).to.equal(p);
  });

  it('shrinks the page so that page × perEntity fits the cap', () => {
    const fitted = fitToCost(plan(TEAMS, '$expand=Members($top=100)'), DEFAULT_LIMITS);
    expect(fitted.pageSize).to.equal(Math.floor(20_000 / 101));
    expect(readCost(fitted).entities).to.be.at.most(20_000);
    expect(fitToCost(plan('Users', ''), { ...DEFAULT_LIMITS, maxResponseEntities: 300 }).pageSize).to.equal(300);
    expect(fitToCost(plan(TEAMS, '$expand=Children($levels=max;$expand=Members)&$top=1000'), DEFAULT_LIMITS, demo).pageSize).to.equal(Math.floor(20_000 / (1 + 47 * 302)));
  });

  it('refuses, naming the navigation to give a $top, when one entity alone could carry more than the cap', () => {
    const err = thrownODataError(() => fitToCost(plan(TEAMS, '$expand=Members($expand=User($expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members))))'), DEFAULT_LIMITS));
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('LimitExceeded');
    expect(err.target).to.equal('$expand');
    expect(err.message).to.match(/could return 1,002,002,001 entities for one OrganizationTeamHierarchy \(at most 20,000 per response\): add \$top inside Members's \$expand/);
  });

  it('names the first collection without a $top down the biggest contributors, as a path', () => {
    const err = thrownODataError(() => fitToCost(plan(TEAMS, '$expand=Members($top=3;$expand=User($expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members)))),Children($top=2)'), DEFAULT_LIMITS));
    expect(err.message).to.contain("add $top inside Members/User/Memberships's $expand (e.g. Memberships($top=20))");
  });

  it('names the deepest collection behind single-valued navigations', () => {
    const err = thrownODataError(() => fitToCost(plan('OrganizationTeamMemberHierarchies', '$expand=User($expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members($expand=User($expand=Memberships)))))'), DEFAULT_LIMITS));
    expect(err.message).to.contain("add $top inside User/Memberships's $expand");
  });

  it('asks for fewer levels when $levels is what multiplies', () => {
    const err = thrownODataError(() => fitToCost(plan(TEAMS, '$expand=Children($levels=max)'), DEFAULT_LIMITS));
    expect(err.message).to.contain('use fewer $levels on Children');
    const bigTree: Cardinalities = { rows: (set) => (set.name === TEAMS ? 50_000 : undefined), fanOut: () => undefined };
    expect(thrownODataError(() => fitToCost(plan(TEAMS, "$filter=ParentId eq null&$expand=Children($levels=max)"), DEFAULT_LIMITS, bigTree)).message).to.contain('50,001 entities');
  });

  it('counts a nested $top as given when it already fits, and says so when it does not', () => {
    const err = thrownODataError(() => fitToCost(plan(TEAMS, '$expand=Members($top=500;$expand=User($expand=Memberships($top=100)))'), DEFAULT_LIMITS));
    expect(err.message).to.contain('51,001 entities'); // 1 + 500 × (1 + 1 + 100)
    expect(err.message).to.contain('give Members/User/Memberships a smaller $top, or expand less below it');
  });
});
