import { expect } from 'chai';
import type { Response } from 'supertest';
import { testApp, type TestApp } from '../../helpers/test-app';
import { buildOrg, expectError, expectWriteError, MEMBERS, send, snapshot, TEAMS, unique, USERS, type Org, type Row } from './fixtures';

interface Detail {
  readonly code: string;
  readonly message: string;
  readonly target: string;
}

/**
 * A 400 ValidationFailed in the exact shape {"error":{"code","message","target","details":[{code,message,target}]}},
 * whose details name exactly `expected` (target → detail code), and whose message names each target.
 */
function expectInvalid(res: Response, expected: Readonly<Record<string, string>>): Detail[] {
  const error = expectError(res, 400, 'ValidationFailed') as { target?: string; message: string; details?: Detail[] };
  expect(Object.keys(error).sort()).to.deep.equal(['code', 'details', 'message', 'target']);
  const details = error.details as Detail[];
  for (const d of details) {
    expect(Object.keys(d).sort(), JSON.stringify(d)).to.deep.equal(['code', 'message', 'target']);
    expect(d.message).to.be.a('string').and.not.equal('');
  }
  expect(Object.fromEntries(details.map((d) => [d.target, d.code]))).to.deep.equal(expected);
  expect(details).to.have.length(Object.keys(expected).length);
  expect(Object.keys(expected)).to.include(error.target);
  for (const target of Object.keys(expected)) expect(error.message).to.include(target);
  return details;
}

