/**
 * The demo organisation as a value: companies → teams (parent-first) → users (rows ready to insert) with
 * the names of the teams they belong to. Pure and deterministic (seeded PRNG, fixed dates): seeds/demo.ts
 * inserts it. `buildDemoPlan()` → the same two companies every time.
 */
import { FIRST_NAMES, LAST_NAMES, MONONYMS } from './demo-names';
import { CONTOSO_TEAMS, FABRIKAM_TEAMS, type TeamTree } from './demo-teams';
import { mulberry32, type Prng } from './prng';

export const DEMO_ADMIN = 'admin';
export const DEMO_MANAGER = 'alice.manager';
export const DEMO_READER = 'bob.reader';
export const DEMO_FABRIKAM_ADMIN = 'fabrikam.admin';
/** The team alice.manager belongs to (she sees every user under it) and bob.reader's leaf team. */
export const DEMO_MANAGER_TEAM = 'Engineering';
export const DEMO_READER_TEAM = 'API Gateway';

/** Every timestamp is BASE_TIME plus an offset, so two seeded databases are identical. */
const BASE_TIME = Date.UTC(2024, 0, 8, 9, 0, 0);
const HOUR = 3_600_000;

export interface PlannedTeam {
  readonly name: string;
  readonly description: string | null;
  readonly parentName: string | null;
  readonly depth: number;
  readonly created_at: Date;
}

/** A users row without company_id and id, plus the teams (by name) the user is a member of. */
export interface PlannedUser {
  readonly row: {
    user_name: string; email: string | null; first_name: string | null; last_name: string | null;
    display_name: string | null; external_id: string | null; organization: string | null;
    business: string | null; department: string | null; group_name: string | null; team_name: string | null;
    is_administrator: boolean; is_active: boolean; created_at: Date; updated_at: Date;
  };
  readonly teamNames: readonly string[];
}

export interface PlannedCompany {
  readonly name: string;
  readonly created_at: Date;
  /** Parent before child (breadth-first), as the closure trigger needs. */
  readonly teams: readonly PlannedTeam[];
  readonly users: readonly PlannedUser[];
}

interface CompanySpec {
  readonly tree: TeamTree;
  readonly domain: string;
  readonly seed: number;
  readonly generatedUsers: number;
  readonly adminUserName: string;
  readonly named: readonly NamedUser[];
}

/** A person placed by hand; without userName it is derived (first.last) like the generated ones. */
interface NamedUser { readonly userName?: string; readonly first: string; readonly last: string; readonly team: string }

const SPECS: readonly CompanySpec[] = [
  {
    tree: CONTOSO_TEAMS, domain: 'contoso.example', seed: 0xc0ffee, generatedUsers: 220, adminUserName: DEMO_ADMIN,
    named: [
      { userName: DEMO_MANAGER, first: 'Alice', last: 'Fairbanks', team: DEMO_MANAGER_TEAM },
      { userName: DEMO_READER, first: 'Bob', last: 'Ridley', team: DEMO_READER_TEAM },
      // Always present whatever the PRNG draws, for filter and collation examples: eq 'O''Neil', startswith 'Zo'.
      { first: 'Zoë', last: "O'Neil", team: 'Identity Services' },
      { first: 'Seán', last: "O'Brien", team: 'UK & Ireland Sales' },
      { first: 'Chloé', last: "D'Angelo", team: 'Design System' },
      { first: 'Søren', last: 'Løvland', team: 'Nordics Sales' },
    ],
  },
  { tree: FABRIKAM_TEAMS, domain: 'fabrikam.example', seed: 0xfab41c, generatedUsers: 19, adminUserName: DEMO_FABRIKAM_ADMIN, named: [] },
];

/** Flattens a tree breadth-first: [Contoso, Engineering, Sales, …, Platform, …]; each with its path of names. */
function flattenTeams(root: TeamTree): Array<{ tree: TeamTree; path: string[] }> {
  const out: Array<{ tree: TeamTree; path: string[] }> = [];
  const queue = [{ tree: root, path: [root.name] }];
  for (let item = queue.shift(); item; item = queue.shift()) {
    out.push(item);
    for (const child of item.tree.children ?? []) queue.push({ tree: child, path: [...item.path, child.name] });
  }
  return out;
}

/** 'Zoë' → 'zoe', "O'Neil" → 'oneil', 'van der Berg' → 'vanderberg', 'Łukasz' → 'lukasz'. */
export function emailPart(name: string): string {
  const special: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', đ: 'd', ı: 'i' };
  return name
    .toLowerCase()
    .replace(/[øłßæđı]/g, (c) => special[c] ?? c)
    .normalize('NFD')
    .replace(/[^a-z0-9-]/g, '');
}

