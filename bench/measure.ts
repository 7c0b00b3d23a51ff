/**
 * Load generation for `npm run bench`, in the runner's process (never the servers' event loop):
 * autocannon for throughput and latency under concurrency, plain sequential fetch for the Power BI
 * style full pull and for probing a response (status + the ids or count it returned).
 */
import autocannon from 'autocannon';

export interface BenchRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path and query: '/odata/Users(5)'. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The next request to send; called once per request, so it may rotate ids or hand out unique bodies. */
export type RequestSource = () => BenchRequest;

export interface LoadOptions {
  readonly connections: number;
  /** Seconds; ignored when amount is set. */
  readonly durationSeconds?: number;
  /** A fixed number of requests instead of a duration. */
  readonly amount?: number;
}

export interface LoadResult {
  readonly requests: number;
  /** Successful (2xx) responses per second: a refusal (429, 503) is not work done, however fast. */
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly seconds: number;
  /** The slowest response (ms). */
  readonly maxMs?: number;
  /** Responses per HTTP status: { '200': 950, '429': 12 }. */
  readonly byStatus?: Readonly<Record<string, number>>;
  /** Response bytes received (headers included). */
  readonly bytes?: number;
}

/**
 * `await runLoad(3000, () => ({ method: 'GET', path: '/odata/Users(1)', headers }), { connections: 4, durationSeconds: 3 })`
 *   → { requests: 5210, reqPerSec: 1736.7, p50Ms: 2, p99Ms: 6, non2xx: 0, errors: 0, seconds: 3, maxMs: 31, byStatus: { '200': 5210 }, bytes: 4.1e6 }
 */
export async function runLoad(port: number, next: RequestSource, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  let lastResponse = started;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds ?? 3 } : { amount: options.amount }),
    requests: [{
      setupRequest: (req) => {
        const r = next();
        return { ...req, method: r.method, path: r.path, headers: { ...r.headers }, ...(r.body === undefined ? {} : { body: r.body }) };
      },
      onResponse: () => {
        lastResponse = performance.now();
      },
    }],
  });
  // autocannon ends on its 1 s sampling tick: a fixed amount is timed to its last response instead
  const seconds = options.amount === undefined ? (result.finish.getTime() - result.start.getTime()) / 1000 : (lastResponse - started) / 1000;
  return {
    requests: result.requests.total,
    reqPerSec: (result.requests.total - result.non2xx) / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds,
    maxMs: result.latency.max,
    byStatus: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, s]) => [status, s.count ?? 0])),
    bytes: result.throughput.total,
  };
}

async function send(port: number, request: BenchRequest): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
}

export interface Probe {
  readonly status: number;
  /** The ids of `value` (in order), or the count of a /$count, or null. */
  readonly ids: readonly number[] | null;
  readonly count: number | null;
  /** Entities in the answer at any depth ($expand nests them): objects with an Id. */
  readonly entities: number;
  readonly nextPath: string | null;
  /** The rows as JSON when they have no Id (aggregated results, compared whole): '[{"Department":null,"N":3},…]'. */
  readonly values?: string;
}

/** Objects with an Id anywhere in `value`: `[{ Id: 1, Members: [{ Id: 7 }] }]` → 2. */
export function countEntities(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countEntities(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const own = 'Id' in value ? 1 : 0;
  return Object.values(value).reduce((n: number, item) => n + countEntities(item), own);
}

/** One request → what it answered: `probe(port, req)` → { status: 200, ids: [3, 9, …], count: null, nextPath: '/odata/Users?…' }. */
export async function probe(port: number, request: BenchRequest): Promise<Probe> {
  const response = await send(port, request);
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    const n = Number(text);
    return { status: response.status, ids: null, count: Number.isFinite(n) && text.trim() !== '' ? n : null, entities: 0, nextPath: null };
  }
  const body = JSON.parse(text) as { value?: Array<{ Id?: unknown }>; Id?: unknown; '@odata.nextLink'?: string };
  const ids = body.value ? body.value.map((r) => Number(r.Id)) : body.Id !== undefined ? [Number(body.Id)] : null;
  const link = body['@odata.nextLink'];
  const nextPath = link ? (({ pathname, search }) => pathname + search)(new URL(link)) : null;
  const values = body.value && body.value.length > 0 && body.value.every((r) => r.Id === undefined) ? JSON.stringify(body.value) : undefined;
  return { status: response.status, ids, count: null, entities: countEntities(body.value ?? body), nextPath, ...(values === undefined ? {} : { values }) };
}

/**
 * Follows a tracked read (Prefer: odata.track-changes) to its last page: → the delta link's path,
 * `trackedDeltaPath(port, GET /odata/Users)` → '/odata/Users?$deltatoken=…'.
 */
