/**
 * The benchmark's report: the outcome of every scenario (ours vs the hand-written baseline), the derived
 * cost ratios and the warnings they raise, as JSON (bench/results/<ISO date>.json) and as a Markdown
 * table for the terminal. `renderMarkdown` is pure; `writeReport` only writes the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AbuseOutcome } from './abuse';
import type { AncestorCheck } from './ancestor-check';
import type { LoadResult, PullResult } from './measure';

export interface ScenarioOutcome {
  readonly name: string;
  readonly what: string;
  readonly kind: 'load' | 'pull' | 'missing';
  readonly ours?: LoadResult;
  readonly baseline?: LoadResult;
  readonly pull?: { readonly ours: PullResult; readonly baseline: PullResult };
  /** ours / baseline throughput (rows/s for the pull). */
  readonly ratio?: number;
  /** A read scenario's ratio in each of its alternating rounds (their spread shows the machine's noise). */
  readonly roundRatios?: readonly number[];
  /** Did both servers answer the same rows (or count)? A description of the difference otherwise. */
  readonly agreement?: string;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly profile: { readonly name: string; readonly connections: number; readonly durationSeconds: number; readonly loadRounds?: number; readonly writes: number };
  readonly database: { readonly kind: 'postgresql' | 'pglite'; readonly label: string; readonly reused: boolean };
  readonly machine: { readonly node: string; readonly cpus: number };
  readonly sizes: Readonly<Record<string, number>>;
  readonly managerVisibleUsers: number;
  readonly timings: { readonly migrateMs: number | null; readonly generateMs: number | null; readonly analyzeMs: number | null; readonly totalMs: number };
  readonly rssBytes: { readonly afterStart: number; readonly atEnd: number; readonly peak: number };
  readonly scenarios: readonly ScenarioOutcome[];
  /** The write rules' ancestor check, timed on its own (null: no team deep enough). */
  readonly ancestorCheck: AncestorCheck | null;
  /** The `abuse` scenario: one caller's worst-case reads vs another caller's point reads (absent when not run). */
  readonly abuse?: AbuseOutcome;
  readonly derived: {
    /** Cost of page 50 relative to page 1 (page-1 req/s ÷ page-50 req/s): 1 = free. */
    readonly page50OverPage1: { readonly ours: number | null; readonly baseline: number | null };
    /** Cost of the non-admin prefix-sort relative to the admin one. */
    readonly nonAdminOverAdmin: { readonly ours: number | null; readonly baseline: number | null };
  };
  readonly warnings: readonly string[];
}

const LOW_RATIO = 0.6;
const MAX_PAGE_COST = 1.2;
const MAX_NON_ADMIN_COST = 1.5;
const MIN_PULL_ROWS_PER_SEC = 50_000;
const MAX_ANCESTOR_CHECK_MS = 2;
const MAX_VICTIM_P99_MS = 1000;
const MAX_EVENT_LOOP_P99_MS = 100;

function costRatio(outcomes: readonly ScenarioOutcome[], cheap: string, dear: string, side: 'ours' | 'baseline'): number | null {
  const a = outcomes.find((o) => o.name === cheap)?.[side]?.reqPerSec;
  const b = outcomes.find((o) => o.name === dear)?.[side]?.reqPerSec;
  return a && b ? a / b : null;
}

/**
 * The derived ratios and the warnings — the issue's targets (ratio < 0.6, page 50 > 1.2× page 1, non-admin
 * > 1.5× admin, full pull < 50,000 rows/s, ancestor check > 2 ms median; under abuse: the victim's p99
 * ≥ 1000 ms, event-loop delay p99 > 100 ms), disagreements and errors:
 *   [{ name: 'point', ratio: 0.27, … }] → { derived: { … }, warnings: ['point: ours runs at 27% of the baseline (< 60%)'] }
 */