/** A version-4-shaped UUID drawn from the PRNG: 'c2a6e0f4-…'. */
function uuidFrom(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => prng.int(16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + prng.int(4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function planCompany(spec: CompanySpec, companyIndex: number): PlannedCompany {
  const prng = mulberry32(spec.seed);
  const flat = flattenTeams(spec.tree);
  const pathOf = new Map(flat.map((f) => [f.tree.name, f.path]));
  const companyName = spec.tree.name;
  const teams: PlannedTeam[] = flat.map((f, i) => ({
    name: f.tree.name,
    description: f.tree.description ?? null,
    parentName: f.path.length > 1 ? (f.path[f.path.length - 2] as string) : null,
    depth: f.path.length - 1,
    created_at: new Date(BASE_TIME + companyIndex * 1000 * HOUR + i * HOUR),
  }));
  // One member for every team first (the first lands in the root: the CEO), then by weight.
  const weighted = flat.flatMap((f) => Array<string>(f.tree.weight ?? 1).fill(f.tree.name));
  const takenLocalParts = new Set<string>([spec.adminUserName, ...spec.named.flatMap((n) => n.userName ?? [])]);
  const users: PlannedUser[] = [];
  let clock = BASE_TIME + companyIndex * 1000 * HOUR;

  const addUser = (u: {
    userName?: string; first: string | null; last: string | null; team: string | null;
    admin?: boolean; active?: boolean; secondTeam?: string | null; dropDepartment?: boolean; dropExternalId?: boolean;
  }): void => {
    let userName = u.userName;
    if (userName === undefined) {
      const base = [u.first, u.last].filter((p): p is string => p !== null).map(emailPart).join('.');
      userName = base;
      for (let n = 2; takenLocalParts.has(userName); n++) userName = `${base}${n}`;
    }
    takenLocalParts.add(userName);
    const path = u.team === null ? [companyName] : (pathOf.get(u.team) ?? []);
    clock += 7 * HOUR;
    const createdAt = new Date(clock);
    const externalId = uuidFrom(prng);
    users.push({
      row: {
        user_name: userName,
        email: `${userName}@${spec.domain}`,
        first_name: u.first,
        last_name: u.last,
        display_name: [u.first, u.last].filter((p) => p !== null).join(' ') || null,
        external_id: u.dropExternalId ? null : externalId,
        organization: companyName,
        business: path[1] ?? null,
        department: u.dropDepartment ? null : (path[2] ?? null),
        group_name: path[3] ?? null,
        team_name: u.team === null ? null : (path[path.length - 1] ?? null),
        is_administrator: u.admin ?? false,
        is_active: u.active ?? true,
        created_at: createdAt,
        updated_at: prng.chance(0.2) ? new Date(clock + (1 + prng.int(90)) * 24 * HOUR) : createdAt,
      },
      teamNames: [u.team, u.secondTeam].filter((t): t is string => t !== null && t !== undefined),
    });
  };

  addUser({ userName: spec.adminUserName, first: companyName, last: 'Administrator', team: null, admin: true });
  for (const named of spec.named) addUser({ userName: named.userName, first: named.first, last: named.last, team: named.team });
  for (let i = 0; i < spec.generatedUsers; i++) {
    const team = i < flat.length ? (flat[i]?.tree.name as string) : prng.pick(weighted);
    const mononym = i % 40 === 7;
    const first = mononym ? prng.pick(MONONYMS) : i % 60 === 33 ? null : prng.pick(FIRST_NAMES);
    const last = mononym ? null : prng.pick(LAST_NAMES);
    let secondTeam: string | null = prng.chance(0.25) ? prng.pick(weighted) : null;
    if (secondTeam === team || secondTeam === companyName) secondTeam = null;
    addUser({
      first,
      last,
      team,
      secondTeam,
      active: i % 50 !== 12,
      dropDepartment: prng.chance(0.05),
      dropExternalId: prng.chance(0.05),
    });
  }
  return { name: companyName, created_at: new Date(BASE_TIME + companyIndex * 1000 * HOUR - 24 * HOUR), teams, users };
}

/** The whole demo: [Contoso (47 teams, 227 users), Fabrikam (6 teams, 20 users)]. */
export function buildDemoPlan(): PlannedCompany[] {
  return SPECS.map(planCompany);
}
