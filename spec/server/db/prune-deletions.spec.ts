/**
 * Tombstones on the run's database: deletes of users, teams and memberships leave one (with a membership's
 * user), updates record their transaction in change_xid, and pruneDeletions removes only the tombstones
 * older than the retention (plus its hour of slack); schedulePruning runs it on its timer and stops.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import pino from 'pino';
import { pruneDeletions, schedulePruning } from '../../../server/db/prune-deletions';
import { createCompany } from '../../http/helpers';
import { testDatabase } from '../../helpers/test-database';

describe('tombstones and their pruning (migration 9, server/db/prune-deletions.ts)', () => {
  let db: Knex;
  let companyId: number;
  let users: Map<string, number>;
  let teams: Map<string, number>;
  const tombstones = async () => (await db('deleted_entities').where({ company_id: companyId }).orderBy('id').select('source_table', 'entity_id', 'user_id'))
    .map((r: { source_table: string; entity_id: string; user_id: string | null }) => [r.source_table, Number(r.entity_id), r.user_id === null ? null : Number(r.user_id)]);

  before(async () => {
    db = (await testDatabase()).db;
    ({ companyId, users, teams } = await createCompany(db, 'Tombstones', [{ user_name: 'stays' }, { user_name: 'goes' }], [['Root', null], ['Leaf', 'Root']], [['stays', 'Leaf']]));
  });

  it('leaves a tombstone for each deleted user, team and membership, and records each update\'s transaction', async () => {
    const before = (await db('users').where({ company_id: companyId, id: users.get('stays') }).first('change_xid')) as { change_xid: string };
    await db('users').where({ company_id: companyId, id: users.get('stays') }).update({ department: 'Changed' });
    const after = (await db('users').where({ company_id: companyId, id: users.get('stays') }).first('change_xid')) as { change_xid: string };
    expect(BigInt(after.change_xid) > BigInt(before.change_xid)).to.equal(true);

    const membership = Number(((await db('organization_team_member_hierarchies').where({ company_id: companyId }).first('id')) as { id: string }).id);
    await db('organization_team_member_hierarchies').where({ company_id: companyId }).delete();
    await db('users').where({ company_id: companyId, id: users.get('goes') }).delete();
    await db('organization_team_hierarchies').where({ company_id: companyId, id: teams.get('Leaf') }).delete();
    expect(await tombstones()).to.deep.equal([
      ['organization_team_member_hierarchies', membership, users.get('stays')],
      ['users', users.get('goes'), null],
      ['organization_team_hierarchies', teams.get('Leaf'), null],
    ]);
    // a team move marks the team as moved (a non-administrator's visible users change with it)
    const root = teams.get('Root') as number;
    const [leaf2] = (await db('organization_team_hierarchies').insert({ company_id: companyId, name: 'Leaf2', parent_id: null }).returning('id')) as { id: string }[];
    await db('organization_team_hierarchies').where({ company_id: companyId, id: leaf2?.id }).update({ name: 'Renamed' });
    expect(((await db('organization_team_hierarchies').where({ company_id: companyId, id: leaf2?.id }).first('moved_xid')) as { moved_xid: unknown }).moved_xid).to.equal(null);
    await db('organization_team_hierarchies').where({ company_id: companyId, id: leaf2?.id }).update({ parent_id: root });
    expect(((await db('organization_team_hierarchies').where({ company_id: companyId, id: leaf2?.id }).first('moved_xid')) as { moved_xid: unknown }).moved_xid).not.to.equal(null);
  });

  it('prunes the tombstones older than the retention and its hour of slack, and only those', async () => {
    await db('deleted_entities').where({ company_id: companyId, source_table: 'users' }).update({ deleted_at: db.raw("now() - interval '3 hours'") });
    await db('deleted_entities').where({ company_id: companyId, source_table: 'organization_team_hierarchies' }).update({ deleted_at: db.raw("now() - interval '90 minutes'") });
    // retention 1 hour: older than 2 hours goes (the users' tombstone), 90 minutes stays
    expect(await pruneDeletions(db, 3600)).to.be.at.least(1);
    expect((await tombstones()).map(([table]) => table)).to.deep.equal(['organization_team_member_hierarchies', 'organization_team_hierarchies']);
    expect(await pruneDeletions(db, 3600)).to.equal(0);
  });

  it('runs on its timer until stopped', async () => {
    await db('deleted_entities').where({ company_id: companyId }).update({ deleted_at: db.raw("now() - interval '3 days'") });
    const stop = schedulePruning(db, 60, pino({ level: 'silent' }), 10, 10);
    for (let i = 0; i < 100 && (await tombstones()).length > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(await tombstones()).to.deep.equal([]);
  });
});
