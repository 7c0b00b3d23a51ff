import { expect } from 'chai';
import { UserCache, type CallerRow } from '../../../server/auth/user-cache';

const row = (id: string): CallerRow => ({ id, userName: `u${id}`, isAdministrator: false, isActive: true });

describe('UserCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('returns a row until its time to live has passed, then forgets it', () => {
    const cache = new UserCache(5000, 10, now);
    cache.set(1, '7', row('7'));
    clock += 4999;
    expect(cache.get(1, '7')).to.deep.equal(row('7'));
    clock += 1;
    expect(cache.get(1, '7')).to.equal(undefined);
    expect(cache.size).to.equal(0);
  });

  it('keeps companies apart and remembers a known absence as null', () => {
    const cache = new UserCache(5000, 10, now);
    cache.set(1, '7', null);
    expect(cache.get(1, '7')).to.equal(null);
    expect(cache.get(2, '7')).to.equal(undefined);
  });

  it('caches nothing with a time to live of 0', () => {
    const cache = new UserCache(0, 10, now);
    cache.set(1, '7', row('7'));
    expect(cache.get(1, '7')).to.equal(undefined);
  });

  it('drops the oldest entry when full, and clear() forgets everything', () => {
    const cache = new UserCache(5000, 2, now);
    cache.set(1, '1', row('1'));
    cache.set(1, '2', row('2'));
    cache.set(1, '3', row('3'));
    expect(cache.get(1, '1')).to.equal(undefined);
    expect(cache.get(1, '3')).to.deep.equal(row('3'));
    cache.clear();
    expect(cache.size).to.equal(0);
  });
});
