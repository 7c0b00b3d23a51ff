import { expect } from 'chai';
import type { Knex } from 'knex';
import { connect } from '../../server/db/connect';
import { migrateLatest } from '../../server/db/migrate';
import {
  DEMO_ADMIN, DEMO_FABRIKAM_ADMIN, DEMO_MANAGER, DEMO_MANAGER_TEAM, DEMO_READER, DEMO_READER_TEAM,
  loadDemoSummary, seedDemo, seedDemoIfEmpty, type DemoSummary,
} from '../../seeds/demo';

async function freshDatabase(): Promise<Knex> {
  const db = connect({ pgliteDir: 'memory://' });
  await migrateLatest(db);
  return db;
}

async function count(db: Knex, table: string, companyId: number): Promise<number> {
  const row = await db(table).where({ company_id: companyId }).count<{ count: string }[]>('* as count').first();
  return Number(row?.count);
}

async function teamNamesOf(db: Knex, companyId: number, userId: number): Promise<string[]> {
  const rows: Array<{ name: string }> = await db('organization_team_member_hierarchies as m')
    .join('organization_team_hierarchies as t', (j) => j.on('t.company_id', 'm.company_id').andOn('t.id', 'm.organization_team_hierarchy_id'))
    .where({ 'm.company_id': companyId, 'm.user_id': userId })
    .orderBy('t.name')
    .select('t.name');
  return rows.map((r) => r.name);
}

