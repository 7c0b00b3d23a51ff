import { expect } from 'chai';
import { testApp, type TestApp } from '../../helpers/test-app';
import {
  buildOrg,
  closureOf,
  expectConsistentHierarchy,
  expectJson,
  expectWriteError,
  parentOf,
  recomputedClosure,
  send,
  snapshot,
  TEAMS,
  unique,
  USERS,
  type Org,
  type Row,
} from './fixtures';

describe('Concurrent writes', () => {
  let t: TestApp;
  let org: Org;
  let admin: string;

  before(async () => {
    t = await testApp();
    org = await buildOrg(t, { users: { admin: { is_administrator: true }, peer: { is_administrator: true } }, teams: [['Root', null]] }, 'Concurrency');
    admin = org.token('admin');
  });

  describe('ETags', () => {
    let userId: number;
    const url = () => `${USERS}(${userId})`;
    const stored = async () => (await org.db('users').where({ company_id: org.companyId, id: userId }).first()) as Row;

    beforeEach(async () => {
      userId = await org.addUser(unique('versioned'), { department: 'Start' });
    });

    it('returns the ETag header and the same @odata.etag on a GET of one entity', async () => {
      const res = await send(t, 'GET', url(), admin);
      const body = expectJson(res);
      expect(res.headers.etag).to.equal('W/"1"');
      expect(body['@odata.etag']).to.equal(res.headers.etag);
    });

    it('applies a PATCH with the current ETag in If-Match (204) and gives the entity a new ETag', async () => {
      const etag = (await send(t, 'GET', url(), admin)).headers.etag as string;
      const res = await send(t, 'PATCH', url(), admin, { Department: 'Matched' }, { 'If-Match': etag });
      expect(res.status, res.text).to.equal(204);
      expect(res.headers.etag).to.be.a('string').and.not.equal(etag);
      const read = await send(t, 'GET', url(), admin);
      expect(read.headers.etag).to.equal(res.headers.etag);
      expect((read.body as Row).Department).to.equal('Matched');
    });

    it('answers 412 to a PATCH, PUT or DELETE with a stale ETag and changes nothing', async () => {
      const stale = (await send(t, 'GET', url(), admin)).headers.etag as string;
      expect((await send(t, 'PATCH', url(), admin, { Department: 'First' }, { 'If-Match': stale })).status).to.equal(204);
      const before = await snapshot(org.db, org.companyId);
      expectWriteError(await send(t, 'PATCH', url(), admin, { Department: 'Second' }, { 'If-Match': stale }), 412, 'PreconditionFailed');
      expectWriteError(await send(t, 'PUT', url(), admin, { UserName: unique('put') }, { 'If-Match': stale }), 412, 'PreconditionFailed');
      expectWriteError(await send(t, 'DELETE', url(), admin, undefined, { 'If-Match': stale }), 412, 'PreconditionFailed');
      expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
      expect((await stored()).department).to.equal('First');
    });

    it('accepts If-Match: * and a list that contains the current ETag', async () => {
      expect((await send(t, 'PATCH', url(), admin, { Department: 'Star' }, { 'If-Match': '*' })).status).to.equal(204);
      const etag = (await send(t, 'GET', url(), admin)).headers.etag as string;
      const res = await send(t, 'PATCH', url(), admin, { Department: 'Listed' }, { 'If-Match': `W/"999999", ${etag}` });
      expect(res.status, res.text).to.equal(204);
      expect((await stored()).department).to.equal('Listed');
    });

    it('answers 412 to If-None-Match: * on a PATCH of an existing entity', async () => {
      expectWriteError(await send(t, 'PATCH', url(), admin, { Department: 'Nope' }, { 'If-None-Match': '*' }), 412, 'PreconditionFailed');
      expect((await stored()).department).to.equal('Start');
    });

    it('lets exactly one of two PATCHes carrying the same ETag win', async () => {
      const etag = (await send(t, 'GET', url(), admin)).headers.etag as string;
      const results = await Promise.all(
        ['Left', 'Right'].map((d) => send(t, 'PATCH', url(), admin, { Department: d }, { 'If-Match': etag }).then((r) => r.status)),
      );
      expect([...results].sort()).to.deep.equal([204, 412]);
    });
  });

  describe('the hierarchy under concurrent moves', () => {
    it('never forms a cycle and keeps team_closure exact: every answer is 204 or 409', async function () {
      this.timeout(120_000);
      // X and Y: two sibling subtrees, three levels deep, with two children per node at the first level
      const x = await org.addTeam(unique('X'), org.team('Root'));
      const y = await org.addTeam(unique('Y'), org.team('Root'));
      const grow = async (top: number, label: string) => {
        const l1 = [await org.addTeam(unique(`${label}1a`), top), await org.addTeam(unique(`${label}1b`), top)];
        const l2 = [await org.addTeam(unique(`${label}2a`), l1[0] as number), await org.addTeam(unique(`${label}2b`), l1[1] as number)];
        const l3 = [await org.addTeam(unique(`${label}3`), l2[0] as number)];
        return [...l1, ...l2, ...l3];
      };
      const xs = await grow(x, 'X');
      const ys = await grow(y, 'Y');
      const nodes = [x, y, ...xs, ...ys];

      let seed = 0x2f6b;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const moves: [number, number][] = [];
      for (let i = 0; i < 40; i += 1) {
        if (i % 4 === 0) moves.push([x, ys[random(ys.length)] as number]);
        else if (i % 4 === 1) moves.push([y, xs[random(xs.length)] as number]);
        else moves.push([nodes[random(nodes.length)] as number, nodes[random(nodes.length)] as number]);
      }

      const results = await Promise.all(
        moves.map(([team, parent]) => send(t, 'PATCH', `${TEAMS}(${team})`, admin, { ParentId: parent }).then((r) => ({ team, parent, status: r.status, text: r.text }))),
      );
      for (const r of results) expect([204, 409], `move ${r.team} under ${r.parent}: ${r.status} ${r.text}`).to.include(r.status);
      expect(results.filter((r) => r.status === 204).length, 'some moves succeed').to.be.greaterThan(0);
      expect(results.filter((r) => r.status === 409).length, 'some moves are refused').to.be.greaterThan(0);
      await expectConsistentHierarchy(org.db, org.companyId);
      expect((await closureOf(org.db, org.companyId)).length).to.equal((await recomputedClosure(org.db, org.companyId)).length);
    });

    it('lets at most one of two opposite moves succeed when they race (X under Y and Y under X)', async () => {
      for (let round = 0; round < 5; round += 1) {
        const x = await org.addTeam(unique('Xr'), org.team('Root'));
        const y = await org.addTeam(unique('Yr'), org.team('Root'));
        const xLeaf = await org.addTeam(unique('Xleaf'), x);
        const yLeaf = await org.addTeam(unique('Yleaf'), y);
        const statuses = await Promise.all([
          send(t, 'PATCH', `${TEAMS}(${x})`, admin, { ParentId: yLeaf }).then((r) => r.status),
          send(t, 'PATCH', `${TEAMS}(${y})`, admin, { ParentId: xLeaf }).then((r) => r.status),
        ]);
        expect([...statuses].sort(), `round ${round}`).to.deep.equal([204, 409]);
        const moved = [await parentOf(org.db, org.companyId, x), await parentOf(org.db, org.companyId, y)];
        expect(moved.filter((p) => p === org.team('Root'))).to.have.length(1);
      }
      await expectConsistentHierarchy(org.db, org.companyId);
    });
  });

  describe('the last active administrator under concurrent demotions', () => {
    it('never leaves the company without an active administrator when two administrators demote each other at once', async () => {
      for (let round = 0; round < 5; round += 1) {
        const solo = await buildOrg(t, { users: { one: { is_administrator: true }, two: { is_administrator: true } } }, 'Demotions');
        const statuses = await Promise.all([
          send(t, 'PATCH', `${USERS}(${solo.user('two')})`, solo.token('one'), { IsAdministrator: false }).then((r) => r.status),
          send(t, 'PATCH', `${USERS}(${solo.user('one')})`, solo.token('two'), { IsAdministrator: false }).then((r) => r.status),
        ]);
        const admins = await solo.db('users').where({ company_id: solo.companyId, is_administrator: true, is_active: true }).count({ n: '*' });
        expect(Number(admins[0]?.n), `round ${round}: active administrators left (statuses ${statuses.join(', ')})`).to.equal(1);
        // the loser is refused: 403 when its own demotion committed first (re-checked inside the transaction),
        // 404 when it was authenticated after its demotion, 409 if it would remove the last administrator
        expect(statuses.filter((s) => s === 204), `round ${round}: ${statuses.join(', ')}`).to.have.length(1);
        expect(statuses.filter((s) => s === 403 || s === 409 || s === 404), `round ${round}: ${statuses.join(', ')}`).to.have.length(1);
      }
    });
  });
});
