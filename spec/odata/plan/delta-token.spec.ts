/**
 * Delta links' tokens, pure: the $deltatoken (horizon, fingerprint, a delta's next page) and the change
 * horizon a tracked read's $skiptoken carries from its first page to its last — each accepted only
 * unchanged and for the query it was issued for.
 */
import { expect } from 'chai';
import { decodeDeltaToken, encodeDeltaToken, isDeltaHorizon, type DeltaHorizon } from '../../../odata/plan/delta-token';
import { decodeSkipToken, decodeSkipTokenState, encodeSkipToken } from '../../../odata/plan/skiptoken';
import { signedToken } from '../../../odata/plan/signed-token';
import { thrownODataError as failure } from '../../helpers/odata-error';

const KEY = 'spec-key';
const since: DeltaHorizon = { s: '750:760:751,755', t: 1_796_400_000_000, a: false };

describe('$deltatoken (odata/plan/delta-token.ts)', () => {
  it('round-trips a delta link and a delta\'s next page', () => {
    expect(decodeDeltaToken(encodeDeltaToken({ fingerprint: 'f1', since }, KEY), 'f1', KEY)).to.deep.equal({ fingerprint: 'f1', since });
    const until: DeltaHorizon = { s: '770:770:', t: since.t + 1000, a: false };
    const next = encodeDeltaToken({ fingerprint: 'f1', since, until, after: '42' }, KEY);
    expect(decodeDeltaToken(next, 'f1', KEY)).to.deep.equal({ fingerprint: 'f1', since, until, after: '42' });
    expect(next).to.match(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/); // URL-safe as it is
  });

  it('refuses a token of another query shape, a tampered or unsigned one, and a malformed horizon (400 InvalidDeltaToken)', () => {
    const token = encodeDeltaToken({ fingerprint: 'f1', since }, KEY);
    const other = failure(() => decodeDeltaToken(token, 'f2', KEY));
    expect([other.status, other.code, other.target]).to.deep.equal([400, 'InvalidDeltaToken', '$deltatoken']);
    expect(other.message).to.contain('different $filter');
    expect(failure(() => decodeDeltaToken(`${token}x`, 'f1', KEY)).message).to.contain('bad signature');
    expect(failure(() => decodeDeltaToken(token, 'f1', 'another-key')).message).to.contain('bad signature');
    expect(failure(() => decodeDeltaToken('nodot', 'f1', KEY)).message).to.contain('malformed');
    // signed, but not a horizon: SQL in the snapshot text, a key that is not a number
    expect(failure(() => decodeDeltaToken(signedToken({ f: 'f1', h: { s: "1:2:'; drop", t: 1, a: true } }, KEY), 'f1', KEY)).message).to.contain('malformed');
    expect(failure(() => decodeDeltaToken(signedToken({ f: 'f1', h: since, k: '1 or 1=1' }, KEY), 'f1', KEY)).message).to.contain('malformed');
  });

  it('knows a horizon: a pg_snapshot text, a time and the administrator flag', () => {
    expect(isDeltaHorizon({ s: '5:9:7', t: 1, a: false })).to.equal(true);
    expect(isDeltaHorizon({ s: '5:9:', t: 1, a: true })).to.equal(true);
    for (const bad of [null, 'x', { s: '5:9', t: 1, a: true }, { s: '5:9:7,', t: 1, a: true }, { s: '5:9:7', t: '1', a: true }, { s: '5:9:7', t: 1 }]) {
      expect(isDeltaHorizon(bad), JSON.stringify(bad)).to.equal(false);
    }
  });
});

describe('$skiptoken with a change horizon (odata/plan/skiptoken.ts)', () => {
  it('carries the first page\'s horizon to the later pages of a tracked read, and none otherwise', () => {
    const tracked = encodeSkipToken(['Smith', 42], 'f1', KEY, since);
    expect(decodeSkipTokenState(tracked, 'f1', KEY, 2)).to.deep.equal({ values: ['Smith', 42], delta: since });
    expect(decodeSkipToken(tracked, 'f1', KEY, 2)).to.deep.equal(['Smith', 42]);
    expect(decodeSkipTokenState(encodeSkipToken(['Smith', 42], 'f1', KEY), 'f1', KEY, 2)).to.deep.equal({ values: ['Smith', 42] });
  });

  it('refuses a tampered horizon (400 InvalidSkipToken)', () => {
    const forged = signedToken({ v: [42], f: 'f1', d: { s: 'not a snapshot', t: 1, a: true } }, KEY);
    const err = failure(() => decodeSkipTokenState(forged, 'f1', KEY, 1));
    expect([err.status, err.code]).to.deep.equal([400, 'InvalidSkipToken']);
  });
});
