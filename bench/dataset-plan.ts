/**
 * Benchmark dataset, step 2: every row of every company as a value (pure, seeded, no I/O); generate.ts
 * inserts it. Names come from the demo seed's pools; departments and organisations are skewed ('Platform'
 * is common), some values are null; every user is in at least one team, no membership twice. Users 0 and 1
 * of each company are `bench.admin` and `bench.manager` (a member of one depth-2 team: the non-admin case).
 * Projects (owner: one of the company's users with an email; 0–4 repositories, 0–3 services) and their
 * project-people mappings (3–10 users with emails each) come from a second PRNG: users and teams stay as before.
 */
import { FIRST_NAMES, LAST_NAMES, MONONYMS } from '../seeds/demo-names';
import { emailPart } from '../seeds/demo-plan';
import { mulberry32, type Prng } from '../seeds/prng';
import { growTeamTree, type TreeTeam } from './team-tree';

export interface DatasetSizes {
  readonly usersPerCompany: number;
  readonly teamsPerCompany: number;
  readonly membershipsPerCompany: number;
  readonly companies: number;
  /** The deepest team is at least this deep (root = 0). */
  readonly minDepth: number;
  /** Projects per company (default 0), each with 3–10 people (project-people mappings). */
  readonly projectsPerCompany?: number;
}

export const BENCH_ADMIN = 'bench.admin';
export const BENCH_MANAGER = 'bench.manager';

/** A users row without company_id and id (column names as in the table). */
export interface PlannedUserRow {
  user_name: string; email: string | null; first_name: string | null; last_name: string | null;
  display_name: string | null; external_id: string | null; organization: string | null; business: string | null;
  department: string | null; group_name: string | null; team_name: string | null;
  is_administrator: boolean; is_active: boolean; created_at: string; updated_at: string;
}

/** A projects row without company_id and id; `owner` is the index of the user whose name and email it carries. */
export interface PlannedProjectRow {
  project_id: string; project_name: string; external_id: string | null; organization: string | null; business: string | null;
  department: string | null; group_name: string | null; team_name: string | null;
  project_owner: { FirstName: string | null; LastName: string | null; Email: string };
  assets: { Repositories: Array<{ Name: string; Platform: string; Url: string }>; Services: Array<{ Name: string; Identifier: string; ExternalId: string | null; Dependencies: string[] }> };
  created_at: string; updated_at: string;
  owner: number;
}

/** A project-people mapping: the project and the user (indices in the company's plan); attribute1/2 are their ProjectId and email. */
export interface PlannedProjectPerson {
  readonly project: number;
  readonly user: number;
}

export const PROJECT_PEOPLE = 'project-people';

export interface PlannedBenchTeam extends TreeTeam {
  readonly name: string;
  readonly description: string | null;
  readonly created_at: string;
}

export interface PlannedBenchCompany {
  readonly name: string;
  readonly teams: readonly PlannedBenchTeam[];
  readonly users: readonly PlannedUserRow[];
  /** [user index, team index] pairs, unique. */
  readonly memberships: ReadonlyArray<readonly [number, number]>;
  /** Index of bench.manager's team (depth 2) and how many distinct users its subtree holds. */
  readonly managerTeam: number;
  readonly managerSubtreeUsers: number;
  readonly maxDepth: number;
  readonly projects: readonly PlannedProjectRow[];
  /** Unique (project, user) pairs, by project. */
  readonly projectPeople: readonly PlannedProjectPerson[];
}

const BASE_TIME = Date.UTC(2023, 0, 2, 8, 0, 0);
const MINUTE = 60_000;
const AREAS = ['Platform', 'Payments', 'Identity', 'Search', 'Data', 'Mobile', 'Web', 'Billing', 'Growth', 'Security',
  'Infrastructure', 'Analytics', 'Support', 'Sales', 'Marketing', 'Finance', 'Legal', 'People', 'Design', 'Research'];