export function deriveFindings(
  outcomes: readonly ScenarioOutcome[],
  ancestorCheck: AncestorCheck | null = null,
  abuse?: AbuseOutcome,
): Pick<BenchReport, 'derived' | 'warnings'> {
  const derived = {
    page50OverPage1: { ours: costRatio(outcomes, 'page-1', 'page-50', 'ours'), baseline: costRatio(outcomes, 'page-1', 'page-50', 'baseline') },
    nonAdminOverAdmin: { ours: costRatio(outcomes, 'prefix-sort', 'non-admin', 'ours'), baseline: costRatio(outcomes, 'prefix-sort', 'non-admin', 'baseline') },
  };
  const warnings: string[] = [];
  for (const o of outcomes) {
    if (o.ratio !== undefined && o.ratio < LOW_RATIO) warnings.push(`${o.name}: ours runs at ${(o.ratio * 100).toFixed(0)}% of the baseline (< ${LOW_RATIO * 100}%)`);
    if (o.agreement !== undefined && o.agreement !== 'same') warnings.push(`${o.name}: the servers disagree: ${o.agreement}`);
    for (const side of ['ours', 'baseline'] as const) {
      const r = o[side];
      if (r && (r.non2xx > 0 || r.errors > 0)) warnings.push(`${o.name}: ${side} had ${r.non2xx} non-2xx responses and ${r.errors} errors`);
    }
  }
  const page = derived.page50OverPage1.ours;
  if (page !== null && page > MAX_PAGE_COST) warnings.push(`page-50 costs ${page.toFixed(2)}× page-1 (> ${MAX_PAGE_COST})`);
  const visible = derived.nonAdminOverAdmin.ours;
  if (visible !== null && visible > MAX_NON_ADMIN_COST) warnings.push(`non-admin costs ${visible.toFixed(2)}× admin (> ${MAX_NON_ADMIN_COST})`);
  const pulled = outcomes.find((o) => o.pull)?.pull?.ours.rowsPerSec;
  if (pulled !== undefined && pulled < MIN_PULL_ROWS_PER_SEC) warnings.push(`full pull: ${Math.round(pulled)} rows/s (< ${MIN_PULL_ROWS_PER_SEC})`);
  if (ancestorCheck && ancestorCheck.medianMs > MAX_ANCESTOR_CHECK_MS) {
    warnings.push(`ancestor check at depth ${ancestorCheck.depth}: median ${ancestorCheck.medianMs.toFixed(2)} ms (> ${MAX_ANCESTOR_CHECK_MS} ms)`);
  }
  if (abuse) {
    const victim = abuse.victimUnderAttack;
    if (victim.p99Ms >= MAX_VICTIM_P99_MS) warnings.push(`abuse: the other caller's point reads take p99 ${victim.p99Ms} ms under attack (≥ ${MAX_VICTIM_P99_MS} ms)`);
    if (victim.non2xx > 0 || victim.errors > 0) warnings.push(`abuse: the other caller's point reads had ${victim.non2xx} non-2xx responses and ${victim.errors} errors under attack`);
    if (abuse.eventLoop.p99Ms > MAX_EVENT_LOOP_P99_MS) {
      warnings.push(`abuse: event-loop delay p99 ${abuse.eventLoop.p99Ms.toFixed(0)} ms under attack (> ${MAX_EVENT_LOOP_P99_MS} ms; max ${abuse.eventLoop.maxMs.toFixed(0)} ms)`);
    }
  }
  return { derived, warnings };
}

const fmt = (n: number | undefined | null, digits = 0) =>
  n === undefined || n === null || !Number.isFinite(n) ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const latency = (r?: LoadResult) => (r ? `${fmt(r.p50Ms, 1)} / ${fmt(r.p99Ms, 1)}` : '–');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The abuse scenario's section: the attack (each request's probe status), the victim's latency alone and under attack, the event loop. */
function renderAbuse(abuse: AbuseOutcome): string[] {
  const { attacker, eventLoop: loop } = abuse;
  const victimRow = (label: string, r: LoadResult) =>
    `| ${label} | ${fmt(r.requests)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${fmt(r.maxMs, 1)} | ${fmt(r.non2xx + r.errors)} |`;
  const statuses = Object.entries(attacker.byStatus).map(([status, n]) => `${status}: ${fmt(n)}`).join(', ') || 'none';
  return [
    `#### Abuse: one caller's ${attacker.connections} worst-case requests vs another caller's point reads`,
    '',
    `bench.manager (read-only token) keeps ${attacker.connections} connections busy for ${abuse.durationSeconds} s with, in rotation (probe status first; only 200/429 are sent):`,
    '',
    ...abuse.probes.map((p) => `- ${p.status}${p.status === 200 ? ` (${fmt(p.entities)} entities)` : ''}${p.used ? '' : ', left out'}: \`${p.request}\`` +
      (p.message ? ` — ${p.message}` : '')),
    '',
    `bench.admin reads \`Users(<id>)\`, 1 connection, alone and then during the attack (target: p99 < ${fmt(MAX_VICTIM_P99_MS)} ms):`,
    '',
    '| victim | requests | p50 ms | p99 ms | max ms | failed |',
    '|---|---:|---:|---:|---:|---:|',
    victimRow('alone', abuse.victimAlone),
    victimRow('under attack', abuse.victimUnderAttack),
    '',
    `- attacker: ${fmt(attacker.requests)} answers (${statuses}), ${mb(attacker.bytes)}, ${fmt(attacker.errors)} errors/timeouts`,
    `- event-loop delay of the serving process during the attack: p50 ${fmt(loop.p50Ms, 1)} ms, p99 ${fmt(loop.p99Ms, 1)} ms, ` +
      `max ${fmt(loop.maxMs, 1)} ms (sampled every 10 ms, so an idle loop reads ≈ 10 ms; target: p99 ≤ ${MAX_EVENT_LOOP_P99_MS} ms)`,
  ];
}

