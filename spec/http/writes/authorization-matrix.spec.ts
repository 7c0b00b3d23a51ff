import { expect } from 'chai';
import type { Response } from 'supertest';
import { testApp, type TestApp } from '../../helpers/test-app';
import { buildOrg, expectStatus, MEMBERS, parentOf, READ_ONLY, send, TEAMS, unique, USERS, type Org, type Row } from './fixtures';

/**
 * Seed 003's write rules as a matrix: every actor × every action, each with the exact status. The tree is
 * Root → A → A1 → A1a and Root → B, with one member per team, an administrator, a user in no team, a
 * read-only token of the Root member and another company's administrator. Every state-changing case
 * works on objects of its own (a fresh leaf, a fresh user) or restores what it moved, so cases are
 * independent of their order.
 */

type Actor = 'admin' | 'root' | 'a' | 'a1' | 'a1a' | 'b' | 'none' | 'readOnly' | 'otherAdmin';

const ACTORS: readonly Actor[] = ['admin', 'root', 'a', 'a1', 'a1a', 'b', 'none', 'readOnly', 'otherAdmin'];

const LABEL: Readonly<Record<Actor, string>> = {
  admin: 'the administrator',
  root: 'the member of Root',
  a: 'the member of A',
  a1: 'the member of A1',
  a1a: 'the member of A1a',
  b: 'the member of B',
  none: 'a user in no team',
  readOnly: "a read-only token of Root's member",
  otherAdmin: "another company's administrator",
};

const CODE: Readonly<Record<number, string>> = { 400: 'ValidationFailed', 403: 'Forbidden', 404: 'NotFound' };

interface Action {
  readonly name: string;
  readonly expected: Readonly<Record<Actor, number>>;
  /** Sends the request as `token`; returns a check of the database state, given whether it succeeded. */
  readonly run: (token: string) => Promise<{ res: Response; verify: (succeeded: boolean) => Promise<void> }>;
  /** The top-level error target expected with a 400. */
  readonly target400?: string;
}

