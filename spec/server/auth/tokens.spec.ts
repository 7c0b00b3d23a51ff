import { createHmac, generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import {
  CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  describeTtl,
  parseTtl,
  signToken,
  TokenError,
  tokenVerifier,
  verifyToken,
} from '../../../server/auth/tokens';

const SECRET = 'spec-secret-0123456789abcdef';
const NOW = 1_900_000_000;
const DAY = 86_400;
const MAX = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;

function expectTokenError(fn: () => unknown, reason: TokenError['reason']): TokenError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(TokenError);
    expect((err as TokenError).reason).to.equal(reason);
    return err as TokenError;
  }
  expect.fail('expected a TokenError');
}

/** Hand-rolled HS256 token with an arbitrary payload (to forge bad claims). */
function hs256(payload: object, secret = SECRET, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${enc(header)}.${enc(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('server/auth/tokens', () => {
  describe('signToken + verifyToken', () => {
    it('round-trips sub, companyId, scope, iat and exp', () => {
      const token = signToken({ userId: '42', companyId: 7, scope: 'odata.read odata.write', ttlSeconds: 3600, issuedAt: NOW }, SECRET);
      expect(jwt.decode(token, { complete: true })?.header.alg).to.equal('HS256');
      const claims = verifyToken(token, SECRET, { nowSeconds: NOW + 10 });
      expect(claims).to.deep.equal({
        sub: '42',
        companyId: 7,
        scope: 'odata.read odata.write',
        scopes: ['odata.read', 'odata.write'],
        iat: NOW,
        exp: NOW + 3600,
      });
    });

    it('writes sub as a string even when userId is a number', () => {
      const token = signToken({ userId: 3, companyId: 1, scope: 'odata.read', ttlSeconds: 60 }, SECRET);
      expect(verifyToken(token, SECRET).sub).to.equal('3');
    });

    it('refuses to sign an unknown scope, an empty scope, a bad user id or a bad ttl', () => {
      const base = { userId: 3, companyId: 1, scope: 'odata.read', ttlSeconds: 60 };
      expect(() => signToken({ ...base, scope: 'odata.admin' }, SECRET)).to.throw(RangeError, /unknown scope "odata.admin"/);
      expect(() => signToken({ ...base, scope: '  ' }, SECRET)).to.throw(RangeError, /at least one/);
      expect(() => signToken({ ...base, userId: 'abc' }, SECRET)).to.throw(RangeError, /userId/);
      expect(() => signToken({ ...base, companyId: 0 }, SECRET)).to.throw(RangeError, /companyId/);
      expect(() => signToken({ ...base, ttlSeconds: 0 }, SECRET)).to.throw(RangeError, /ttlSeconds/);
    });
  });

  describe('verifyToken', () => {
    const good = { sub: '5', companyId: 1, scope: 'odata.read', iat: NOW, exp: NOW + 60 };

    it('rejects an expired token with reason "expired"', () => {
      const token = signToken({ userId: 5, companyId: 1, scope: 'odata.read', ttlSeconds: 60, issuedAt: NOW }, SECRET);
      expectTokenError(() => verifyToken(token, SECRET, { nowSeconds: NOW + 61 }), 'expired');
    });

    it('rejects a token without exp', () => {
      const token = jwt.sign({ sub: '5', companyId: 1, scope: 'odata.read' }, SECRET, { algorithm: 'HS256' });
      const err = expectTokenError(() => verifyToken(token, SECRET), 'invalid');
      expect(err.message).to.match(/exp/);
    });

    it('rejects a token signed with another secret', () => {
      expectTokenError(() => verifyToken(hs256(good, 'another-secret'), SECRET, { nowSeconds: NOW }), 'invalid');
    });

    it('rejects an unsigned token (alg "none")', () => {
      const unsigned = jwt.sign(good, null as unknown as string, { algorithm: 'none' });
      expectTokenError(() => verifyToken(unsigned, SECRET, { nowSeconds: NOW }), 'invalid');
      const forged = hs256(good, SECRET, { alg: 'none', typ: 'JWT' }).replace(/[^.]+$/, '');
      expectTokenError(() => verifyToken(forged, SECRET, { nowSeconds: NOW }), 'invalid');
    });

    it('rejects a token signed with HS512 under the right secret', () => {
      const token = jwt.sign(good, SECRET, { algorithm: 'HS512' });
      expectTokenError(() => verifyToken(token, SECRET, { nowSeconds: NOW }), 'invalid');
    });

    it('rejects garbage', () => {
      expectTokenError(() => verifyToken('not.a.jwt', SECRET), 'invalid');
      expectTokenError(() => verifyToken('', SECRET), 'invalid');
    });

    const badClaims: Array<[string, object]> = [
      ['a numeric sub', { ...good, sub: 5 }],
      ['a non-digit sub', { ...good, sub: 'alice' }],
      ['a missing sub', { ...good, sub: undefined }],
      ['a string companyId', { ...good, companyId: '1' }],
      ['a zero companyId', { ...good, companyId: 0 }],
      ['a fractional companyId', { ...good, companyId: 1.5 }],
      ['a missing companyId', { ...good, companyId: undefined }],
      ['an array scope', { ...good, scope: ['odata.read'] }],
      ['a missing scope', { ...good, scope: undefined }],
    ];
    for (const [what, payload] of badClaims) {
      it(`rejects a token with ${what}`, () => {
        expectTokenError(() => verifyToken(hs256(payload), SECRET, { nowSeconds: NOW }), 'invalid');
      });
    }
  });

  describe('token hygiene: lifetime, iat, nbf, crit (HS256)', () => {
    const base = { sub: '5', companyId: 1, scope: 'odata.read' };
    const at = (token: string, keys: Parameters<typeof verifyToken>[1] = SECRET) => () => verifyToken(token, keys, { nowSeconds: NOW });
    const refused = (token: string, message: RegExp, keys: Parameters<typeof verifyToken>[1] = SECRET) =>
      expect(expectTokenError(at(token, keys), 'refused').message).to.match(message);

    it('has a default maximum lifetime of 30 days, which the 7-day tokens npm start prints stay within', () => {
      expect(MAX).to.equal(30 * DAY);
      expect(describeTtl(MAX)).to.equal('30 days');
      const startToken = signToken({ userId: 5, companyId: 1, scope: 'odata.read', ttlSeconds: 7 * DAY, issuedAt: NOW }, SECRET);
      expect(at(startToken)().exp).to.equal(NOW + 7 * DAY);
    });

    it('refuses a token that expires further from now than the maximum (exp in the year ~3e12), with or without iat', () => {
      refused(hs256({ ...base, exp: 1e14 }), /lifetime exceeds the maximum of 30 days .*ahead of this server's clock/);
      refused(hs256({ ...base, iat: NOW, exp: 1e14 }), /lifetime exceeds the maximum of 30 days/);
      refused(hs256({ ...base, exp: NOW + MAX + CLOCK_SKEW_SECONDS + 1 }), /lifetime exceeds/);
      expect(at(hs256({ ...base, exp: NOW + MAX + CLOCK_SKEW_SECONDS }))().sub).to.equal('5');
    });

    it('refuses a token whose exp - iat exceeds the maximum even when little of it is left', () => {
      refused(hs256({ ...base, iat: NOW - MAX, exp: NOW + 61 }), /lifetime exceeds the maximum of 30 days .*after its iat/);
      expect(at(hs256({ ...base, iat: NOW - MAX + 61, exp: NOW + 61 }))().iat).to.equal(NOW - MAX + 61);
    });

    it('holds tokens to the maximum it is given (MAX_TOKEN_LIFETIME)', () => {
      const keys = { secret: SECRET, maxLifetimeSeconds: 3600 };
      refused(hs256({ ...base, iat: NOW, exp: NOW + 3601 }), /maximum of 1 hour/, keys);
      expect(at(hs256({ ...base, iat: NOW, exp: NOW + 3600 }), keys)().exp).to.equal(NOW + 3600);
      refused(signToken({ userId: 5, companyId: 1, scope: 'odata.read', ttlSeconds: 2 * 3600, issuedAt: NOW }, SECRET), /maximum of 1 hour/, keys);
    });

    it('refuses an iat ahead of the clock by more than the skew, and accepts one within it', () => {
      expect(CLOCK_SKEW_SECONDS).to.equal(60);
      refused(hs256({ ...base, iat: NOW + 365 * DAY, exp: NOW + 600 }), /issued in the future: its iat is 31536000 s ahead/);
      refused(hs256({ ...base, iat: NOW + CLOCK_SKEW_SECONDS + 1, exp: NOW + 600 }), /issued in the future/);
      expect(at(hs256({ ...base, iat: NOW + CLOCK_SKEW_SECONDS, exp: NOW + 600 }))().iat).to.equal(NOW + 60);
    });

    it('refuses an nbf ahead of the clock by more than the skew, and accepts one within it', () => {
      refused(hs256({ ...base, nbf: NOW + CLOCK_SKEW_SECONDS + 1, exp: NOW + 600 }), /not valid yet/);
      expect(expectTokenError(at(hs256({ ...base, nbf: 'tomorrow', exp: NOW + 600 })), 'invalid').message).to.match(/nbf claim must be a number/);
      expect(at(hs256({ ...base, nbf: NOW + CLOCK_SKEW_SECONDS, exp: NOW + 600 }))().sub).to.equal('5');
    });

    it('refuses any crit header parameter (RFC 7515 §4.1.11), and a malformed crit', () => {
      const claims = { ...base, iat: NOW, exp: NOW + 600 };
      expect(at(hs256(claims))().sub).to.equal('5');
      refused(hs256(claims, SECRET, { alg: 'HS256', typ: 'JWT', crit: ['x-unknown'], 'x-unknown': 1 }), /does not understand \(crit: x-unknown\)/);
      refused(hs256(claims, SECRET, { alg: 'HS256', crit: ['exp'] }), /does not understand/);
      for (const crit of [[], 'x-unknown', [1], [''], null, {}]) {
        refused(hs256(claims, SECRET, { alg: 'HS256', crit }), /crit header must be a non-empty list/);
      }
    });
  });

  describe('parseTtl', () => {
    const good: Array<[string, number]> = [
      ['3600', 3600],
      ['45s', 45],
      ['30m', 1800],
      ['1h', 3600],
      ['7d', 604_800],
      ['2H', 7200],
    ];
    for (const [text, seconds] of good) {
      it(`reads "${text}" as ${seconds} seconds`, () => expect(parseTtl(text)).to.equal(seconds));
    }
    for (const text of ['', '0', '0h', '-1h', '1.5h', '1w', 'h', 'forever', '400d']) {
      it(`rejects "${text}"`, () => expect(() => parseTtl(text)).to.throw(RangeError, /invalid TTL/));
    }
  });

  describe('describeTtl', () => {
    const cases: Array<[number, string]> = [[30 * DAY, '30 days'], [DAY, '1 day'], [7200, '2 hours'], [5400, '90 minutes'], [45, '45 seconds'], [1, '1 second']];
    for (const [seconds, text] of cases) {
      it(`says ${seconds} s as "${text}"`, () => expect(describeTtl(seconds)).to.equal(text));
    }
  });

  describe('tokenVerifier (verified tokens remembered)', () => {
    const realNow = () => Math.floor(Date.now() / 1000);

    it('gives the same claims as verifyToken, and checks expiry again on every call', () => {
      let clock = realNow();
      const verify = tokenVerifier(SECRET, 10, () => clock);
      const token = signToken({ userId: 3, companyId: 1, scope: 'odata.read', ttlSeconds: 60, issuedAt: clock }, SECRET);
      expect(verify(token)).to.deep.equal(verifyToken(token, SECRET));
      expect(verify(token).sub).to.equal('3');
      clock += 60;
      expectTokenError(() => verify(token), 'expired');
    });

    it('remembers nothing that failed: a bad signature is refused every time', () => {
      const verify = tokenVerifier(SECRET, 10);
      const forged = hs256({ sub: '3', companyId: 1, scope: 'odata.read', exp: realNow() + 60 }, 'another-secret');
      expectTokenError(() => verify(forged), 'invalid');
      expectTokenError(() => verify(forged), 'invalid');
    });

    it('checks lifetime, iat and crit on its own clock before remembering, and remembers no refusal', () => {
      let clock = NOW;
      const verify = tokenVerifier(SECRET, 10, () => clock);
      const early = hs256({ sub: '3', companyId: 1, scope: 'odata.read', iat: NOW + 120, exp: NOW + 600 });
      expectTokenError(() => verify(early), 'refused');
      expectTokenError(() => verify(early), 'refused');
      clock += 60; // now within the skew of its iat
      expect(verify(early).sub).to.equal('3');
      const forever = hs256({ sub: '3', companyId: 1, scope: 'odata.read', exp: 1e14 });
      const crit = hs256({ sub: '3', companyId: 1, scope: 'odata.read', exp: NOW + 600 }, SECRET, { alg: 'HS256', crit: ['x-unknown'] });
      for (let i = 0; i < 2; i++) {
        expect(expectTokenError(() => verify(forever), 'refused').message).to.match(/lifetime exceeds/);
        expect(expectTokenError(() => verify(crit), 'refused').message).to.match(/crit/);
      }
    });

    it('verifies with its own secret only', () => {
      const token = signToken({ userId: 3, companyId: 1, scope: 'odata.read', ttlSeconds: 60 }, SECRET);
      expect(tokenVerifier(SECRET)(token).sub).to.equal('3');
      expectTokenError(() => tokenVerifier('other-secret-0123456789')(token), 'invalid');
    });
  });
});

describe('server/auth/tokens with RS256 (JWT_PUBLIC_KEY)', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const claims = { sub: '3', companyId: 1, scope: 'odata.read' };
  const rs256 = (payload: object = claims) => jwt.sign({ ...payload, exp: Math.floor(Date.now() / 1000) + 60 }, rsa.privateKey, { algorithm: 'RS256' });

  it('verifies an RS256 token with the public key, alone or beside a secret', () => {
    expect(verifyToken(rs256(), { publicKey: publicPem }).sub).to.equal('3');
    expect(verifyToken(rs256(), { secret: SECRET, publicKey: publicPem }).sub).to.equal('3');
    const hs = signToken({ userId: 4, companyId: 1, scope: 'odata.read', ttlSeconds: 60 }, SECRET);
    expect(verifyToken(hs, { secret: SECRET, publicKey: publicPem }).sub).to.equal('4');
  });

  it('refuses an algorithm whose key is not configured, and never takes the public key as an HMAC secret', () => {
    const hs = signToken({ userId: 4, companyId: 1, scope: 'odata.read', ttlSeconds: 60 }, SECRET);
    expect(expectTokenError(() => verifyToken(hs, { publicKey: publicPem }), 'invalid').message).to.contain('signed HS256, and this service accepts RS256');
    expect(expectTokenError(() => verifyToken(rs256(), SECRET), 'invalid').message).to.contain('signed RS256, and this service accepts HS256');
    // the classic confusion: an HS256 token keyed with the public key's PEM
    const confused = hs256({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, publicPem);
    expectTokenError(() => verifyToken(confused, { publicKey: publicPem }), 'invalid');
    expectTokenError(() => verifyToken(confused, { secret: SECRET, publicKey: publicPem }), 'invalid');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expectTokenError(() => verifyToken(unsigned, { secret: SECRET, publicKey: publicPem }), 'invalid');
  });

  it('holds an RS256 token to the maximum lifetime, via exp and via exp - iat, and refuses its crit and future iat', () => {
    const now = Math.floor(Date.now() / 1000);
    const keys = { publicKey: publicPem };
    const sign = (payload: object, header: object = {}) =>
      jwt.sign({ ...claims, ...payload }, rsa.privateKey, { algorithm: 'RS256', header: { alg: 'RS256', ...header } });
    expect(expectTokenError(() => verifyToken(sign({ exp: 1e14 }), keys), 'refused').message).to.match(/lifetime exceeds the maximum of 30 days/);
    expect(expectTokenError(() => verifyToken(sign({ iat: now - 40 * DAY, exp: now + 60 }), keys), 'refused').message).to.match(/after its iat/);
    expect(expectTokenError(() => verifyToken(sign({ iat: now + 365 * DAY, exp: now + 60 }), keys), 'refused').message).to.match(/issued in the future/);
    expect(expectTokenError(() => verifyToken(sign({ exp: now + 60 }, { crit: ['x-unknown'] }), keys), 'refused').message).to.match(/crit/);
    expect(verifyToken(sign({ iat: now, exp: now + 30 * DAY }), keys).sub).to.equal('3');
    expectTokenError(() => verifyToken(sign({ iat: now, exp: now + 2 * 3600 }), { ...keys, maxLifetimeSeconds: 3600 }), 'refused');
  });

  it('checks an RS256 token\'s signature and expiry like any other', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, other.privateKey, { algorithm: 'RS256' });
    expectTokenError(() => verifyToken(forged, { publicKey: publicPem }), 'invalid');
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, rsa.privateKey, { algorithm: 'RS256' });
    expectTokenError(() => verifyToken(expired, { publicKey: publicPem }), 'expired');
  });
});
