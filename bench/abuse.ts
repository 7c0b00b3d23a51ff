/**
 * The benchmark's `abuse` scenario (`npm run bench -- --only abuse`), run by bench/run.ts after the others:
 * one caller (bench.manager, read-only) floods our server with worst-case reads while another caller
 * (bench.admin) does point reads; measures the victim's latency alone and under attack, the attacker's
 * answers per status, and the serving process's event-loop delay (bench/serve.ts /__eventloop).
 */
import type { Fixtures } from './fixtures';
import { countEntities, runLoad, type BenchRequest, type LoadResult, type RequestSource } from './measure';
import type { Profile } from './profiles';
import { odataPath } from './scenarios';

export const ABUSE_SCENARIO = 'abuse';
/** Concurrent connections of the attacker. */
export const ATTACK_CONNECTIONS = 20;

/** The attack, as [resource, query options] (readable form: `describe`). */
export const ATTACK_REQUESTS: ReadonlyArray<readonly [string, Readonly<Record<string, string>>]> = [
  ['OrganizationTeamHierarchies', { $top: '1000', $expand: 'Members($expand=User($expand=Memberships($expand=OrganizationTeamHierarchy)))' }],
  ['OrganizationTeamHierarchies', { $top: '1000', $expand: 'Parent($levels=max),Children($levels=2;$expand=Members)' }],
  ['Users', { $expand: 'Memberships($expand=OrganizationTeamHierarchy($expand=Members($expand=User)))' }],
  ['Users', { $top: '1000', $filter: "matchesPattern(LastName,'^S.*n$')" }],
];

export interface AbuseProbe {
  /** The request as written: 'Users?$top=1000&$filter=matchesPattern(LastName,\'^S.*n$\')'. */
  readonly request: string;
  readonly status: number;
  /** Entities in the answer at any depth (0 for an error). */
  readonly entities: number;
  /** Part of the load (it answered 200 or 429)? */
  readonly used: boolean;
  /** The error's message when it did not answer 200. */
  readonly message?: string;
}

