/**
 * Abuse: the attacks of issue 11 replayed through HTTP by an ordinary read-only caller — huge `$expand`
 * chains, `$levels=max` over trees with members, catastrophic regular expressions, many expensive reads at
 * once — each refused with a clear 4xx or answered within the bounds (at most MAX_RESPONSE_ENTITIES
 * entities, and pages that still lead to every row), on the demo data and, on PostgreSQL, on a generated
 * company of 10,000 users. Oversize requests and token hygiene are in oversize.spec.ts and auth.spec.ts.
 */
import { expect } from 'chai';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { generateDataset } from '../../bench/generate';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { connect } from '../../server/db/connect';
import { migrateLatest } from '../../server/db/migrate';
import { testApp, testConfig, TEST_SECRET, type TestApp } from '../helpers/test-app';
import { createPostgresDatabase, testTarget } from '../helpers/test-database';
import type { Row } from './helpers';

const CAP = 20_000;

/** The attacks, as the issue measured them. */
const CHAIN_8 = '$top=1000&$expand=Members($expand=User($expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members($expand=User($expand=Memberships($expand=OrganizationTeamHierarchy)))))))';
const LEVELS_4 = 'Members($expand=User($expand=Memberships($expand=OrganizationTeamHierarchy';
const CHAIN_16 = `$top=1000&$expand=${`${LEVELS_4}($expand=`.repeat(3)}${LEVELS_4}${')))'}${'))))'.repeat(3)}`;
const TREES = '$top=1000&$expand=Parent($levels=max),Children($levels=max;$expand=Members)';
const REGEX = "$filter=matchesPattern(LastName,'(.*.*.*.*.*.*.*.*){1,50}zz')";
const TEAMS = 'OrganizationTeamHierarchies';

/** Entities in a response at any depth: every object with an Id. */
function entities(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + entities(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  const own = 'Id' in value ? 1 : 0;
  return own + Object.entries(value).reduce((n, [k, v]) => n + (k.endsWith('@odata.nextLink') ? 0 : entities(v)), 0);
}

interface Served {
  readonly base: string;
  readonly close: () => Promise<void>;
}

async function serve(app: ReturnType<typeof createApp>): Promise<Served> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function getJson(served: Served, path: string, token: string): Promise<{ status: number; body: Row; headers: Headers; bytes: number }> {
  const res = await fetch(`${served.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Row, headers: res.headers, bytes: text.length };
}

/** Follows nextLinks from `path`; every page within the cap. → the top-level Ids of every page, in order. */
async function allPages(served: Served, path: string, token: string): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    const { status, body } = await getJson(served, next, token);
    expect(status, JSON.stringify(body).slice(0, 300)).to.equal(200);
    expect(entities(body.value)).to.be.at.most(CAP);
    ids.push(...(body.value as Row[]).map((r) => r.Id as number));
    const link = body['@odata.nextLink'] as string | undefined;
    next = link ? link.slice(link.indexOf('/odata/')) : undefined;
    pages += 1;
  }
  return { ids, pages };
}

function expectRefusal(res: { status: number; body: Row }, status: number, code: string, message: RegExp): void {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).to.equal(status);
  const error = (res.body as { error: { code: string; message: string } }).error;
  expect(error.code).to.equal(code);
  expect(error.message).to.match(message);
}

/** Sends `n` copies of a request at once; → the statuses and the Retry-After of each 429. */
async function burst(served: Served, path: string, token: string, n: number): Promise<{ statuses: number[]; retryAfter: (string | null)[] }> {
  const all = await Promise.all(Array.from({ length: n }, () => getJson(served, path, token)));
  return { statuses: all.map((r) => r.status), retryAfter: all.filter((r) => r.status === 429).map((r) => r.headers.get('retry-after')) };
}

describe('abuse: one read-only caller cannot exhaust the service', function () {
  this.timeout(120_000);

  describe('on the demo data', () => {
    let t: TestApp;
    let served: Served;
    let teamIds: number[];
    before(async () => {
      t = await testApp();
      served = await serve(createApp({ db: t.database.db, config: t.config }));
      teamIds = (await t.database.db('organization_team_hierarchies').where({ company_id: t.database.demo.companies.contoso }).orderBy('id').pluck('id')).map(Number);
    });
    after(() => served.close());

    for (const [name, query] of [['the 8-level $expand chain', CHAIN_8], ['Parent($levels=max),Children($levels=max;$expand=Members)', TREES]]) {
      it(`answers ${name} with $top=1000 within the cap, in pages that lead to every team exactly once`, async () => {
        const { ids, pages } = await allPages(served, `/odata/${TEAMS}?${query}`, t.tokens.alice);
        expect(ids).to.deep.equal(teamIds);
        expect(pages).to.be.greaterThan(1); // the cost model cut the page: one page would exceed the cap
      });
    }

    it('refuses the 16-level $expand chain (1.9 million entities for one team), naming where a $top is needed', async () => {
      expectRefusal(await getJson(served, `/odata/${TEAMS}?${CHAIN_16}`, t.tokens.alice), 400, 'LimitExceeded', /could return [\d,]+ entities for one OrganizationTeamHierarchy \(at most 20,000 per response\): add \$top inside Members's \$expand/);
    });

    it('refuses a catastrophic regular expression before it reaches the database', async () => {
      const res = await getJson(served, `/odata/Users?${REGEX}`, t.tokens.alice);
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect((res.body as { error: { message: string } }).error.message).to.match(/matchesPattern|pattern|regular expression/i);
    });

    it('runs a read that matches a regular expression under the lower statement timeout (PostgreSQL; PGlite cannot cancel)', async () => {
      const statements: string[] = [];
      const listen = (q: { sql: string }) => statements.push(q.sql);
      const target = testTarget();
      const pgServed = target === 'postgres'
        ? await serve(createApp({ db: t.database.db, config: testConfig({ DATABASE_URL: process.env.TEST_DATABASE_URL }) }))
        : served;
      t.database.db.on('query', listen);
      try {
        const res = await getJson(pgServed, "/odata/Users?$filter=matchesPattern(LastName,'^S')&$select=Id", t.tokens.alice);
        expect(res.status).to.equal(200);
        await getJson(pgServed, "/odata/Users?$filter=startswith(LastName,'S')&$select=Id", t.tokens.alice);
      } finally {
        t.database.db.off('query', listen);
        if (pgServed !== served) await pgServed.close();
      }
      const timeouts = statements.filter((sql) => /statement_timeout/.test(sql));
      expect(timeouts).to.deep.equal(target === 'postgres' ? ['SET LOCAL statement_timeout = 3000'] : []);
    });

    it('writes a page that may carry thousands of entities in pieces (chunked), a small one in one string', async () => {
      const read = (query: string) => fetch(`${served.base}/odata/${TEAMS}?${query}`, { headers: { authorization: `Bearer ${t.tokens.alice}` } });
      const large = await read('$select=Id&$expand=Members($select=Id;$expand=User($select=Id;$expand=Memberships($select=Id)))');
      expect(large.headers.get('transfer-encoding')).to.equal('chunked');
      expect(((await large.json()) as { value: Row[] }).value.map((r) => r.Id)).to.deep.equal(teamIds);
      const small = await read('$select=Id&$expand=Members($select=Id;$top=2)');
      expect(small.headers.get('transfer-encoding')).to.equal(null);
      expect(Number(small.headers.get('content-length'))).to.be.greaterThan(0);
    });

    it('answers 429 with Retry-After to a caller with more expensive reads in flight than allowed, and serves another caller meanwhile', async () => {
      const attack = burst(served, `/odata/${TEAMS}?${CHAIN_8}`, t.tokens.alice, 20);
      const point = getJson(served, `/odata/Users(${t.database.demo.users.bobReader})`, t.tokens.admin);
      const [{ statuses, retryAfter }, victim] = await Promise.all([attack, point]);
      expect(victim.status).to.equal(200);
      expect(statuses.filter((s) => s === 200)).to.have.length.within(4, 19);
      expect(statuses.filter((s) => s !== 200 && s !== 429)).to.deep.equal([]);
      expect(statuses.filter((s) => s === 429)).to.have.length.greaterThan(0);
      expect(retryAfter.every((r) => r === '1')).to.equal(true);
      // the slots are given back: the same caller is served again afterwards
      expect((await getJson(served, `/odata/${TEAMS}?${CHAIN_8}`, t.tokens.alice)).status).to.equal(200);
    });

    describe('with MAX_RESPONSE_ENTITIES=300', () => {
      let small: Served;
      before(async () => {
        small = await serve(createApp({ db: t.database.db, config: testConfig({ MAX_RESPONSE_ENTITIES: '300' }) }));
      });
      after(() => small.close());

      it('refuses, naming the navigation to give a $top, a request whose single entity could carry more', async () => {
        expectRefusal(await getJson(small, `/odata/${TEAMS}?${CHAIN_8}`, t.tokens.alice), 400, 'LimitExceeded', /at most 300 per response\): add \$top inside Members's \$expand/);
        expectRefusal(await getJson(small, `/odata/${TEAMS}?$expand=Children($levels=max;$expand=Members)`, t.tokens.alice), 400, 'LimitExceeded', /at most 300 per response/);
      });

      it('cuts the page to fit and still leads to every entity; nested collections keep all their entities', async () => {
        const { ids, pages } = await allPages(small, `/odata/${TEAMS}?$expand=Members($top=5)`, t.tokens.alice);
        expect(ids).to.deep.equal(teamIds);
        expect(pages).to.equal(Math.ceil(teamIds.length / Math.floor(300 / 6)));
        const plain = await getJson(small, '/odata/AuditLogs', t.tokens.admin);
        const logged = Number(await t.database.db('audit_logs').where({ company_id: t.database.demo.companies.contoso }).count('* as n').first().then((r) => (r as { n: string }).n));
        expect((plain.body.value as Row[]).length).to.equal(Math.min(300, logged));
      });
    });
  });

  describe('on a generated company of 10,000 users (PostgreSQL)', () => {
    let db: Knex;
    let drop: () => Promise<void>;
    let served: Served;
    let manager: string;
    let teams: number;
    let admin: string;
    let someUser: number;
    let url: string;
    before(async function () {
      if (testTarget() !== 'postgres') this.skip();
      const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string);
      drop = created.drop;
      db = connect({ databaseUrl: created.url, poolMax: 10, statementTimeoutMs: 15_000 });
      await migrateLatest(db);
      const generated = await generateDataset(db, { usersPerCompany: 10_000, teamsPerCompany: 1_000, membershipsPerCompany: 15_000, companies: 1, seed: 11 });
      await db.raw('ANALYZE');
      const company = generated.companies[0]?.id as number;
      teams = generated.companies[0]?.teams as number;
      const managerId = Number(await db('users').where({ company_id: company, user_name: 'bench.manager' }).first().then((r: { id: string }) => r.id));
      manager = signToken({ userId: managerId, companyId: company, scope: 'odata.read', ttlSeconds: 600 }, TEST_SECRET);
      const adminId = Number(await db('users').where({ company_id: company, user_name: 'bench.admin' }).first().then((r: { id: string }) => r.id));
      admin = signToken({ userId: adminId, companyId: company, scope: 'odata.read', ttlSeconds: 600 }, TEST_SECRET);
      someUser = managerId;
      url = created.url;
      served = await serve(createApp({ db, config: testConfig({ DATABASE_URL: created.url }) }));
    });
    after(async () => {
      if (served) await served.close();
      if (db) await db.destroy();
      if (drop) await drop();
    });

    it('refuses the 8-level chain with $top=1000 (half a million entities for one team), naming where a $top is needed', async () => {
      expectRefusal(await getJson(served, `/odata/${TEAMS}?${CHAIN_8}`, manager), 400, 'LimitExceeded', /for one OrganizationTeamHierarchy \(at most 20,000 per response\): add \$top inside Members's \$expand/);
    });

    it('answers the same chain with a $top inside each collection within the cap, page after page', async () => {
      const bounded = CHAIN_8.replace(/Members\(/g, 'Members($top=3;').replace(/Memberships\(/g, 'Memberships($top=2;');
      const { ids, pages } = await allPages(served, `/odata/${TEAMS}?${bounded}&$select=Id`, manager);
      expect(ids).to.have.length(teams);
      expect(new Set(ids).size).to.equal(teams);
      expect(pages).to.be.greaterThan(1);
    });

    it('refuses Children($levels=max;$expand=Members) over a 1,000-team tree, naming $levels and $top', async () => {
      expectRefusal(await getJson(served, `/odata/${TEAMS}?${TREES}`, manager), 400, 'LimitExceeded', /fewer \$levels on Children|add \$top inside/);
    });

    it('answers the whole tree from its root ($levels=max) in one response within the cap', async () => {
      const res = await getJson(served, `/odata/${TEAMS}?$filter=ParentId eq null&$expand=Children($levels=max;$select=Id)&$select=Id`, manager);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).to.equal(200);
      expect(entities(res.body.value)).to.equal(teams);
    });

    it('refuses the catastrophic regular expression', async () => {
      expect((await getJson(served, `/odata/Users?${REGEX}`, manager)).status).to.equal(400);
    });

    it('holds one caller to its share of expensive reads (429 for the rest), while another caller is served', async () => {
      // one read at a time for this caller: the 20 overlap whatever the machine's load (the limit of 4 is the gate's unit spec)
      const strict = await serve(createApp({ db, config: testConfig({ DATABASE_URL: url, EXPENSIVE_READS_PER_CALLER: '1' }) }));
      try {
        const attack = burst(strict, '/odata/Users?$expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members($expand=User)))', manager, 20);
        const victim = getJson(strict, `/odata/Users(${someUser})?$select=Id`, admin);
        const [{ statuses, retryAfter }, point] = await Promise.all([attack, victim]);
        expect(point.status).to.equal(200);
        expect(statuses.filter((s) => s === 429)).to.have.length.greaterThan(0);
        expect(statuses.filter((s) => s !== 200 && s !== 429)).to.deep.equal([]);
        expect(retryAfter.every((r) => r === '1')).to.equal(true);
      } finally {
        await strict.close();
      }
    });
  });
});
