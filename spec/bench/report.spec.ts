import { expect } from 'chai';
import type { LoadResult, PullResult } from '../../bench/measure';
import { deriveFindings, type ScenarioOutcome } from '../../bench/report';

const load = (reqPerSec: number): LoadResult => ({ requests: reqPerSec * 10, reqPerSec, p50Ms: 1, p99Ms: 2, non2xx: 0, errors: 0, seconds: 10 });
const pull = (rowsPerSec: number): PullResult => ({ rows: 100_000, pages: 100, seconds: 100_000 / rowsPerSec, rowsPerSec });
const scenario = (name: string, ours: number, baseline: number): ScenarioOutcome =>
  ({ name, what: name, kind: 'load', ours: load(ours), baseline: load(baseline), ratio: ours / baseline, agreement: 'same' });

describe('bench/report deriveFindings (the issue\'s targets)', () => {
  const onTarget: ScenarioOutcome[] = [
    scenario('point', 700, 1000), scenario('prefix-sort', 100, 120), scenario('page-1', 400, 500), scenario('page-50', 380, 480),
    scenario('non-admin', 80, 100),
    { name: 'full-pull', what: 'pull', kind: 'pull', pull: { ours: pull(52_000), baseline: pull(55_000) }, ratio: 52 / 55, agreement: 'same' },
  ];
  const check = { depth: 8, levelsAbove: 8, samples: 500, medianMs: 0.4, p99Ms: 1 };

  it('raises no warning when every target is met', () => {
    const { warnings, derived } = deriveFindings(onTarget, check);
    expect(warnings).to.deep.equal([]);
    expect(derived.page50OverPage1.ours).to.be.closeTo(400 / 380, 1e-9);
    expect(derived.nonAdminOverAdmin.ours).to.be.closeTo(100 / 80, 1e-9);
  });

  it('names each missed target', () => {
    const missed = onTarget.map((o) => {
      if (o.name === 'point') return scenario('point', 500, 1000);
      if (o.name === 'page-50') return scenario('page-50', 300, 480);
      if (o.name === 'non-admin') return scenario('non-admin', 60, 100);
      if (o.pull) return { ...o, pull: { ours: pull(40_000), baseline: pull(55_000) }, ratio: 40 / 55 };
      return o;
    });
    const { warnings } = deriveFindings(missed, { ...check, medianMs: 2.5 });
    expect(warnings).to.deep.equal([
      'point: ours runs at 50% of the baseline (< 60%)',
      'page-50 costs 1.33× page-1 (> 1.2)',
      'non-admin costs 1.67× admin (> 1.5)',
      'full pull: 40000 rows/s (< 50000)',
      'ancestor check at depth 8: median 2.50 ms (> 2 ms)',
    ]);
  });
});