const KINDS = ['Team', 'Squad', 'Group', 'Unit', 'Chapter', 'Guild', 'Lab', 'Cell'];
/** [value, weight]: 'Platform' is the most common department by far. */
const DEPARTMENTS: ReadonlyArray<readonly [string, number]> = [
  ['Platform', 22], ['Sales', 14], ['Engineering', 12], ['Support', 10], ['Marketing', 8], ['Finance', 6], ['Operations', 6],
  ['Data', 5], ['Security', 4], ['Design', 3], ['Legal', 2], ['People', 2], ['Research', 2], ['Procurement', 1], ['Facilities', 1],
];
const ORGANIZATIONS: ReadonlyArray<readonly [string, number]> = [['Corporate', 60], ['Europe', 20], ['Americas', 15], ['Asia Pacific', 5]];

/** Draws indices by weight: `weightedPicker([3, 1])(prng)` → 0 three times as often as 1. */
function weightedPicker(weights: readonly number[]): (prng: Prng) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (prng) => {
    const x = prng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

function pickWeighted(pool: ReadonlyArray<readonly [string, number]>): (prng: Prng) => string {
  const pick = weightedPicker(pool.map(([, w]) => w));
  return (prng) => (pool[pick(prng)] as readonly [string, number])[0];
}

const department = pickWeighted(DEPARTMENTS);
const organization = pickWeighted(ORGANIZATIONS);

function ancestorAt(teams: readonly TreeTeam[], index: number, depth: number): number | null {
  let i: number | null = index;
  while (i !== null && (teams[i] as TreeTeam).depth > depth) i = (teams[i] as TreeTeam).parent;
  return i !== null && (teams[i] as TreeTeam).depth === depth ? i : null;
}

/** The depth-2 team for bench.manager: a subtree near `target` users that holds a movable depth-6 team if any does. */
function chooseManagerTeam(teams: readonly TreeTeam[], memberships: ReadonlyArray<readonly [number, number]>, target: number) {
  const usersUnder = new Map<number, Set<number>>();
  for (const [user, team] of memberships) {
    const top = ancestorAt(teams, team, 2);
    if (top === null) continue;
    let set = usersUnder.get(top);
    if (!set) usersUnder.set(top, (set = new Set()));
    set.add(user);
  }
  const children = new Map<number, number>();
  for (const t of teams) if (t.parent !== null) children.set(t.parent, (children.get(t.parent) ?? 0) + 1);
  const movable = new Set<number>();
  teams.forEach((t, i) => {
    const grand = t.depth === 6 && t.parent !== null ? (teams[t.parent] as TreeTeam).parent : null;
    if (grand !== null && (children.get(grand) ?? 0) >= 2) movable.add(ancestorAt(teams, i, 2) as number);
  });
  const candidates = teams.map((t, i) => i).filter((i) => (teams[i] as TreeTeam).depth === 2);
  const score = (i: number) => (movable.has(i) ? 0 : 1e9) + Math.abs((usersUnder.get(i)?.size ?? 0) - target);
  const best = candidates.reduce((a, b) => (score(b) < score(a) ? b : a));
  return { team: best, users: usersUnder.get(best)?.size ?? 0 };
}

const PLATFORMS = ['GitHub', 'GitHub', 'GitHub', 'GitLab', 'Bitbucket', 'Azure DevOps'];
const SERVICE_KINDS = ['api', 'worker', 'web', 'gateway', 'scheduler', 'indexer'];

/** Projects and their people for one company, from their own PRNG (the users' rows are not affected). */
function planProjects(users: readonly PlannedUserRow[], count: number, companyIndex: number, prng: Prng, at: (ms: number) => string) {
  const withEmail = users.map((u, i) => i).filter((i) => users[i]?.email !== null);
  const projects: PlannedProjectRow[] = [];
  const projectPeople: PlannedProjectPerson[] = [];
  for (let p = 0; p < count; p++) {
    const owner = prng.pick(withEmail);
    const user = users[owner] as PlannedUserRow;
    const area = prng.pick(AREAS);
    const slug = `${area.toLowerCase()}-${p + 1}`;
    const repositories = Array.from({ length: prng.int(5) }, (_, r) => {
      const platform = prng.pick(PLATFORMS);
      const name = r === 0 ? slug : `${slug}-${prng.pick(SERVICE_KINDS)}-${r}`;
      return { Name: name, Platform: platform, Url: `https://${platform.toLowerCase().replace(/ /g, '')}.example/bench${companyIndex + 1}/${name}` };
    });
    const services: PlannedProjectRow['assets']['Services'] = [];
    for (let k = prng.int(4) - 1; k >= 0; k--) {
      const before = services[prng.int(services.length + 1)];
      services.push({
        Name: `${slug}-${prng.pick(SERVICE_KINDS)}-${services.length}`,
        Identifier: `svc-${companyIndex + 1}-${p + 1}-${services.length}`,
        ExternalId: prng.chance(0.5) ? null : `SVC-${(p * 7919 + services.length) % 100_000}`,
        Dependencies: before ? [before.Name] : [],
      });
    }
    const created = at(p * 13 * MINUTE);
    projects.push({
      project_id: String(2_300_000 + p),
      project_name: `${area} ${prng.pick(['Portal', 'Pipeline', 'Engine', 'Service', 'Platform', 'Console', 'Gateway', 'Toolkit'])} ${p + 1}`,
      external_id: prng.chance(0.1) ? null : `PRJ-${companyIndex + 1}-${p + 1}`,
      organization: user.organization, business: user.business, department: user.department,
      group_name: user.group_name, team_name: user.team_name,
      project_owner: { FirstName: user.first_name, LastName: user.last_name, Email: user.email as string },
      assets: { Repositories: repositories, Services: services },
      created_at: created,
      updated_at: prng.chance(0.3) ? at(p * 13 * MINUTE + (1 + prng.int(60)) * 1440 * MINUTE) : created,
      owner,
    });
    const people = new Set<number>([owner]);
    const size = 3 + prng.int(8);
    while (people.size < Math.min(size, withEmail.length)) people.add(prng.pick(withEmail));
    for (const person of [...people].sort((a, b) => a - b)) projectPeople.push({ project: p, user: person });
  }
  return { projects, projectPeople };
}

function planCompany(sizes: DatasetSizes, companyIndex: number, seed: number): PlannedBenchCompany {
  const prng = mulberry32(seed);
  const { teams: shape, maxDepth } = growTeamTree(sizes.teamsPerCompany, sizes.minDepth, prng);
  const at = (ms: number) => new Date(BASE_TIME + companyIndex * 30 * 1440 * MINUTE + ms).toISOString();
  const teams: PlannedBenchTeam[] = shape.map((t, i) => ({
    ...t,
    name: i === 0 ? `Benchmark Corp ${companyIndex + 1}` : `${prng.pick(AREAS)} ${prng.pick(KINDS)} ${i}`,
    description: prng.chance(0.3) ? null : `Team ${i} at level ${t.depth}`,
    created_at: at(i * MINUTE),
  }));
  // heavy-tailed team sizes: most teams small, a few large
  const teamOf = weightedPicker(shape.map(() => 1 + Math.floor(30 * prng.next() ** 4)));
  const memberships: Array<readonly [number, number]> = [];
  const seen = new Set<number>();
  const addMembership = (user: number, team: number): boolean => {
    const key = user * sizes.teamsPerCompany + team;
    if (seen.has(key)) return false;
    seen.add(key);
    memberships.push([user, team]);
    return true;
  };
  const primary: number[] = [];
  for (let u = 0; u < sizes.usersPerCompany; u++) {
    primary.push(u === 0 ? 0 : teamOf(prng));
    if (u !== 1) addMembership(u, primary[u] as number); // the manager joins his team below
  }
  const extra = sizes.membershipsPerCompany - sizes.usersPerCompany;
  for (let added = 0; added < extra; ) if (addMembership(2 + prng.int(sizes.usersPerCompany - 2), teamOf(prng))) added++;
  const manager = chooseManagerTeam(shape, memberships, Math.min(3000, Math.round(sizes.usersPerCompany / 4)));
  primary[1] = manager.team;
  addMembership(1, manager.team);

  const takenNames = new Map<string, number>();
  const users: PlannedUserRow[] = [];
  for (let u = 0; u < sizes.usersPerCompany; u++) {
    const mononym = prng.chance(0.03);
    const first = mononym ? prng.pick(MONONYMS) : prng.chance(0.01) ? null : prng.pick(FIRST_NAMES);
    const last = mononym ? null : prng.pick(LAST_NAMES);
    const base = u === 0 ? BENCH_ADMIN : u === 1 ? BENCH_MANAGER : [first, last].filter((p): p is string => p !== null).map(emailPart).join('.');
    const n = (takenNames.get(base) ?? 0) + 1;
    takenNames.set(base, n);
    const userName = n === 1 ? base : `${base}${n}`;
    const team = primary[u] as number;
    const created = at(u * 7 * MINUTE);
    users.push({
      user_name: userName,
      email: prng.chance(0.02) && u > 1 ? null : `${userName}@bench${companyIndex + 1}.example`,
      first_name: first,
      last_name: last,
      display_name: [first, last].filter((p) => p !== null).join(' ') || null,
      external_id: prng.chance(0.05) ? null : `EXT-${companyIndex + 1}-${(u * 2654435761) % 4294967296}`,
      organization: prng.chance(0.03) ? null : organization(prng),
      business: teams[ancestorAt(shape, team, 1) ?? 0]?.name ?? null,
      department: prng.chance(0.05) ? null : department(prng),
      group_name: ((g) => (g === null ? null : (teams[g]?.name ?? null)))(ancestorAt(shape, team, 2)),
      team_name: teams[team]?.name ?? null,
      is_administrator: u === 0,
      is_active: u <= 1 || !prng.chance(0.02),
      created_at: created,
      updated_at: prng.chance(0.2) ? at(u * 7 * MINUTE + (1 + prng.int(90)) * 1440 * MINUTE) : created,
    });
  }
  const { projects, projectPeople } = planProjects(users, sizes.projectsPerCompany ?? 0, companyIndex, mulberry32((seed ^ 0x5bd1e995) >>> 0), at);
  return { name: teams[0]?.name as string, teams, users, memberships, managerTeam: manager.team, managerSubtreeUsers: manager.users, maxDepth, projects, projectPeople };
}

/**
 * `planDataset({ usersPerCompany: 300, teamsPerCompany: 60, membershipsPerCompany: 450, companies: 2, minDepth: 8, projectsPerCompany: 20 }, 42)`
 *   → two companies, each 60 teams (depth ≥ 8), 300 users, 450 unique memberships, 20 projects with 3–10 people
 *   each; identical for the same seed.
 */
export function planDataset(sizes: DatasetSizes, seed: number): PlannedBenchCompany[] {
  if (sizes.membershipsPerCompany < sizes.usersPerCompany) {
    throw new RangeError(`membershipsPerCompany (${sizes.membershipsPerCompany}) must be at least usersPerCompany (${sizes.usersPerCompany})`);
  }
  if (sizes.usersPerCompany < 3) throw new RangeError('usersPerCompany must be at least 3');
  if (sizes.membershipsPerCompany > (sizes.usersPerCompany * sizes.teamsPerCompany) / 2) {
    throw new RangeError('membershipsPerCompany must be at most half of usersPerCompany × teamsPerCompany');
  }
  return Array.from({ length: sizes.companies }, (_, c) => planCompany(sizes, c, (seed + c * 0x9e3779b1) >>> 0));
}
