/**
 * The benchmark's scenarios as data: for each, the request our OData server gets and the equivalent
 * request to the hand-written baseline (same company, same caller, same rows). Names are stable: reports
 * and issues refer to them. Pure: building requests does no I/O (page 50 is found by the runner).
 */
import { Projects } from '../odata/model/entity-sets';
import type { Fixtures } from './fixtures';
import { trackedDeltaPath, type BenchRequest, type RequestSource } from './measure';

export interface LoadScenario {
  readonly kind: 'load';
  readonly name: string;
  readonly what: string;
  readonly ours: RequestSource;
  readonly baseline: RequestSource;
  /** Writes: a fixed number of requests per server, no warm-up, no response comparison. */
  readonly write: boolean;
}

export interface PullScenario {
  readonly kind: 'pull';
  readonly name: string;
  readonly what: string;
  readonly ours: BenchRequest;
  readonly baseline: BenchRequest;
}

export interface MissingScenario {
  readonly kind: 'missing';
  readonly name: string;
  readonly what: string;
}

export type Scenario = LoadScenario | PullScenario | MissingScenario;

export interface ScenarioContext {
  readonly fixtures: Fixtures;
  readonly adminToken: string;
  readonly managerToken: string;
  /** Page 50 of page-1's request, found by following nextLinks on each server. */
  readonly page50: { readonly ours: BenchRequest; readonly baseline: BenchRequest };
  /** The delta scenario's requests once its changes are made (deltaRequests), or none: it is left out. */
  readonly delta?: { readonly ours: BenchRequest; readonly baseline: BenchRequest };
}

/**
 * The delta scenario's requests: Users read in full on both servers — ours tracking changes, to its delta
 * link; the baseline keeping the snapshot — then DELTA_CHANGES users updated (the serving process's
 * POST /__changes): → ours follows the delta link, the baseline asks for the changes since its snapshot.
 */
export async function prepareDelta(
  served: { readonly ours: number; readonly baseline: number }, ctx: Pick<ScenarioContext, 'adminToken' | 'fixtures'>, log: (line: string) => void = () => {},
): Promise<NonNullable<ScenarioContext['delta']>> {
  const deltaPath = await trackedDeltaPath(served.ours, get(odataPath('Users'), { authorization: `Bearer ${ctx.adminToken}` }));
  const json = async <T>(route: string, method: string) => (await (await fetch(`http://127.0.0.1:${served.baseline}${route}`, { method })).json()) as T;
  const { horizon } = await json<{ horizon: string }>('/users/horizon', 'GET');
  const { changed } = await json<{ changed: number }>(`/__changes?n=${DELTA_CHANGES}`, 'POST');
  log(`  delta: ${changed} users changed after a full read`);
  return {
    ours: get(deltaPath, { authorization: `Bearer ${ctx.adminToken}` }),
    baseline: get(`/users/changes?since=${encodeURIComponent(horizon)}`, { 'x-bench-company': String(ctx.fixtures.companyId) }),
  };
}

/** `odataPath('Users', { $top: '50' })` → '/odata/Users?$top=50' (values percent-encoded, names kept). */
export function odataPath(resource: string, options: Readonly<Record<string, string>> = {}): string {
  const query = Object.entries(options).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `/odata/${resource}${query ? `?${query}` : ''}`;
}

const get = (path: string, headers: Readonly<Record<string, string>>): BenchRequest => ({ method: 'GET', path, headers });
const always = (request: BenchRequest): RequestSource => () => request;

/** Cycles through `items`: `rotate([1, 2])` → 1, 2, 1, 2, … */
function rotate<T>(items: readonly T[], make: (item: T) => BenchRequest): RequestSource {
  let i = 0;
  return () => make(items[i++ % items.length] as T);
}

export const PAGE_SIZE = 100;

/** Users the delta scenario changes after the full read. */
export const DELTA_CHANGES = 100;

/** The first page of page-1 / page-50 on each server: → { ours: GET /odata/Users?$top=10000 (Prefer: odata.maxpagesize=100), baseline: GET /users?limit=100 }. */
export function firstPages(ctx: Omit<ScenarioContext, 'page50'>): { ours: BenchRequest; baseline: BenchRequest } {
  const company = String(ctx.fixtures.companyId);
  return {
    ours: get(odataPath('Users', { $top: '10000' }), { authorization: `Bearer ${ctx.adminToken}`, prefer: `odata.maxpagesize=${PAGE_SIZE}` }),
    baseline: get(`/users?limit=${PAGE_SIZE}`, { 'x-bench-company': company }),
  };
}