export async function trackedDeltaPath(port: number, first: BenchRequest): Promise<string> {
  let request: BenchRequest = { ...first, headers: { ...first.headers, prefer: 'odata.track-changes' } };
  for (let page = 1; page <= 10_000; page++) {
    const response = await send(port, request);
    const body = (await response.json()) as { '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    if (response.status !== 200) throw new Error(`${request.path}: status ${response.status}`);
    const link = body['@odata.nextLink'] ?? body['@odata.deltaLink'];
    if (!link) throw new Error(`${request.path}: neither a nextLink nor a deltaLink`);
    const { pathname, search } = new URL(link);
    if (!body['@odata.nextLink']) return pathname + search;
    request = { ...request, path: pathname + search };
  }
  throw new Error(`${first.path}: no delta link after 10,000 pages`);
}

/** Follows nextLinks: `pageRequest(port, first, 50)` → first with path '/odata/Users?$top=5100&$skiptoken=…' (page 50). */
export async function pageRequest(port: number, first: BenchRequest, page: number): Promise<BenchRequest> {
  let request = first;
  for (let i = 1; i < page; i++) {
    const answer = await probe(port, request);
    if (!answer.nextPath) throw new Error(`page ${i} of ${first.path} has no nextLink (status ${answer.status})`);
    request = { ...request, path: answer.nextPath };
  }
  return request;
}

export interface PullResult {
  readonly rows: number;
  readonly pages: number;
  readonly seconds: number;
  readonly rowsPerSec: number;
}

/**
 * Rounds of one server's load as one result: requests, seconds, bytes and statuses summed (so the rate
 * is the whole time's), p50 and p99 the median of the rounds', the slowest response the slowest.
 *   combineLoads([{ requests: 100, seconds: 1, p50Ms: 2, … }, { requests: 300, seconds: 1, p50Ms: 1, … }]) → { requests: 400, seconds: 2, reqPerSec: 200, … }
 */
export function combineLoads(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 0) throw new Error('combineLoads needs at least one round');
  const sum = (pick: (r: LoadResult) => number | undefined) => rounds.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const median = (pick: (r: LoadResult) => number) => {
    const sorted = rounds.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] as number;
  };
  const byStatus: Record<string, number> = {};
  for (const r of rounds) for (const [status, n] of Object.entries(r.byStatus ?? {})) byStatus[status] = (byStatus[status] ?? 0) + n;
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  return {
    requests, seconds, reqPerSec: (requests - sum((r) => r.non2xx)) / seconds,
    p50Ms: median((r) => r.p50Ms), p99Ms: median((r) => r.p99Ms),
    non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors),
    maxMs: Math.max(...rounds.map((r) => r.maxMs ?? 0)), byStatus, bytes: sum((r) => r.bytes),
  };
}

/**
 * A scenario measured in alternating rounds, so that a slower or busier moment of a shared machine
 * falls on both servers alike instead of on one: ours then the baseline, then the baseline then ours, …
 * (ABBA), `rounds` times, each round `roundSeconds` long (or `roundAmount` requests: writes); each
 * server's rounds combined (combineLoads).
 */
export async function alternatingLoads(
  ports: { readonly ours: number; readonly baseline: number },
  sources: { readonly ours: RequestSource; readonly baseline: RequestSource },
  options: { readonly connections: number; readonly rounds: number; readonly roundSeconds: number; readonly roundAmount?: number },
): Promise<{ ours: LoadResult; baseline: LoadResult; ratios: number[] }> {
  const ours: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  const load = { connections: options.connections, durationSeconds: options.roundSeconds, amount: options.roundAmount };
  for (let round = 0; round < options.rounds; round += 1) {
    if (round % 2 === 0) {
      ours.push(await runLoad(ports.ours, sources.ours, load));
      baseline.push(await runLoad(ports.baseline, sources.baseline, load));
    } else {
      baseline.push(await runLoad(ports.baseline, sources.baseline, load));
      ours.push(await runLoad(ports.ours, sources.ours, load));
    }
  }
  const ratios = ours.map((r, i) => r.reqPerSec / (baseline[i] as LoadResult).reqPerSec);
  return { ours: combineLoads(ours), baseline: combineLoads(baseline), ratios };
}

/** The pull with the median rate: `medianPull([a 40k, b 50k, c 45k])` → c. */
export function medianPull(pulls: readonly PullResult[]): PullResult {
  const sorted = [...pulls].sort((a, b) => a.rowsPerSec - b.rowsPerSec);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('medianPull needs at least one pull');
  return middle;
}

/** A Power BI style refresh, one client, page after page until no nextLink: → { rows: 100000, pages: 100, seconds: 4.2, rowsPerSec: 23809 }. */
export async function fullPull(port: number, first: BenchRequest): Promise<PullResult> {
  const started = performance.now();
  let rows = 0;
  let pages = 0;
  for (let path: string | null = first.path; path; pages++) {
    const response = await send(port, { ...first, path });
    if (response.status !== 200) throw new Error(`full pull: ${path} answered ${response.status}`);
    const body = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string };
    rows += body.value.length;
    const link = body['@odata.nextLink'];
    path = link ? (({ pathname, search }) => pathname + search)(new URL(link)) : null;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows, pages, seconds, rowsPerSec: rows / seconds };
}
