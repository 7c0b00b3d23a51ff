/**
 * Personal access tokens (AccessTokens, seeds 001/004) end to end: creation rules and the secret shown
 * once, using a token as Bearer, `?token=` and Basic password, the scope matrix, what non-administrators
 * see, revocation on this instance at once and on a second instance within AUTH_CACHE_MS, an owner
 * deactivated or demoted, expiry, and a user's tokens going with the user. Each spec uses its own company.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createApp, tokenActivityOf } from '../../server/app';
import { TokenActivityLog } from '../../server/auth/token-activity';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { auditRows, buildOrg, expectJson, expectWriteError, ORIGIN, send, unique, type Org, type Row } from './writes/fixtures';

const TOKENS = '/odata/AccessTokens';
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
const SECRET = /^oc_pat_[A-Za-z0-9_-]{43}$/;

describe('Personal access tokens (AccessTokens)', () => {
  let t: TestApp;
  let org: Org;
  let admin: string;
  let member: string;

  before(async () => {
    t = await testApp();
    org = await buildOrg(t, { users: { boss: { is_administrator: true }, lead: {}, dev: {}, leaver: {}, demoted: { is_administrator: true } } }, 'Tokens');
    admin = org.token('boss', 'odata.read odata.write logs.read');
    member = org.token('dev');
  });

  const create = async (token: string, body: Row) => expectJson(await send(t, 'POST', TOKENS, token, { ExpiresAt: days(30), ...body }), 200);
  const bearer = (secret: string, url = '/odata/Users?$top=1') => send(t, 'GET', url, secret);

  it("creates a token: 200 with the secret once (oc_pat_…), Location and ETag; only its SHA-256 is stored, never shown or logged", async () => {
    const res = await send(t, 'POST', TOKENS, admin, { Name: 'Power BI', Scopes: 'odata.read', ExpiresAt: days(90) }, { Prefer: 'return=minimal' });
    const created = expectJson(res, 200); // return=minimal does not apply: the secret is shown now or never
    expect(res.headers['preference-applied']).to.equal(undefined);
    expect(created.Token).to.match(SECRET);
    expect(created).to.include({ Name: 'Power BI', Scopes: 'odata.read', UserId: org.user('boss'), CompanyId: org.companyId, LastUsedAt: null, RevokedAt: null });
    expect(res.headers.location).to.equal(`${ORIGIN}${TOKENS}(${String(created.Id)})`);
    const row = (await org.db('access_tokens').where({ id: created.Id }).first()) as Row;
    expect(Buffer.isBuffer(row.token_hash) || row.token_hash instanceof Uint8Array).to.equal(true);
    expect(Buffer.from(row.token_hash as Uint8Array).toString('hex')).to.not.include(Buffer.from(String(created.Token)).toString('hex'));
    expect(JSON.stringify(row)).to.not.include(String(created.Token).slice(7));
    const read = expectJson(await send(t, 'GET', `${TOKENS}(${String(created.Id)})`, admin));
    expect(read).to.not.have.property('Token');
    expect(Object.keys(read)).to.deep.equal(['@odata.context', '@odata.etag', 'Id', 'CompanyId', 'UserId', 'Name', 'Scopes', 'CreatedAt', 'ExpiresAt', 'LastUsedAt', 'RevokedAt']);
    const logged = (await auditRows(org.db, org.companyId)).filter((a) => a.entity_set === 'AccessTokens' && a.entity_key === String(created.Id));
    expect(logged.map((a) => a.action)).to.deep.equal(['create']);
    expect(JSON.stringify(logged)).to.not.include(String(created.Token).slice(7));
  });

  it('works wherever a JWT does: Bearer, ?token= (Power BI Web API key) and Basic password; an unknown secret is 401', async () => {
    const { Token: secret } = await create(admin, { Name: unique('everywhere'), Scopes: 'odata.read' });
    expect((await bearer(String(secret))).status).to.equal(200);
    expect((await send(t, 'GET', `/odata/Users?$top=1&token=${encodeURIComponent(String(secret))}`, undefined)).status).to.equal(200);
    const basic = await request(t.app).get('/odata/Users?$top=1').set('Host', new URL(ORIGIN).host).set('Authorization', `Basic ${Buffer.from(`any:${String(secret)}`).toString('base64')}`);
    expect(basic.status).to.equal(200);
    const unknown = await bearer(`oc_pat_${'A'.repeat(43)}`);
    expectWriteError(unknown, 401, 'Unauthenticated');
    expect(unknown.headers['www-authenticate']).to.include('Bearer');
  });

  it("applies its scopes (a read token's write is 403) and its owner's rules (a non-administrator's odata.write token stays bound by them)", async () => {
    const { Token: readOnly } = await create(admin, { Name: unique('read'), Scopes: 'odata.read' });
    expectWriteError(await send(t, 'POST', '/odata/Teams', String(readOnly), { Name: unique('Nope') }), 403, 'Forbidden');
    expectWriteError(await send(t, 'GET', '/odata/AuditLogs', String(readOnly)), 403, 'Forbidden');
    const { Token: devWrite } = await create(member, { Name: unique('dev'), Scopes: 'odata.read odata.write' });
    expectWriteError(await send(t, 'POST', '/odata/Projects', String(devWrite), { ProjectId: unique('p'), ProjectName: 'x' }), 403, 'Forbidden');
    const { Token: logs } = await create(admin, { Name: unique('logs'), Scopes: 'logs.read' });
    expect((await send(t, 'GET', '/odata/AuditLogs?$top=1', String(logs))).status).to.equal(200);
    expectWriteError(await send(t, 'GET', '/odata/Users', String(logs)), 403, 'Forbidden');
  });

  it('lets a user create and see their own tokens only; an administrator creates them for anyone of the company', async () => {
    const own = await create(member, { Name: unique('mine'), Scopes: 'odata.read' });
    expect(own.UserId).to.equal(org.user('dev'));
    expectWriteError(await send(t, 'POST', TOKENS, member, { Name: 'x', Scopes: 'odata.read', ExpiresAt: days(1), UserId: org.user('lead') }), 403, 'Forbidden');
    const forLead = await create(admin, { Name: unique('for lead'), Scopes: 'odata.read', UserId: org.user('lead') });
    expect(forLead.UserId).to.equal(org.user('lead'));
    const listed = expectJson(await send(t, 'GET', `${TOKENS}?$select=Id,UserId`, member));
    expect((listed.value as Row[]).map((r) => r.UserId)).to.satisfy((ids: unknown[]) => ids.length > 0 && ids.every((id) => id === org.user('dev')));
    expectWriteError(await send(t, 'GET', `${TOKENS}(${String(forLead.Id)})`, member), 404, 'NotFound');
    expectWriteError(await send(t, 'DELETE', `${TOKENS}(${String(forLead.Id)})`, member), 404, 'NotFound');
    const all = expectJson(await send(t, 'GET', `${TOKENS}?$select=Id&$filter=UserId eq ${org.user('lead')}`, admin));
    expect((all.value as Row[]).map((r) => r.Id)).to.include(forLead.Id);
    // another company's administrator sees none of them
    const other = await buildOrg(t, { users: { chief: { is_administrator: true } } }, 'TokensOther');
    expectWriteError(await send(t, 'GET', `${TOKENS}(${String(forLead.Id)})`, other.token('chief')), 404, 'NotFound');
    expectWriteError(await send(t, 'POST', TOKENS, other.token('chief'), { Name: 'x', Scopes: 'odata.read', ExpiresAt: days(1), UserId: org.user('lead') }), 400, 'ValidationFailed', 'UserId');
  });

  it('refuses bad tokens to be: unknown or no scopes, logs.read for a non-administrator, ExpiresAt missing, past or beyond the maximum, a Token in the body', async () => {
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: 'odata.admin', ExpiresAt: days(1) }), 400, 'ValidationFailed', 'Scopes');
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: ' ', ExpiresAt: days(1) }), 400, 'ValidationFailed', 'Scopes');
    expectWriteError(await send(t, 'POST', TOKENS, member, { Name: 'x', Scopes: 'odata.read logs.read', ExpiresAt: days(1) }), 400, 'ValidationFailed', 'Scopes');
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: 'logs.read', ExpiresAt: days(1), UserId: org.user('lead') }), 400, 'ValidationFailed', 'Scopes');
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: 'odata.read' }), 400, 'ValidationFailed', 'ExpiresAt');
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: 'odata.read', ExpiresAt: days(-1) }), 400, 'ValidationFailed', 'ExpiresAt');
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: 'odata.read', ExpiresAt: days(400) }), 400, 'ValidationFailed', 'ExpiresAt');
    expectWriteError(await send(t, 'POST', TOKENS, admin, { Name: 'x', Scopes: 'odata.read', ExpiresAt: days(1), Token: 'oc_pat_mine' }), 400, 'ValidationFailed', 'Token');
    const created = await create(admin, { Name: unique('fixed'), Scopes: 'odata.read' });
    expectWriteError(await send(t, 'PATCH', `${TOKENS}(${String(created.Id)})`, admin, { Scopes: 'odata.read odata.write' }), 400, 'ValidationFailed', 'Scopes');
    expect((await send(t, 'PATCH', `${TOKENS}(${String(created.Id)})`, admin, { Name: 'Renamed' })).status).to.equal(204);
  });

  it('DELETE revokes (204, RevokedAt set, audited, again 204): the next request with the token is 401', async () => {
    const created = await create(admin, { Name: unique('revoke me'), Scopes: 'odata.read' });
    const secret = String(created.Token);
    expect((await bearer(secret)).status).to.equal(200); // now cached for reads on this instance
    expect((await send(t, 'DELETE', `${TOKENS}(${String(created.Id)})`, admin)).status).to.equal(204);
    const refused = await bearer(secret);
    expectWriteError(refused, 401, 'Unauthenticated');
    expect(refused.text).to.include('revoked');
    const read = expectJson(await send(t, 'GET', `${TOKENS}(${String(created.Id)})`, admin));
    expect(read.RevokedAt).to.be.a('string');
    expect((await send(t, 'DELETE', `${TOKENS}(${String(created.Id)})`, admin)).status).to.equal(204);
    const logged = (await auditRows(org.db, org.companyId)).filter((a) => a.entity_set === 'AccessTokens' && a.entity_key === String(created.Id));
    expect(logged.map((a) => a.action)).to.deep.equal(['create', 'delete']);
    expect(JSON.parse(String(logged[1]?.changes))).to.deep.equal({ RevokedAt: { old: null, new: read.RevokedAt } });
    // the owner revokes their own token
    const mine = await create(member, { Name: unique('mine'), Scopes: 'odata.read' });
    expect((await send(t, 'DELETE', `${TOKENS}(${String(mine.Id)})`, member)).status).to.equal(204);
  });

  it('is revoked on a second instance on the same database within AUTH_CACHE_MS', async () => {
    const second = createApp({ db: t.database.db, config: testConfig({ AUTH_CACHE_MS: '300' }) });
    const created = await create(admin, { Name: unique('two instances'), Scopes: 'odata.read' });
    const read = () => request(second).get('/odata/Users?$top=1').set('Authorization', `Bearer ${String(created.Token)}`);
    expect((await read()).status).to.equal(200); // cached there
    expect((await send(t, 'DELETE', `${TOKENS}(${String(created.Id)})`, admin)).status).to.equal(204);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await read()).status).to.equal(401);
  });

  it("follows its owner: deactivated → 401 at once; demoted → logs.read no longer applies; expired → 401; deleted with the user (audited)", async () => {
    const leaver = await create(admin, { Name: unique('leaver'), Scopes: 'odata.read', UserId: org.user('leaver') });
    expect((await bearer(String(leaver.Token))).status).to.equal(200);
    expect((await send(t, 'PATCH', `/odata/Users(${org.user('leaver')})`, admin, { IsActive: false })).status).to.equal(204);
    expectWriteError(await bearer(String(leaver.Token)), 401, 'Unauthenticated');

    const demoted = await create(org.token('demoted'), { Name: unique('logs'), Scopes: 'odata.read logs.read' });
    expect((await send(t, 'GET', '/odata/AuditLogs?$top=1', String(demoted.Token))).status).to.equal(200);
    expect((await send(t, 'PATCH', `/odata/Users(${org.user('demoted')})`, admin, { IsAdministrator: false })).status).to.equal(204);
    expectWriteError(await send(t, 'GET', '/odata/AuditLogs?$top=1', String(demoted.Token)), 403, 'Forbidden');
    expect((await bearer(String(demoted.Token))).status).to.equal(200);

    const expiring = await create(admin, { Name: unique('expiring'), Scopes: 'odata.read' });
    await org.db('access_tokens').where({ id: expiring.Id }).update({ expires_at: org.db.raw("now() - interval '1 second'") });
    const expired = await bearer(String(expiring.Token));
    expectWriteError(expired, 401, 'Unauthenticated');
    expect(expired.text).to.include('expired');

    expect((await send(t, 'DELETE', `/odata/Users(${org.user('leaver')})`, admin)).status).to.equal(204);
    expect(await org.db('access_tokens').where({ id: leaver.Id })).to.have.length(0);
    const logged = (await auditRows(org.db, org.companyId)).filter((a) => a.entity_set === 'AccessTokens' && a.entity_key === String(leaver.Id));
    expect(logged.map((a) => a.action)).to.deep.equal(['create', 'delete']);
  });

  describe('token activity (TokenActivityLogs)', () => {
    const flush = () => tokenActivityOf(t.app).flush();

    it('records each request made with a token: token, user, scope used, method, path without the token, status, duration, address; LastUsedAt follows', async () => {
      const created = await create(admin, { Name: unique('active'), Scopes: 'odata.read odata.write logs.read' });
      const secret = String(created.Token);
      expect((await send(t, 'GET', `/odata/Users?$top=2&token=${encodeURIComponent(secret)}`, undefined)).status).to.equal(200);
      expectWriteError(await send(t, 'GET', '/odata/Users(999999999)', secret), 404, 'NotFound');
      expect((await send(t, 'POST', '/odata/Teams', secret, { Name: unique('ByToken') })).status).to.equal(200);
      expect((await send(t, 'GET', '/odata/AuditLogs?$top=1', secret)).status).to.equal(200);
      await send(t, 'GET', '/odata/Users?$top=1', admin); // a JWT: not logged here
      await flush();
      const rows = (await org.db('token_activity_logs').where({ company_id: org.companyId, token_id: created.Id }).orderBy('id')) as Row[];
      expect(rows.map((r) => [r.method, r.path, r.status, r.scope])).to.deep.equal([
        ['GET', '/odata/Users?$top=2&token=REDACTED', 200, 'odata.read'],
        ['GET', '/odata/Users(999999999)', 404, 'odata.read'],
        ['POST', '/odata/Teams', 200, 'odata.write'],
        ['GET', '/odata/AuditLogs?$top=1', 200, 'logs.read'],
      ]);
      for (const r of rows) {
        expect(Number(r.user_id)).to.equal(org.user('boss'));
        expect(r.duration_ms).to.be.a('number').that.is.at.least(0);
        expect(String(r.client_address)).to.match(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
      }
      expect(JSON.stringify(rows)).to.not.include(secret.slice(7));
      const token = expectJson(await send(t, 'GET', `${TOKENS}(${String(created.Id)})`, admin));
      expect(Date.parse(String(token.LastUsedAt))).to.be.closeTo(new Date(rows[rows.length - 1]?.created_at as string).getTime(), 1000);
      // readable through OData by an administrator with logs.read, filtered by token
      const listed = expectJson(await send(t, 'GET', `/odata/TokenActivityLogs?$filter=TokenId eq ${String(created.Id)}&$select=Method,Path,Status&$orderby=Id`, admin));
      expect((listed.value as Row[]).map((r) => r.Path)).to.deep.equal(rows.map((r) => r.path));
    });

    it('is for administrators with logs.read; shows the last 7 days unless $filter names CreatedAt', async () => {
      expectWriteError(await send(t, 'GET', '/odata/TokenActivityLogs', member), 403, 'Forbidden');
      expectWriteError(await send(t, 'GET', '/odata/TokenActivityLogs', org.token('boss', 'odata.read')), 403, 'Forbidden');
      const created = await create(admin, { Name: unique('old'), Scopes: 'odata.read' });
      await org.db('token_activity_logs').insert({
        company_id: org.companyId, token_id: created.Id, user_id: org.user('boss'), scope: 'odata.read', method: 'GET', path: '/odata/Users',
        status: 200, duration_ms: 1, created_at: org.db.raw("now() - interval '10 days'"),
      });
      const recent = expectJson(await send(t, 'GET', `/odata/TokenActivityLogs?$filter=TokenId eq ${String(created.Id)}&$count=true`, admin));
      expect(recent['@odata.count']).to.equal(0);
      const since = encodeURIComponent(`TokenId eq ${String(created.Id)} and CreatedAt ge 2000-01-01T00:00:00Z`);
      expect(expectJson(await send(t, 'GET', `/odata/TokenActivityLogs?$filter=${since}&$count=true`, admin))['@odata.count']).to.equal(1);
    });

    it('takes the client address from X-Forwarded-For only with TRUST_PROXY; a PAT in ?token= never reaches a nextLink', async () => {
      const created = await create(admin, { Name: unique('proxied'), Scopes: 'odata.read' });
      const secret = String(created.Token);
      const behind = createApp({ db: t.database.db, config: testConfig({ TRUST_PROXY: 'true' }) });
      const direct = createApp({ db: t.database.db, config: testConfig() });
      for (const app of [behind, direct]) {
        expect((await request(app).get(`/odata/Users?$top=1&token=${secret}`).set('X-Forwarded-For', '198.51.100.23')).status).to.equal(200);
        await tokenActivityOf(app).flush();
      }
      const rows = (await org.db('token_activity_logs').where({ token_id: created.Id }).orderBy('id')) as Row[];
      expect(rows.map((r) => r.client_address)).to.have.length(2);
      expect(rows[0]?.client_address).to.equal('198.51.100.23');
      expect(String(rows[1]?.client_address)).to.not.equal('198.51.100.23');
      const paged = expectJson(await send(t, 'GET', `/odata/Users?$top=3&token=${secret}`, undefined, undefined, { Prefer: 'odata.maxpagesize=1' }));
      expect(String(paged['@odata.nextLink'])).to.not.include(secret.slice(7));
    });

    it('pages the activity at 1000 rows at most, like every set', async () => {
      const created = await create(admin, { Name: unique('busy'), Scopes: 'odata.read' });
      const row = { company_id: org.companyId, token_id: created.Id, user_id: org.user('boss'), scope: 'odata.read', method: 'GET', path: '/odata/Users', status: 200, duration_ms: 1 };
      await org.db.batchInsert('token_activity_logs', Array.from({ length: 1001 }, () => ({ ...row, created_at: new Date() })), 500);
      const first = expectJson(await send(t, 'GET', `/odata/TokenActivityLogs?$filter=TokenId eq ${String(created.Id)}&$top=5000&$select=Id`, admin));
      expect(first.value).to.have.length(1000);
      expect(first['@odata.nextLink']).to.be.a('string');
    });

    it('writes what is left when closed (graceful shutdown), in one batch per flush', async () => {
      const log = new TokenActivityLog(t.database.db, undefined, 60_000);
      const created = await create(admin, { Name: unique('closing'), Scopes: 'odata.read' });
      const at = new Date();
      for (let i = 0; i < 3; i += 1) {
        log.record({ companyId: org.companyId, tokenId: String(created.Id), userId: String(org.user('boss')), scope: 'odata.read', method: 'GET', path: `/odata/Users?i=${i}`, status: 200, durationMs: 1.4, at });
      }
      expect(await org.db('token_activity_logs').where({ token_id: created.Id })).to.have.length(0);
      await log.close();
      expect(await org.db('token_activity_logs').where({ token_id: created.Id })).to.have.length(3);
      log.record({ companyId: org.companyId, tokenId: String(created.Id), userId: '1', scope: 'odata.read', method: 'GET', path: '/', status: 200, durationMs: 1, at });
      await log.flush();
      expect(await org.db('token_activity_logs').where({ token_id: created.Id })).to.have.length(3); // closed: no more rows
    });
  });
});