/** Why projects-people cannot run, or null when it can: the People navigation and mappings in the dataset. */
export function projectsPeopleMissing(fixtures: Pick<Fixtures, 'projectPeople'>, hasPeople = Projects.navigations.some((n) => n.name === 'People')): string | null {
  if (!hasPeople) return 'n/a (Projects/People is not in the server yet)';
  if (fixtures.projectPeople === 0) return 'n/a (no project-people mappings in the dataset: no mappings table when it was generated)';
  return null;
}

/** Every scenario, in the order they run: → [point, prefix-sort, count-department, …, apply-department, apply-team-members, descendants, expand, levels, delta, projects-owner, projects-people]. */
export function buildScenarios(ctx: ScenarioContext): Scenario[] {
  const { fixtures } = ctx;
  const admin = { authorization: `Bearer ${ctx.adminToken}` };
  const manager = { authorization: `Bearer ${ctx.managerToken}` };
  const company = { 'x-bench-company': String(fixtures.companyId) };
  const asManager = { ...company, 'x-bench-user': String(fixtures.managerId) };
  const json = { 'content-type': 'application/json' };
  const prefixSort = odataPath('Users', { $filter: "startswith(LastName,'Sm')", $orderby: 'LastName,FirstName', $top: '50' });
  const first = firstPages(ctx);
  const load = (name: string, what: string, ours: RequestSource, baseline: RequestSource, write = false): LoadScenario =>
    ({ kind: 'load', name, what, ours, baseline, write });

  const oursPairs = ctx.fixtures.membershipPairs.filter((_, i) => i % 2 === 0);
  const baselinePairs = ctx.fixtures.membershipPairs.filter((_, i) => i % 2 === 1);
  const move = fixtures.moveTeam;
  const toggle = (make: (parent: number) => BenchRequest): RequestSource => {
    let i = 0;
    return () => make(i++ % 2 === 0 ? (move as NonNullable<typeof move>).away : (move as NonNullable<typeof move>).home);
  };

  const scenarios: Scenario[] = [
    load('point', 'GET Users(<id>), 1000 ids in rotation',
      rotate(fixtures.pointIds, (id) => get(odataPath(`Users(${id})`), admin)),
      rotate(fixtures.pointIds, (id) => get(`/users/${id}`, company))),
    load('prefix-sort', "Users?$filter=startswith(LastName,'Sm')&$orderby=LastName,FirstName&$top=50 (admin)",
      always(get(prefixSort, admin)), always(get('/users?lastNamePrefix=Sm&limit=50', company))),
    load('count-department', "Users/$count?$filter=Department eq 'Platform'",
      always(get(odataPath('Users/$count', { $filter: "Department eq 'Platform'" }), admin)), always(get('/users/count?department=Platform', company))),
    load('contains-lower', "Users?$filter=contains(tolower(DisplayName),'ann')&$top=50",
      always(get(odataPath('Users', { $filter: "contains(tolower(DisplayName),'ann')", $top: '50' }), admin)),
      always(get('/users?displayNameContains=ann&limit=50', company))),
    load('page-1', `Users?$top=10000, Prefer: odata.maxpagesize=${PAGE_SIZE}: the first page`, always(first.ours), always(first.baseline)),
    load('page-50', 'the same, page 50 ($skiptoken from 49 nextLinks; baseline: WHERE id > $last)', always(ctx.page50.ours), always(ctx.page50.baseline)),
    load('non-admin', `prefix-sort as bench.manager (non-admin, sees ${fixtures.managerVisibleUsers} users)`,
      always(get(prefixSort, manager)), always(get('/users?lastNamePrefix=Sm&limit=50', asManager))),
    {
      kind: 'pull', name: 'full-pull', what: 'every user of the company, following nextLinks (pages of 1000), 1 client',
      ours: get(odataPath('Users'), admin), baseline: get('/users?limit=1000', company),
    },
    load('write-membership', 'POST OrganizationTeamMemberHierarchies as bench.manager (unique pairs in his subtree)',
      rotate(oursPairs, ([user, team]) => ({ method: 'POST', path: odataPath('OrganizationTeamMemberHierarchies'), headers: { ...manager, ...json },
        body: JSON.stringify({ UserId: user, OrganizationTeamHierarchyId: team }) })),
      rotate(baselinePairs, ([user, team]) => ({ method: 'POST', path: '/memberships', headers: { ...asManager, ...json },
        body: JSON.stringify({ userId: user, teamId: team }) })),
      true),
  ];
  if (move) {
    scenarios.push(load('move-team', `PATCH a depth-6 team (${move.team}) to a sibling parent and back, as bench.manager`,
      toggle((parent) => ({ method: 'PATCH', path: odataPath(`OrganizationTeamHierarchies(${move.team})`), headers: { ...manager, ...json },
        body: JSON.stringify({ ParentId: parent }) })),
      toggle((parent) => ({ method: 'PATCH', path: `/teams/${move.team}`, headers: { ...asManager, ...json }, body: JSON.stringify({ parentId: parent }) })),
      true));
  } else {
    scenarios.push({ kind: 'missing', name: 'move-team', what: 'n/a (no depth-6 team with a sibling parent in the manager\'s subtree)' });
  }
  scenarios.push(
    load('apply-department', 'Users?$apply=groupby((Department),aggregate($count as N)) (admin): head-count per department',
      always(get(odataPath('Users', { $apply: 'groupby((Department),aggregate($count as N))' }), admin)), always(get('/users/per-department', company))),
    load('apply-team-members', 'OrganizationTeamMemberHierarchies?$apply=groupby((OrganizationTeamHierarchy/Name),aggregate($count as N)): members per team, first page',
      always(get(odataPath('OrganizationTeamMemberHierarchies', { $apply: 'groupby((OrganizationTeamHierarchy/Name),aggregate($count as N))' }), admin)),
      always(get('/teams/member-counts', company))),
    ...(fixtures.depth2Team === null
      ? [{ kind: 'missing' as const, name: 'descendants', what: 'n/a (no team at depth 2)' }]
      : [load('descendants', `OrganizationTeamHierarchies(${fixtures.depth2Team})/Default.Descendants(): the teams below a depth-2 team, first page`,
        always(get(odataPath(`OrganizationTeamHierarchies(${fixtures.depth2Team})/Default.Descendants()`), admin)),
        always(get(`/teams/${fixtures.depth2Team}/descendants`, company)))]),
    load('expand', 'OrganizationTeamHierarchies?$expand=Members($top=20)&$top=50',
      always(get(odataPath('OrganizationTeamHierarchies', { $expand: 'Members($top=20)', $top: '50' }), admin)),
      always(get('/teams?limit=50&members=20', company))),
    load('levels', 'OrganizationTeamHierarchies?$filter=ParentId eq null&$expand=Children($levels=max): the whole tree',
      always(get(odataPath('OrganizationTeamHierarchies', { $filter: 'ParentId eq null', $expand: 'Children($levels=max)' }), admin)),
      always(get('/teams/tree', company))),
  );
  if (fixtures.ownerEmails.length > 0) {
    scenarios.push(load('projects-owner', `Projects?$filter=ProjectOwner/Email eq '<email>', ${fixtures.ownerEmails.length} owners in rotation (admin)`,
      rotate(fixtures.ownerEmails, (email) => get(odataPath('Projects', { $filter: `ProjectOwner/Email eq '${email.replace(/'/g, "''")}'` }), admin)),
      rotate(fixtures.ownerEmails, (email) => get(`/projects?ownerEmail=${encodeURIComponent(email)}`, company))));
  } else {
    scenarios.push({ kind: 'missing', name: 'projects-owner', what: 'n/a (no projects in the dataset)' });
  }
  scenarios.push(ctx.delta
    ? load('delta', `Users?$deltatoken=…: the changes after ${DELTA_CHANGES} users were updated since a full read (admin)`, always(ctx.delta.ours), always(ctx.delta.baseline))
    : { kind: 'missing', name: 'delta', what: 'n/a (not prepared)' });
  const noPeople = projectsPeopleMissing(fixtures);
  if (noPeople === null) {
    scenarios.push(load('projects-people', 'Projects?$expand=People($select=Id,DisplayName,Email)&$top=50 (admin)',
      always(get(odataPath('Projects', { $expand: 'People($select=Id,DisplayName,Email)', $top: '50' }), admin)),
      always(get('/projects?limit=50&people=1', company))));
  } else {
    scenarios.push({ kind: 'missing', name: 'projects-people', what: noPeople });
  }
  return scenarios;
}