describe('seeds/demo', () => {
  let db: Knex;
  let summary: DemoSummary;

  before(async () => {
    db = await freshDatabase();
    summary = await seedDemo(db);
  });
  after(async () => db.destroy());

  it('creates Contoso with at least 30 teams, 4 levels below the root and 200 users', async () => {
    const contoso = summary.companies.contoso;
    expect(await count(db, 'organization_team_hierarchies', contoso)).to.be.at.least(30);
    expect(await count(db, 'users', contoso)).to.be.at.least(200);
    const depth = await db('team_closure').where({ company_id: contoso }).max<{ max: number }[]>('depth as max').first();
    expect(depth?.max).to.be.at.least(4);
  });

  it('creates a small Fabrikam', async () => {
    const fabrikam = summary.companies.fabrikam;
    expect(await count(db, 'organization_team_hierarchies', fabrikam)).to.be.within(5, 8);
    expect(await count(db, 'users', fabrikam)).to.be.within(15, 25);
  });

  it('returns the ids of the well-known users, who are who the README says', async () => {
    const byId = async (companyId: number, id: number) => db('users').where({ company_id: companyId, id }).first();
    const { contoso, fabrikam } = summary.companies;
    expect(await byId(contoso, summary.users.admin)).to.include({ user_name: DEMO_ADMIN, is_administrator: true, is_active: true });
    expect(await byId(contoso, summary.users.aliceManager)).to.include({ user_name: DEMO_MANAGER, is_administrator: false });
    expect(await byId(contoso, summary.users.bobReader)).to.include({ user_name: DEMO_READER, is_administrator: false });
    expect(await byId(fabrikam, summary.users.fabrikamAdmin)).to.include({ user_name: DEMO_FABRIKAM_ADMIN, is_administrator: true });
    expect(await teamNamesOf(db, contoso, summary.users.admin)).to.deep.equal([]);
    expect(await teamNamesOf(db, contoso, summary.users.aliceManager)).to.deep.equal([DEMO_MANAGER_TEAM]);
    expect(await teamNamesOf(db, contoso, summary.users.bobReader)).to.deep.equal([DEMO_READER_TEAM]);
  });

  it('puts alice.manager in the division directly under the root and bob.reader in a leaf team', async () => {
    const { contoso } = summary.companies;
    const engineering = await db('organization_team_hierarchies').where({ company_id: contoso, id: summary.teams.engineering }).first();
    expect(engineering.name).to.equal('Engineering');
    expect(Number(engineering.parent_id)).to.equal(summary.teams.contoso);
    const below = await db('team_closure').where({ company_id: contoso, ancestor_id: summary.teams.engineering }).andWhere('depth', '>', 0);
    expect(below.length).to.be.at.least(10);
    const children = await db('organization_team_hierarchies').where({ company_id: contoso, parent_id: summary.teams.apiGateway });
    expect(children).to.have.length(0);
  });

  it('puts every non-admin user in one or two teams and admins in none', async () => {
    const rows: Array<{ is_administrator: boolean; teams: string }> = await db('users as u')
      .leftJoin('organization_team_member_hierarchies as m', (j) => j.on('m.company_id', 'u.company_id').andOn('m.user_id', 'u.id'))
      .groupBy('u.company_id', 'u.id')
      .select('u.is_administrator', db.raw('count(m.id) as teams'));
    for (const row of rows) {
      if (row.is_administrator) expect(Number(row.teams)).to.equal(0);
      else expect(Number(row.teams)).to.be.within(1, 2);
    }
  });

  it("describes each user's primary team in Organization/Business/Department/Group/Team", async () => {
    const mismatched = await db.raw(`
      SELECT u.user_name FROM users u
      JOIN companies c ON c.id = u.company_id
      WHERE u.organization IS DISTINCT FROM c.name
         OR (u.team_name IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM organization_team_member_hierarchies m
              JOIN organization_team_hierarchies t ON t.company_id = m.company_id AND t.id = m.organization_team_hierarchy_id
              WHERE m.company_id = u.company_id AND m.user_id = u.id AND t.name = u.team_name))`);
    expect(mismatched.rows).to.deep.equal([]);
  });

  it('includes nulls, inactive users, apostrophes and accents for filters to meet', async () => {
    const [stats] = (await db.raw(`
      SELECT count(*) FILTER (WHERE last_name IS NULL) AS no_last_name,
             count(*) FILTER (WHERE department IS NULL AND NOT is_administrator) AS no_department,
             count(*) FILTER (WHERE external_id IS NULL) AS no_external_id,
             count(*) FILTER (WHERE NOT is_active) AS inactive,
             count(*) FILTER (WHERE last_name LIKE '%''%') AS apostrophes,
             count(*) FILTER (WHERE first_name || last_name ~ '[^\\x01-\\x7f]') AS accented,
             count(*) FILTER (WHERE email <> lower(email)) AS upper_case_emails
      FROM users`)).rows;
    expect(Number(stats.no_last_name)).to.be.at.least(3);
    expect(Number(stats.no_department)).to.be.at.least(3);
    expect(Number(stats.no_external_id)).to.be.at.least(3);
    expect(Number(stats.inactive)).to.be.within(3, 10);
    expect(Number(stats.apostrophes)).to.be.at.least(3);
    expect(Number(stats.accented)).to.be.at.least(10);
    expect(Number(stats.upper_case_emails)).to.equal(0);
  });

  it('finds the same summary again with loadDemoSummary', async () => {
    expect(await loadDemoSummary(db)).to.deep.equal(summary);
  });

  describe('on two fresh databases', () => {
    let other: Knex;
    before(async () => {
      other = await freshDatabase();
    });
    after(async () => other.destroy());

    it('seedDemoIfEmpty seeds once, then reports false and changes nothing', async () => {
      expect(await loadDemoSummary(other)).to.equal(null);
      expect(await seedDemoIfEmpty(other)).to.equal(true);
      const users = await count(other, 'users', 1);
      expect(await seedDemoIfEmpty(other)).to.equal(false);
      expect(await count(other, 'users', 1)).to.equal(users);
      const companies = await other('companies').count<{ count: string }[]>('* as count');
      expect(Number(companies[0]?.count)).to.equal(2);
    });

    it('produces identical users, teams and memberships', async () => {
      for (const table of ['companies', 'users', 'organization_team_hierarchies', 'organization_team_member_hierarchies', 'team_closure']) {
        const order = table === 'team_closure' ? ['company_id', 'ancestor_id', 'descendant_id'] : table === 'companies' ? ['id'] : ['company_id', 'id'];
        const [a, b] = await Promise.all([db(table).orderBy(order), other(table).orderBy(order)]);
        expect(b, table).to.deep.equal(a);
      }
    });
  });
});
