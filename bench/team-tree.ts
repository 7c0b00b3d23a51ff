/**
 * Benchmark dataset, step 1: the shape of one company's org chart as a value (pure, seeded, no I/O).
 * A spine guarantees the requested depth; every other team picks a parent with a bias towards recently
 * created (deeper) teams or copies a random team's parent (preferential attachment), so fan-out is
 * uneven: a few wide teams, many leaves. Index order is parent-first.
 */
import type { Prng } from '../seeds/prng';

export interface TreeTeam {
  /** Index of the parent team in the array, or null for the root (index 0). */
  readonly parent: number | null;
  readonly depth: number;
}

export interface TreeShape {
  readonly teams: readonly TreeTeam[];
  readonly maxDepth: number;
}

/** Teams never go deeper than minDepth + DEPTH_SLACK (a chosen parent that deep is replaced by its ancestor). */
const DEPTH_SLACK = 4;

/**
 * `growTeamTree(60, 8, mulberry32(1))` → { teams: [{ parent: null, depth: 0 }, { parent: 0, depth: 1 }, …], maxDepth: 8..12 }
 * Throws RangeError when count cannot hold a spine of minDepth + 1 teams.
 */
export function growTeamTree(count: number, minDepth: number, prng: Prng): TreeShape {
  if (!Number.isInteger(count) || !Number.isInteger(minDepth) || minDepth < 0 || count < minDepth + 1) {
    throw new RangeError(`a tree of depth ${minDepth} needs at least ${minDepth + 1} teams, got ${count}`);
  }
  const teams: TreeTeam[] = [{ parent: null, depth: 0 }];
  const limit = minDepth + DEPTH_SLACK;
  const add = (parent: number): void => {
    let p = parent;
    while ((teams[p] as TreeTeam).depth >= limit) p = (teams[p] as TreeTeam).parent as number;
    teams.push({ parent: p, depth: (teams[p] as TreeTeam).depth + 1 });
  };
  // the spine: root → … → a team at minDepth, spread out so it does not sit in the first indices only
  const spineEvery = Math.max(1, Math.floor(count / (minDepth + 1)));
  let spineTip = 0;
  for (let i = 1; i < count; i++) {
    const spineDue = (teams[spineTip] as TreeTeam).depth < minDepth && (i % spineEvery === 0 || count - i <= minDepth - (teams[spineTip] as TreeTeam).depth);
    if (spineDue) {
      add(spineTip);
      spineTip = i;
      continue;
    }
    const r = prng.next();
    if (r < 0.3) {
      // preferential attachment: a sibling of a random team (wide teams get wider)
      const j = prng.int(i);
      const parent = (teams[j] as TreeTeam).parent;
      add(parent === null || parent === 0 ? j : parent);
    } else if (r < 0.36) {
      add(prng.int(Math.min(i, 30))); // near the top: departments get sub-units late too
    } else {
      // recent bias: the cube pushes the pick towards the newest (deepest) teams
      const back = Math.floor((i - 1) * prng.next() ** 3);
      add(i - 1 - back);
    }
  }
  return { teams, maxDepth: Math.max(...teams.map((t) => t.depth)) };
}
