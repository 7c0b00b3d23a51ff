/**
 * Configuration specs for the token keys: JWT_PUBLIC_KEY as PEM (one-line `\n` form too) or as a file
 * path, refused unless RSA; which algorithms are accepted in each combination; the $skiptoken key
 * without JWT_SECRET; what DATABASE_URL requires; MAX_TOKEN_LIFETIME; and the cost limits.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DEV_JWT_SECRET, loadConfig, tokenKeys } from '../../server/config';

const THIRTY_DAYS = 30 * 86_400;

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
    const maxLifetimeSeconds = THIRTY_DAYS;
    expect(tokenKeys(loadConfig({ JWT_SECRET: 's', DATABASE_URL: DB }))).to.deep.equal({ secret: 's', maxLifetimeSeconds });
    expect(tokenKeys(loadConfig({ JWT_PUBLIC_KEY: pem, DATABASE_URL: DB }))).to.deep.equal({ publicKey: pem.trim(), maxLifetimeSeconds });
    expect(tokenKeys(loadConfig({ JWT_SECRET: 's', JWT_PUBLIC_KEY: pem }))).to.deep.equal({ secret: 's', publicKey: pem.trim(), maxLifetimeSeconds });
    // the development secret only when nothing is configured and the database is embedded
    expect(tokenKeys(loadConfig({}))).to.deep.equal({ secret: DEV_JWT_SECRET, maxLifetimeSeconds });
    expect(loadConfig({ JWT_PUBLIC_KEY: pem }).jwtSecretIsDevDefault).to.equal(false);
    expect(() => loadConfig({ DATABASE_URL: DB })).to.throw(/JWT_SECRET \(HS256\) or JWT_PUBLIC_KEY \(RS256\) must be set/);
  });

  it('signs $skiptoken values with a key derived from the public key when there is no secret: the same on every instance', () => {
    const a = loadConfig({ JWT_PUBLIC_KEY: pem, DATABASE_URL: DB }).jwtSecret;
    expect(a).to.equal(loadConfig({ JWT_PUBLIC_KEY: pem, DATABASE_URL: DB }).jwtSecret);
    expect(a).to.match(/^[0-9a-f]{64}$/).and.not.equal(DEV_JWT_SECRET);
  });
});

describe('loadConfig: MAX_TOKEN_LIFETIME', () => {
  it('defaults to 30 days (unset or empty)', () => {
    expect(loadConfig({}).maxTokenLifetimeSeconds).to.equal(THIRTY_DAYS);
    expect(loadConfig({ MAX_TOKEN_LIFETIME: '' }).maxTokenLifetimeSeconds).to.equal(THIRTY_DAYS);
  });

  const good: Array<[string, number]> = [['3600', 3600], ['90m', 5400], ['12h', 43_200], ['30d', THIRTY_DAYS], ['7D', 7 * 86_400], ['366d', 366 * 86_400]];
  for (const [value, seconds] of good) {
    it(`reads "${value}" as ${seconds} seconds, and hands it to the token verifier`, () => {
      const config = loadConfig({ MAX_TOKEN_LIFETIME: value });
      expect(config.maxTokenLifetimeSeconds).to.equal(seconds);
      expect(tokenKeys(config).maxLifetimeSeconds).to.equal(seconds);
    });
  }

  for (const value of ['forever', '0', '-1d', '1.5h', '2w', '367d', '30 days']) {
    it(`refuses "${value}" with a message naming the variable`, () => {
      expect(() => loadConfig({ MAX_TOKEN_LIFETIME: value })).to.throw(
        `MAX_TOKEN_LIFETIME must be a lifetime of at most 366 days: seconds (3600) or <n>s|m|h|d (90m, 12h, 30d); got "${value}"`,
      );
    });
  }
});

describe('loadConfig: cost limits', () => {
  it('defaults to 20,000 entities per response, 4 expensive reads per caller and a 3 s regex statement timeout', () => {
    const config = loadConfig({});
    expect(config.limits.maxResponseEntities).to.equal(20_000);
    expect(config.expensiveReadsPerCaller).to.equal(4);
    expect(config.limits.regexStatementTimeoutMs).to.equal(3_000);
  });

  it('reads MAX_RESPONSE_ENTITIES, EXPENSIVE_READS_PER_CALLER and REGEX_STATEMENT_TIMEOUT_MS (at least 1 entity and 1 read)', () => {
    const config = loadConfig({ MAX_RESPONSE_ENTITIES: '5000', EXPENSIVE_READS_PER_CALLER: '2', REGEX_STATEMENT_TIMEOUT_MS: '0' });
    expect(config.limits.maxResponseEntities).to.equal(5000);
    expect(config.expensiveReadsPerCaller).to.equal(2);
    expect(config.limits.regexStatementTimeoutMs).to.equal(0);
    expect(loadConfig({ MAX_RESPONSE_ENTITIES: '0', EXPENSIVE_READS_PER_CALLER: '0' })).to.deep.include({ expensiveReadsPerCaller: 1 });
    expect(loadConfig({ MAX_RESPONSE_ENTITIES: '0' }).limits.maxResponseEntities).to.equal(1);
  });

  it('refuses a value that is not a non-negative integer, naming the variable', () => {
    expect(() => loadConfig({ MAX_RESPONSE_ENTITIES: 'lots' })).to.throw(/MAX_RESPONSE_ENTITIES must be a non-negative integer/);
    expect(() => loadConfig({ EXPENSIVE_READS_PER_CALLER: '-1' })).to.throw(/EXPENSIVE_READS_PER_CALLER/);
  });
});
