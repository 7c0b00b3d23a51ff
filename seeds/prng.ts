/**
 * A small seeded pseudo-random generator (mulberry32) for the demo seed and benchmarks: the same seed
 * gives the same sequence on every machine, so seeded databases are identical. Pure; never Math.random.
 */

export interface Prng {
  /** A float in [0, 1): `mulberry32(1).next()` → 0.6270739405881613 (always). */
  next(): number;
  /** An integer in [0, n): `int(6)` → 0…5. */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[int(items.length)] as T;
    },
    chance: (p: number) => next() < p,
  };
}
