import { expect } from 'chai';
import type { Knex } from 'knex';
import { findPersonalToken } from '../../../server/auth/personal-tokens';
import { verifyToken } from '../../../server/auth/tokens';
import { accessTokenCreateCommand, accessTokenRevokeCommand } from '../../../server/cli/commands/access-token';
import { companyCreateCommand } from '../../../server/cli/commands/company-create';
import { migrateCommand } from '../../../server/cli/commands/migrate';
import { seedCommand } from '../../../server/cli/commands/seed';
import { tokenCommand } from '../../../server/cli/commands/token';
import { CliError } from '../../../server/cli/errors';
import { loadConfig } from '../../../server/config';
import { connect } from '../../../server/db/connect';

const config = loadConfig({ JWT_SECRET: 'cli-spec-secret' });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  expect.fail('expected the command to fail');
}

describe('server/cli/commands', () => {
  let db: Knex;
  before(() => {
    db = connect({ pgliteDir: 'memory://' });
  });
  after(async () => db.destroy());

  describe('migrate', () => {
    it('applies the migrations, then reports the database up to date', async () => {
      expect(await migrateCommand(db, config)).to.match(/^applied 9 migrations: \d+_org_chart\.ts, \d+_writes_and_audit\.ts, \d+_search_indexes\.ts, \d+_access_teams\.ts, \d+_projects\.ts, \d+_mappings\.ts, \d+_access_tokens\.ts, \d+_mappings_key\.ts, \d+_change_tracking\.ts$/);
      expect(await migrateCommand(db, config)).to.equal('already up to date');
    });
  });

  describe('seed', () => {
    it('refuses to run without --demo', async () => {
      const err = await rejection(seedCommand(db, config, {}));
      expect(err).to.be.instanceOf(CliError).with.property('message', 'nothing to seed: pass --demo to seed the demo organisation');
    });

    it('seeds the demo once and reports its ids on every run', async () => {
      const first = await seedCommand(db, config, { demo: true });
      expect(first.seeded).to.equal(true);
      expect(first.demo?.companies).to.deep.equal({ contoso: 1, fabrikam: 2 });
      const second = await seedCommand(db, config, { demo: true });
      expect(second).to.deep.equal({ seeded: false, demo: first.demo });
    });
  });

  describe('company create', () => {
    it('creates the company and its administrator and returns both ids', async () => {
      const result = await companyCreateCommand(db, config, { name: 'Northwind', admin: 'nw.admin', email: 'NW.Admin@northwind.example' });
      expect(result).to.have.all.keys('companyId', 'adminUserId');
      const company = await db('companies').where({ id: result.companyId }).first();
      expect(company.name).to.equal('Northwind');
      const admin = await db('users').where({ company_id: result.companyId, id: result.adminUserId }).first();
      expect(admin).to.include({ user_name: 'nw.admin', email: 'NW.Admin@northwind.example', is_administrator: true, is_active: true });
    });

    it('leaves the email empty when --email is omitted', async () => {
      const result = await companyCreateCommand(db, config, { name: 'Tailspin', admin: 'ts.admin' });
      const admin = await db('users').where({ company_id: result.companyId, id: result.adminUserId }).first();
      expect(admin.email).to.equal(null);
    });

    it('rejects a blank name, a user name with spaces and a malformed email, creating nothing', async () => {
      const before = await db('companies').count<{ count: string }[]>('* as count');
      for (const options of [
        { name: '  ', admin: 'x.admin' },
        { name: 'Adatum', admin: 'x admin' },
        { name: 'Adatum', admin: 'x.admin', email: 'not-an-email' },
      ]) {
        expect(await rejection(companyCreateCommand(db, config, options))).to.be.instanceOf(CliError);
      }
      expect(await db('companies').count<{ count: string }[]>('* as count')).to.deep.equal(before);
    });
  });

  describe('token', () => {
    it('signs a token for the demo admin with the default scope and a one-hour lifetime', async () => {
      const issuedAt = Math.floor(Date.now() / 1000);
      const token = await tokenCommand(db, config, { user: 'admin', company: '1', issuedAt });
      const claims = verifyToken(token, config.jwtSecret);
      const admin = await db('users').where({ company_id: 1, user_name: 'admin' }).first('id');
      expect(claims).to.deep.equal({
        sub: String(admin.id),
        companyId: 1,
        scope: 'odata.read odata.write',
        scopes: ['odata.read', 'odata.write'],
        iat: issuedAt,
        exp: issuedAt + 3600,
      });
    });

    it('honours --scope and --ttl', async () => {
      const token = await tokenCommand(db, config, { user: 'bob.reader', company: 1, scope: 'odata.read', ttl: '7d', issuedAt: 1_000 });
      const claims = verifyToken(token, config.jwtSecret, { nowSeconds: 2_000 });
      expect(claims).to.include({ scope: 'odata.read', exp: 1_000 + 7 * 86_400 });
    });

    const failures: Array<[string, Parameters<typeof tokenCommand>[2], RegExp]> = [
      ['an unknown user', { user: 'zed', company: '1' }, /^company 1 has no user named "zed"$/],
      ['a user of another company', { user: 'fabrikam.admin', company: '1' }, /no user named "fabrikam.admin"/],
      ['a company that does not exist', { user: 'admin', company: '99' }, /^company 99 does not exist$/],
      ['a company id that is not a number', { user: 'admin', company: 'contoso' }, /--company must be a company id/],
      ['an unknown scope', { user: 'admin', company: '1', scope: 'odata.admin' }, /unknown scope "odata.admin"/],
      ['a malformed ttl', { user: 'admin', company: '1', ttl: 'soon' }, /invalid TTL "soon"/],
      [
        'a ttl above MAX_TOKEN_LIFETIME (default 30 days)',
        { user: 'admin', company: '1', ttl: '31d' },
        /^--ttl "31d" is longer than the maximum token lifetime of 30 days \(MAX_TOKEN_LIFETIME\); the server would refuse the token$/,
      ],
    ];
    for (const [what, options, message] of failures) {
      it(`fails with a clear message for ${what}`, async () => {
        const err = await rejection(tokenCommand(db, config, options));
        expect(err).to.be.instanceOf(CliError);
        expect(err.message).to.match(message);
      });
    }

    it('signs up to MAX_TOKEN_LIFETIME and no longer', async () => {
      const short = loadConfig({ JWT_SECRET: 'cli-spec-secret', MAX_TOKEN_LIFETIME: '12h' });
      const token = await tokenCommand(db, short, { user: 'admin', company: '1', ttl: '12h', issuedAt: 1_000 });
      expect(verifyToken(token, short.jwtSecret, { nowSeconds: 2_000 }).exp).to.equal(1_000 + 12 * 3600);
      const err = await rejection(tokenCommand(db, short, { user: 'admin', company: '1', ttl: '43201' }));
      expect(err).to.be.instanceOf(CliError).with.property('message').that.matches(/^--ttl "43201" is longer than the maximum token lifetime of 12 hours/);
    });

    it('fails for an inactive user', async () => {
      const inactive = await db('users').where({ company_id: 1, is_active: false }).first('user_name');
      const err = await rejection(tokenCommand(db, config, { user: inactive.user_name, company: '1' }));
      expect(err.message).to.equal(`user "${inactive.user_name}" of company 1 is inactive`);
    });
  });

  describe('token create / token revoke (personal access tokens)', () => {
    it('creates a token through the API\'s write path and prints its secret; the secret authenticates until revoked', async () => {
      const created = await accessTokenCreateCommand(db, config, { user: 'admin', company: '1', scopes: 'odata.read logs.read', expires: '30d', name: 'Nightly export' });
      expect(created.secret).to.match(/^oc_pat_[A-Za-z0-9_-]{43}$/);
      const row = await db('access_tokens').where({ id: created.id }).first();
      expect(row).to.include({ name: 'Nightly export', scopes: 'odata.read logs.read', revoked_at: null });
      expect(Math.abs(new Date(row.expires_at as string).getTime() - (Date.now() + 30 * 86_400_000))).to.be.lessThan(60_000);
      const found = await findPersonalToken(db, created.secret);
      expect(found?.id).to.equal(created.id);
      expect((await db('audit_logs').where({ entity_set: 'AccessTokens', entity_key: created.id })).map((a: { action: string }) => a.action)).to.deep.equal(['create']);
      expect(await accessTokenRevokeCommand(db, { id: created.id })).to.equal(`revoked token ${created.id} ("Nightly export")`);
      expect((await findPersonalToken(db, created.secret))?.revokedAt).to.be.instanceOf(Date);
      expect(await accessTokenRevokeCommand(db, { id: created.id })).to.equal(`token ${created.id} ("Nightly export") was already revoked`);
    });

    it('refuses what the API refuses, in one line: logs.read for a non-administrator, unknown scopes, a lifetime beyond the maximum, unknown users and tokens', async () => {
      const cases: [Promise<unknown>, RegExp][] = [
        [accessTokenCreateCommand(db, config, { user: 'bob.reader', company: '1', scopes: 'logs.read', expires: '1d', name: 'x' }), /logs\.read is for administrators/],
        [accessTokenCreateCommand(db, config, { user: 'admin', company: '1', scopes: 'odata.all', expires: '1d', name: 'x' }), /unknown scope "odata\.all"/],
        [accessTokenCreateCommand(db, loadConfig({ JWT_SECRET: 'x', ACCESS_TOKEN_MAX_LIFETIME: '7d' }), { user: 'admin', company: '1', scopes: 'odata.read', expires: '8d', name: 'x' }), /at most 7 days/],
        [accessTokenCreateCommand(db, config, { user: 'admin', company: '1', scopes: 'odata.read', expires: 'forever', name: 'x' }), /^--expires: /],
        [accessTokenCreateCommand(db, config, { user: 'nobody', company: '1', scopes: 'odata.read', expires: '1d', name: 'x' }), /has no user named "nobody"/],
        [accessTokenRevokeCommand(db, { id: '999999' }), /there is no token 999999/],
        [accessTokenRevokeCommand(db, { id: 'abc' }), /positive integer/],
      ];
      for (const [promise, message] of cases) {
        const err = await rejection(promise);
        expect(err).to.be.instanceOf(CliError);
        expect(err.message).to.match(message);
      }
    });
  });
});
