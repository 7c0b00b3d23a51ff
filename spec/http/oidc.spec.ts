/**
 * Sign-in with the company's identity provider, through HTTP: a local OpenID provider (spec/helpers/
 * jwks-server.ts) issues RS256 tokens that the app verifies by discovery and maps to users by email; the
 * scopes they grant, the 401 challenge naming where to sign in (OIDC_AUTHORIZATION_URI), and the CLI's
 * HS256 tokens and personal access tokens still working beside them. The provider's own rules are
 * covered by spec/server/auth/oidc.spec.ts.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app';
import { startJwksServer, type JwksServer } from '../helpers/jwks-server';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { buildOrg, expectJson, expectWriteError, type Org, type Row } from './writes/fixtures';

const AUDIENCE = 'https://orgchart.example';
const AUTHORIZE = 'https://login.example/tenant/oauth2/authorize';

describe('Sign-in with an identity provider (OIDC) through HTTP', () => {
  let t: TestApp;
  let idp: JwksServer;
  let org: Org;
  let app: ReturnType<typeof createApp>;
  let emails: Record<string, string>;

  before(async () => {
    t = await testApp();
    idp = await startJwksServer();
    org = await buildOrg(t, { users: { boss: { is_administrator: true }, dev: {} } }, 'Oidc');
    emails = {};
    for (const name of ['boss', 'dev']) emails[name] = String(((await org.db('users').where({ id: org.user(name) }).first('email')) as Row).email);
    app = createApp({
      db: t.database.db,
      config: testConfig({ OIDC_ISSUER: idp.issuer, JWT_AUDIENCE: AUDIENCE, OIDC_COMPANY_ID: String(org.companyId), OIDC_AUTHORIZATION_URI: AUTHORIZE }),
    });
  });

  after(async () => idp.close());

  const call = (method: 'get' | 'post', url: string, token: string, body?: unknown) => {
    const req = request(app)[method](url).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body as object);
  };

  it("signs a user in by the provider's token (email ignoring case) with the default scope odata.read", async () => {
    const token = await idp.sign({ aud: AUDIENCE, email: emails.dev?.toUpperCase() });
    const me = expectJson(await call('get', `/odata/Users(${org.user('dev')})?$select=Id`, token));
    expect(me.Id).to.equal(org.user('dev'));
    // a non-administrator sees only themselves here (no team): the org-chart rules apply as for any token
    expect((expectJson(await call('get', '/odata/Users?$select=Id', token)).value as Row[]).map((u) => u.Id)).to.deep.equal([org.user('dev')]);
    expectWriteError(await call('post', '/odata/Teams', token, { Name: 'x' }), 403, 'Forbidden');
  });

  it('grants the scopes the token names (scp), for its user', async () => {
    const token = await idp.sign({ aud: AUDIENCE, email: emails.boss, scp: 'user_impersonation odata.read odata.write' });
    const created = await call('post', '/odata/Teams', token, { Name: `Oidc ${Date.now()}` });
    expect(created.status, created.text).to.equal(200);
    expectWriteError(await call('get', '/odata/AuditLogs', token), 403, 'Forbidden'); // no logs.read in scp
  });

  it('answers 401 with challenges naming where to sign in, for a bad token or an unknown user; other credentials still work', async () => {
    const wrongAudience = await call('get', '/odata/Users', await idp.sign({ aud: 'https://other.example', email: emails.boss }));
    expectWriteError(wrongAudience, 401, 'Unauthenticated');
    expect(wrongAudience.headers['www-authenticate']).to.equal(`Bearer realm="orgchart-odata", authorization_uri="${AUTHORIZE}", Basic realm="orgchart-odata"`);
    expectWriteError(await call('get', '/odata/Users', await idp.sign({ aud: AUDIENCE, email: 'nobody@nowhere.example' })), 401, 'Unauthenticated');
    const anonymous = await request(app).get('/odata/Users');
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers['www-authenticate']).to.include(`authorization_uri="${AUTHORIZE}"`);
    // the CLI's HS256 tokens are verified as before
    expect((await call('get', '/odata/Users?$top=1', org.token('boss'))).status).to.equal(200);
  });

  it('leaves the challenge without authorization_uri when OIDC is not configured', async () => {
    const plain = await request(createApp({ db: t.database.db, config: testConfig() })).get('/odata/Users');
    expect(plain.headers['www-authenticate']).to.equal('Bearer realm="orgchart-odata", Basic realm="orgchart-odata"');
    // a script's request (the explorer) is not offered Basic: a browser would open its password dialog
    const fromScript = await request(t.app).get('/odata/Users').set('X-Requested-With', 'XMLHttpRequest');
    expect(fromScript.status).to.equal(401);
    expect(fromScript.headers['www-authenticate']).to.equal('Bearer realm="orgchart-odata"');
  });
});
