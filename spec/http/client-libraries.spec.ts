/**
 * Third-party OData clients against the service, for real: the README's examples (examples/clients/) for
 * the SAP Cloud SDK, odata2ts and @odata/client run on the demo data through a listening test server
 * (pages of 50, so that reading a whole set takes several), and what each read and wrote is compared
 * with the API and the database. The SAP Cloud SDK's generated client is driven further with its
 * default settings: Int64 keys as `(…L)`, $count, 412 on a stale ETag, 404 and 400 surfaced. Also: the
 * committed clients were generated from today's $metadata, and the README shows each example as it is.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect } from 'chai';
import express from 'express';
import { BigNumber } from 'bignumber.js';
import { createApp } from '../../server/app';
import { buildMetadataXml } from '../../odata/metadata';
import { model } from '../../odata/model';
import { DEFAULT_LIMITS } from '../../server/config';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { followAll, type Row } from './helpers';
import type { ExampleOptions, ExampleSummary } from '../../examples/clients/example-options';
import { sapCloudSdkExample } from '../../examples/clients/sap-cloud-sdk';
import { odata2tsExample } from '../../examples/clients/odata2ts';
import { odataClientExample } from '../../examples/clients/odata-client';
import { orgChart } from '../../examples/clients/generated/sap-cloud-sdk/OrgChart';

const EXAMPLES = path.resolve(__dirname, '../../examples/clients');
const PAGE_SIZE = 50;


describe('Client libraries (SAP Cloud SDK, odata2ts, @odata/client)', function () {
  this.timeout(120_000);
  let t: TestApp;
  let server: Server;
  let origin: string;
  let companyId: number;
  /** Every request the clients sent: `GET /odata/Users(3L)`. */
  const sent: string[] = [];

  /** Every row of a read through the API, as the admin, every nextLink followed (helpers.ts followAll). */
  const readAll = async (url: string): Promise<Row[]> => (await followAll(t, url.replace(/ /g, '%20'), t.tokens.admin)).rows;

  before(async () => {
    t = await testApp();
    companyId = t.database.demo.companies.contoso;
    const outer = express();
    outer.use((req, _res, next) => {
      sent.push(`${req.method} ${req.originalUrl}`);
      next();
    });
    outer.use(createApp({ db: t.database.db, config: testConfig({ MAX_PAGE_SIZE: String(PAGE_SIZE) }) }));
    server = await new Promise<Server>((resolve) => {
      const s = outer.listen(0, '127.0.0.1', () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  const examples: [string, (options: ExampleOptions) => Promise<ExampleSummary>][] = [
    ['SAP Cloud SDK', sapCloudSdkExample],
    ['odata2ts', odata2tsExample],
    ['@odata/client', odataClientExample],
  ];
  for (const [name, example] of examples) {
    it(`runs the README's ${name} example: filter, key, expand, create/update/delete with ETags, every page`, async () => {
      const printed: string[] = [];
      const summary = await example({ origin, token: t.tokens.admin, companyId, log: (...parts) => printed.push(parts.join(' ')) });
      const { db } = t.database;

      const platform = (await db('users').where({ company_id: companyId, department: 'Platform', is_active: true }).orderBy('user_name').limit(5).select('id', 'user_name')) as Row[];
      expect(platform).to.have.length(5);
      expect(summary.filtered).to.deep.equal(platform.map((u) => Number(u.id)));
      expect(summary.byKey).to.equal(platform[0]?.user_name);

      const teams = await readAll('/odata/OrganizationTeamHierarchies?$top=3&$select=Name&$expand=Members($select=Id)');
      expect(summary.teams).to.deep.equal(teams.map((team) => ({ name: team.Name, members: (team.Members as Row[]).length })));

      expect(summary.etags).to.deep.equal(['W/"1"', 'W/"2"']);
      expect(await db('users').where({ id: summary.created })).to.have.length(0); // deleted
      const audit = (await db('audit_logs').where({ entity_set: 'Users', entity_key: String(summary.created) }).orderBy('id').select('action')) as Row[];
      expect(audit.map((a) => a.action)).to.deep.equal(['create', 'update', 'delete']);

      const everyone = (await readAll('/odata/Users?$select=Id')).map((u) => Number(u.Id));
      expect(everyone.length).to.be.greaterThan(PAGE_SIZE * 2);
      expect([...summary.all].sort((a, b) => a - b)).to.deep.equal(everyone.sort((a, b) => a - b));
      expect(printed.at(-1)).to.equal(`all users: ${everyone.length}`);
    });
  }

  describe('SAP Cloud SDK, generated client, default settings', () => {
    const api = () => orgChart().usersApi;
    const destination = () => ({ url: origin, headers: { Authorization: `Bearer ${t.tokens.admin}` } });
    type Failure = { cause?: Failure; response?: { status?: number; data?: { error?: { message?: string } } } };
    /** The HTTP status and OData error message of a request the SDK refused: the HTTP response is on its error's root cause. */
    const statusOf = async (request: Promise<unknown>): Promise<{ status?: number; message?: string }> => {
      try {
        await request;
      } catch (err) {
        let failure = err as Failure | undefined;
        while (failure && !failure.response) failure = failure.cause;
        return { status: failure?.response?.status, message: failure?.response?.data?.error?.message };
      }
      throw new Error('the request did not fail');
    };

    it('reads by key as the SDK writes Int64 keys, Users(…L), with DateTimeOffset and Int64 values parsed', async () => {
      const id = t.database.demo.users.aliceManager;
      sent.length = 0;
      const alice = await api().requestBuilder().getByKey(new BigNumber(id)).execute(destination());
      expect(sent.some((line) => new RegExp(`^GET /odata/Users\\((Id=)?${id}L\\)`).test(line)), sent.join('\n')).to.equal(true);
      expect(alice.id.isEqualTo(id)).to.equal(true);
      expect(alice.userName).to.equal('alice.manager');
      const [row] = await readAll(`/odata/Users?$filter=Id eq ${id}&$select=CreatedAt`);
      expect(alice.createdAt.toISOString()).to.equal(row?.CreatedAt);
    });

    it('counts with $count and filters by an Int64 (written 5L)', async () => {
      const { ID, IS_ACTIVE } = api().schema;
      const count = await api().requestBuilder().getAll().filter(IS_ACTIVE.equals(true)).count().execute(destination());
      const [counted] = (await t.database.db('users').where({ company_id: companyId, is_active: true }).count({ n: '*' })) as { n: string | number }[];
      expect(count).to.equal(Number(counted?.n));
      sent.length = 0;
      const few = await api().requestBuilder().getAll().filter(ID.lessOrEqual(new BigNumber(5))).select(ID).execute(destination());
      expect(sent.join('\n')).to.match(/Id%20le%205L|Id le 5L/);
      expect(few.map((u) => u.id.toNumber()).every((n) => n <= 5)).to.equal(true);
    });

    it('updates with If-Match and gets 412 for a stale ETag, changing nothing', async () => {
      const users = api();
      const created = await users.requestBuilder().create(users.entityBuilder().companyId(companyId).userName(`sdk.stale.${Date.now()}`).build()).execute(destination());
      const stale = users.entityBuilder().fromJson({ id: created.id, companyId, userName: created.userName });
      stale.setVersionIdentifier('W/"1"');
      created.department = 'First';
      await users.requestBuilder().update(created).execute(destination());
      stale.department = 'Second';
      const refused = await statusOf(users.requestBuilder().update(stale).execute(destination()));
      expect(refused.status).to.equal(412);
      expect(refused.message).to.match(/If-Match failed/);
      const row = (await t.database.db('users').where({ id: created.id.toNumber() }).first()) as Row;
      expect(row.department).to.equal('First');
      await users.requestBuilder().delete(created).execute(destination());
    });

    it('surfaces the service’s 404 and 400 messages', async () => {
      const missing = await statusOf(api().requestBuilder().getByKey(new BigNumber(987654321)).execute(destination()));
      expect(missing).to.deep.equal({ status: 404, message: 'No User with Id 987654321' });
      const duplicate = await statusOf(api().requestBuilder().create(api().entityBuilder().companyId(companyId).userName('alice.manager').build()).execute(destination()));
      expect(duplicate).to.deep.equal({ status: 400, message: 'UserName is already taken in this company' });
    });
  });

  it('uses clients generated from this $metadata (npm run clients:generate makes them again)', () => {
    expect(readFileSync(path.join(EXAMPLES, 'OrgChart.edmx'), 'utf8')).to.equal(buildMetadataXml(model, DEFAULT_LIMITS));
  });

  it("shows each example in the README's Client libraries section as it is in examples/clients", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const file of ['sap-cloud-sdk.ts', 'odata2ts.ts', 'odata-client.ts']) {
      const source = readFileSync(path.join(EXAMPLES, file), 'utf8');
      const shown = source.slice(source.indexOf('// README ▼\n') + '// README ▼\n'.length, source.indexOf('  // README ▲'));
      expect(shown.length, file).to.be.greaterThan(500);
      expect(readme, `README shows ${file}`).to.include(shown);
    }
  });
});
