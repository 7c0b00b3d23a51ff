import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { collationRanks, createCompany, expectError, expectJson, followAll, HOST, ids, odataComparator, ORIGIN, pathOf, usersOf, type PrivateCompany, type Row } from './helpers';

const PAGE7 = { Prefer: 'odata.maxpagesize=7' };

describe('Server-driven paging', () => {
  let t: TestApp;
  let contoso: Row[];
  let big: PrivateCompany;
  let bigToken: string;

  before(async () => {
    t = await testApp();
    contoso = await usersOf(t.database.db, t.database.demo.companies.contoso);
    const people = Array.from({ length: 1010 }, (_, i) => ({ user_name: `person${String(i).padStart(4, '0')}`, last_name: i % 3 === 0 ? null : `L${i % 17}` }));
    big = await createCompany(t.database.db, 'Paging', [{ user_name: 'boss', is_administrator: true }, ...people]);
    bigToken = t.token(big.users.get('boss') as number, big.companyId, 'odata.read');
  });

  const page = (url: string, headers: Record<string, string> = PAGE7, token = t.tokens.admin) => {
    let req = t.get(url, token).set('Host', HOST);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return req;
  };

  it('answers Preference-Applied and pages of 7 with an absolute nextLink built from the Host header', async () => {
    const res = await page('/odata/Users');
    const body = expectJson(res);
    expect(res.headers['preference-applied']).to.equal('odata.maxpagesize=7');
    expect(ids(body)).to.deep.equal(contoso.slice(0, 7).map((u) => u.id));
    const link = body['@odata.nextLink'] as string;
    expect(link).to.match(/^http:\/\/feeds\.example\/odata\/Users\?(.*&)?\$skiptoken=[^&]+$/);
    expect(Object.keys(body)).to.deep.equal(['@odata.context', 'value', '@odata.nextLink']);
  });

  for (const orderby of [undefined, 'LastName', 'LastName desc,FirstName', 'Department desc', 'CreatedAt desc,Department']) {
    it(`returns every row exactly once and in order when following nextLinks with $orderby=${orderby ?? '(default)'}`, async () => {
      const query = orderby === undefined ? '' : `?$orderby=${encodeURIComponent(orderby)}`;
      const whole = expectJson(await page(`/odata/Users${query}`, {}));
      expect(whole['@odata.nextLink']).to.equal(undefined);
      expect(whole.value).to.have.length(contoso.length);
      const followed = await followAll(t, `/odata/Users${query}`, t.tokens.admin, PAGE7);
      expect(followed.pages).to.have.length(Math.ceil(contoso.length / 7));
      for (const p of followed.pages.slice(0, -1)) expect(p.value).to.have.length(7);
      expect(followed.rows).to.deep.equal(whole.value);
      if (orderby === undefined) expect(followed.rows.map((r) => r.Id)).to.deep.equal(contoso.map((u) => u.id));
    });
  }

  it('pages teams ordered through a navigation property (Parent/Name desc,Name) without losing or repeating a row', async () => {
    const { db, demo } = t.database;
    const teams = ((await db('organization_team_hierarchies').where({ company_id: demo.companies.contoso })) as Row[]).map((r): Row => ({ ...r, id: Number(r.id) }));
    const nameOf = new Map(teams.map((x) => [x.id, x.name]));
    const withParent = teams.map((x): Row => ({ ...x, parent_name: x.parent_id === null ? null : nameOf.get(Number(x.parent_id)) }));
    const ranks = await collationRanks(db, teams.map((x) => x.name));
    const expected = withParent.sort(odataComparator([{ column: 'parent_name', desc: true }, { column: 'name' }, { column: 'id' }], ranks)).map((x) => x.id);
    const url = `/odata/OrganizationTeamHierarchies?$orderby=${encodeURIComponent('Parent/Name desc,Name')}&$select=Id`;
    const followed = await followAll(t, url, t.tokens.admin, { Prefer: 'odata.maxpagesize=5' });
    expect(followed.pages.length).to.equal(Math.ceil(teams.length / 5));
    expect(followed.rows.map((r) => r.Id)).to.deep.equal(expected);
  });

  it('pages $top=20 as 7, 7 and 6 rows and stops without a nextLink', async () => {
    const followed = await followAll(t, '/odata/Users?$top=20', t.tokens.admin, PAGE7);
    expect(followed.pages.map((p) => (p.value as Row[]).length)).to.deep.equal([7, 7, 6]);
    expect(followed.pages[2]?.['@odata.nextLink']).to.equal(undefined);
    expect(followed.rows.map((r) => r.Id)).to.deep.equal(contoso.slice(0, 20).map((u) => u.id));
  });

  it('applies $skip once and pages the rest', async () => {
    const followed = await followAll(t, '/odata/Users?$skip=5&$top=30', t.tokens.admin, PAGE7);
    expect(followed.rows.map((r) => r.Id)).to.deep.equal(contoso.slice(5, 35).map((u) => u.id));
    expect(followed.pages.map((p) => (p.value as Row[]).length)).to.deep.equal([7, 7, 7, 7, 2]);
  });

  it('repeats the total @odata.count on every page', async () => {
    const filter = encodeURIComponent("Department ne 'Platform'");
    const expected = contoso.filter((u) => u.department !== 'Platform').length;
    const followed = await followAll(t, `/odata/Users?$count=true&$filter=${filter}`, t.tokens.admin, PAGE7);
    expect(followed.pages.length).to.be.greaterThan(2);
    for (const p of followed.pages) expect(p['@odata.count']).to.equal(expected);
    expect(followed.rows).to.have.length(expected);
  });

  it('keeps $filter and $select in the nextLink and drops the token parameter', async () => {
    const filter = encodeURIComponent('Id gt 10');
    const res = await t.get(`/odata/Users?$filter=${filter}&$select=Id,LastName&token=${t.tokens.admin}`).set('Host', HOST).set(PAGE7);
    const body = expectJson(res);
    const link = body['@odata.nextLink'] as string;
    expect(link).to.include(`$filter=${filter}`);
    expect(link).to.include('$select=Id,LastName');
    expect(link).not.to.match(/[?&]token=/i);
    expect(link).not.to.include(t.tokens.admin);
    const next = expectJson(await t.get(`${pathOf(link)}&token=${t.tokens.admin}`).set('Host', HOST).set(PAGE7));
    expect(next.value).to.deep.equal(contoso.filter((u) => (u.id as number) > 10).slice(7, 14).map((u) => ({ '@odata.etag': `W/"${String(u.row_version)}"`, Id: u.id, LastName: u.last_name })));
  });

  it('refuses a tampered $skiptoken with 400 InvalidSkipToken', async () => {
    const link = expectJson(await page('/odata/Users'))['@odata.nextLink'] as string;
    const token = decodeURIComponent(/\$skiptoken=([^&]+)/.exec(link)?.[1] ?? '');
    const [body = '', signature = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), v: ['1'] })).toString('base64url');
    for (const bad of [`${forged}.${signature}`, `${body}.${signature.slice(1)}x`, 'garbage', `${body}`]) {
      expectError(await page(`/odata/Users?$skiptoken=${encodeURIComponent(bad)}`), 400, 'InvalidSkipToken');
    }
  });

  it('refuses a $skiptoken used with another $filter or $orderby', async () => {
    const link = expectJson(await page('/odata/Users?$filter=Id gt 3'.replace(/ /g, '%20')))['@odata.nextLink'] as string;
    const skiptoken = /\$skiptoken=([^&]+)/.exec(link)?.[1] as string;
    expectJson(await page(`/odata/Users?$filter=Id%20gt%203&$skiptoken=${skiptoken}`));
    expectError(await page(`/odata/Users?$filter=Id%20gt%204&$skiptoken=${skiptoken}`), 400, 'InvalidSkipToken');
    expectError(await page(`/odata/Users?$filter=Id%20gt%203&$orderby=LastName&$skiptoken=${skiptoken}`), 400, 'InvalidSkipToken');
  });

  it('continues without duplicates or gaps when rows are inserted while paging (keyset)', async () => {
    const { db } = t.database;
    const own = await createCompany(db, 'Keyset', [
      { user_name: 'boss', is_administrator: true, last_name: 'M-boss' },
      ...Array.from({ length: 30 }, (_, i) => ({ user_name: `u${i}`, last_name: `M${String(i).padStart(2, '0')}` })),
    ]);
    const token = t.token(own.users.get('boss') as number, own.companyId, 'odata.read');
    const before = (await usersOf(db, own.companyId)).map((u) => u.id as number);
    const first = expectJson(await page('/odata/Users?$orderby=LastName&$select=Id,LastName', PAGE7, token));
    const seen = [...(first.value as Row[])];
    await db('users').insert([
      { company_id: own.companyId, user_name: 'early', last_name: 'A-early' },
      { company_id: own.companyId, user_name: 'late', last_name: 'Z-late' },
    ]);
    let link = first['@odata.nextLink'] as string | undefined;
    while (link) {
      const body = expectJson(await page(pathOf(link), PAGE7, token));
      seen.push(...(body.value as Row[]));
      link = body['@odata.nextLink'] as string | undefined;
    }
    const seenIds = seen.map((r) => r.Id as number);
    expect(new Set(seenIds).size).to.equal(seenIds.length);
    for (const id of before) expect(seenIds).to.include(id);
    const names = seen.map((r) => r.LastName as string);
    expect(names).to.include('Z-late');
    expect(names).not.to.include('A-early');
    expect(seen).to.have.length(before.length + 1);
  });

  it('ignores X-Forwarded-Host and X-Forwarded-Proto unless the proxy is trusted', async () => {
    const forwarded = { 'X-Forwarded-Host': 'public.example', 'X-Forwarded-Proto': 'https' };
    const body = expectJson(await page('/odata/Users', { ...PAGE7, ...forwarded }));
    expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users`);
    expect(body['@odata.nextLink']).to.match(/^http:\/\/feeds\.example\/odata\/Users\?/);
    const trusting = createApp({ db: t.database.db, config: testConfig({ TRUST_PROXY: 'true' }) });
    const res = await request(trusting).get('/odata/Users').set('Authorization', `Bearer ${t.tokens.admin}`).set('Host', HOST).set({ ...PAGE7, ...forwarded });
    const proxied = expectJson(res);
    expect(proxied['@odata.context']).to.equal('https://public.example/odata/$metadata#Users');
    expect(proxied['@odata.nextLink']).to.match(/^https:\/\/public\.example\/odata\/Users\?\$skiptoken=/);
  });

  it('lowers the page size to MAX_PAGE_SIZE, also below a larger preference', async () => {
    const small = createApp({ db: t.database.db, config: testConfig({ MAX_PAGE_SIZE: '5' }) });
    const get = (headers: Record<string, string>) => request(small).get('/odata/Users').set('Authorization', `Bearer ${t.tokens.admin}`).set('Host', HOST).set(headers);
    const plain = expectJson(await get({}));
    expect(ids(plain)).to.deep.equal(contoso.slice(0, 5).map((u) => u.id));
    expect(plain['@odata.nextLink']).to.be.a('string');
    const res = await get(PAGE7);
    expect(ids(expectJson(res))).to.have.length(5);
    expect(res.headers['preference-applied']).to.equal('odata.maxpagesize=5');
  });

  it('serves at most 1000 rows per page, even when a larger page is preferred', async () => {
    const all = (await usersOf(t.database.db, big.companyId)).map((u) => u.id as number);
    for (const headers of [{}, { Prefer: 'odata.maxpagesize=5000' }] as Record<string, string>[]) {
      const res = await page('/odata/Users?$select=Id', headers, bigToken);
      const body = expectJson(res);
      expect(ids(body)).to.deep.equal(all.slice(0, 1000));
      if (headers.Prefer) expect(res.headers['preference-applied']).to.equal('odata.maxpagesize=1000');
      const rest = expectJson(await page(pathOf(body['@odata.nextLink'] as string), {}, bigToken));
      expect(ids(rest)).to.deep.equal(all.slice(1000));
      expect(rest['@odata.nextLink']).to.equal(undefined);
    }
  });

  for (const [orderby, desc, idDesc] of [['LastName desc', true, false], ['LastName', false, false], ['LastName,Id desc', false, true]] as const) {
    it(`pages a large set by the nullable key ${orderby} in pages of 300, page boundaries inside the null block`, async () => {
      const url = `/odata/Users?$orderby=${encodeURIComponent(orderby)}&$select=Id,LastName`;
      const followed = await followAll(t, url, bigToken, { Prefer: 'odata.maxpagesize=300' });
      const rows = await usersOf(t.database.db, big.companyId);
      const expected = [...rows].sort((a, b) => {
        if (a.last_name === b.last_name) return idDesc ? (b.id as number) - (a.id as number) : (a.id as number) - (b.id as number);
        const nullFirst = a.last_name === null ? -1 : b.last_name === null ? 1 : (a.last_name as string) < (b.last_name as string) ? -1 : 1;
        return desc ? -nullFirst : nullFirst;
      });
      expect(followed.pages.length).to.equal(Math.ceil(rows.length / 300));
      expect(followed.rows.map((r) => r.Id)).to.deep.equal(expected.map((u) => u.id));
    });
  }
});
