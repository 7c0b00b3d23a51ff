/**
 * `$expand` and `$levels` end to end through HTTP on the real database: expanded entities and their nested
 * options, single-valued and multi-level expansions, `$levels` trees, truncated collections and their
 * nextLinks, row visibility and company scoping inside expansions, the 400s, and the page's one statement.
 * Expected values are computed from the database with knex, never taken from a response.
 */
import { expect } from 'chai';
import type { Express } from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { createApp } from '../../server/app';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import type { ReadRouter } from '../../server/db/read-router';
import {
  collationRanks, createCompany, expectedVisibleUserIds, expectError, expectJson, followAll, HOST, ids, odataComparator, ORIGIN, pathOf, sorted, type Row,
} from './helpers';

const IEEE = { Accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true' };
const PAGE2 = { Prefer: 'odata.maxpagesize=2' };

interface Membership {
  readonly id: number;
  readonly userId: number;
  readonly teamId: number;
  readonly etag: string;
}

interface Team {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly etag: string;
}

const etagOf = (version: unknown) => `W/"${String(version)}"`;

/** A company's memberships, in Id order. */
async function membershipsOf(db: Knex, companyId: number): Promise<Membership[]> {
  const rows = (await db('organization_team_member_hierarchies').where({ company_id: companyId }).orderBy('id')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), teamId: Number(r.organization_team_hierarchy_id), etag: etagOf(r.row_version) }));
}

/** A company's teams, in Id order. */
async function teamsOf(db: Knex, companyId: number): Promise<Team[]> {
  const rows = (await db('organization_team_hierarchies').where({ company_id: companyId }).orderBy('id')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), parentId: r.parent_id === null ? null : Number(r.parent_id), name: String(r.name), etag: etagOf(r.row_version) }));
}


/** The value of a collection response, or of one expanded navigation of an entity. */
const rowsOf = (body: Row, name = 'value') => body[name] as Row[];

/** [id, parentId] of every team in an expanded `Children` tree below `node` (pre-order). */
function flattenChildren(node: Row, out: [number, number][] = []): [number, number][] {
  for (const child of (node.Children as Row[] | undefined) ?? []) {
    out.push([child.Id as number, node.Id as number]);
    flattenChildren(child, out);
  }
  return out;
}

/** The depth of an expanded `Children` tree below `node` (0 when it has no Children key). */
function childrenDepth(node: Row): number {
  const children = node.Children as Row[] | undefined;
  if (children === undefined) return 0;
  return 1 + Math.max(0, ...children.map(childrenDepth));
}

/** Builds the DB's children lists: parent id → child ids in Id order. */
function childrenByParent(teams: readonly Team[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const team of teams) if (team.parentId !== null) map.set(team.parentId, [...(map.get(team.parentId) ?? []), team.id]);
  return map;
}

