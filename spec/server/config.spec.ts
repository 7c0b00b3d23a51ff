/**
 * Configuration specs for the token keys: JWT_PUBLIC_KEY as PEM (one-line `\n` form too) or as a file
 * path, refused unless RSA; which algorithms are accepted in each combination; the $skiptoken key
 * without JWT_SECRET; and what DATABASE_URL requires.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DEV_JWT_SECRET, loadConfig, tokenKeys } from '../../server/config';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const DB = 'postgres://x@127.0.0.1/db';

describe('loadConfig: token keys', () => {
  it('accepts JWT_PUBLIC_KEY as PEM, as one line with \\n, or as a file path', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'orgchart-key-')), 'public.pem');
    writeFileSync(file, pem);
    for (const value of [pem, pem.trim().replace(/\n/g, '\\n'), file]) {
      expect(loadConfig({ JWT_PUBLIC_KEY: value }).jwtPublicKey?.trim()).to.equal(pem.trim());
    }
  });

  it('refuses a value that is no RSA public key, with a message naming the variable', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => loadConfig({ JWT_PUBLIC_KEY: ec })).to.throw(/JWT_PUBLIC_KEY must be an RSA key/);
    expect(() => loadConfig({ JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----' })).to.throw(/not a PEM public key/);
    expect(() => loadConfig({ JWT_PUBLIC_KEY: '/no/such/key.pem' })).to.throw(/cannot read "\/no\/such\/key.pem"/);
  });

  it('accepts HS256 with JWT_SECRET, RS256 with JWT_PUBLIC_KEY, both with both', () => {
    expect(tokenKeys(loadConfig({ JWT_SECRET: 's', DATABASE_URL: DB }))).to.deep.equal({ secret: 's' });
    expect(tokenKeys(loadConfig({ JWT_PUBLIC_KEY: pem, DATABASE_URL: DB }))).to.deep.equal({ publicKey: pem.trim() });
    expect(tokenKeys(loadConfig({ JWT_SECRET: 's', JWT_PUBLIC_KEY: pem }))).to.deep.equal({ secret: 's', publicKey: pem.trim() });
    // the development secret only when nothing is configured and the database is embedded
    expect(tokenKeys(loadConfig({}))).to.deep.equal({ secret: DEV_JWT_SECRET });
    expect(loadConfig({ JWT_PUBLIC_KEY: pem }).jwtSecretIsDevDefault).to.equal(false);
    expect(() => loadConfig({ DATABASE_URL: DB })).to.throw(/JWT_SECRET \(HS256\) or JWT_PUBLIC_KEY \(RS256\) must be set/);
  });

  it('signs $skiptoken values with a key derived from the public key when there is no secret: the same on every instance', () => {
    const a = loadConfig({ JWT_PUBLIC_KEY: pem, DATABASE_URL: DB }).jwtSecret;
    expect(a).to.equal(loadConfig({ JWT_PUBLIC_KEY: pem, DATABASE_URL: DB }).jwtSecret);
    expect(a).to.match(/^[0-9a-f]{64}$/).and.not.equal(DEV_JWT_SECRET);
  });
});
