/**
 * Smoke spec for the benchmark's dataset generator (bench/generate.ts) on in-memory PGlite, at tiny
 * sizes: the rows asked for, a tree of the requested depth with a consistent closure, every user in a
 * team, projects owned by users of their company with 3–10 people each (project-people mappings that
 * resolve to existing projects and users), and the same rows for the same seed (generated twice into
 * one database, compared by offset).
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { measureAncestorCheck } from '../../bench/ancestor-check';
import { planDataset, PROJECT_PEOPLE } from '../../bench/dataset-plan';
import { generateDataset, type GeneratedDataset } from '../../bench/generate';
import { connect } from '../../server/db/connect';
import { migrateLatest } from '../../server/db/migrate';

const SIZES = { usersPerCompany: 300, teamsPerCompany: 60, membershipsPerCompany: 450, minDepth: 8, projectsPerCompany: 20 };

type Row = Record<string, unknown>;

async function rows(db: Knex, text: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  return ((await db.raw(text, bindings as Knex.RawBinding[])) as { rows: Row[] }).rows;
}

/** A company's rows with ids made relative to its first user / team, so two generations compare equal. */
async function dump(db: Knex, companyId: number): Promise<Row[][]> {
  const [first] = await rows(db, `SELECT (SELECT min(id) FROM users WHERE company_id = ?) AS u, (SELECT min(id) FROM organization_team_hierarchies WHERE company_id = ?) AS t,
    (SELECT min(id) FROM projects WHERE company_id = ?) AS p`, [companyId, companyId, companyId]);
  const u = Number(first?.u);
  const t = Number(first?.t);
  const p = Number(first?.p);
  return Promise.all([
    rows(db, `SELECT id - ? AS id, user_name, email, first_name, last_name, display_name, external_id, organization, business, department,
      group_name, team_name, is_administrator, is_active, created_at, updated_at FROM users WHERE company_id = ? ORDER BY id`, [u, companyId]),
    rows(db, `SELECT id - ? AS id, name, description, parent_id - ? AS parent, created_at FROM organization_team_hierarchies WHERE company_id = ? ORDER BY id`, [t, t, companyId]),
    rows(db, `SELECT user_id - ? AS u, organization_team_hierarchy_id - ? AS t FROM organization_team_member_hierarchies WHERE company_id = ? ORDER BY id`, [u, t, companyId]),
    rows(db, `SELECT id - ? AS id, project_id, project_name, external_id, organization, business, department, group_name, team_name,
      project_owner, assets, created_at, updated_at FROM projects WHERE company_id = ? ORDER BY id`, [p, companyId]),
    rows(db, `SELECT attribute1, attribute2, mapping_type, relationship, project_ref - ? AS p, user_ref - ? AS u FROM mappings WHERE company_id = ?
      ORDER BY project_ref, user_ref`, [p, u, companyId]),
  ]);
}

