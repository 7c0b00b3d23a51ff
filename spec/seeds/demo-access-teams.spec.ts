/**
 * The demo's access teams (seeds/demo-access-teams.ts), as `npm start` and the specs load them: at least
 * 8 for Contoso with some inactive, a few for Fabrikam, every team's members in its own company, and the
 * same rows on every run (deterministic). Read from the run's seeded test database.
 */
import { expect } from 'chai';
import { DEMO_ACCESS_TEAMS, membersOf } from '../../seeds/demo-access-teams';
import { testDatabase, type TestDatabase } from '../helpers/test-database';

type Row = Record<string, unknown>;

describe('seeds/demo-access-teams', () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase();
  });

  it('gives Contoso at least 8 access teams, some inactive, and Fabrikam a couple', async () => {
    const contoso = (await t.db('access_teams').where({ company_id: t.demo.companies.contoso }).orderBy('id')) as Row[];
    expect(contoso.length).to.be.at.least(8);
    expect(contoso.filter((r) => r.active === false).length).to.be.at.least(1);
    expect(contoso.filter((r) => r.active === true).length).to.be.at.least(6);
    const fabrikam = (await t.db('access_teams').where({ company_id: t.demo.companies.fabrikam })) as Row[];
    expect(fabrikam.length).to.be.within(2, 5);
    expect(contoso.map((r) => r.name)).to.deep.equal((DEMO_ACCESS_TEAMS.Contoso ?? []).map((team) => team.name));
  });

  it('links each team to the users its declaration picks, all of the same company', async () => {
    for (const [company, companyId] of [['Contoso', t.demo.companies.contoso], ['Fabrikam', t.demo.companies.fabrikam]] as const) {
      const users = (await t.db('users').where({ company_id: companyId }).orderBy('id')) as Row[];
      const names = users.map((u) => String(u.user_name));
      for (const team of DEMO_ACCESS_TEAMS[company] ?? []) {
        const row = (await t.db('access_teams').first('id').where({ company_id: companyId, name: team.name })) as Row;
        const linked = (await t.db('access_team_users as l').join('users as u', (j) => j.on('u.company_id', 'l.company_id').andOn('u.id', 'l.user_id'))
          .where({ 'l.company_id': companyId, 'l.team_id': row.id }).select('u.user_name')) as Row[];
        expect(linked.map((l) => l.user_name).sort(), `${company} ${team.name}`).to.deep.equal(membersOf(team, names).sort());
      }
    }
    const developers = (await t.db('access_teams').first('id').where({ company_id: t.demo.companies.contoso, name: 'Developers' })) as Row;
    expect(await t.db('access_team_users').where({ team_id: developers.id })).to.have.length.at.least(10);
  });

  it('picks members deterministically: named users first, then every n-th other user', () => {
    const team = { name: 'X', description: null, active: true, named: ['b'], every: 2, offset: 0, most: 2 };
    expect(membersOf(team, ['a', 'b', 'c', 'd', 'e'])).to.deep.equal(['b', 'a', 'c']);
    expect(membersOf(team, ['a', 'b', 'c', 'd', 'e'])).to.deep.equal(membersOf(team, ['a', 'b', 'c', 'd', 'e']));
  });
});
