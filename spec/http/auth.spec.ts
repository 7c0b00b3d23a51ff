import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createApp } from '../../server/app';
import { TEST_SECRET, testApp, testConfig, type TestApp } from '../helpers/test-app';
import { createCompany, expectError, expectJson, HOST, ids, type PrivateCompany } from './helpers';

const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Authentication of GET reads', () => {
  let t: TestApp;
  let own: PrivateCompany;
  /** Users(<alice>), which the Contoso administrator may read. */
  let aliceUrl: string;

  before(async () => {
    t = await testApp();
    own = await createCompany(t.database.db, 'Auth', [
      { user_name: 'active', is_administrator: true },
      { user_name: 'gone', is_administrator: true, is_active: false },
    ]);
    aliceUrl = `/odata/Users(${t.database.demo.users.aliceManager})`;
  });

  const claims = (over: Record<string, unknown> = {}) => ({
    sub: String(t.database.demo.users.admin), companyId: t.database.demo.companies.contoso, scope: 'odata.read', exp: now() + 600, ...over,
  });
  const unauthorized = (res: Parameters<typeof expectError>[0]) => {
    const error = expectError(res, 401, 'Unauthenticated');
    expect(res.headers['www-authenticate']).to.match(/^Bearer /);
    expect(res.headers['www-authenticate']).to.include('Basic');
    return error;
  };
  const plain = (url: string) => t.get(url);

  describe('accepted credentials', () => {
    it('accepts Authorization: Bearer <jwt>', async () => {
      expect(expectJson(await t.get(aliceUrl, t.tokens.admin)).Id).to.equal(t.database.demo.users.aliceManager);
    });

    it('accepts the token query parameter (Power BI "Web API key")', async () => {
      expect(expectJson(await plain(`${aliceUrl}?token=${t.tokens.admin}`)).Id).to.equal(t.database.demo.users.aliceManager);
    });

    it('accepts the same token repeated in the query and in the header', async () => {
      const bob = t.database.demo.users.bobReader;
      const res = await t.get(`/odata/Users(${bob})?token=${t.tokens.bob}&token=${t.tokens.bob}`, t.tokens.bob);
      expect(expectJson(res).Id).to.equal(bob);
    });

    it('accepts HTTP Basic with the JWT as password and any user name, as that token\'s user', async () => {
      for (const userName of ['powerbi', '', 'alice.manager']) {
        const basic = Buffer.from(`${userName}:${t.tokens.bob}`).toString('base64');
        const res = await plain('/odata/Users?$select=Id').set('Authorization', `Basic ${basic}`);
        const asBob = expectJson(await t.get('/odata/Users?$select=Id', t.tokens.bob));
        expect(ids(expectJson(res))).to.deep.equal(ids(asBob));
      }
    });

    it('takes administrator rights from the user record, not from the token scope', async () => {
      const aliceWithWrite = t.token(t.database.demo.users.aliceManager, t.database.demo.companies.contoso, 'odata.read odata.write');
      const asAlice = await t.get('/odata/Users/$count', aliceWithWrite);
      const asAdmin = await t.get('/odata/Users/$count', t.tokens.admin);
      expect(Number(asAlice.text)).to.be.lessThan(Number(asAdmin.text));
    });
  });

  describe('refused credentials → 401 with WWW-Authenticate', () => {
    it('refuses a request without a token', async () => {
      unauthorized(await plain('/odata/Users'));
    });

    it('refuses two different tokens in one request', async () => {
      unauthorized(await t.get(`/odata/Users?token=${t.tokens.bob}`, t.tokens.alice));
      unauthorized(await plain(`/odata/Users?token=${t.tokens.bob}&token=${t.tokens.alice}`));
    });

    it('refuses an expired token and says so', async () => {
      const expired = jwt.sign(claims({ exp: now() - 60, iat: now() - 3660 }), TEST_SECRET, { algorithm: 'HS256' });
      const error = unauthorized(await t.get('/odata/Users', expired));
      expect(error.message.toLowerCase()).to.include('expired');
    });

    it('refuses a token signed with another secret', async () => {
      unauthorized(await t.get('/odata/Users', jwt.sign(claims(), 'another-secret', { algorithm: 'HS256' })));
    });

    it('refuses a token with alg none', async () => {
      const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
      unauthorized(await t.get('/odata/Users', none));
      unauthorized(await plain(`/odata/Users?token=${none}`));
    });

    it('refuses a token signed with HS512 even with the right secret', async () => {
      unauthorized(await t.get('/odata/Users', jwt.sign(claims(), TEST_SECRET, { algorithm: 'HS512' })));
    });

    it('refuses a token without exp', async () => {
      const { exp: _exp, ...rest } = claims();
      unauthorized(await t.get('/odata/Users', jwt.sign(rest, TEST_SECRET, { algorithm: 'HS256' })));
    });

    describe('token hygiene: each token below is correctly signed, unexpired and for an active administrator', () => {
      const signed = (over: Record<string, unknown>, header: Record<string, unknown> = {}) =>
        jwt.sign(claims(over), TEST_SECRET, { algorithm: 'HS256', header: { alg: 'HS256', typ: 'JWT', ...header } });

      it('accepts such a token without the flaw (so each refusal below is the flaw\'s)', async () => {
        expectJson(await t.get('/odata/Users?$top=1', signed({ iat: now() })));
      });

      it('refuses a token valid "forever" (exp = 1e14, in the year ~3e12), whatever its iat', async () => {
        const res = await t.get('/odata/Users', signed({ exp: 1e14 }));
        unauthorized(res);
        expect((res.body as { error: { message: string } }).error.message).to.match(/^The token's lifetime exceeds the maximum of 30 days \(MAX_TOKEN_LIFETIME\)/);
        unauthorized(await t.get('/odata/Users', signed({ exp: 1e14, iat: now() })));
        unauthorized(await plain(`/odata/Users?token=${signed({ exp: 1e14 })}`));
      });

      it('refuses a token issued a year in the future', async () => {
        const res = await t.get('/odata/Users', signed({ iat: now() + 365 * 86_400 }));
        unauthorized(res);
        expect((res.body as { error: { message: string } }).error.message).to.match(/^The token was issued in the future/);
      });

      it('refuses a token carrying a critical header this service does not understand (crit: ["x-unknown"])', async () => {
        const res = await t.get('/odata/Users', signed({ iat: now() }, { crit: ['x-unknown'], 'x-unknown': true }));
        unauthorized(res);
        expect((res.body as { error: { message: string } }).error.message).to.contain('crit: x-unknown');
      });
    });

    it('refuses a token that is not a JWT, and an unknown Authorization scheme', async () => {
      unauthorized(await t.get('/odata/Users', 'not-a-jwt'));
      unauthorized(await plain('/odata/Users').set('Authorization', `Digest ${t.tokens.admin}`));
    });

    it('refuses a token for an inactive user', async () => {
      unauthorized(await t.get('/odata/Users', t.token(own.users.get('gone') as number, own.companyId, 'odata.read')));
      expectJson(await t.get('/odata/Users', t.token(own.users.get('active') as number, own.companyId, 'odata.read')));
    });

    it('refuses a token whose user belongs to another company than its companyId claim', async () => {
      const { users, companies } = t.database.demo;
      unauthorized(await t.get('/odata/Users', t.token(users.admin, companies.fabrikam, 'odata.read')));
      unauthorized(await t.get('/odata/Users', t.token(users.fabrikamAdmin, companies.contoso, 'odata.read')));
    });

    it('refuses a token for a user that does not exist', async () => {
      const [{ max }] = (await t.database.db('users').max({ max: 'id' })) as [{ max: string }];
      unauthorized(await t.get('/odata/Users', t.token(Number(max) + 1000, t.database.demo.companies.contoso, 'odata.read')));
    });
  });

  describe('the cached user row (AUTH_CACHE_MS)', () => {
    const owner = () => own.users.get('active') as number;
    let seq = 0;
    /** A fresh active administrator of the private company and a read+write token for him. */
    const newcomer = async () => {
      seq += 1;
      const [row] = (await t.database.db('users')
        .insert({ company_id: own.companyId, user_name: `cached${seq}`, is_administrator: true })
        .returning('id')) as { id: string }[];
      const id = Number(row?.id);
      return { id, token: t.token(id, own.companyId) };
    };
    const deactivateInDatabase = (id: number) => t.database.db('users').where({ company_id: own.companyId, id }).update({ is_active: false });

    it('a deactivation through the API refuses the user\'s very next read', async () => {
      const user = await newcomer();
      expectJson(await t.get('/odata/Users?$top=1', user.token));
      const res = await request(t.app).patch(`/odata/Users(${user.id})`).set('Authorization', `Bearer ${t.token(owner(), own.companyId)}`)
        .send({ IsActive: false });
      expect(res.status).to.equal(204);
      unauthorized(await t.get('/odata/Users?$top=1', user.token));
    });

    it('reads may use the row for AUTH_CACHE_MS after a change made outside the API; writes re-read it at once', async () => {
      const user = await newcomer();
      expectJson(await t.get('/odata/Users?$top=1', user.token));
      await deactivateInDatabase(user.id);
      expectJson(await t.get('/odata/Users?$top=1', user.token)); // cached for up to 5 s
      const write = await request(t.app).post('/odata/Users').set('Authorization', `Bearer ${user.token}`).send({ UserName: `w${seq}` });
      unauthorized(write);
    });

    it('with AUTH_CACHE_MS=0 every read re-reads the row', async () => {
      const uncached = createApp({ db: t.database.db, config: testConfig({ AUTH_CACHE_MS: '0' }) });
      const user = await newcomer();
      const read = () => request(uncached).get('/odata/Users?$top=1').set('Authorization', `Bearer ${user.token}`);
      expectJson(await read());
      await deactivateInDatabase(user.id);
      unauthorized(await read());
    });
  });

  describe('scope', () => {
    it('answers 403 Forbidden to a valid token without odata.read', async () => {
      const res = await t.get('/odata/Users', t.tokens.writeOnly);
      const error = expectError(res, 403, 'Forbidden');
      expect(error.message).to.include('odata.read');
    });
  });

  describe('the token parameter and nextLinks', () => {
    it('never copies the token parameter into a nextLink, wherever it sits in the query', async () => {
      for (const query of [`token=${t.tokens.admin}&$select=Id`, `$select=Id&token=${t.tokens.admin}`, `$select=Id&token=${t.tokens.admin}&token=${t.tokens.admin}`]) {
        const res = await plain(`/odata/Users?${query}`).set('Host', HOST).set('Prefer', 'odata.maxpagesize=3');
        const link = expectJson(res)['@odata.nextLink'] as string;
        expect(link, query).to.be.a('string');
        expect(link).not.to.match(/[?&]token=/i);
        expect(link).not.to.include(t.tokens.admin);
        expect(link).to.include('$select=Id');
      }
    });
  });
});