describe('bench/generate', () => {
  let db: Knex;
  let first: GeneratedDataset;
  let second: GeneratedDataset;

  before(async () => {
    db = connect({ pgliteDir: 'memory://' });
    await migrateLatest(db);
    first = await generateDataset(db, { ...SIZES, seed: 7 });
    second = await generateDataset(db, { ...SIZES, seed: 7 });
  });

  after(async () => {
    await db.destroy();
  });

  it('inserts the requested users, teams and unique memberships for two companies', async () => {
    expect(first.companies.map((c) => [c.users, c.teams, c.memberships])).to.deep.equal([[300, 60, 450], [300, 60, 450]]);
    const counts = await rows(db, `SELECT company_id, count(*)::integer AS n, count(DISTINCT (user_id, organization_team_hierarchy_id))::integer AS distinct_pairs
      FROM organization_team_member_hierarchies GROUP BY company_id ORDER BY company_id`);
    expect(counts.map((r) => [r.n, r.distinct_pairs])).to.deep.equal([[450, 450], [450, 450], [450, 450], [450, 450]]);
  });

  it('grows a tree at least as deep as requested, and the closure agrees with the parent links', async () => {
    const depths = await rows(db, `SELECT company_id, max(depth)::integer AS depth FROM team_closure GROUP BY company_id ORDER BY company_id`);
    for (const [i, row] of depths.entries()) {
      expect(row.depth as number).to.be.at.least(8);
      expect(row.depth).to.equal([...first.companies, ...second.companies][i]?.maxDepth);
    }
    // every team has exactly one ancestor per level above it, the root among them
    const [broken] = await rows(db, `SELECT count(*)::integer AS n FROM organization_team_hierarchies t
      WHERE (SELECT count(*) FROM team_closure c WHERE c.company_id = t.company_id AND c.descendant_id = t.id)
         <> 1 + (SELECT max(depth) FROM team_closure c WHERE c.company_id = t.company_id AND c.descendant_id = t.id)
         OR (t.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM team_closure c WHERE c.company_id = t.company_id
           AND c.ancestor_id = t.parent_id AND c.descendant_id = t.id AND c.depth = 1))`);
    expect(broken?.n).to.equal(0);
  });

  it('puts every user in at least one team', async () => {
    const [lonely] = await rows(db, `SELECT count(*)::integer AS n FROM users u WHERE NOT EXISTS (SELECT 1 FROM organization_team_member_hierarchies m
      WHERE m.company_id = u.company_id AND m.user_id = u.id)`);
    expect(lonely?.n).to.equal(0);
  });

  it('makes bench.admin an administrator and bench.manager a member of one depth-2 team, emails unique per company', async () => {
    const people = await rows(db, `SELECT u.user_name, u.is_administrator, count(m.id)::integer AS teams,
        max((SELECT max(depth) FROM team_closure c WHERE c.company_id = m.company_id AND c.descendant_id = m.organization_team_hierarchy_id))::integer AS depth
      FROM users u JOIN organization_team_member_hierarchies m ON m.company_id = u.company_id AND m.user_id = u.id
      WHERE u.company_id = ? AND u.user_name IN ('bench.admin', 'bench.manager') GROUP BY u.user_name, u.is_administrator ORDER BY u.user_name`,
    [first.companies[0]?.id]);
    expect(people).to.deep.equal([
      { user_name: 'bench.admin', is_administrator: true, teams: 1, depth: 0 },
      { user_name: 'bench.manager', is_administrator: false, teams: 1, depth: 2 },
    ]);
    const [dupes] = await rows(db, `SELECT count(*)::integer AS n FROM (SELECT company_id, lower(email) FROM users WHERE email IS NOT NULL
      GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(dupes?.n).to.equal(0);
  });

  it('inserts the requested projects, each owned by a user of its company, with 0–4 repositories and 0–3 services', async () => {
    expect(first.companies.map((c) => c.projects)).to.deep.equal([20, 20]);
    expect(first.mappingsTable).to.equal(true);
    const [owners] = await rows(db, `SELECT count(*)::integer AS n,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM users u WHERE u.company_id = p.company_id AND u.email = p.project_owner ->> 'Email'
          AND u.first_name IS NOT DISTINCT FROM p.project_owner ->> 'FirstName' AND u.last_name IS NOT DISTINCT FROM p.project_owner ->> 'LastName'))::integer AS by_users,
        max(jsonb_array_length(p.assets -> 'Repositories'))::integer AS repositories, max(jsonb_array_length(p.assets -> 'Services'))::integer AS services,
        count(DISTINCT (p.company_id, p.project_id))::integer AS project_ids
      FROM projects p`);
    expect(owners?.n).to.equal(80);
    expect(owners?.by_users).to.equal(80);
    expect(owners?.project_ids).to.equal(80);
    expect(owners?.repositories as number).to.be.within(1, 4);
    expect(owners?.services as number).to.be.within(1, 3);
  });

  it('links 3–10 people to each project (the owner among them) by project-people mappings that resolve to existing projects and users', async () => {
    expect(first.companies.map((c) => c.mappings)).to.deep.equal(planDataset({ ...SIZES, companies: 2 }, 7).map((c) => c.projectPeople.length));
    const [broken] = await rows(db, `SELECT count(*)::integer AS n FROM mappings m
      LEFT JOIN projects p ON p.company_id = m.company_id AND p.id = m.project_ref AND p.project_id = m.attribute1
      LEFT JOIN users u ON u.company_id = m.company_id AND u.id = m.user_ref AND u.email = m.attribute2
      WHERE p.id IS NULL OR u.id IS NULL OR m.mapping_type <> ?`, [PROJECT_PEOPLE]);
    expect(broken?.n).to.equal(0);
    const [sizes] = await rows(db, `SELECT min(n)::integer AS least, max(n)::integer AS most, count(*)::integer AS projects,
        count(*) FILTER (WHERE has_owner)::integer AS with_owner
      FROM (SELECT p.id, count(m.id) AS n, bool_or(m.attribute2 = p.project_owner ->> 'Email') AS has_owner FROM projects p
        JOIN mappings m ON m.company_id = p.company_id AND m.project_ref = p.id GROUP BY p.id) c`);
    expect(sizes?.least as number).to.be.at.least(3);
    expect(sizes?.most as number).to.be.at.most(10);
    expect(sizes?.projects).to.equal(80);
    expect(sizes?.with_owner).to.equal(80);
  });

  it('generates the same rows for the same seed, and other rows for another seed', async () => {
    for (const i of [0, 1]) {
      expect(await dump(db, second.companies[i]?.id as number)).to.deep.equal(await dump(db, first.companies[i]?.id as number));
    }
    const plan = (seed: number) => planDataset({ ...SIZES, companies: 1 }, seed)[0]?.users.map((u) => u.user_name);
    expect(plan(8)).to.not.deep.equal(plan(7));
    const projects = (seed: number) => planDataset({ ...SIZES, companies: 1 }, seed)[0]?.projects.map((p) => p.project_owner.Email);
    expect(projects(8)).to.not.deep.equal(projects(7));
  });

  it('plans the same users and teams with or without projects (projects draw from their own PRNG)', () => {
    const [withProjects] = planDataset({ ...SIZES, companies: 1 }, 7);
    const [without] = planDataset({ ...SIZES, companies: 1, projectsPerCompany: 0 }, 7);
    expect(without?.users).to.deep.equal(withProjects?.users);
    expect(without?.memberships).to.deep.equal(withProjects?.memberships);
    expect(without?.projects).to.deep.equal([]);
  });

  it('times the write rules\' ancestor check for a team at depth ≥ 8 and a member of a team far above it', async () => {
    const check = await measureAncestorCheck(db, first.companies[0]?.id as number, 20);
    expect(check).to.not.equal(null);
    expect(check?.depth).to.be.at.least(8);
    expect(check?.levelsAbove).to.be.at.least(1);
    expect(check?.samples).to.equal(20);
    expect(check?.medianMs).to.be.a('number').and.satisfy(Number.isFinite);
  });
});
