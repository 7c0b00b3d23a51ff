import { expect } from 'chai';
import request from 'supertest';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectError, expectJson, expectODataVersionOnce, HOST, ids, ORIGIN, usersOf, type Row } from './helpers';

/** What Power BI / Power Query send with an OData feed request. */
const POWER_QUERY = {
  Accept:
    'application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,' +
    'application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7',
  MaxDataServiceVersion: '3.0',
  'OData-MaxVersion': '4.0',
};

const IEEE = { Accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true' };

describe('Formats, content negotiation and preferences', () => {
  let t: TestApp;
  let contoso: Row[];
  let admin: Row;

  before(async () => {
    t = await testApp();
    contoso = await usersOf(t.database.db, t.database.demo.companies.contoso);
    admin = contoso.find((u) => u.id === t.database.demo.users.admin) as Row;
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.get(url, t.tokens.admin).set('Host', HOST).set(headers);

  describe('content negotiation', () => {
    it("answers Power Query's headers with OData 4.0 minimal-metadata JSON", async () => {
      const res = await get('/odata/Users?$top=2', POWER_QUERY);
      const body = expectJson(res);
      expect(res.headers['content-type']).to.match(/^application\/json;\s*odata\.metadata=minimal/i);
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users`);
      expect(ids(body)).to.deep.equal(contoso.slice(0, 2).map((u) => u.id));
    });

    it('writes the same Content-Type text for a created entity as for a read (express does not rewrite it)', async () => {
      const read = await get('/odata/Users?$top=1');
      const post = await request(t.app).post('/odata/Users').set('Authorization', `Bearer ${t.tokens.admin}`).set('Host', HOST)
        .send({ CompanyId: t.database.demo.companies.contoso, UserName: `format.${process.pid}.${Date.now()}` });
      expect(post.status).to.equal(200);
      expect(post.headers['content-type']).to.equal(read.headers['content-type']);
      expect(post.headers['content-type']).to.equal('application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8');
      await t.database.db('users').where({ id: post.body.Id }).delete();
    });

    it('answers $format=json and $format=application/json with JSON', async () => {
      for (const format of ['json', encodeURIComponent('application/json;odata.metadata=minimal')]) {
        expect(ids(expectJson(await get(`/odata/Users?$top=1&$format=${format}`)))).to.deep.equal([contoso[0]?.id]);
      }
    });

    it('answers 406 to $format=xml and $format=atom', async () => {
      for (const format of ['xml', 'atom']) {
        const error = expectError(await get(`/odata/Users?$format=${format}`), 406, 'NotAcceptable');
        expect(error.target).to.equal('$format');
      }
    });

    it('answers 406 to a data request accepting only XML', async () => {
      for (const accept of ['application/xml', 'application/atom+xml', 'application/xml, text/html;q=0.5']) {
        expectError(await get('/odata/Users', { Accept: accept }), 406, 'NotAcceptable');
      }
    });

    it('prefers JSON listed with a lower q among media types it cannot produce, and takes */*', async () => {
      for (const accept of ['text/html, application/json;q=0.1', '*/*', 'application/*']) {
        expectJson(await get('/odata/Users?$top=1', { Accept: accept }));
      }
    });

    it('answers $metadata as application/xml even to Power Query\'s Accept header', async () => {
      for (const headers of [{}, POWER_QUERY]) {
        const res = await get('/odata/$metadata', headers);
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.match(/^application\/xml/);
        expectODataVersionOnce(res);
        const text = res.text || String(res.body);
        expect(text).to.match(/^<\?xml/);
        expect(text).to.include('<edmx:Edmx Version="4.0"');
      }
    });

    it('keeps @odata.count and @odata.nextLink with odata.metadata=none (they MUST stay)', async () => {
      const res = await get('/odata/Users?$count=true', { Accept: 'application/json;odata.metadata=none', Prefer: 'odata.maxpagesize=2' });
      const body = expectJson(res);
      expect(res.headers['content-type']).to.match(/odata\.metadata=none/i);
      expect(body['@odata.count']).to.equal(contoso.length);
      expect(body['@odata.nextLink']).to.match(/^http:\/\/feeds\.example\/odata\/Users\?/);
      expect(ids(body)).to.deep.equal(contoso.slice(0, 2).map((u) => u.id));
    });
  });

  describe('IEEE754Compatible', () => {
    it('serialises Int64 values as strings and keeps Int32 values as numbers', async () => {
      const res = await get('/odata/Users?$top=3', IEEE);
      const body = expectJson(res);
      expect(res.headers['content-type']).to.match(/IEEE754Compatible=true/i);
      expect(res.text).to.match(/"Id":"\d+"/);
      for (const [i, e] of (body.value as Row[]).entries()) {
        expect(e.Id).to.equal(String(contoso[i]?.id));
        expect(e.CompanyId).to.equal(contoso[i]?.company_id);
        expect(e.LastName).to.equal(contoso[i]?.last_name);
      }
    });

    it('serialises Int64 as a string in a single entity and a property value', async () => {
      expect(expectJson(await get(`/odata/Users(${String(admin.id)})`, IEEE)).Id).to.equal(String(admin.id));
      expect(expectJson(await get(`/odata/Users(${String(admin.id)})/Id`, IEEE)).value).to.equal(String(admin.id));
    });

    it('serialises @odata.count as a string too', async () => {
      const body = expectJson(await get('/odata/Users?$top=1&$count=true', IEEE));
      expect(body['@odata.count']).to.equal(String(contoso.length));
    });

    it('takes IEEE754Compatible from $format as well', async () => {
      const format = encodeURIComponent('application/json;IEEE754Compatible=true');
      expect(ids(expectJson(await get(`/odata/Users?$top=1&$format=${format}`)))).to.deep.equal([String(contoso[0]?.id)]);
    });
  });

  describe('Prefer', () => {
    it('omits null properties with omit-values=nulls and says so in Preference-Applied', async () => {
      const res = await get(`/odata/Users(${String(admin.id)})`, { Prefer: 'omit-values=nulls' });
      const body = expectJson(res);
      expect(res.headers['preference-applied']).to.equal('omit-values=nulls');
      const nullColumns = Object.entries(admin).filter(([, v]) => v === null).map(([k]) => k);
      expect(nullColumns).to.include.members(['department', 'business']);
      expect(body).not.to.have.any.keys('Department', 'Business', 'Group', 'Team');
      expect(body.UserName).to.equal(admin.user_name);
      const collection = expectJson(await get('/odata/Users', { Prefer: 'omit-values=nulls' }));
      for (const [i, e] of (collection.value as Row[]).entries()) {
        expect(Object.values(e)).not.to.include(null);
        expect(e.Department).to.equal(contoso[i]?.department ?? undefined);
      }
    });

    for (const prefer of ['odata.maxpagesize=3, omit-values=nulls', 'omit-values=nulls; odata.maxpagesize=3', 'odata.maxpagesize=3,omit-values=nulls']) {
      it(`applies several preferences in one header: ${prefer}`, async () => {
        const res = await get('/odata/Users', { Prefer: prefer });
        const body = expectJson(res);
        expect(ids(body)).to.deep.equal(contoso.slice(0, 3).map((u) => u.id));
        expect(body['@odata.nextLink']).to.be.a('string');
        expect(Object.values((body.value as Row[])[0] as Row)).not.to.include(null);
        const applied = String(res.headers['preference-applied']).split(/\s*,\s*/).sort();
        expect(applied).to.deep.equal(['odata.maxpagesize=3', 'omit-values=nulls']);
      });
    }

    it('applies preferences given in two Prefer headers', async () => {
      const res = await t.get('/odata/Users', t.tokens.admin).set('Host', HOST).set('Prefer', ['odata.maxpagesize=4', 'omit-values=nulls'] as unknown as string);
      expect(ids(expectJson(res))).to.have.length(4);
      expect(String(res.headers['preference-applied'])).to.include('omit-values=nulls');
    });

    it('sends no Preference-Applied header when nothing was preferred', async () => {
      const res = await get('/odata/Users?$top=1');
      expect(res.headers).not.to.have.property('preference-applied');
    });
  });

  describe('OData-Version', () => {
    it('is sent exactly once on every kind of response', async () => {
      const urls = ['/odata', '/odata/$metadata', '/odata/Users?$top=1', '/odata/Users/$count', `/odata/Users(${String(admin.id)})/FirstName/$value`, '/odata/Users(999999999)', '/odata/Users?$filter=Id%20eq'];
      for (const url of urls) expectODataVersionOnce(await get(url));
      expectODataVersionOnce(await t.get('/odata/Users'));
    });
  });
});
