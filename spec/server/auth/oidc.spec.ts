/**
 * Sign-in with an identity provider (server/auth/oidc.ts, server/auth/oidc-config.ts): the OIDC_* variables,
 * which tokens the OIDC path takes, verification against a local provider (spec/helpers/jwks-server.ts:
 * discovery, JWKS, key rotation and jose's refetch cooldown), the claims policy (iss, aud, exp, algorithms)
 * and the mapping to an active user of the run's database, in two companies made for this spec.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { SignJWT, base64url } from 'jose';
import type { Knex } from 'knex';
import { ODataError } from '../../../odata/errors';
import { loadConfig } from '../../../server/config';
import { createOidcAuthenticator, grantedScopes, type OidcAuthenticator } from '../../../server/auth/oidc';
import { loadOidcConfig, type OidcConfig } from '../../../server/auth/oidc-config';
import { TokenError } from '../../../server/auth/tokens';
import { startJwksServer, type JwksServer } from '../../helpers/jwks-server';
import { testDatabase } from '../../helpers/test-database';

const AUDIENCE = 'api://orgchart-spec';
const tag = randomBytes(4).toString('hex');

/** The config loadConfig would make of these variables (with the spec's audience unless overridden). */
function oidcConfig(env: Record<string, string>): OidcConfig {
  const config = loadOidcConfig({ JWT_AUDIENCE: AUDIENCE, ...env });
  if (!config) throw new Error('expected an OIDC config');
  return config;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

async function tokenError(promise: Promise<unknown>): Promise<TokenError> {
  const err = await rejection(promise);
  if (err instanceof TokenError) return err;
  throw err;
}

async function odataError(promise: Promise<unknown>): Promise<ODataError> {
  const err = await rejection(promise);
  if (err instanceof ODataError) return err;
  throw err;
}

describe('loadOidcConfig (OIDC_* variables)', () => {
  it('is off (undefined, and absent from loadConfig) when neither OIDC_ISSUER nor JWT_JWKS_URL is set', () => {
    expect(loadOidcConfig({})).to.equal(undefined);
    expect(loadConfig({})).not.to.have.property('oidc');
  });

  it('reads an issuer with the defaults: email claim, odata.read, 30 s refetch cooldown', () => {
    expect(loadConfig({ OIDC_ISSUER: 'https://login.microsoftonline.com/tid/v2.0', JWT_AUDIENCE: 'api://orgchart, 0c1d' }).oidc).to.deep.equal({
      issuer: 'https://login.microsoftonline.com/tid/v2.0',
      audience: ['api://orgchart', '0c1d'],
      userClaim: 'email',
      defaultScopes: ['odata.read'],
      jwksRefreshSeconds: 30,
    });
  });

  it('reads JWT_JWKS_URL without an issuer, and every optional variable', () => {
    expect(
      loadOidcConfig({
        JWT_JWKS_URL: 'https://idp.example/keys',
        JWT_AUDIENCE: 'orgchart',
        OIDC_USER_CLAIM: 'preferred_username',
        OIDC_COMPANY_CLAIM: 'company_id',
        OIDC_SCOPES_DEFAULT: 'odata.read odata.write',
        OIDC_JWKS_REFRESH_SECONDS: '120',
      }),
    ).to.deep.equal({
      jwksUrl: 'https://idp.example/keys',
      audience: ['orgchart'],
      userClaim: 'preferred_username',
      companyClaim: 'company_id',
      defaultScopes: ['odata.read', 'odata.write'],
      jwksRefreshSeconds: 120,
    });
    expect(loadOidcConfig({ OIDC_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'a', OIDC_COMPANY_ID: '7', OIDC_USER_CLAIM: 'sub' })).to.include({ companyId: 7, userClaim: 'sub' });
  });

  it('refuses bad values with a message naming the variable', () => {
    const issuer = { OIDC_ISSUER: 'https://idp.example' };
    expect(() => loadOidcConfig(issuer)).to.throw(/JWT_AUDIENCE must be set when OIDC_ISSUER is/);
    expect(() => loadOidcConfig({ JWT_JWKS_URL: 'https://idp.example/keys' })).to.throw(/JWT_AUDIENCE must be set when JWT_JWKS_URL is/);
    expect(() => loadConfig({ ...issuer })).to.throw(/JWT_AUDIENCE/);
    const withAudience = { ...issuer, JWT_AUDIENCE: 'a' };
    expect(() => loadOidcConfig({ ...withAudience, OIDC_USER_CLAIM: 'name' })).to.throw(/OIDC_USER_CLAIM must be one of email, preferred_username, upn, sub, oid, got "name"/);
    expect(() => loadOidcConfig({ ...withAudience, OIDC_COMPANY_ID: '0' })).to.throw(/OIDC_COMPANY_ID must be a company id/);
    expect(() => loadOidcConfig({ ...withAudience, OIDC_COMPANY_ID: '1', OIDC_COMPANY_CLAIM: 'c' })).to.throw(/OIDC_COMPANY_ID and OIDC_COMPANY_CLAIM are both set/);
    expect(() => loadOidcConfig({ ...withAudience, OIDC_SCOPES_DEFAULT: 'odata.read admin' })).to.throw(/OIDC_SCOPES_DEFAULT must name one or more of/);
    expect(() => loadOidcConfig({ ...withAudience, OIDC_JWKS_REFRESH_SECONDS: '0' })).to.throw(/OIDC_JWKS_REFRESH_SECONDS must be a whole number/);
    expect(() => loadOidcConfig({ ...withAudience, OIDC_JWKS_REFRESH_SECONDS: '1.5' })).to.throw(/OIDC_JWKS_REFRESH_SECONDS/);
    expect(() => loadOidcConfig({ OIDC_ISSUER: 'http://idp.example', JWT_AUDIENCE: 'a' })).to.throw(/OIDC_ISSUER must be an https:\/\/ URL/);
    expect(() => loadOidcConfig({ JWT_JWKS_URL: 'keys.json', JWT_AUDIENCE: 'a' })).to.throw(/JWT_JWKS_URL must be an absolute URL/);
    expect(() => loadOidcConfig({ JWT_AUDIENCE: 'a' })).to.throw(/JWT_AUDIENCE is set, but neither OIDC_ISSUER nor JWT_JWKS_URL is/);
  });
});

describe('grantedScopes', () => {
  it('takes our scopes from scp (string) or scope (string or array), else the default', () => {
    expect(grantedScopes({ scp: 'User.Read odata.write odata.read' }, ['odata.read'])).to.deep.equal(['odata.read', 'odata.write']);
    expect(grantedScopes({ scope: ['openid', 'logs.read'] }, ['odata.read'])).to.deep.equal(['logs.read']);
    expect(grantedScopes({ scope: 'openid profile email' }, ['odata.read'])).to.deep.equal(['odata.read']);
    expect(grantedScopes({}, ['odata.read', 'odata.write'])).to.deep.equal(['odata.read', 'odata.write']);
  });
});

describe('createOidcAuthenticator (against a local identity provider and the run\'s database)', function () {
  let idp: JwksServer;
  let db: Knex;
  let acme: number;
  let globex: number;
  const user: Record<string, { id: string; email: string; externalId: string }> = {};

  const addCompany = async (name: string): Promise<number> => Number(((await db('companies').insert({ name: `${name}-${tag}` }).returning('id')) as { id: number }[])[0]?.id);
  const addUser = async (companyId: number, key: string, email: string, extra: Record<string, unknown> = {}) => {
    const externalId = `ext-${key}-${tag}`;
    const rows = (await db('users').insert({ company_id: companyId, user_name: `${key}-${tag}`, email, external_id: externalId, ...extra }).returning('id')) as { id: string | number }[];
    user[key] = { id: String(rows[0]?.id), email, externalId };
  };
  const u = (key: string) => {
    const found = user[key];
    if (!found) throw new Error(`no user ${key}`);
    return found;
  };

  /** An authenticator for the local provider: discovery from its issuer unless the env says otherwise. */
  const authenticator = (env: Record<string, string> = {}): OidcAuthenticator => createOidcAuthenticator(oidcConfig({ OIDC_ISSUER: idp.issuer, ...env }));
  const sign = (claims: Record<string, unknown>, options?: Parameters<JwksServer['sign']>[1]) => idp.sign({ aud: AUDIENCE, ...claims }, options);

  before(async () => {
    ({ db } = await testDatabase());
    idp = await startJwksServer();
    acme = await addCompany('OIDC Acme');
    globex = await addCompany('OIDC Globex');
    await addUser(acme, 'ann', `Ann.Lee-${tag}@Acme.example`, { is_administrator: true });
    await addUser(acme, 'ivy', `ivy-${tag}@acme.example`, { is_active: false });
    await addUser(acme, 'dup-acme', `dup-${tag}@both.example`);
    await addUser(globex, 'bob', `bob-${tag}@globex.example`);
    await addUser(globex, 'dup-globex', `DUP-${tag}@both.example`);
    // the same address inactive in one company and active in the other: the active one is the user
    await addUser(acme, 'cat-old', `cat-${tag}@moved.example`, { is_active: false });
    await addUser(globex, 'cat', `cat-${tag}@moved.example`);
  });

  after(async () => {
    await idp.close();
  });

  describe('handles (which tokens take the OIDC path)', () => {
    it('takes an RS256 or ES256 token of the configured issuer, nothing else, and never throws', async () => {
      const oidc = authenticator();
      const es = await idp.newKey('ES256');
      expect(oidc.handles(await sign({ email: 'x' }))).to.equal(true);
      expect(oidc.handles(await sign({ email: 'x' }, { key: es }))).to.equal(true);
      expect(oidc.handles(await sign({ iss: 'https://other.example' }))).to.equal(false);
      const hs = await new SignJWT({ iss: idp.issuer }).setProtectedHeader({ alg: 'HS256', kid: 'k' }).sign(new Uint8Array(32));
      expect(oidc.handles(hs)).to.equal(false);
      for (const junk of ['', 'abc', 'a.b.c', '..', `${base64url.encode('{"alg":"RS256"}')}.${base64url.encode('[1]')}.x`]) {
        expect(oidc.handles(junk), junk).to.equal(false);
      }
    });

    it('with JWT_JWKS_URL and no issuer: any RS256/ES256 token with a kid', async () => {
      const oidc = createOidcAuthenticator(oidcConfig({ JWT_JWKS_URL: idp.jwksUrl }));
      expect(oidc.handles(await sign({ iss: 'https://anyone.example' }))).to.equal(true);
      expect(oidc.handles(await sign({}, { header: { kid: undefined } }))).to.equal(false);
    });
  });

  describe('valid tokens → the user', () => {
    it('RS256, email matched ignoring case, company by OIDC_COMPANY_ID; discovery and keys fetched once', async () => {
      const local = await startJwksServer();
      try {
        const oidc = createOidcAuthenticator(oidcConfig({ OIDC_ISSUER: local.issuer, OIDC_COMPANY_ID: String(acme) }));
        const token = await local.sign({ aud: AUDIENCE, email: u('ann').email.toUpperCase(), scp: 'odata.read odata.write' });
        const identity = await oidc.authenticate(db, token);
        expect(identity).to.deep.equal({ companyId: acme, userId: u('ann').id, scopes: ['odata.read', 'odata.write'], userName: `ann-${tag}`, isAdministrator: true });
        await oidc.authenticate(db, await local.sign({ aud: AUDIENCE, email: u('ann').email }));
        expect(local.fetches).to.deep.equal({ discovery: 1, jwks: 1 });
      } finally {
        await local.close();
      }
    });

    it('ES256 through JWT_JWKS_URL, with OIDC_ISSUER still checked as iss', async () => {
      const es = await idp.newKey('ES256', true);
      const oidc = createOidcAuthenticator(oidcConfig({ JWT_JWKS_URL: idp.jwksUrl, OIDC_ISSUER: idp.issuer, OIDC_COMPANY_ID: String(globex) }));
      expect(await oidc.authenticate(db, await sign({ email: u('bob').email }, { key: es }))).to.include({ companyId: globex, userId: u('bob').id });
      expect((await tokenError(oidc.authenticate(db, await sign({ email: u('bob').email, iss: 'https://other.example' }, { key: es })))).reason).to.equal('invalid');
    });

    it("OIDC_USER_CLAIM=sub matches users.external_id exactly; 'upn' and 'preferred_username' match the email", async () => {
      const bySub = authenticator({ OIDC_USER_CLAIM: 'sub' });
      expect(await bySub.authenticate(db, await sign({ sub: u('ann').externalId, email: 'someone@else.example' }))).to.include({ companyId: acme, userId: u('ann').id });
      await odataError(bySub.authenticate(db, await sign({ sub: u('ann').externalId.toUpperCase() })));
      const byUpn = authenticator({ OIDC_USER_CLAIM: 'upn' });
      expect(await byUpn.authenticate(db, await sign({ upn: u('bob').email.toUpperCase() }))).to.include({ userId: u('bob').id });
      const byName = authenticator({ OIDC_USER_CLAIM: 'preferred_username' });
      expect(await byName.authenticate(db, await sign({ preferred_username: u('bob').email }))).to.include({ userId: u('bob').id });
    });

    it('company by OIDC_COMPANY_CLAIM (number or digits); the user must belong to it', async () => {
      const oidc = authenticator({ OIDC_COMPANY_CLAIM: 'org_company' });
      expect(await oidc.authenticate(db, await sign({ email: u('bob').email, org_company: String(globex) }))).to.include({ companyId: globex, userId: u('bob').id });
      expect(await oidc.authenticate(db, await sign({ email: `dup-${tag}@both.example`, org_company: acme }))).to.include({ companyId: acme, userId: u('dup-acme').id });
      const wrong = await odataError(oidc.authenticate(db, await sign({ email: u('bob').email, org_company: acme })));
      expect(wrong.status).to.equal(401);
      const missing = await tokenError(oidc.authenticate(db, await sign({ email: u('bob').email })));
      expect(missing.reason).to.equal('refused');
      expect(missing.message).to.match(/org_company claim \(OIDC_COMPANY_CLAIM\)/);
    });

    it('without a company setting: the one active user with that email in any company', async () => {
      const oidc = authenticator();
      expect(await oidc.authenticate(db, await sign({ email: u('bob').email }))).to.include({ companyId: globex, userId: u('bob').id });
      expect(await oidc.authenticate(db, await sign({ email: u('cat').email }))).to.include({ companyId: globex, userId: u('cat').id });
      const ambiguous = await odataError(oidc.authenticate(db, await sign({ email: `Dup-${tag}@BOTH.example` })));
      expect(ambiguous.status).to.equal(401);
      expect(ambiguous.code).to.equal('Unauthenticated');
      expect(ambiguous.message).to.match(/ambiguous/);
    });
  });

  describe('scopes', () => {
    it('from scp (Entra ID string), scope (array), or OIDC_SCOPES_DEFAULT', async () => {
      const oidc = authenticator({ OIDC_COMPANY_ID: String(globex) });
      const email = u('bob').email;
      expect((await oidc.authenticate(db, await sign({ email, scp: 'odata.write User.Read' }))).scopes).to.deep.equal(['odata.write']);
      expect((await oidc.authenticate(db, await sign({ email, scope: ['openid', 'odata.read', 'logs.read'] }))).scopes).to.deep.equal(['odata.read', 'logs.read']);
      expect((await oidc.authenticate(db, await sign({ email, scope: 'openid profile' }))).scopes).to.deep.equal(['odata.read']);
      expect((await oidc.authenticate(db, await sign({ email }))).scopes).to.deep.equal(['odata.read']);
      const writer = authenticator({ OIDC_COMPANY_ID: String(globex), OIDC_SCOPES_DEFAULT: 'odata.read odata.write' });
      expect((await writer.authenticate(db, await sign({ email }))).scopes).to.deep.equal(['odata.read', 'odata.write']);
    });
  });

  describe('key rotation and the refetch cooldown', () => {
    it('an unknown kid refetches the keys once after the cooldown; within it, it is refused without a fetch', async () => {
      const local = await startJwksServer();
      try {
        const oidc = createOidcAuthenticator(oidcConfig({ OIDC_ISSUER: local.issuer, OIDC_JWKS_REFRESH_SECONDS: '1' }));
        const token = (claims: Record<string, unknown> = {}) => local.sign({ aud: AUDIENCE, email: u('bob').email, ...claims });
        await oidc.authenticate(db, await token());
        expect(local.fetches.jwks).to.equal(1);

        // a new key within the cooldown after the first fetch: refused, no second fetch
        await local.rotate();
        const early = await tokenError(oidc.authenticate(db, await token()));
        expect(early.message).to.match(/no key of the identity provider matches its kid/);
        expect(local.fetches.jwks).to.equal(1);

        await new Promise((resolve) => setTimeout(resolve, 1100));
        expect((await oidc.authenticate(db, await token())).userId).to.equal(u('bob').id);
        expect(local.fetches.jwks).to.equal(2);
        // the cached keys serve the next tokens of the new key
        await oidc.authenticate(db, await token({ scp: 'odata.read' }));
        expect(local.fetches.jwks).to.equal(2);

        // rotated again at once: within the cooldown the unknown kid is refused and the keys are not fetched
        await local.rotate('ES256');
        const refused = await tokenError(oidc.authenticate(db, await token()));
        expect(refused.reason).to.equal('invalid');
        expect(local.fetches.jwks).to.equal(2);
        expect(local.fetches.discovery).to.equal(1);
      } finally {
        await local.close();
      }
    });
  });

  describe('bad tokens → TokenError', () => {
    const reasonOf = async (token: string | Promise<string>, env: Record<string, string> = {}) => {
      const err = await tokenError(authenticator(env).authenticate(db, await token));
      return { reason: err.reason, message: err.message };
    };

    it('wrong audience, wrong issuer, expired, no exp', async () => {
      const email = u('bob').email;
      expect(await reasonOf(sign({ email, aud: 'api://someone-else' }))).to.deep.equal({ reason: 'invalid', message: 'the token is invalid: it was not issued for this service (aud)' });
      expect(await reasonOf(sign({ email, iss: `${idp.issuer}/other` }))).to.deep.equal({ reason: 'invalid', message: 'the token is invalid: it was not issued by the configured identity provider (iss)' });
      expect((await reasonOf(sign({ email }, { expiresIn: -120 }))).reason).to.equal('expired');
      expect((await reasonOf(sign({ email }, { expiresIn: null }))).message).to.match(/exp/);
      // within the 60 s clock tolerance an expired token still passes
      expect(await authenticator().authenticate(db, await sign({ email }, { expiresIn: -30 }))).to.include({ userId: u('bob').id });
    });

    it('HS256 (even keyed with the public key) and alg none are refused before any key is used', async () => {
      const email = u('bob').email;
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: idp.issuer, aud: AUDIENCE, email, exp: now + 600 };
      const jwk = idp.keys[0]?.publicJwk;
      const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: idp.keys[0]?.kid }).sign(new TextEncoder().encode(JSON.stringify(jwk)));
      expect(await reasonOf(hs)).to.deep.equal({ reason: 'invalid', message: 'the token is invalid: identity-provider tokens must be signed RS256 or ES256' });
      const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
      expect((await reasonOf(none)).reason).to.equal('invalid');
    });

    it('a forged signature, a crit header, a missing user claim, an unverified email', async () => {
      const email = u('bob').email;
      const stranger = await idp.newKey('RS256');
      const forged = await sign({ email }, { key: { ...stranger, kid: idp.keys[0]?.kid ?? '' } });
      expect((await reasonOf(forged)).reason).to.equal('invalid');
      expect((await reasonOf(sign({ email }, { header: { crit: ['x-unknown'], 'x-unknown': 1 } }))).reason).to.equal('refused');
      expect(await reasonOf(sign({ upn: email }))).to.deep.equal({ reason: 'refused', message: 'the token carries no email claim, which names the user (OIDC_USER_CLAIM)' });
      expect((await reasonOf(sign({ email, email_verified: false }))).message).to.match(/not verified/);
    });
  });

  describe('users that cannot sign in → 401 Unauthenticated', () => {
    it('an unknown user, an inactive user', async () => {
      const oidc = authenticator({ OIDC_COMPANY_ID: String(acme) });
      const unknown = await odataError(oidc.authenticate(db, await sign({ email: `nobody-${tag}@acme.example` })));
      expect([unknown.status, unknown.code]).to.deep.equal([401, 'Unauthenticated']);
      expect(unknown.message).to.match(/names no user/);
      const inactive = await odataError(oidc.authenticate(db, await sign({ email: u('ivy').email })));
      expect([inactive.status, inactive.code]).to.deep.equal([401, 'Unauthenticated']);
      expect(inactive.message).to.match(/inactive/);
    });
  });

  describe('the provider is unreachable → 503, retried by the next request', () => {
    it('a failed discovery is not cached', async () => {
      const local = await startJwksServer();
      try {
        const oidc = createOidcAuthenticator(oidcConfig({ OIDC_ISSUER: local.issuer }));
        const token = await local.sign({ aud: AUDIENCE, email: u('bob').email });
        local.failDiscovery(1);
        const down = await odataError(oidc.authenticate(db, token));
        expect([down.status, down.code]).to.deep.equal([503, 'ServiceUnavailable']);
        expect(down.message).to.match(/OpenID configuration could not be read/);
        expect(await oidc.authenticate(db, token)).to.include({ userId: u('bob').id });
        expect(local.fetches).to.deep.equal({ discovery: 2, jwks: 1 });
      } finally {
        await local.close();
      }
    });

    it('keys that cannot be fetched are 503, not a bad token', async () => {
      const local = await startJwksServer();
      const token = await local.sign({ aud: AUDIENCE, email: u('bob').email });
      const oidc = createOidcAuthenticator(oidcConfig({ JWT_JWKS_URL: local.jwksUrl }));
      await local.close();
      const down = await odataError(oidc.authenticate(db, token));
      expect([down.status, down.code]).to.deep.equal([503, 'ServiceUnavailable']);
      expect(down.message).to.match(/keys could not be read/);
    });
  });
});
