/**
 * Failed authentications are rate-limited per client address (server/http/auth-failures.ts): the limiter's
 * windows on a fake clock, then through HTTP — past AUTH_FAILURES_PER_MINUTE an address gets 429 with
 * Retry-After even with a good token, other addresses (X-Forwarded-For with TRUST_PROXY) are not affected,
 * and successes do not count. Also: no secret appears in the server's log lines.
 */
import { expect } from 'chai';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../server/app';
import { AuthFailureLimiter, RetryLaterError } from '../../server/http/auth-failures';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { expectWriteError } from './writes/fixtures';

describe('Rate limit of failed authentications', () => {
  it('counts failures per address in one-minute windows and says when to come back', () => {
    let now = 0;
    const limiter = new AuthFailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) {
      limiter.check('a');
      limiter.fail('a');
    }
    expect(() => limiter.check('a')).to.throw(RetryLaterError).with.property('retryAfterSeconds', 60);
    limiter.check('b'); // another address is not affected
    now = 45_500;
    expect(() => limiter.check('a')).to.throw(RetryLaterError).with.property('retryAfterSeconds', 15);
    now = 60_000;
    limiter.check('a'); // a new window
    expect(() => new AuthFailureLimiter(0).check('a')).to.not.throw();
  });

  describe('through HTTP', () => {
    let t: TestApp;
    before(async () => {
      t = await testApp();
    });

    it('answers 429 with Retry-After past the limit, even to a good token; other addresses and successes are not affected', async () => {
      const app = createApp({ db: t.database.db, config: testConfig({ AUTH_FAILURES_PER_MINUTE: '3', TRUST_PROXY: 'true' }) });
      const from = (address: string, token: string) => request(app).get('/odata/Users?$top=1').set('X-Forwarded-For', address).set('Authorization', `Bearer ${token}`);
      for (let i = 0; i < 5; i += 1) expect((await from('203.0.113.9', t.tokens.admin)).status).to.equal(200); // successes do not count
      for (let i = 0; i < 3; i += 1) expectWriteError(await from('203.0.113.7', 'not-a-token'), 401, 'Unauthenticated');
      const limited = await from('203.0.113.7', t.tokens.admin);
      expectWriteError(limited, 429, 'TooManyRequests');
      expect(Number(limited.headers['retry-after'])).to.be.within(1, 60);
      expect((await from('203.0.113.8', t.tokens.admin)).status).to.equal(200);
    });

    it('never writes a secret into the log: neither a token in the URL nor an Authorization header', async () => {
      const lines: string[] = [];
      const logger = pino({ level: 'info' }, new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done(); } }));
      const app = createApp({ db: t.database.db, config: testConfig(), logger });
      const secret = t.tokens.admin;
      expect((await request(app).get(`/odata/Users?$top=1&token=${secret}`)).status).to.equal(200);
      expect((await request(app).get('/odata/Users?$top=1').set('Authorization', `Bearer ${secret}`)).status).to.equal(200);
      expect((await request(app).get('/odata/Users(1)/Nope').set('Authorization', `Bearer ${secret}x`)).status).to.equal(401);
      const log = lines.join('');
      expect(log).to.include('token=REDACTED');
      expect(log).to.not.include(secret.slice(-20));
    });
  });
});
