/**
 * Spec for the benchmark report (bench/report.ts), pure: the warnings derived from the targets,
 * the abuse section, and the rows of the projects scenarios (a ratio, a disagreement, a missing one).
 */
import { expect } from 'chai';
import type { AbuseOutcome } from '../../bench/abuse';
import { combineLoads, type LoadResult, type PullResult } from '../../bench/measure';
import { deriveFindings, renderMarkdown, type BenchReport, type ScenarioOutcome } from '../../bench/report';

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

describe('bench/report: the abuse scenario', () => {
  const victim = (p50Ms: number, p99Ms: number, maxMs: number): LoadResult =>
    ({ requests: 900, reqPerSec: 300, p50Ms, p99Ms, maxMs, non2xx: 0, errors: 0, seconds: 3 });
  const abuse: AbuseOutcome = {
    durationSeconds: 3,
    probes: [
      { request: 'OrganizationTeamHierarchies?$top=1000&$expand=Members', status: 200, entities: 20_000, used: true },
      { request: "Users?$top=1000&$filter=matchesPattern(LastName,'^S.*n$')", status: 400, entities: 0, used: false, message: 'too costly' },
    ],
    requests: ['OrganizationTeamHierarchies?$top=1000&$expand=Members'],
    victimAlone: victim(1, 3, 7),
    victimUnderAttack: victim(4, 250, 480),
    attacker: { connections: 20, requests: 5400, byStatus: { '200': 60, '429': 5340 }, bytes: 300 * 1024 * 1024, errors: 0 },
    eventLoop: { p50Ms: 10.1, p99Ms: 48.5, maxMs: 71.2 },
  };

  it('raises no warning when the victim stays under 1 s and the event loop under 100 ms', () => {
    expect(deriveFindings([], null, abuse).warnings).to.deep.equal([]);
  });

  it('warns when the victim\'s p99 under attack reaches 1 s, when its reads fail, and when the event loop p99 exceeds 100 ms', () => {
    const bad: AbuseOutcome = {
      ...abuse,
      victimUnderAttack: { ...victim(600, 1000, 2300), non2xx: 2 },
      eventLoop: { p50Ms: 12, p99Ms: 140.4, maxMs: 390 },
    };
    expect(deriveFindings([], null, bad).warnings).to.deep.equal([
      "abuse: the other caller's point reads take p99 1000 ms under attack (≥ 1000 ms)",
      "abuse: the other caller's point reads had 2 non-2xx responses and 0 errors under attack",
      'abuse: event-loop delay p99 140 ms under attack (> 100 ms; max 390 ms)',
    ]);
    expect(deriveFindings([], null, { ...abuse, eventLoop: { p50Ms: 10, p99Ms: 100, maxMs: 100 } }).warnings).to.deep.equal([]);
  });

  it('renders the attack, the victim alone and under attack, the attacker\'s statuses and the event loop', () => {
    const report: BenchReport = {
      startedAt: '2026-12-04T10:00:00.000Z', finishedAt: '2026-12-04T10:01:00.000Z',
      profile: { name: 'quick', connections: 4, durationSeconds: 3, writes: 100 },
      database: { kind: 'postgresql', label: 'orgchart_bench_20261204_quick', reused: true },
      machine: { node: 'v22.0.0', cpus: 8 },
      sizes: { users: 20_000 }, managerVisibleUsers: 2769,
      timings: { migrateMs: null, generateMs: null, analyzeMs: null, totalMs: 60_000 },
      rssBytes: { afterStart: 100e6, atEnd: 200e6, peak: 300e6 },
      scenarios: [], ancestorCheck: null, abuse,
      ...deriveFindings([], null, abuse),
    };
    const markdown = renderMarkdown(report);
    expect(markdown).to.include("#### Abuse: one caller's 20 worst-case requests vs another caller's point reads");
    expect(markdown).to.include('- 200 (20,000 entities): `OrganizationTeamHierarchies?$top=1000&$expand=Members`');
    expect(markdown).to.include("- 400, left out: `Users?$top=1000&$filter=matchesPattern(LastName,'^S.*n$')` — too costly");
    expect(markdown).to.include('| alone | 900 | 1.0 | 3.0 | 7.0 | 0 |');
    expect(markdown).to.include('| under attack | 900 | 4.0 | 250.0 | 480.0 | 0 |');
    expect(markdown).to.include('- attacker: 5,400 answers (200: 60, 429: 5,340), 300 MB, 0 errors/timeouts');
    expect(markdown).to.include('p50 10.1 ms, p99 48.5 ms, max 71.2 ms');
    expect(renderMarkdown({ ...report, abuse: undefined })).not.to.include('Abuse');
  });
});