/** The report as Markdown: one row per scenario ('| point | 658 | 2,459 | 0.27 | 5.0 / 12.0 | 1.0 / 6.0 |'), then ratios, timings, memory, sizes. */
export function renderMarkdown(report: BenchReport): string {
  const lines = [
    `### orgchart-odata benchmark — ${report.profile.name}, ${report.database.kind} (${report.database.label}${report.database.reused ? ', reused' : ''})`,
    '',
    `${report.profile.connections} connections, ${report.profile.durationSeconds} s per scenario and server` +
      `${report.profile.loadRounds ? ` (${report.profile.loadRounds} rounds alternating the servers; lowest–highest round ratio in brackets)` : ''}; ` +
      `writes: ${report.profile.writes} requests each${report.profile.loadRounds ? ', over the same rounds' : ''}; ` +
      `node ${report.machine.node}, ${report.machine.cpus} CPUs`,
    '',
    '| scenario | ours req/s | baseline req/s | ratio (ours/baseline) | ours p50/p99 ms | baseline p50/p99 ms |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const o of report.scenarios) {
    if (o.kind === 'missing') {
      lines.push(`| ${o.name} | ${o.what} | | | | |`);
    } else if (o.pull) {
      lines.push(`| ${o.name} (rows/s) | ${fmt(o.pull.ours.rowsPerSec)} | ${fmt(o.pull.baseline.rowsPerSec)} | ${fmt(o.ratio, 2)} | ` +
        `${fmt(o.pull.ours.seconds, 2)} s total | ${fmt(o.pull.baseline.seconds, 2)} s total |`);
    } else {
      const mark = o.agreement !== undefined && o.agreement !== 'same' ? ' ⚠' : '';
      const spread = o.roundRatios && o.roundRatios.length > 1 ? ` (${fmt(Math.min(...o.roundRatios), 2)}–${fmt(Math.max(...o.roundRatios), 2)})` : '';
      lines.push(`| ${o.name}${mark} | ${fmt(o.ours?.reqPerSec)} | ${fmt(o.baseline?.reqPerSec)} | ${fmt(o.ratio, 2)}${spread} | ${latency(o.ours)} | ${latency(o.baseline)} |`);
    }
  }
  const { derived, timings, rssBytes, sizes } = report;
  const pull = report.scenarios.find((o) => o.pull)?.pull;
  lines.push(
    '',
    `- page-50 / page-1 cost: ours ${fmt(derived.page50OverPage1.ours, 2)}×, baseline ${fmt(derived.page50OverPage1.baseline, 2)}×`,
    `- non-admin / admin cost (prefix-sort): ours ${fmt(derived.nonAdminOverAdmin.ours, 2)}×, baseline ${fmt(derived.nonAdminOverAdmin.baseline, 2)}× ` +
      `(bench.manager sees ${fmt(report.managerVisibleUsers)} users)`,
    pull
      ? `- full pull: ours ${fmt(pull.ours.rowsPerSec)} rows/s (${fmt(pull.ours.rows)} rows, ${pull.ours.pages} pages), baseline ${fmt(pull.baseline.rowsPerSec)} rows/s`
      : '- full pull: –',
    report.ancestorCheck
      ? `- ancestor check (write rules, team at depth ${report.ancestorCheck.depth}, caller's team ${report.ancestorCheck.levelsAbove} levels above): ` +
        `median ${fmt(report.ancestorCheck.medianMs, 2)} ms, p99 ${fmt(report.ancestorCheck.p99Ms, 2)} ms over ${report.ancestorCheck.samples} statements`
      : '- ancestor check: – (no team at depth 8)',
    `- load: migrate ${fmt(timings.migrateMs === null ? null : timings.migrateMs / 1000, 1)} s, generate ${fmt(timings.generateMs === null ? null : timings.generateMs / 1000, 1)} s, ` +
      `VACUUM ANALYZE ${fmt(timings.analyzeMs === null ? null : timings.analyzeMs / 1000, 1)} s; whole run ${fmt(timings.totalMs / 1000, 0)} s`,
    `- server process RSS (both servers + database${report.database.kind === 'pglite' ? ', PGlite in-process' : ' client'}): ` +
      `${mb(rssBytes.afterStart)} after start, ${mb(rssBytes.atEnd)} at the end, peak ${mb(rssBytes.peak)}`,
    `- sizes: ${Object.entries(sizes).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
  );
  if (report.abuse) lines.push('', ...renderAbuse(report.abuse));
  if (report.warnings.length > 0) lines.push('', '**Warnings**', '', ...report.warnings.map((w) => `- ${w}`));
  return `${lines.join('\n')}\n`;
}

/** `writeReport(report)` → '/…/bench/results/2026-11-24T20-11-39.512Z.json' (colons replaced: portable file names). */
export function writeReport(report: BenchReport, dir = path.resolve(__dirname, 'results')): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.startedAt.replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