describe('$expand and $levels', () => {
  let t: TestApp;
  let db: Knex;
  let contoso: number;
  let contosoTeams: Team[];
  let contosoMembers: Membership[];
  let membersOfTeam: (teamId: number) => Membership[];

  before(async () => {
    t = await testApp();
    db = t.database.db;
    contoso = t.database.demo.companies.contoso;
    contosoTeams = await teamsOf(db, contoso);
    contosoMembers = await membershipsOf(db, contoso);
    membersOfTeam = (teamId) => contosoMembers.filter((m) => m.teamId === teamId);
  });

  const send = (app: Express, url: string, token: string, headers: Record<string, string> = {}) =>
    request(app).get(url.replace(/ /g, '%20')).set('Authorization', `Bearer ${token}`).set('Host', HOST).set(headers);
  const get = (url: string, token = t.tokens.admin, headers: Record<string, string> = {}) => send(t.app, url, token, headers);
  const follow = (url: string, token = t.tokens.admin, headers: Record<string, string> = {}) => followAll(t, url.replace(/ /g, '%20'), token, headers);

  /**
   * Appends to every expanded `nav` collection of `entity`, at any depth, what its `nav@odata.nextLink`
   * leads to (all pages), and removes the link: the collection as if it had not been truncated.
   */
  async function complete(entity: Row, nav: string, token: string, headers: Record<string, string>): Promise<void> {
    const link = entity[`${nav}@odata.nextLink`] as string | undefined;
    if (link !== undefined) {
      const rest = await followAll(t, pathOf(link), token, headers);
      entity[nav] = [...(entity[nav] as Row[]), ...rest.rows];
      delete entity[`${nav}@odata.nextLink`];
    }
    for (const child of (entity[nav] as Row[] | undefined) ?? []) await complete(child, nav, token, headers);
  }

  describe('collection navigations', () => {
    it('expands each team\'s Members: its memberships in Id order, each formatted as GET by key formats it', async () => {
      const body = expectJson(await get('/odata/OrganizationTeamHierarchies?$expand=Members&$top=8'));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies(Members())`);
      const plain = rowsOf(expectJson(await get('/odata/OrganizationTeamHierarchies?$top=8')));
      const teams = rowsOf(body);
      expect(ids(body)).to.deep.equal(contosoTeams.slice(0, 8).map((x) => x.id));
      expect(teams.some((x) => (x.Members as Row[]).length > 1)).to.equal(true);
      for (const [i, team] of teams.entries()) {
        const { Members: members, ...own } = team;
        expect(own, 'the team itself as without $expand').to.deep.equal(plain[i]);
        expect(Object.keys(team).at(-1)).to.equal('Members');
        expect((members as Row[]).map((m) => m.Id), `Members of ${String(team.Id)}`).to.deep.equal(membersOfTeam(team.Id as number).map((m) => m.id));
        for (const member of members as Row[]) {
          const single = expectJson(await get(`/odata/OrganizationTeamMemberHierarchies(${String(member.Id)})`));
          delete single['@odata.context'];
          expect(member).to.deep.equal(single);
          expect(Object.keys(member)).to.deep.equal(Object.keys(single));
          expect(member['@odata.etag']).to.equal(contosoMembers.find((m) => m.id === member.Id)?.etag);
        }
      }
    });

    describe('nested $filter, $orderby, $top, $skip, $select and $count', () => {
      const url = '/odata/OrganizationTeamHierarchies?$top=20&$select=Id&$expand=Members($filter=UserId gt 100;$orderby=UserId desc;$top=2;$skip=1;$select=UserId;$count=true)';
      const expected = (teamId: number) => {
        const matching = membersOfTeam(teamId).filter((m) => m.userId > 100).sort((a, b) => b.userId - a.userId || a.id - b.id);
        return { count: matching.length, members: matching.slice(1, 3) };
      };

      it('applies them per team and counts the matching members regardless of $top and $skip', async () => {
        const body = expectJson(await get(url));
        expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies(Id,Members(UserId))`);
        const teams = rowsOf(body);
        expect(teams).to.have.length(20);
        expect(teams.some((x) => expected(x.Id as number).count > 3), 'a team where $top and $skip both cut').to.equal(true);
        expect(teams.some((x) => expected(x.Id as number).count === 0), 'a team with no matching member').to.equal(true);
        for (const team of teams) {
          const { count, members } = expected(team.Id as number);
          expect(team['Members@odata.count'], `count of ${String(team.Id)}`).to.equal(count);
          expect(team.Members, `Members of ${String(team.Id)}`).to.deep.equal(members.map((m) => ({ '@odata.etag': m.etag, UserId: m.userId })));
        }
      });

      it('sends Members@odata.count and the Int64 values as strings with IEEE754Compatible=true', async () => {
        const res = await get(url, t.tokens.admin, IEEE);
        expect(res.headers['content-type']).to.match(/IEEE754Compatible=true/i);
        for (const team of rowsOf(expectJson(res))) {
          const { count, members } = expected(Number(team.Id));
          expect(team.Id).to.be.a('string');
          expect(team['Members@odata.count']).to.equal(String(count));
          expect(team.Members).to.deep.equal(members.map((m) => ({ '@odata.etag': m.etag, UserId: String(m.userId) })));
        }
      });
    });

    it('orders and filters expanded members through a navigation (User/LastName), as the database does', async () => {
      const team = contosoTeams.find((x) => membersOfTeam(x.id).length >= 5) as Team;
      const rows = (await db('organization_team_member_hierarchies as m')
        .join('users as u', function on() { this.on('u.id', 'm.user_id').andOn('u.company_id', 'm.company_id'); })
        .where({ 'm.company_id': contoso, 'm.organization_team_hierarchy_id': team.id })
        .select('m.id', 'u.last_name', 'u.user_name')) as Row[];
      const members = rows.map((r): Row => ({ ...r, id: Number(r.id) }));
      const ranks = await collationRanks(db, members.map((m) => m.last_name));
      const expectedOrder = [...members].sort(odataComparator([{ column: 'last_name', desc: true }, { column: 'id' }], ranks));
      const body = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team.id})?$select=Id&$expand=Members($orderby=User/LastName desc;$select=Id;$expand=User($select=UserName))`));
      expect((body.Members as Row[]).map((m) => m.Id)).to.deep.equal(expectedOrder.map((m) => m.id));
      expect((body.Members as Row[]).map((m) => (m.User as Row).UserName)).to.deep.equal(expectedOrder.map((m) => m.user_name));
      const lastName = members.find((m) => m.last_name !== null)?.last_name as string;
      const literal = encodeURIComponent(`'${lastName.replace(/'/g, "''")}'`);
      const filtered = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team.id})?$select=Id&$expand=Members($filter=User/LastName eq ${literal};$select=Id)`));
      expect((filtered.Members as Row[]).map((m) => m.Id)).to.deep.equal(sorted(members.filter((m) => m.last_name === lastName).map((m) => m.id as number)));
    });

    it('expands every navigation with $expand=*', async () => {
      const body = expectJson(await get('/odata/OrganizationTeamHierarchies?$top=5&$select=Id&$expand=*'));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies(Id,Parent(),Children(),Members())`);
      const children = childrenByParent(contosoTeams);
      for (const team of rowsOf(body)) {
        const id = team.Id as number;
        const parentId = contosoTeams.find((x) => x.id === id)?.parentId ?? null;
        expect(team.Parent === null ? null : (team.Parent as Row).Id).to.equal(parentId);
        expect((team.Children as Row[]).map((c) => c.Id)).to.deep.equal(children.get(id) ?? []);
        expect((team.Members as Row[]).map((m) => m.Id)).to.deep.equal(membersOfTeam(id).map((m) => m.id));
      }
    });
  });

  describe('single-valued navigations', () => {
    it('expands User and OrganizationTeamHierarchy of each membership with their $select', async () => {
      const users = new Map(((await db('users').where({ company_id: contoso })) as Row[]).map((u) => [Number(u.id), u]));
      const url = '/odata/OrganizationTeamMemberHierarchies?$expand=User($select=UserName),OrganizationTeamHierarchy($select=Name)';
      const followed = await follow(url);
      expect(followed.pages[0]?.['@odata.context']).to.equal(
        `${ORIGIN}/odata/$metadata#OrganizationTeamMemberHierarchies(User(UserName),OrganizationTeamHierarchy(Name))`,
      );
      expect(followed.rows.map((r) => r.Id)).to.deep.equal(contosoMembers.map((m) => m.id));
      for (const [i, row] of followed.rows.entries()) {
        const m = contosoMembers[i] as Membership;
        const user = users.get(m.userId) as Row;
        const team = contosoTeams.find((x) => x.id === m.teamId) as Team;
        expect(row.User).to.deep.equal({ '@odata.etag': etagOf(user.row_version), UserName: user.user_name });
        expect(row.OrganizationTeamHierarchy).to.deep.equal({ '@odata.etag': team.etag, Name: team.name });
      }
    });

    it('expands Parent as null for the root team and as the parent entity otherwise', async () => {
      const all = new Map(rowsOf(expectJson(await get('/odata/OrganizationTeamHierarchies'))).map((x) => [x.Id as number, x]));
      const body = expectJson(await get('/odata/OrganizationTeamHierarchies?$expand=Parent'));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies(Parent())`);
      expect(ids(body)).to.deep.equal(contosoTeams.map((x) => x.id));
      for (const team of rowsOf(body)) {
        const parentId = contosoTeams.find((x) => x.id === team.Id)?.parentId ?? null;
        expect(team).to.have.property('Parent');
        expect(team.Parent, `Parent of ${String(team.Id)}`).to.deep.equal(parentId === null ? null : all.get(parentId));
      }
      expect(rowsOf(body).filter((x) => x.Parent === null)).to.have.length(1);
    });

    it('leaves out a null Parent (and null properties of a parent) with omit-values=nulls, page by page', async () => {
      const own = await createCompany(db, 'ExpandOmit', [{ user_name: 'boss', is_administrator: true }], [['Root', null], ['Child', 'Root'], ['Grandchild', 'Child']]);
      const token = t.token(own.users.get('boss') as number, own.companyId, 'odata.read');
      const prefer = { Prefer: 'odata.maxpagesize=2, omit-values=nulls' };
      const first = await get('/odata/OrganizationTeamHierarchies?$expand=Parent($select=Id,Description)', token, prefer);
      expect(first.headers['preference-applied']).to.equal('omit-values=nulls, odata.maxpagesize=2');
      const followed = await follow('/odata/OrganizationTeamHierarchies?$expand=Parent($select=Id,Description)', token, prefer);
      expect(followed.pages).to.have.length(2);
      const teams = await teamsOf(db, own.companyId);
      expect(followed.rows.map((r) => r.Id)).to.deep.equal(teams.map((x) => x.id));
      for (const [i, row] of followed.rows.entries()) {
        const team = teams[i] as Team;
        const parent = teams.find((x) => x.id === team.parentId);
        expect(row).not.to.have.property('Description');
        if (parent === undefined) expect(row).not.to.have.property('Parent');
        else expect(row.Parent).to.deep.equal({ '@odata.etag': parent.etag, Id: parent.id });
      }
    });

    it('walks the chain of parents up to the root with Parent($levels=max)', async () => {
      const { apiGateway } = t.database.demo.teams;
      const body = expectJson(await get(`/odata/OrganizationTeamHierarchies(${apiGateway})?$select=Id&$expand=Parent($levels=max;$select=Id,Name)`));
      const chain: Row[] = [];
      for (let node = body.Parent as Row | null; node !== null; node = node.Parent as Row | null) chain.push(node);
      const expected: Team[] = [];
      for (let id = contosoTeams.find((x) => x.id === apiGateway)?.parentId ?? null; id !== null; id = contosoTeams.find((x) => x.id === id)?.parentId ?? null) {
        expected.push(contosoTeams.find((x) => x.id === id) as Team);
      }
      expect(expected.length).to.be.greaterThan(2);
      expect(chain.map((n) => [n.Id, n.Name])).to.deep.equal(expected.map((x) => [x.id, x.name]));
    });
  });

  describe('nested $expand on a single entity', () => {
    it('expands Memberships and, inside each, its OrganizationTeamHierarchy', async () => {
      const counts = new Map<number, number>();
      for (const m of contosoMembers) counts.set(m.userId, (counts.get(m.userId) ?? 0) + 1);
      const [userId] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] as [number, number];
      const memberships = contosoMembers.filter((m) => m.userId === userId);
      expect(memberships.length).to.be.greaterThan(1);
      const res = await get(`/odata/Users(${userId})?$expand=Memberships($expand=OrganizationTeamHierarchy($select=Name))`);
      const body = expectJson(res);
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users(Memberships(OrganizationTeamHierarchy(Name)))/$entity`);
      const plain = expectJson(await get(`/odata/Users(${userId})`));
      const { Memberships: expanded, ...own } = body;
      expect({ ...own, '@odata.context': plain['@odata.context'] }).to.deep.equal(plain);
      expect(res.headers.etag).to.equal(plain['@odata.etag']);
      expect((expanded as Row[]).map((m) => [m.Id, m.UserId, m.OrganizationTeamHierarchyId, m['@odata.etag']])).to.deep.equal(
        memberships.map((m) => [m.id, m.userId, m.teamId, m.etag]),
      );
      for (const [i, m] of (expanded as Row[]).entries()) {
        const team = contosoTeams.find((x) => x.id === memberships[i]?.teamId) as Team;
        expect(m.OrganizationTeamHierarchy).to.deep.equal({ '@odata.etag': team.etag, Name: team.name });
      }
    });
  });

  describe('$levels', () => {
    const roots = '/odata/OrganizationTeamHierarchies?$filter=ParentId eq null';

    it('returns the whole tree with Children($levels=max): every team once, under its real parent', async () => {
      const body = expectJson(await get(`${roots}&$expand=Children($levels=max;$select=Id,Name)`));
      const [root, ...others] = rowsOf(body);
      expect(others).to.deep.equal([]);
      expect(root?.Id).to.equal(t.database.demo.teams.contoso);
      const flat = flattenChildren(root as Row);
      expect(flat.length).to.equal(new Set(flat.map(([id]) => id)).size);
      const expected = contosoTeams.filter((x) => x.parentId !== null).map((x) => [x.id, x.parentId]);
      expect([...flat].sort((a, b) => a[0] - b[0])).to.deep.equal(expected);
      expect(JSON.stringify(body)).not.to.include('nextLink');
      const children = childrenByParent(contosoTeams);
      const check = (node: Row) => {
        if (node !== root) {
          expect(Object.keys(node)).to.deep.equal(['@odata.etag', 'Id', 'Name', 'Children']);
          expect(node.Name).to.equal(contosoTeams.find((x) => x.id === node.Id)?.name);
        }
        expect((node.Children as Row[]).map((c) => c.Id), `children of ${String(node.Id)} in Id order`).to.deep.equal(children.get(node.Id as number) ?? []);
        for (const child of node.Children as Row[]) check(child);
      };
      check(root as Row);
      expect(childrenDepth(root as Row)).to.be.greaterThan(3);
    });

    it('gives only the direct children with Children($levels=1), without a nested Children key', async () => {
      const body = expectJson(await get(`${roots}&$expand=Children($levels=1;$select=Id,Name)`));
      const root = rowsOf(body)[0] as Row;
      const direct = contosoTeams.filter((x) => x.parentId === root.Id);
      expect(root.Children).to.deep.equal(direct.map((x) => ({ '@odata.etag': x.etag, Id: x.id, Name: x.name })));
      expect(childrenDepth(root)).to.equal(1);
    });

    it('gives two levels with Children($levels=2)', async () => {
      const body = expectJson(await get(`${roots}&$expand=Children($levels=2;$select=Id)`));
      const root = rowsOf(body)[0] as Row;
      const level1 = new Set(contosoTeams.filter((x) => x.parentId === root.Id).map((x) => x.id));
      const level2 = contosoTeams.filter((x) => x.parentId !== null && level1.has(x.parentId));
      expect(level2.length).to.be.greaterThan(0);
      expect(childrenDepth(root)).to.equal(2);
      const flat = flattenChildren(root).sort((a, b) => a[0] - b[0]);
      expect(flat).to.deep.equal(contosoTeams.filter((x) => level1.has(x.id) || level2.includes(x)).map((x) => [x.id, x.parentId]));
      for (const child of root.Children as Row[]) {
        for (const grandchild of child.Children as Row[]) expect(grandchild).to.have.all.keys('@odata.etag', 'Id');
      }
    });

    it('expands nested options at every level of $levels (Children($levels=2;$expand=Members($select=UserId)))', async () => {
      const body = expectJson(await get(`${roots}&$select=Id&$expand=Children($levels=2;$select=Id;$expand=Members($select=UserId))`));
      const root = rowsOf(body)[0] as Row;
      let seen = 0;
      const check = (node: Row) => {
        for (const child of (node.Children as Row[] | undefined) ?? []) {
          expect(child.Members).to.deep.equal(membersOfTeam(child.Id as number).map((m) => ({ '@odata.etag': m.etag, UserId: m.userId })));
          seen += 1;
          check(child);
        }
      };
      check(root);
      expect(seen).to.equal(flattenChildren(root).length);
      expect(root).not.to.have.property('Members');
    });

    it('stops $levels=max at the depth limit with a nextLink that continues the tree', async () => {
      const chain: [string, string | null][] = Array.from({ length: 20 }, (_, i) => [`L${i}`, i === 0 ? null : `L${i - 1}`]);
      const own = await createCompany(db, 'ExpandChain', [{ user_name: 'boss', is_administrator: true }], [...chain, ['L3b', 'L2']]);
      const token = t.token(own.users.get('boss') as number, own.companyId, 'odata.read');
      const body = expectJson(await get(`${roots}&$select=Id&$expand=Children($levels=max;$select=Id)`, token));
      const root = rowsOf(body)[0] as Row;
      expect(JSON.stringify(body)).to.include('Children@odata.nextLink');
      expect(childrenDepth(root)).to.be.lessThan(20);
      await complete(root, 'Children', token, {});
      const teams = await teamsOf(db, own.companyId);
      expect(flattenChildren(root).sort((a, b) => a[0] - b[0])).to.deep.equal(teams.filter((x) => x.parentId !== null).map((x) => [x.id, x.parentId]));
    });
  });

  describe('truncated collections', () => {
    it('caps each expanded collection at the page size and links to the rest, which completes it in Id order', async () => {
      const res = await get('/odata/OrganizationTeamHierarchies?$top=12&$select=Id&$expand=Members($select=Id,UserId)', t.tokens.admin, PAGE2);
      expect(res.headers['preference-applied']).to.equal('odata.maxpagesize=2');
      const followed = await follow('/odata/OrganizationTeamHierarchies?$top=12&$select=Id&$expand=Members($select=Id,UserId)', t.tokens.admin, PAGE2);
      expect(followed.rows.map((r) => r.Id)).to.deep.equal(contosoTeams.slice(0, 12).map((x) => x.id));
      let truncated = 0;
      for (const team of followed.rows) {
        const expected = membersOfTeam(team.Id as number);
        const link = team['Members@odata.nextLink'] as string | undefined;
        expect(team.Members as Row[]).to.have.length(Math.min(2, expected.length));
        expect(link !== undefined, `nextLink of ${String(team.Id)}`).to.equal(expected.length > 2);
        if (link !== undefined) {
          truncated += 1;
          expect(link).to.match(/^http:\/\/feeds\.example\/odata\/OrganizationTeamMemberHierarchies\?/);
        }
        await complete(team, 'Members', t.tokens.admin, PAGE2);
        const all = team.Members as Row[];
        expect(new Set(all.map((m) => m.Id)).size).to.equal(all.length);
        expect(all).to.deep.equal(expected.map((m) => ({ '@odata.etag': m.etag, Id: m.id, UserId: m.userId })));
      }
      expect(truncated).to.be.greaterThan(3);
    });

    it('carries the remaining nested $top in the link: Members($top=5) at a page size of 2', async () => {
      const big = contosoTeams.find((x) => membersOfTeam(x.id).length >= 7) as Team;
      const small = contosoTeams.find((x) => membersOfTeam(x.id).length === 4) as Team;
      for (const team of [big, small]) {
        const body = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team.id})?$select=Id&$expand=Members($top=5;$select=Id)`, t.tokens.admin, PAGE2));
        const link = body['Members@odata.nextLink'] as string;
        expect(link).to.match(/[?&]\$top=3(&|$)/);
        expect(link).to.match(/[?&]\$skip=2(&|$)/);
        await complete(body, 'Members', t.tokens.admin, PAGE2);
        expect((body.Members as Row[]).map((m) => m.Id)).to.deep.equal(membersOfTeam(team.id).slice(0, 5).map((m) => m.id));
      }
    });

    it('keeps the nested $filter, $orderby, $select and $expand in the link', async () => {
      const team = contosoTeams.find((x) => membersOfTeam(x.id).filter((m) => m.userId > 20).length >= 5) as Team;
      const users = new Map(((await db('users').where({ company_id: contoso })) as Row[]).map((u) => [Number(u.id), u]));
      const expected = membersOfTeam(team.id).filter((m) => m.userId > 20).sort((a, b) => b.userId - a.userId);
      const body = expectJson(await get(
        `/odata/OrganizationTeamHierarchies(${team.id})?$select=Id&$expand=Members($filter=UserId gt 20;$orderby=UserId desc;$select=UserId;$expand=User($select=UserName))`,
        t.tokens.admin,
        PAGE2,
      ));
      expect(body['Members@odata.nextLink']).to.be.a('string');
      await complete(body, 'Members', t.tokens.admin, PAGE2);
      expect(body.Members).to.deep.equal(expected.map((m) => ({
        '@odata.etag': m.etag,
        UserId: m.userId,
        User: { '@odata.etag': etagOf(users.get(m.userId)?.row_version), UserName: users.get(m.userId)?.user_name },
      })));
    });

    it('rebuilds the whole tree of Children($levels=max) at a page size of 2 by following every link', async () => {
      const body = expectJson(await get('/odata/OrganizationTeamHierarchies?$filter=ParentId eq null&$select=Id&$expand=Children($levels=max;$select=Id)', t.tokens.admin, PAGE2));
      const root = rowsOf(body)[0] as Row;
      expect(flattenChildren(root).length).to.be.lessThan(contosoTeams.length - 1);
      await complete(root, 'Children', t.tokens.admin, PAGE2);
      const flat = flattenChildren(root);
      expect(flat.length).to.equal(new Set(flat.map(([id]) => id)).size);
      expect(flat.sort((a, b) => a[0] - b[0])).to.deep.equal(contosoTeams.filter((x) => x.parentId !== null).map((x) => [x.id, x.parentId]));
    });

    it('sends no nextLink when the nested $top itself ends the collection ($top=2, $top=0)', async () => {
      const team = contosoTeams.find((x) => membersOfTeam(x.id).length >= 4) as Team;
      const two = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team.id})?$select=Id&$expand=Members($top=2;$select=Id)`));
      expect((two.Members as Row[]).map((m) => m.Id)).to.deep.equal(membersOfTeam(team.id).slice(0, 2).map((m) => m.id));
      expect(two).not.to.have.property('Members@odata.nextLink');
      const zero = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team.id})?$select=Id&$expand=Members($top=0;$count=true)`));
      expect(zero.Members).to.deep.equal([]);
      expect(zero['Members@odata.count']).to.equal(membersOfTeam(team.id).length);
      expect(zero).not.to.have.property('Members@odata.nextLink');
    });

    it('continues a truncated level of $levels=N with the levels left, not N again', async () => {
      const own = await createCompany(db, 'ExpandLevels', [{ user_name: 'boss', is_administrator: true }], [
        ['Root', null], ['C1', 'Root'], ['C2', 'Root'], ['C3', 'Root'], ['G1', 'C3'], ['G2', 'C3'], ['G3', 'C3'], ['H', 'G3'],
      ]);
      const token = t.token(own.users.get('boss') as number, own.companyId, 'odata.read');
      const teams = await teamsOf(db, own.companyId);
      const depthOf = (id: number): number => {
        const parentId = teams.find((x) => x.id === id)?.parentId ?? null;
        return parentId === null ? 0 : 1 + depthOf(parentId);
      };
      for (const levels of [1, 2]) {
        const body = expectJson(await get(`/odata/OrganizationTeamHierarchies?$filter=ParentId eq null&$select=Id&$expand=Children($levels=${levels};$select=Id)`, token, PAGE2));
        const root = rowsOf(body)[0] as Row;
        expect(root['Children@odata.nextLink']).to.be.a('string');
        await complete(root, 'Children', token, PAGE2);
        expect(childrenDepth(root), `$levels=${levels}`).to.equal(levels);
        const expected = teams.filter((x) => x.parentId !== null && depthOf(x.id) <= levels).map((x) => [x.id, x.parentId]);
        expect(flattenChildren(root).sort((a, b) => a[0] - b[0]), `$levels=${levels}`).to.deep.equal(expected);
      }
    });
  });

  describe('visibility', () => {
    let aliceSees: number[];
    let adminUsers: Map<number, Row>;

    before(async () => {
      const { demo } = t.database;
      aliceSees = await expectedVisibleUserIds(db, contoso, demo.users.aliceManager);
      adminUsers = new Map(rowsOf(expectJson(await get('/odata/Users'))).map((u) => [u.Id as number, u]));
    });

    for (const [label, appOf] of [
      ['visible ids bound (cache on)', () => t.app],
      ['visibility subquery (AUTH_CACHE_MS=0)', () => createApp({ db: t.database.db, config: testConfig({ AUTH_CACHE_MS: '0' }) })],
    ] as const) {
      it(`expands User as null exactly for the members alice may not see (${label})`, async () => {
        const app = appOf();
        const body = expectJson(await send(app, '/odata/OrganizationTeamMemberHierarchies?$expand=User', t.tokens.alice));
        expect(body['@odata.nextLink']).to.equal(undefined);
        expect(ids(body)).to.deep.equal(contosoMembers.map((m) => m.id));
        let hidden = 0;
        for (const row of rowsOf(body)) {
          const userId = row.UserId as number;
          expect(row).to.have.property('User');
          if (aliceSees.includes(userId)) {
            expect(row.User, `User ${userId}`).to.deep.equal(adminUsers.get(userId));
          } else {
            hidden += 1;
            expect(row.User, `User ${userId}`).to.equal(null);
          }
        }
        expect(hidden).to.be.greaterThan(10);
        expect(hidden).to.be.lessThan(contosoMembers.length - 10);
      });
    }

    it('lists only the users alice may see at the top level of Users?$expand=Memberships, each with all its memberships', async () => {
      const body = expectJson(await get('/odata/Users?$select=Id&$expand=Memberships($select=Id,OrganizationTeamHierarchyId)', t.tokens.alice));
      expect(ids(body)).to.deep.equal(aliceSees);
      for (const user of rowsOf(body)) {
        const expected = contosoMembers.filter((m) => m.userId === user.Id);
        expect(user.Memberships).to.deep.equal(expected.map((m) => ({ '@odata.etag': m.etag, Id: m.id, OrganizationTeamHierarchyId: m.teamId })));
      }
    });

    it('treats an invisible member\'s user as null in nested $orderby and $filter through User', async () => {
      const own = await createCompany(
        db,
        'ExpandVisibility',
        [{ user_name: 'boss', is_administrator: true }, { user_name: 'lead', last_name: 'Lead' }, { user_name: 'dev', last_name: 'Abe' }, { user_name: 'outsider', last_name: 'Zed' }],
        [['Root', null], ['Child', 'Root'], ['Mixed', null]],
        [['lead', 'Root'], ['dev', 'Child'], ['dev', 'Mixed'], ['outsider', 'Mixed']],
      );
      const boss = t.token(own.users.get('boss') as number, own.companyId, 'odata.read');
      const lead = t.token(own.users.get('lead') as number, own.companyId, 'odata.read');
      const leadSees = await expectedVisibleUserIds(db, own.companyId, own.users.get('lead') as number);
      const mixed = own.teams.get('Mixed') as number;
      const rows = ((await db('organization_team_member_hierarchies as m')
        .join('users as u', function on() { this.on('u.id', 'm.user_id').andOn('u.company_id', 'm.company_id'); })
        .where({ 'm.company_id': own.companyId, 'm.organization_team_hierarchy_id': mixed })
        .select('m.id', 'm.user_id', 'u.last_name', 'm.row_version as member_version', 'u.row_version as user_version')) as Row[])
        .map((r) => ({ id: Number(r.id), userId: Number(r.user_id), last_name: r.last_name, memberEtag: etagOf(r.member_version), userEtag: etagOf(r.user_version) }));
      const hiddenRows = rows.filter((r) => !leadSees.includes(r.userId));
      expect(hiddenRows).to.have.length(1);
      const ranks = await collationRanks(db, rows.map((r) => r.last_name));
      const order = (asSeenBy: (r: (typeof rows)[number]) => unknown) =>
        rows.map((r) => ({ ...r, key: asSeenBy(r) })).sort(odataComparator([{ column: 'key' }, { column: 'id' }], ranks)).map((r) => r.id);
      const url = `/odata/OrganizationTeamHierarchies(${mixed})?$select=Id&$expand=Members($orderby=User/LastName;$select=Id;$expand=User($select=LastName))`;
      const asBoss = expectJson(await get(url, boss));
      const asLead = expectJson(await get(url, lead));
      expect((asBoss.Members as Row[]).map((m) => m.Id)).to.deep.equal(order((r) => r.last_name));
      expect((asLead.Members as Row[]).map((m) => m.Id)).to.deep.equal(order((r) => (leadSees.includes(r.userId) ? r.last_name : null)));
      expect(order((r) => r.last_name)).not.to.deep.equal(order((r) => (leadSees.includes(r.userId) ? r.last_name : null)));
      for (const m of asLead.Members as Row[]) {
        const row = rows.find((r) => r.id === m.Id) as (typeof rows)[number];
        expect(m.User).to.deep.equal(leadSees.includes(row.userId) ? { '@odata.etag': row.userEtag, LastName: row.last_name } : null);
      }
      const hiddenName = String(hiddenRows[0]?.last_name);
      const filtered = `/odata/OrganizationTeamHierarchies(${mixed})?$select=Id&$expand=Members($filter=User/LastName eq '${hiddenName}';$select=Id;$count=true)`;
      expect(expectJson(await get(filtered, boss)).Members).to.deep.equal([{ '@odata.etag': hiddenRows[0]?.memberEtag, Id: hiddenRows[0]?.id }]);
      const leadView = expectJson(await get(filtered, lead));
      expect(leadView.Members).to.deep.equal([]);
      expect(leadView['Members@odata.count']).to.equal(0);
    });

    it('refuses AuditLogs?$expand=User to a non-administrator and expands it for an administrator', async () => {
      expectError(await get('/odata/AuditLogs?$expand=User', t.tokens.alice), 403, 'Forbidden');
      const own = await createCompany(db, 'ExpandAudit', [{ user_name: 'boss', is_administrator: true }]);
      const bossId = own.users.get('boss') as number;
      const token = t.token(bossId, own.companyId, 'odata.read odata.write logs.read');
      const created = await request(t.app).post('/odata/OrganizationTeamHierarchies').set('Authorization', `Bearer ${token}`).send({ Name: 'Audited' });
      expect(created.status, created.text).to.equal(200);
      const logs = (await db('audit_logs').where({ company_id: own.companyId }).orderBy('id')) as Row[];
      expect(logs.length).to.be.greaterThan(0);
      const boss = (await db('users').where({ company_id: own.companyId, id: bossId }).first()) as Row;
      const body = expectJson(await get('/odata/AuditLogs?$select=Id,UserId&$expand=User($select=UserName)', token));
      expect(body.value).to.deep.equal(logs.map((l) => ({ Id: Number(l.id), UserId: bossId, User: { '@odata.etag': etagOf(boss.row_version), UserName: 'boss' } })));
    });
  });

  describe('company scoping', () => {
    it('expands only the memberships of the caller\'s company, for Contoso and Fabrikam', async () => {
      const { companies, users } = t.database.demo;
      const fabrikamToken = t.token(users.fabrikamAdmin, companies.fabrikam, 'odata.read');
      for (const [companyId, token] of [[contoso, t.tokens.admin], [companies.fabrikam, fabrikamToken]] as const) {
        const body = expectJson(await get('/odata/OrganizationTeamHierarchies?$select=Id&$expand=Members($select=Id,CompanyId)', token));
        const members = rowsOf(body).flatMap((team) => team.Members as Row[]);
        expect(sorted(members.map((m) => m.Id as number))).to.deep.equal((await membershipsOf(db, companyId)).map((m) => m.id));
        for (const m of members) expect(m.CompanyId).to.equal(companyId);
      }
    });

    it('never joins another company\'s rows that carry the same ids (Members, Children, Parent, Memberships)', async () => {
      const { teams, users } = t.database.demo;
      const own = await createCompany(db, 'ExpandShadow', [{ user_name: 'ghost', is_administrator: true }]);
      const ghost = own.users.get('ghost') as number;
      // teams with the very ids of Contoso's root and Engineering (keys are unique per company only)
      await db('organization_team_hierarchies').insert({ company_id: own.companyId, id: teams.contoso, name: 'Shadow Root' });
      await db('organization_team_hierarchies').insert({ company_id: own.companyId, id: teams.engineering, name: 'Shadow Engineering', parent_id: teams.contoso });
      const [leaf] = (await db('organization_team_hierarchies').insert({ company_id: own.companyId, name: 'Shadow Leaf', parent_id: teams.engineering }).returning('id')) as { id: string }[];
      await db('organization_team_member_hierarchies').insert({ company_id: own.companyId, user_id: ghost, organization_team_hierarchy_id: teams.engineering });
      try {
        const url = `/odata/OrganizationTeamHierarchies(${teams.engineering})?$select=Name&$expand=Members($select=Id,UserId),Children($select=Id),Parent($select=Name)`;
        const seenByContoso = expectJson(await get(url));
        const engineering = contosoTeams.find((x) => x.id === teams.engineering) as Team;
        expect(seenByContoso.Name).to.equal(engineering.name);
        expect((seenByContoso.Members as Row[]).map((m) => m.Id)).to.deep.equal(membersOfTeam(teams.engineering).map((m) => m.id));
        expect((seenByContoso.Children as Row[]).map((c) => c.Id)).to.deep.equal(contosoTeams.filter((x) => x.parentId === teams.engineering).map((x) => x.id));
        expect((seenByContoso.Parent as Row).Name).to.equal(contosoTeams.find((x) => x.id === engineering.parentId)?.name);
        const seenByShadow = expectJson(await get(url, t.token(ghost, own.companyId, 'odata.read')));
        expect(seenByShadow.Name).to.equal('Shadow Engineering');
        expect((seenByShadow.Members as Row[]).map((m) => m.UserId)).to.deep.equal([ghost]);
        expect((seenByShadow.Children as Row[]).map((c) => c.Id)).to.deep.equal([Number(leaf?.id)]);
        expect((seenByShadow.Parent as Row).Name).to.equal('Shadow Root');
        const alice = expectJson(await get(`/odata/Users(${users.aliceManager})?$select=Id&$expand=Memberships($select=Id;$expand=OrganizationTeamHierarchy($select=Name;$expand=Members($select=UserId)))`));
        for (const m of alice.Memberships as Row[]) {
          const team = m.OrganizationTeamHierarchy as Row;
          const teamId = contosoMembers.find((x) => x.id === m.Id)?.teamId as number;
          expect(team.Name).to.equal(contosoTeams.find((x) => x.id === teamId)?.name);
          expect((team.Members as Row[]).map((x) => x.UserId)).to.deep.equal(membersOfTeam(teamId).map((x) => x.userId));
        }
      } finally {
        await db('organization_team_member_hierarchies').where({ company_id: own.companyId }).delete();
        await db('organization_team_hierarchies').where({ company_id: own.companyId, id: Number(leaf?.id) }).delete();
        await db('organization_team_hierarchies').where({ company_id: own.companyId, id: teams.engineering }).delete();
        await db('organization_team_hierarchies').where({ company_id: own.companyId, id: teams.contoso }).delete();
      }
    });
  });

  describe('Int64 values inside expanded entities', () => {
    it('keeps Int64 values beyond 2^53 exact in expanded entities with IEEE754Compatible=true', async () => {
      const own = await createCompany(db, 'ExpandInt64', [{ user_name: 'boss', is_administrator: true }, { user_name: 'm' }], [['Root', null]]);
      const teamId = '9007199254740993';
      const memberId = '9007199254740995';
      await db('organization_team_hierarchies').insert({ company_id: own.companyId, id: teamId, name: 'Big', parent_id: own.teams.get('Root') });
      await db('organization_team_member_hierarchies').insert({ company_id: own.companyId, id: memberId, user_id: own.users.get('m'), organization_team_hierarchy_id: teamId });
      try {
        const token = t.token(own.users.get('boss') as number, own.companyId, 'odata.read');
        const team = expectJson(await get(`/odata/OrganizationTeamHierarchies(${teamId})?$select=Id&$expand=Members($select=Id,OrganizationTeamHierarchyId)`, token, IEEE));
        expect(team.Id).to.equal(teamId);
        expect(team.Members).to.deep.equal([{ '@odata.etag': 'W/"1"', Id: memberId, OrganizationTeamHierarchyId: teamId }]);
        const member = expectJson(await get(`/odata/OrganizationTeamMemberHierarchies(${memberId})?$select=Id&$expand=OrganizationTeamHierarchy($select=Id)`, token, IEEE));
        expect(member.OrganizationTeamHierarchy).to.deep.equal({ '@odata.etag': 'W/"1"', Id: teamId });
      } finally {
        await db('organization_team_member_hierarchies').where({ company_id: own.companyId, id: memberId }).delete();
        await db('organization_team_hierarchies').where({ company_id: own.companyId, id: teamId }).delete();
      }
    });
  });

  describe('400s', () => {
    const teams = '/odata/OrganizationTeamHierarchies';
    const tooDeep = Array.from({ length: 17 }).reduce<string>((inner) => `Parent($expand=${inner})`, 'Parent');
    for (const [what, url, code, target] of [
      ['an unknown navigation', `${teams}?$expand=Managers`, 'UnknownProperty', '$expand'],
      ['a property used as a navigation', `${teams}?$expand=Name`, 'InvalidQueryOption', '$expand'],
      ['the same navigation twice', `${teams}?$expand=Members,Members($top=1)`, 'InvalidQueryOption', '$expand'],
      ['a navigation path (Members/User)', `${teams}?$expand=Members/User`, 'UnsupportedQueryOption', '$expand'],
      ['$levels on a navigation that does not recurse', `${teams}?$expand=Members($levels=2)`, 'InvalidQueryOption', '$expand'],
      ['$levels and a nested $expand of the same navigation', `${teams}?$expand=Children($levels=2;$expand=Children)`, 'InvalidQueryOption', '$expand'],
      ['$filter inside a single-valued navigation', `${teams}?$expand=Parent($filter=Id eq 1)`, 'InvalidQueryOption', '$expand'],
      ['$top inside a single-valued navigation', '/odata/OrganizationTeamMemberHierarchies?$expand=User($top=1)', 'InvalidQueryOption', '$expand'],
      ['$levels deeper than the limit', `${teams}?$expand=Children($levels=20)`, 'LimitExceeded', '$expand'],
      ['$expand nested deeper than the limit', `${teams}?$expand=${tooDeep}`, 'LimitExceeded', '$expand'],
      ['Members/$count', `${teams}?$expand=Members/$count`, 'UnsupportedQueryOption', '$expand'],
      ['Members/$count', `${teams}?$expand=Members/$count`, 'UnsupportedQueryOption', '$expand'],
      ['$levels outside $expand', `${teams}?$levels=2`, 'UnsupportedQueryOption', '$levels'],
      ['* with options other than $levels', `${teams}?$expand=*($select=Id)`, 'UnsupportedQueryOption', '$expand'],
      ['a nested $search on memberships, which have no text', `${teams}?$expand=Members($search=x)`, 'InvalidQueryOption', '$expand'],
      ['a nested $filter naming an unknown property', `${teams}?$expand=Members($filter=Nope eq 1)`, 'UnknownProperty', '$filter'],
      ['a nested $select naming an unknown property', `${teams}?$expand=Members($select=Nope)`, 'UnknownProperty', '$select'],
      ['a nested $orderby naming an unknown property', `${teams}?$expand=Members($orderby=Nope)`, 'UnknownProperty', '$orderby'],
      ['an unknown navigation in a nested $expand', `${teams}?$expand=Members($expand=Nope)`, 'UnknownProperty', '$expand'],
    ] as const) {
      it(`answers 400 ${code} to ${what}`, async () => {
        const error = expectError(await get(url), 400, code);
        expect(error.target).to.equal(target);
      });
    }
  });

  describe('one statement per page', () => {
    /** The SQL statements the database runs while `run` runs. */
    async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
      const seen: string[] = [];
      const listener = (query: { sql: string }) => seen.push(query.sql);
      // the primary, and the replicas when the run reads from one (TEST_READ_DATABASE_URL)
      const dbs = [db, ...((t.app.locals.readRouter as ReadRouter | undefined)?.replicaDbs ?? [])];
      for (const each of dbs) each.on('query', listener);
      try {
        await run();
      } finally {
        for (const each of dbs) each.removeListener('query', listener);
      }
      return seen;
    }

    for (const [who, url] of [
      ['an administrator', '/odata/OrganizationTeamHierarchies?$expand=Members($expand=User),Parent&$top=20'],
      ['alice (visible users bound)', '/odata/OrganizationTeamHierarchies?$expand=Members($expand=User;$filter=User/LastName ne null),Parent&$top=20'],
    ] as const) {
      it(`reads a page with nested expansions in exactly one statement (${who})`, async () => {
        const token = who === 'an administrator' ? t.tokens.admin : t.tokens.alice;
        expectJson(await get(url, token)); // loads the caller (and alice's visible users) into the auth cache
        let body: Row = {};
        const statements = await statementsDuring(async () => {
          body = expectJson(await get(url, token));
        });
        expect(statements, statements.join('\n---\n')).to.have.length(1);
        for (const table of ['organization_team_hierarchies', 'organization_team_member_hierarchies', 'users']) expect(statements[0]).to.include(`"${table}"`);
        expect(rowsOf(body)).to.have.length(20);
        expect(rowsOf(body).some((x) => (x.Members as Row[]).some((m) => m.User !== null))).to.equal(true);
      });
    }
  });
});
