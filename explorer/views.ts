/**
 * The explorer's views, each from a few OData reads with the caller's token (so each shows only what the
 * caller may see): a team (its chain of teams above, members, sub-teams, counts), a person (their teams,
 * the teams below theirs, who manages them), and people search results. Each returns the list it shows
 * as a FeedView for the Power BI / Excel panel.
 */
import { allPages, feedUrl, odata, quote } from './api';
import { h, show } from './dom';
import type { FeedView } from './feed';

type Row = Record<string, unknown>;

const PERSON_COLUMNS = ['Id', 'DisplayName', 'FirstName', 'LastName', 'Email', 'Department', 'IsActive'];

const teamLink = (id: unknown, name: unknown) => h('a', { href: `#team/${String(id)}` }, String(name));
const personLink = (id: unknown, name: unknown) => h('a', { href: `#person/${String(id)}` }, String(name ?? `#${String(id)}`));

/** A table of people: name (linking to the person), email, department. */
function peopleTable(people: readonly Row[], caption: string): HTMLTableElement {
  return h('table', { class: 'people' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'Department'), h('th', { scope: 'col' }, 'Active'))),
    h('tbody', {}, people.map((p) => h('tr', {},
      h('td', {}, personLink(p.Id, p.DisplayName ?? [p.FirstName, p.LastName].filter(Boolean).join(' '))),
      h('td', {}, String(p.Email ?? '')),
      h('td', {}, String(p.Department ?? '')),
      h('td', {}, p.IsActive === false ? 'no' : 'yes'))),
    ),
  );
}

/** The flat list a feed of people reads: `Users?$filter=…&$select=…&$orderby=DisplayName`. */
function peopleFeed(filter: string): string {
  return `/Users?$filter=${encodeURIComponent(filter)}&$select=${PERSON_COLUMNS.join(',')}&$orderby=DisplayName,Id`;
}

/** A team: where it sits, its members and sub-teams. → the members as a feed. */
export async function teamView(main: HTMLElement, id: number): Promise<FeedView> {
  const [team, above, subTeams, below] = await Promise.all([
    odata(`/OrganizationTeamHierarchies(${id})?$select=Id,Name,Description,ParentId`),
    allPages<Row>(`/OrganizationTeamHierarchies(${id})/Default.Ancestors()?$select=Id,Name`),
    allPages<Row>(`/OrganizationTeamHierarchies?$filter=${encodeURIComponent(`ParentId eq ${id}`)}&$select=Id,Name&$orderby=Name,Id`),
    odata<number>(`/OrganizationTeamHierarchies(${id})/Default.Descendants()/$count`).catch(() => null),
  ]);
  const membersPath = peopleFeed(`Memberships/any(m: m/OrganizationTeamHierarchyId eq ${id})`);
  const members = await allPages<Row>(membersPath);
  show(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Teams above' }, h('ol', {}, [...above.map((t) => h('li', {}, teamLink(t.Id, t.Name))), h('li', { 'aria-current': 'page' }, String(team.Name))])),
    h('h1', {}, String(team.Name)),
    team.Description ? h('p', { class: 'description' }, String(team.Description)) : null,
    h('ul', { class: 'counts' },
      h('li', {}, h('strong', {}, members.length), members.length === 1 ? ' member' : ' members'),
      h('li', {}, h('strong', {}, subTeams.length), subTeams.length === 1 ? ' sub-team' : ' sub-teams'),
      below !== null ? h('li', {}, h('strong', {}, String(below)), ' teams below in all') : null),
    peopleTable(members, `Members of ${String(team.Name)}`),
    subTeams.length > 0 ? h('section', {}, h('h2', {}, 'Sub-teams'), h('ul', { class: 'teams' }, subTeams.map((t) => h('li', {}, teamLink(t.Id, t.Name))))) : null,
  );
  return { title: `Members of ${String(team.Name)}`, url: feedUrl(membersPath), rows: members, columns: PERSON_COLUMNS };
}