describe('Validation of write requests', () => {
  let t: TestApp;
  let org: Org;
  let admin: string;
  let dev: number;
  let team: number;

  before(async () => {
    t = await testApp();
    org = await buildOrg(t, { users: { admin: { is_administrator: true }, reader: {} }, teams: [['Root', null]] }, 'Validation');
    admin = org.token('admin');
    dev = await org.addUser('dev', { department: 'Dev' });
    team = org.team('Root');
  });

  /** Runs `act` and checks it changed no row of the company and wrote no audit row. */
  async function unchanged(act: () => Promise<void>): Promise<void> {
    const before = await snapshot(org.db, org.companyId);
    await act();
    expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
  }

  describe('answers 400 ValidationFailed with a detail per offending property, and changes nothing', () => {
    it('for an unknown property', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'POST', USERS, admin, { UserName: unique('u'), Nickname: 'x' }), { Nickname: 'UnknownProperty' });
        expectInvalid(await send(t, 'PATCH', `${TEAMS}(${team})`, admin, { Colour: 'red' }), { Colour: 'UnknownProperty' });
      });
    });

    it('for a value of the wrong type', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'POST', USERS, admin, { UserName: 42, IsActive: 'yes' }), { UserName: 'InvalidValue', IsActive: 'InvalidValue' });
        expectInvalid(await send(t, 'PATCH', `${TEAMS}(${team})`, admin, { ParentId: 'abc' }), { ParentId: 'InvalidValue' });
        expectInvalid(await send(t, 'POST', MEMBERS, admin, { UserId: 1.5, OrganizationTeamHierarchyId: true }), {
          UserId: 'InvalidValue',
          OrganizationTeamHierarchyId: 'InvalidValue',
        });
      });
    });

    it('for a read-only property: Id on POST, CreatedAt and UpdatedAt on any write', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'POST', USERS, admin, { Id: 12345, UserName: unique('u') }), { Id: 'ReadOnlyProperty' });
        expectInvalid(await send(t, 'POST', TEAMS, admin, { Name: 'x', CreatedAt: '2020-01-01T00:00:00Z' }), { CreatedAt: 'ReadOnlyProperty' });
        expectInvalid(await send(t, 'PATCH', `${USERS}(${dev})`, admin, { UpdatedAt: '2020-01-01T00:00:00Z' }), { UpdatedAt: 'ReadOnlyProperty' });
        expectInvalid(await send(t, 'PUT', `${USERS}(${dev})`, admin, { UserName: 'dev', CreatedAt: '2020-01-01T00:00:00Z' }), { CreatedAt: 'ReadOnlyProperty' });
      });
    });

    it('for a missing required property on POST and on PUT', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'POST', USERS, admin, { LastName: 'Nameless' }), { UserName: 'MissingProperty' });
        expectInvalid(await send(t, 'PUT', `${USERS}(${dev})`, admin, { Department: 'Dev' }), { UserName: 'MissingProperty' });
        expectInvalid(await send(t, 'POST', TEAMS, admin, { Description: 'no name' }), { Name: 'MissingProperty' });
        expectInvalid(await send(t, 'POST', MEMBERS, admin, {}), { UserId: 'MissingProperty', OrganizationTeamHierarchyId: 'MissingProperty' });
      });
    });

    it('for a string longer than its MaxLength', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'POST', USERS, admin, { UserName: 'u'.repeat(101) }), { UserName: 'InvalidValue' });
        expectInvalid(await send(t, 'PATCH', `${TEAMS}(${team})`, admin, { Name: 'n'.repeat(201), Description: 'd'.repeat(2001) }), {
          Name: 'InvalidValue',
          Description: 'InvalidValue',
        });
      });
    });

    it('for an invalid Email', async () => {
      await unchanged(async () => {
        for (const email of ['not-an-email', 'two@@example.org', 'spaces in@example.org', 'nodot@example']) {
          expectInvalid(await send(t, 'PATCH', `${USERS}(${dev})`, admin, { Email: email }), { Email: 'InvalidValue' });
        }
      });
    });

    it('for null or an empty string in a non-nullable property', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'PATCH', `${USERS}(${dev})`, admin, { UserName: null, IsActive: null, IsAdministrator: null }), {
          UserName: 'InvalidValue',
          IsActive: 'InvalidValue',
          IsAdministrator: 'InvalidValue',
        });
        expectInvalid(await send(t, 'PATCH', `${TEAMS}(${team})`, admin, { Name: '' }), { Name: 'InvalidValue' });
      });
    });

    it('naming every property when several are wrong at once', async () => {
      await unchanged(async () => {
        expectInvalid(await send(t, 'POST', USERS, admin, { Id: 1, UserName: 7, Email: 'bad', Shoe: 44, IsActive: 'no' }), {
          Id: 'ReadOnlyProperty',
          UserName: 'InvalidValue',
          Email: 'InvalidValue',
          Shoe: 'UnknownProperty',
          IsActive: 'InvalidValue',
        });
      });
    });
  });

  it('does not require anything on PATCH: an empty or partial body is 204', async () => {
    expect((await send(t, 'PATCH', `${USERS}(${dev})`, admin, {})).status).to.equal(204);
    expect((await send(t, 'PATCH', `${USERS}(${dev})`, admin, { Department: 'Dev' })).status).to.equal(204);
  });

  it('writes nothing for a PATCH that changes nothing: same ETag, no audit entry', async () => {
    await send(t, 'PATCH', `${USERS}(${dev})`, admin, { Department: 'Same' });
    const before = await snapshot(org.db, org.companyId);
    const res = await send(t, 'PATCH', `${USERS}(${dev})`, admin, { Department: 'Same' });
    expect(res.status).to.equal(204);
    expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
  });

  it('ignores instance annotations such as @odata.etag and @odata.context in the body', async () => {
    const name = unique('annotated');
    const res = await send(t, 'POST', TEAMS, admin, {
      '@odata.context': 'http://elsewhere/odata/$metadata#OrganizationTeamHierarchies/$entity',
      '@odata.etag': 'W/"99"',
      'Name@odata.type': '#String',
      Name: name,
      ParentId: team,
    });
    expect(res.status, res.text).to.equal(200);
    expect((res.body as Row)['@odata.etag']).to.equal('W/"1"');
    const read = await send(t, 'GET', `${USERS}(${dev})`, admin);
    const patched = await send(t, 'PATCH', `${USERS}(${dev})`, admin, { '@odata.etag': (read.body as Row)['@odata.etag'], Department: 'Dev' });
    expect(patched.status, patched.text).to.equal(204);
  });

  describe('answers 400 for a body that is not a JSON object', () => {
    it('for malformed JSON', async () => {
      await unchanged(async () => {
        const res = await send(t, 'POST', USERS, admin).set('Content-Type', 'application/json').send('{"UserName": "broken"');
        expectWriteError(res, 400, 'ValidationFailed');
        expectError(res, 400, 'ValidationFailed');
      });
    });

    for (const [label, raw] of [['an array', '[{"UserName":"x"}]'], ['a number', '42'], ['a string', '"x"'], ['null', 'null']] as const) {
      it(`for ${label}`, async () => {
        await unchanged(async () => {
          const res = await send(t, 'POST', USERS, admin).set('Content-Type', 'application/json').send(raw);
          expectError(res, 400, 'ValidationFailed');
        });
      });
    }
  });

  it('answers 415 for a body that is not declared as application/json, and accepts JSON with parameters', async () => {
    await unchanged(async () => {
      for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
        const res = await send(t, 'POST', USERS, admin).set('Content-Type', type).send(`{"UserName":"${unique('typed')}"}`);
        expectError(res, 415, 'UnsupportedMediaType');
      }
      expectError(await send(t, 'POST', USERS, admin), 415, 'UnsupportedMediaType');
    });
    const res = await send(t, 'POST', USERS, admin)
      .set('Content-Type', 'application/json;odata.metadata=minimal;charset=utf-8')
      .send(JSON.stringify({ UserName: unique('typed') }));
    expect(res.status, res.text).to.equal(200);
  });

  it('answers 413 for a body larger than 256 KiB', async () => {
    await unchanged(async () => {
      const res = await send(t, 'POST', USERS, admin, { UserName: unique('big'), Department: 'x'.repeat(257 * 1024) });
      expectError(res, 413, 'PayloadTooLarge');
    });
  });

  it('answers 403 to a token without the odata.write scope, and 401 without a token', async () => {
    await unchanged(async () => {
      const readOnly = org.token('admin', 'odata.read');
      expectError(await send(t, 'POST', USERS, readOnly, { UserName: unique('r') }), 403, 'Forbidden');
      expectError(await send(t, 'PATCH', `${USERS}(${dev})`, readOnly, { Department: 'R' }), 403, 'Forbidden');
      expectError(await send(t, 'DELETE', `${TEAMS}(${team})`, readOnly), 403, 'Forbidden');
      for (const [method, url, body] of [['POST', USERS, { UserName: 'anon' }], ['PUT', `${USERS}(${dev})`, { UserName: 'dev' }], ['DELETE', `${USERS}(${dev})`, undefined]] as const) {
        const res = await send(t, method, url, undefined, body);
        expectError(res, 401, 'Unauthenticated');
        expect(res.headers['www-authenticate']).to.match(/^Bearer /);
      }
    });
  });
});