describe('Write authorization matrix (seed 003)', () => {
  let t: TestApp;
  let org: Org;
  let other: Org;

  before(async () => {
    t = await testApp();
    org = await buildOrg(
      t,
      {
        users: { admin: { is_administrator: true }, mRoot: {}, mA: {}, mA1: {}, mA1a: {}, mB: {}, none: {}, staff: { last_name: 'Staff' } },
        teams: [['Root', null], ['A', 'Root'], ['A1', 'A'], ['A1a', 'A1'], ['B', 'Root']],
        memberships: [['mRoot', 'Root'], ['mA', 'A'], ['mA1', 'A1'], ['mA1a', 'A1a'], ['mB', 'B'], ['staff', 'A1a']],
      },
      'Matrix',
    );
    other = await buildOrg(t, { users: { otherAdmin: { is_administrator: true } }, teams: [['Elsewhere', null]] }, 'MatrixOther');
  });

  function tokenOf(actor: Actor): string {
    switch (actor) {
      case 'admin': return org.token('admin');
      case 'root': return org.token('mRoot');
      case 'a': return org.token('mA');
      case 'a1': return org.token('mA1');
      case 'a1a': return org.token('mA1a');
      case 'b': return org.token('mB');
      case 'none': return org.token('none');
      case 'readOnly': return org.token('mRoot', READ_ONLY);
      case 'otherAdmin': return other.token('otherAdmin');
    }
  }

  const db = () => org.db;
  const teamRow = async (id: number) => (await db()('organization_team_hierarchies').where({ company_id: org.companyId, id }).first()) as Row | undefined;
  const membershipRow = async (id: number) =>
    (await db()('organization_team_member_hierarchies').where({ company_id: org.companyId, id }).first()) as Row | undefined;

  const ACTIONS: readonly Action[] = [
    {
      name: 'create a child team under A1 (POST with ParentId A1)',
      expected: { admin: 200, root: 200, a: 200, a1: 200, a1a: 403, b: 403, none: 403, readOnly: 403, otherAdmin: 400 },
      target400: 'ParentId',
      async run(token) {
        const name = unique('child');
        const res = await send(t, 'POST', TEAMS, token, { Name: name, ParentId: org.team('A1') });
        return {
          res,
          async verify(succeeded) {
            const rows = (await db()('organization_team_hierarchies').where({ name })) as Row[];
            expect(rows.length, 'teams with the new name').to.equal(succeeded ? 1 : 0);
            if (succeeded) {
              expect(Number(rows[0]?.company_id)).to.equal(org.companyId);
              expect(Number(rows[0]?.parent_id)).to.equal(org.team('A1'));
              expect((res.body as Row).Id).to.equal(Number(rows[0]?.id));
            }
          },
        };
      },
    },
    {
      name: 'rename A1 (PATCH Name)',
      expected: { admin: 204, root: 204, a: 204, a1: 403, a1a: 403, b: 403, none: 403, readOnly: 403, otherAdmin: 404 },
      async run(token) {
        const before = await teamRow(org.team('A1'));
        const name = unique('A1 renamed');
        const res = await send(t, 'PATCH', `${TEAMS}(${org.team('A1')})`, token, { Name: name });
        return {
          res,
          async verify(succeeded) {
            expect((await teamRow(org.team('A1')))?.name).to.equal(succeeded ? name : before?.name);
          },
        };
      },
    },
    {
      name: 'move A1 under B (PATCH ParentId)',
      expected: { admin: 204, root: 204, a: 403, a1: 403, a1a: 403, b: 403, none: 403, readOnly: 403, otherAdmin: 404 },
      async run(token) {
        expect(await parentOf(db(), org.companyId, org.team('A1'))).to.equal(org.team('A'));
        const res = await send(t, 'PATCH', `${TEAMS}(${org.team('A1')})`, token, { ParentId: org.team('B') });
        return {
          res,
          async verify(succeeded) {
            try {
              expect(await parentOf(db(), org.companyId, org.team('A1'))).to.equal(succeeded ? org.team('B') : org.team('A'));
            } finally {
              // restore for the next case (the closure trigger follows)
              await db()('organization_team_hierarchies').where({ company_id: org.companyId, id: org.team('A1') }).update({ parent_id: org.team('A') });
            }
          },
        };
      },
    },
    {
      name: 'delete a fresh leaf team under A1',
      expected: { admin: 204, root: 204, a: 204, a1: 204, a1a: 403, b: 403, none: 403, readOnly: 403, otherAdmin: 404 },
      async run(token) {
        const leaf = await org.addTeam(unique('leaf'), org.team('A1'));
        const res = await send(t, 'DELETE', `${TEAMS}(${leaf})`, token);
        return {
          res,
          async verify(succeeded) {
            expect(await teamRow(leaf), 'the leaf row').to.satisfy((row: unknown) => (succeeded ? row === undefined : row !== undefined));
          },
        };
      },
    },
    {
      name: 'add a member to A1 (POST membership)',
      expected: { admin: 200, root: 200, a: 200, a1: 200, a1a: 403, b: 403, none: 403, readOnly: 403, otherAdmin: 400 },
      target400: 'OrganizationTeamHierarchyId',
      async run(token) {
        const userId = await org.addUser(unique('joiner'));
        const res = await send(t, 'POST', MEMBERS, token, { UserId: userId, OrganizationTeamHierarchyId: org.team('A1') });
        return {
          res,
          async verify(succeeded) {
            const rows = (await db()('organization_team_member_hierarchies').where({ company_id: org.companyId, user_id: userId })) as Row[];
            expect(rows.map((r) => Number(r.organization_team_hierarchy_id))).to.deep.equal(succeeded ? [org.team('A1')] : []);
          },
        };
      },
    },
    {
      name: 'remove a member from A1 (DELETE membership)',
      expected: { admin: 204, root: 204, a: 204, a1: 204, a1a: 403, b: 403, none: 403, readOnly: 403, otherAdmin: 404 },
      async run(token) {
        const membership = await org.addMembership(await org.addUser(unique('leaver')), org.team('A1'));
        const res = await send(t, 'DELETE', `${MEMBERS}(${membership})`, token);
        return {
          res,
          async verify(succeeded) {
            expect((await membershipRow(membership)) === undefined, 'membership gone').to.equal(succeeded);
          },
        };
      },
    },
    {
      name: 'edit a user who is a member of A1a (PATCH Users)',
      expected: { admin: 204, root: 403, a: 403, a1: 403, a1a: 403, b: 404, none: 404, readOnly: 403, otherAdmin: 404 },
      async run(token) {
        const userId = org.user('staff');
        const before = (await db()('users').where({ company_id: org.companyId, id: userId }).first()) as Row;
        const department = unique('dept');
        const res = await send(t, 'PATCH', `${USERS}(${userId})`, token, { Department: department });
        return {
          res,
          async verify(succeeded) {
            const after = (await db()('users').where({ company_id: org.companyId, id: userId }).first()) as Row;
            expect(after.department).to.equal(succeeded ? department : before.department);
          },
        };
      },
    },
  ];

  for (const action of ACTIONS) {
    describe(`to ${action.name}`, () => {
      for (const actor of ACTORS) {
        const status = action.expected[actor];
        const allowed = status < 300;
        it(`${allowed ? 'allows' : 'refuses'} ${LABEL[actor]} with ${status}`, async () => {
          const { res, verify } = await action.run(tokenOf(actor));
          expectStatus(res, status, `${LABEL[actor]} → ${action.name}`);
          if (!allowed) {
            expect((res.body as { error: Row }).error.code, res.text).to.equal(CODE[status]);
            if (status === 400 && action.target400) expect((res.body as { error: Row }).error.target).to.equal(action.target400);
          }
          await verify(allowed);
        });
      }
    });
  }

  describe('beyond the matrix', () => {
    it('refuses every non-administrator editing his own user with 403', async () => {
      for (const name of ['mRoot', 'mA', 'mA1', 'mA1a', 'mB', 'none']) {
        const res = await send(t, 'PATCH', `${USERS}(${org.user(name)})`, org.token(name), { Department: 'Self-service' });
        expectStatus(res, 403, `${name} editing himself`);
      }
    });

    it("answers 404 to another company's administrator for every team, membership and user of this company", async () => {
      const token = tokenOf('otherAdmin');
      const membership = await org.addMembership(await org.addUser(unique('probe')), org.team('B'));
      for (const [method, url, body] of [
        ['DELETE', `${TEAMS}(${org.team('A1a')})`, undefined],
        ['PATCH', `${MEMBERS}(${membership})`, {}],
        ['DELETE', `${USERS}(${org.user('none')})`, undefined],
        ['PUT', `${USERS}(${org.user('none')})`, { UserName: 'x' }],
      ] as const) {
        const res = await send(t, method, url, token, body);
        expectStatus(res, 404, `${method} ${url}`);
      }
      expect(await teamRow(org.team('A1a'))).not.to.equal(undefined);
    });
  });
});
