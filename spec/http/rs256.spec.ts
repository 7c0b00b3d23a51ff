/**
 * RS256 end to end: an app configured with JWT_PUBLIC_KEY only reads with tokens from an "identity
 * provider" (signed here with the private key), pages with $skiptoken, refuses HS256 tokens and the
 * public key used as an HMAC secret with 401, and the CLI explains that it cannot sign such tokens.
 */
import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { tokenCommand } from '../../server/cli/commands/token';
import { loadConfig } from '../../server/config';
import { testDatabase } from '../helpers/test-database';
import { expectError, expectJson, HOST, pathOf, type Row } from './helpers';

describe('RS256 tokens (JWT_PUBLIC_KEY)', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const config = loadConfig({ JWT_PUBLIC_KEY: publicPem, LOG_LEVEL: 'silent' });

  it('reads and pages with an RS256 token, and refuses HS256 ones', async () => {
    const { db, demo } = await testDatabase();
    const app = createApp({ db, config });
    const claims = { sub: String(demo.users.admin), companyId: demo.companies.contoso, scope: 'odata.read' };
    const token = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 300 }, rsa.privateKey, { algorithm: 'RS256' });
    const get = (url: string, bearer = token) => request(app).get(url).set('Host', HOST).set('Authorization', `Bearer ${bearer}`);
    const first = expectJson(await get('/odata/Users?$select=Id').set('Prefer', 'odata.maxpagesize=5'));
    const link = first['@odata.nextLink'] as string;
    expect(link).to.contain('$skiptoken=');
    const second = expectJson(await get(pathOf(link)).set('Prefer', 'odata.maxpagesize=5'));
    const ids = [...(first.value as Row[]), ...(second.value as Row[])].map((r) => r.Id as number);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b)).and.have.length(10);

    const hs = signToken({ userId: demo.users.admin, companyId: demo.companies.contoso, scope: 'odata.read', ttlSeconds: 300 }, config.jwtSecret);
    expectError(await get('/odata/Users?$top=1', hs), 401, 'Unauthenticated');
    const confused = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 300 }, 'x'.repeat(10), { algorithm: 'HS256' });
    expectError(await get('/odata/Users?$top=1', confused), 401, 'Unauthenticated');
  });

  it('has the CLI say why it signs no token', async () => {
    const { db } = await testDatabase();
    let message = '';
    try {
      await tokenCommand(db, config, { user: 'admin', company: '1' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.contain('JWT_SECRET is not set').and.contain('RS256');
  });
});