export interface EventLoopDelay {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface AbuseOutcome {
  readonly durationSeconds: number;
  /** Each attack request, probed once before the load. */
  readonly probes: readonly AbuseProbe[];
  /** The attack requests in the load, in rotation. */
  readonly requests: readonly string[];
  /** bench.admin's point reads, 1 connection, without and with the attack. */
  readonly victimAlone: LoadResult;
  readonly victimUnderAttack: LoadResult;
  readonly attacker: {
    readonly connections: number;
    /** Completed responses. */
    readonly requests: number;
    readonly byStatus: Readonly<Record<string, number>>;
    readonly bytes: number;
    /** Connection errors and timeouts (autocannon's 10 s). */
    readonly errors: number;
  };
  /** The serving process's event-loop delay while under attack. */
  readonly eventLoop: EventLoopDelay;
}

export interface AbuseContext {
  readonly fixtures: Fixtures;
  /** bench.admin: the victim. */
  readonly adminToken: string;
  /** bench.manager with scope odata.read only: the attacker. */
  readonly attackerToken: string;
}

const describe = ([resource, options]: readonly [string, Readonly<Record<string, string>>]) =>
  `${resource}?${Object.entries(options).map(([k, v]) => `${k}=${v}`).join('&')}`;

function rotate(requests: readonly BenchRequest[]): RequestSource {
  let i = 0;
  return () => requests[i++ % requests.length] as BenchRequest;
}

/** One request → its status, the entities it answered (any depth) and an error's message. */
async function probeOnce(port: number, request: BenchRequest): Promise<{ status: number; entities: number; message?: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${request.path}`, { method: request.method, headers: request.headers });
  const text = await response.text();
  let body: { value?: unknown; error?: { message?: string } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON: keep the text as the message
  }
  if (response.status === 200) return { status: 200, entities: countEntities(body.value ?? body) };
  return { status: response.status, entities: 0, message: body.error?.message ?? text.slice(0, 200) };
}

async function eventLoop(port: number, route: string, method: 'GET' | 'POST'): Promise<EventLoopDelay> {
  return (await (await fetch(`http://127.0.0.1:${port}${route}`, { method })).json()) as EventLoopDelay;
}

/**
 * Probes the attack requests, measures the victim alone, then the victim during the attack:
 *   `await measureAbuse({ ours: 41001, baseline: 41002 }, { fixtures, adminToken, attackerToken }, PROFILES.quick, log)`
 *   → { probes: [{ request: 'OrganizationTeamHierarchies?$top=1000&…', status: 200, entities: 251, used: true }, …],
 *       victimAlone: { p50Ms: 0, p99Ms: 4, … }, victimUnderAttack: { p50Ms: 30, p99Ms: 122, maxMs: 122, … },
 *       attacker: { connections: 20, requests: 2350, byStatus: { '200': 176, '429': 2174 }, … }, eventLoop: { p50Ms: 16.9, p99Ms: 67.6, maxMs: 80.3 } }
 */
export async function measureAbuse(
  served: { readonly ours: number; readonly baseline: number },
  ctx: AbuseContext,
  profile: Profile,
  log: (line: string) => void = () => undefined,
): Promise<AbuseOutcome> {
  const attacker = { authorization: `Bearer ${ctx.attackerToken}` };
  const probes: AbuseProbe[] = [];
  const attack: BenchRequest[] = [];
  for (const entry of ATTACK_REQUESTS) {
    const request: BenchRequest = { method: 'GET', path: odataPath(...entry), headers: attacker };
    const answer = await probeOnce(served.ours, request);
    const used = answer.status === 200 || answer.status === 429;
    probes.push({ request: describe(entry), status: answer.status, entities: answer.entities, used, ...(answer.message ? { message: answer.message } : {}) });
    if (used) attack.push(request);
    log(`  abuse probe: ${describe(entry)} → ${answer.status}${answer.status === 200 ? ` (${answer.entities} entities)` : `: ${answer.message}`}${used ? '' : ' (left out)'}`);
  }
  if (attack.length === 0) throw new Error('abuse: the server refused every attack request; nothing to attack with');

  const victim = rotate(ctx.fixtures.pointIds.map((id): BenchRequest =>
    ({ method: 'GET', path: odataPath(`Users(${id})`), headers: { authorization: `Bearer ${ctx.adminToken}` } })));
  const duration = profile.durationSeconds;
  await runLoad(served.ours, victim, { connections: 1, durationSeconds: profile.warmUpSeconds });
  const victimAlone = await runLoad(served.ours, victim, { connections: 1, durationSeconds: duration });

  await eventLoop(served.baseline, '/__eventloop/reset', 'POST');
  const [attacked, victimUnderAttack] = await Promise.all([
    runLoad(served.ours, rotate(attack), { connections: ATTACK_CONNECTIONS, durationSeconds: duration }),
    runLoad(served.ours, victim, { connections: 1, durationSeconds: duration }),
  ]);
  const loop = await eventLoop(served.baseline, '/__eventloop', 'GET');
  const statuses = Object.entries(attacked.byStatus ?? {}).map(([status, n]) => `${status}: ${n}`).join(', ');
  log(`  abuse: victim p99 ${victimAlone.p99Ms} ms alone, ${victimUnderAttack.p99Ms} ms under attack (max ${victimUnderAttack.maxMs} ms); ` +
    `attacker ${attacked.requests} answers (${statuses}); event loop p99 ${loop.p99Ms.toFixed(1)} ms, max ${loop.maxMs.toFixed(1)} ms`);
  return {
    durationSeconds: duration,
    probes,
    requests: probes.filter((p) => p.used).map((p) => p.request),
    victimAlone,
    victimUnderAttack,
    attacker: {
      connections: ATTACK_CONNECTIONS,
      requests: attacked.requests,
      byStatus: attacked.byStatus ?? {},
      bytes: attacked.bytes ?? 0,
      errors: attacked.errors,
    },
    eventLoop: loop,
  };
}
