/**
 * The gate of expensive reads (server/http/read-gate.ts): per-caller refusals (429), the pool share
 * across callers (the rest wait their turn, in order), the wait's timeout (503), and releases that
 * count once. Pure: timers only, no database.
 */
import { expect } from 'chai';
import { expensiveShare, ReadGate } from '../../../server/http/read-gate';
import { rejectedODataError } from '../../helpers/odata-error';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadGate', () => {
  it('keeps a share of the pool for cheap requests', () => {
    expect([1, 2, 3, 10, 20].map(expensiveShare)).to.deep.equal([1, 1, 2, 7, 14]);
  });

  it('refuses a caller beyond perCaller with 429, while other callers are admitted', async () => {
    const gate = new ReadGate({ perCaller: 2, concurrent: 10, queueTimeoutMs: 1000 });
    const a1 = await gate.admit('1:7');
    await gate.admit('1:7');
    const err = await rejectedODataError(gate.admit('1:7'));
    expect(err.status).to.equal(429);
    expect(err.code).to.equal('TooManyRequests');
    expect(err.message).to.contain('at most 2 per caller');
    await gate.admit('1:8');
    expect(gate.active).to.equal(3);
    a1();
    a1(); // a second call changes nothing
    expect(gate.active).to.equal(2);
    await gate.admit('1:7');
  });

  it('lets at most `concurrent` run; the others wait and start in order as reads finish', async () => {
    const gate = new ReadGate({ perCaller: 5, concurrent: 2, queueTimeoutMs: 5000 });
    const first = await gate.admit('a');
    await gate.admit('b');
    const started: string[] = [];
    const c = gate.admit('c').then((release) => (started.push('c'), release));
    const d = gate.admit('d').then((release) => (started.push('d'), release));
    await tick();
    expect(started).to.deep.equal([]);
    first();
    await c;
    await tick();
    expect(started).to.deep.equal(['c']);
    expect(gate.active).to.equal(2);
    (await c)();
    await d;
    expect(started).to.deep.equal(['c', 'd']);
  });

  it('answers 503 to a read that waited longer than queueTimeoutMs, and frees its place for the caller', async () => {
    const gate = new ReadGate({ perCaller: 1, concurrent: 1, queueTimeoutMs: 20 });
    const held = await gate.admit('a');
    const err = await rejectedODataError(gate.admit('b'));
    expect(err.status).to.equal(503);
    expect(err.code).to.equal('ServiceUnavailable');
    held();
    // 'b' is not counted as in flight after its timeout
    const again = await gate.admit('b');
    again();
    expect(gate.active).to.equal(0);
  });
});
