/**
 * The cost model's counts (server/db/cardinalities.ts) on the run's database: each count and fan-out
 * equals one computed independently from the rows, per company; a burst of requests on a cold cache runs
 * one load; a fresh entry is reused.
 */
import { expect } from 'chai';
import { model } from '../../../odata/model';
import { navigation, entitySet, type EntitySetDef } from '../../../odata/model';
import { TtlCache } from '../../../server/auth/ttl-cache';
import { cachedCardinalities, loadSetCounts, type SetCounts } from '../../../server/db/cardinalities';
import { testDatabase, type TestDatabase } from '../../helpers/test-database';

const set = (name: string) => entitySet(name) as EntitySetDef;

describe('cardinalities for the cost model', () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase();
  });

  for (const company of ['contoso', 'fabrikam'] as const) {
    it(`counts ${company}'s teams and memberships, and the most members, memberships and child teams one entity has`, async () => {
      const companyId = t.demo.companies[company];
      const memberships = (await t.db('organization_team_member_hierarchies').where({ company_id: companyId }).select('user_id', 'organization_team_hierarchy_id')) as { user_id: string; organization_team_hierarchy_id: string }[];
      const teams = (await t.db('organization_team_hierarchies').where({ company_id: companyId }).select('parent_id')) as { parent_id: string | null }[];
      const most = (values: readonly (string | null)[]) => {
        const counts = new Map<string, number>();
        for (const v of values) if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
        return Math.max(0, ...counts.values());
      };
      const links = (await t.db('access_team_users').where({ company_id: companyId }).select('team_id', 'user_id')) as { team_id: string; user_id: string }[];
      const rowsOf = async (table: string) => Number(((await t.db(table).where({ company_id: companyId }).count({ n: '*' })) as { n: string }[])[0]?.n);
      const counts = await loadSetCounts(t.db, model, companyId);
      expect(counts.rows).to.deep.equal({
        Users: await rowsOf('users'),
        OrganizationTeamHierarchies: teams.length,
        OrganizationTeamMemberHierarchies: memberships.length,
        Teams: await rowsOf('access_teams'),
        Projects: await rowsOf('projects'),
      });
      const fan = (setName: string, nav: string) => counts.fanOut[`${navigation(set(setName), nav)?.target}.${navigation(set(setName), nav)?.targetColumn}`];
      expect(fan('OrganizationTeamHierarchies', 'Members')).to.equal(most(memberships.map((m) => m.organization_team_hierarchy_id)));
      expect(fan('Users', 'Memberships')).to.equal(most(memberships.map((m) => m.user_id)));
      expect(fan('OrganizationTeamHierarchies', 'Children')).to.equal(most(teams.map((x) => x.parent_id)));
      expect(fan('OrganizationTeamHierarchies', 'Members')).to.be.greaterThan(1);
      // many-to-many: the most users one access team has, and the most access teams one user is in (link table)
      expect(counts.fanOut['access_team_users.team_id']).to.equal(most(links.map((l) => l.team_id))).and.greaterThan(0);
      expect(counts.fanOut['access_team_users.user_id']).to.equal(most(links.map((l) => l.user_id))).and.greaterThan(0);
      // many-to-many through mappings: the most people one project has, and the most projects one person is on
      const mapped = (await t.db('mappings').where({ company_id: companyId }).whereNotNull('project_ref').select('project_ref', 'user_ref')) as { project_ref: string; user_ref: string }[];
      expect(counts.fanOut['mappings.project_ref']).to.equal(most(mapped.map((m) => m.project_ref))).and.greaterThan(1);
      expect(counts.fanOut['mappings.user_ref']).to.equal(most(mapped.map((m) => m.user_ref))).and.greaterThan(1);
    });
  }

  it('counts nothing for a company without rows', async () => {
    const counts = await loadSetCounts(t.db, model, 987_654);
    expect(Object.values(counts.rows)).to.deep.equal([0, 0, 0, 0, 0]);
    expect(Object.values(counts.fanOut).every((n) => n === 0)).to.equal(true);
  });

  it('runs one load for a burst of requests on a cold cache, and none while the entry is fresh', async () => {
    const cache = new TtlCache<SetCounts>(10_000, 10);
    let loads = 0;
    const counting = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop === 'raw') loads += 1;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const all = await Promise.all(Array.from({ length: 5 }, () => cachedCardinalities(counting, model, t.demo.companies.contoso, cache)));
    expect(loads).to.equal(1);
    expect(new Set(all.map((c) => c.rows(set('OrganizationTeamHierarchies')))).size).to.equal(1);
    await cachedCardinalities(counting, model, t.demo.companies.contoso, cache);
    expect(loads).to.equal(1);
    await cachedCardinalities(counting, model, t.demo.companies.fabrikam, cache);
    expect(loads).to.equal(2);
  });
});