describe('bench/report: the projects scenarios', () => {
  const base: BenchReport = {
    startedAt: '2026-12-04T10:00:00.000Z', finishedAt: '2026-12-04T10:01:00.000Z',
    profile: { name: 'quick', connections: 4, durationSeconds: 3, writes: 100 },
    database: { kind: 'postgresql', label: 'orgchart_bench_20261204_quick', reused: false },
    machine: { node: 'v22.0.0', cpus: 8 },
    sizes: { users: 20_000, projects: 1_000, mappings: 6_409 }, managerVisibleUsers: 2769,
    timings: { migrateMs: 200, generateMs: 3900, analyzeMs: 500, totalMs: 60_000 },
    rssBytes: { afterStart: 100e6, atEnd: 200e6, peak: 300e6 },
    scenarios: [], ancestorCheck: null, derived: { page50OverPage1: { ours: null, baseline: null }, nonAdminOverAdmin: { ours: null, baseline: null } },
    warnings: [],
  };

  it('renders projects-owner and projects-people as rows with their ratio, and the projects and mappings among the sizes', () => {
    const scenarios = [scenario('projects-owner', 1600, 2000), { ...scenario('projects-people', 250, 300), agreement: 'entities at any depth 300 vs 310' }];
    const markdown = renderMarkdown({ ...base, scenarios, ...deriveFindings(scenarios) });
    expect(markdown).to.include('| projects-owner | 1,600 | 2,000 | 0.80 | 1.0 / 2.0 | 1.0 / 2.0 |');
    expect(markdown).to.include('| projects-people ⚠ | 250 | 300 | 0.83 | 1.0 / 2.0 | 1.0 / 2.0 |');
    expect(markdown).to.include('- projects-people: the servers disagree: entities at any depth 300 vs 310');
    expect(markdown).to.include('- sizes: users 20,000, projects 1,000, mappings 6,409\n');
  });

  it('renders the lowest and highest round ratio of a read measured in alternating rounds', () => {
    const scenarios = [{ ...scenario('projects-owner', 1700, 2000), roundRatios: [0.81, 0.9, 0.84] }];
    const markdown = renderMarkdown({ ...base, profile: { ...base.profile, loadRounds: 3 }, scenarios, ...deriveFindings(scenarios) });
    expect(markdown).to.include('| projects-owner | 1,700 | 2,000 | 0.85 (0.81–0.90) | 1.0 / 2.0 | 1.0 / 2.0 |');
    expect(markdown).to.include('3 s per scenario and server (3 rounds alternating the servers; lowest–highest round ratio in brackets); writes: 100 requests each, over the same rounds');
  });

  it('renders a scenario that cannot run as missing, with its reason', () => {
    const missing: ScenarioOutcome = { name: 'projects-people', what: 'n/a (Projects/People is not in the server yet)', kind: 'missing' };
    expect(renderMarkdown({ ...base, scenarios: [missing] })).to.include('| projects-people | n/a (Projects/People is not in the server yet) | | | | |');
    expect(deriveFindings([missing]).warnings).to.deep.equal([]);
  });
});

describe('bench/measure combineLoads (rounds of one server as one result)', () => {
  it('sums requests, seconds, statuses and bytes, takes the median p50 and p99 and the slowest response', () => {
    const round = (requests: number, p50Ms: number, p99Ms: number, maxMs: number): LoadResult =>
      ({ requests, reqPerSec: requests, p50Ms, p99Ms, maxMs, non2xx: 1, errors: 0, seconds: 1, byStatus: { '200': requests - 1, '404': 1 }, bytes: requests * 10 });
    expect(combineLoads([round(100, 3, 9, 20), round(300, 1, 4, 50), round(200, 2, 6, 10)])).to.deep.equal({
      requests: 600, seconds: 3, reqPerSec: 199, p50Ms: 2, p99Ms: 6, non2xx: 3, errors: 0, maxMs: 50, byStatus: { '200': 597, '404': 3 }, bytes: 6000,
    });
    expect(() => combineLoads([])).to.throw('at least one round');
  });
});
