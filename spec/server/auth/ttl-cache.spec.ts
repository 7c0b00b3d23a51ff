import { expect } from 'chai';
import { callerKey, TtlCache } from '../../../server/auth/ttl-cache';

describe('TtlCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('returns a value until its time to live has passed, then forgets it', () => {
    const cache = new TtlCache<string>(5000, 10, now);
    cache.set(callerKey(1, '7'), 'row');
    clock += 4999;
    expect(cache.get('1:7')).to.equal('row');
    clock += 1;
    expect(cache.get('1:7')).to.equal(undefined);
    expect(cache.size).to.equal(0);
  });

  it('keeps companies apart and can remember a known absence as null', () => {
    const cache = new TtlCache<string | null>(5000, 10, now);
    cache.set(callerKey(1, '7'), null);
    expect(cache.get(callerKey(1, '7'))).to.equal(null);
    expect(cache.get(callerKey(2, '7'))).to.equal(undefined);
  });

  it('caches nothing with a time to live of 0', () => {
    const cache = new TtlCache<string>(0, 10, now);
    expect(cache.enabled).to.equal(false);
    cache.set('1:7', 'row');
    expect(cache.get('1:7')).to.equal(undefined);
  });

  it('drops the oldest entry when full, and clear() forgets everything', () => {
    const cache = new TtlCache<number>(5000, 2, now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).to.equal(undefined);
    expect(cache.get('c')).to.equal(3);
    cache.clear();
    expect(cache.size).to.equal(0);
  });

  it('does not store a value loaded before a clear() (a write committed while it was read)', () => {
    const cache = new TtlCache<string>(5000, 10, now);
    const generation = cache.generation;
    cache.clear(); // a write commits while the value is being loaded
    cache.set('1:7', 'stale', generation);
    expect(cache.get('1:7')).to.equal(undefined);
    cache.set('1:7', 'fresh', cache.generation);
    expect(cache.get('1:7')).to.equal('fresh');
  });
});