/** A person: their teams, the teams below theirs (whose memberships they may change), and their managers. → their teams as a feed. */
export async function personView(main: HTMLElement, id: number): Promise<FeedView> {
  const personPath = `/Users(${id})?$select=${PERSON_COLUMNS.join(',')},UserName&$expand=${encodeURIComponent('Memberships($select=Id;$expand=OrganizationTeamHierarchy($select=Id,Name))')}`;
  const [person, managers] = await Promise.all([
    odata(personPath),
    allPages<Row>(`/Users(${id})/Default.Managers()?$select=Id,DisplayName,FirstName,LastName,Email,Department,IsActive&$orderby=DisplayName,Id`),
  ]);
  const teams = ((person.Memberships as Row[] | undefined) ?? []).map((m) => m.OrganizationTeamHierarchy as Row).filter(Boolean);
  const managed = await Promise.all(teams.map(async (t) => ({
    team: t,
    below: await allPages<Row>(`/OrganizationTeamHierarchies(${String(t.Id)})/Default.Descendants(MaxDepth=1)?$select=Id,Name&$orderby=Name,Id`),
  })));
  const name = String(person.DisplayName ?? ([person.FirstName, person.LastName].filter(Boolean).join(' ') || person.UserName));
  show(main,
    h('h1', {}, name),
    h('dl', { class: 'fields' }, ['UserName', 'Email', 'Department', 'IsActive'].flatMap((f) => [h('dt', {}, f), h('dd', {}, String(person[f] ?? '—'))])),
    h('section', {}, h('h2', {}, 'Teams'), teams.length === 0 ? h('p', {}, 'In no team.') : h('ul', { class: 'teams' }, teams.map((t) => h('li', {}, teamLink(t.Id, t.Name))))),
    h('section', {}, h('h2', {}, 'Teams they manage'),
      h('p', { class: 'hint' }, 'A member of a team may change the teams below it.'),
      managed.every((m) => m.below.length === 0) ? h('p', {}, 'No teams below theirs.') :
        h('ul', { class: 'teams' }, managed.filter((m) => m.below.length > 0).map((m) => h('li', {}, 'Below ', teamLink(m.team.Id, m.team.Name), ': ',
          m.below.flatMap((t, i) => [i > 0 ? ', ' : '', teamLink(t.Id, t.Name)]))))),
    h('section', {}, managers.length > 0 ? peopleTable(managers, 'Managed by (members of the teams above theirs)') : h('p', {}, 'Nobody above them that you can see.')),
  );
  const teamsPath = `/OrganizationTeamHierarchies?$filter=${encodeURIComponent(`Members/any(m: m/UserId eq ${id})`)}&$select=Id,Name,ParentId&$orderby=Name,Id`;
  return { title: `Teams of ${name}`, url: feedUrl(teamsPath), rows: teams, columns: ['Id', 'Name'] };
}

/** People whose names, email or org fields contain the words: → the results as a feed. */
export async function searchView(results: HTMLElement, text: string, signal: AbortSignal): Promise<FeedView | null> {
  const words = text.trim();
  if (words === '') {
    show(results);
    return null;
  }
  // $search takes words; quoting keeps a phrase (and any operator-like word) literal
  const search = `"${words.replace(/["\\]/g, ' ')}"`;
  const path = `/Users?$search=${encodeURIComponent(search)}&$select=${PERSON_COLUMNS.join(',')}&$orderby=DisplayName,Id&$top=25&$count=true`;
  const body = await odata<{ value: Row[]; '@odata.count'?: number }>(path, { signal });
  const count = body['@odata.count'] ?? body.value.length;
  show(results,
    h('p', { role: 'status', class: 'result-count' }, count === 0 ? `Nobody matches ${quote(words)}.` : `${count} ${count === 1 ? 'person matches' : 'people match'}${count > body.value.length ? ` (first ${body.value.length} shown)` : ''}.`),
    body.value.length > 0 ? h('ul', { class: 'results' }, body.value.map((p) => h('li', {}, personLink(p.Id, p.DisplayName ?? p.Email), p.Department ? h('span', { class: 'dept' }, ` · ${String(p.Department)}`) : null))) : null,
  );
  return { title: `People matching ${words}`, url: feedUrl(path.replace('&$top=25&$count=true', '')), rows: body.value, columns: PERSON_COLUMNS };
}
