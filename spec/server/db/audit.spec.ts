/**
 * Audit row specs below HTTP: the exact SQL of a created row's changes and of a checked create, and, on the run's database, that
 * PostgreSQL writes that JSON exactly as JSON.stringify writes the values the API shows (awkward
 * strings, nulls, Int64, booleans), so the log reads the same whichever side built it.
 */
import { expect } from 'chai';
import { formatValue } from '../../../odata/format';
import type { PropertyDef } from '../../../odata/model';
import { ODataError } from '../../../odata/errors';
import { must } from '../../../server/auth/write-rules/checks';
import { auditedCreate, createdChangesSql } from '../../../server/db/audit';
import { sql } from '../../../server/db/sql-fragment';
import { testDatabase } from '../../helpers/test-database';

const props: PropertyDef[] = [
  { name: 'Id', column: 'id', type: 'Edm.Int64', nullable: false },
  { name: 'Name', column: 'name', type: 'Edm.String', nullable: true },
  { name: 'Active', column: 'active', type: 'Edm.Boolean', nullable: false },
];

describe('createdChangesSql', () => {
  it('concatenates each property as {"<Name>":{"new":<to_json value>}} in model order', () => {
    expect(createdChangesSql(props).sql).to.equal(
      `'{"Id":{"new":' || coalesce(to_json("done"."id")::text, 'null') || '}' || ',"Name":{"new":' || coalesce(to_json("done"."name")::text, 'null') || '}'` +
        ` || ',"Active":{"new":' || coalesce(to_json("done"."active")::text, 'null') || '}' || '}'`,
    );
    expect(createdChangesSql([]).sql).to.equal("'{}'");
  });

  it('gives the text JSON.stringify gives for the formatted values', async () => {
    const { db } = await testDatabase();
    const names = ['plain', 'O\'Neil "quoted" \\ back/slash', 'line\nbreak\ttab\u0001ctl', 'Zoë 😀 日本', null];
    for (const [i, name] of names.entries()) {
      const id = 9007199254740000 + i;
      const { rows } = (await db.raw(
        `SELECT ${createdChangesSql(props).sql} AS changes FROM (SELECT ?::bigint AS id, ?::text AS name, ?::boolean AS active) AS done`,
        [String(id), name, i % 2 === 0],
      )) as { rows: { changes: string }[] };
      const expected: Record<string, { new: unknown }> = {};
      for (const [prop, value] of [[props[0], String(id)], [props[1], name], [props[2], i % 2 === 0]] as const) {
        expected[prop?.name ?? ''] = { new: formatValue(prop as PropertyDef, value, { serviceRoot: '', ieee754Compatible: false, omitNulls: false }) };
      }
      expect(rows[0]?.changes).to.equal(JSON.stringify(expected));
    }
  });
});

describe('auditedCreate with checks', () => {
  it('inserts only when the checks hold, with its audit row, in one statement that returns the answers too', async () => {
    let ran: { sql: string; bindings: unknown[]; name?: string } | undefined;
    // a transaction's connection as knex gives it: raw(…).options({ name }) is awaited
    const conn = {
      isTransaction: true,
      raw: (text: string, bindings: unknown[]) => ({
        options: (o: { name: string }) => {
          ran = { sql: text, bindings, name: o.name };
          return Promise.resolve({ rows: [{ check_0: true, id: '12', company_id: 1, name: 'x' }] });
        },
      }),
    };
    const principal = { userId: '5', companyId: 1, userName: 'alice', isAdministrator: false, scopes: new Set<string>() };
    const may = must(sql('EXISTS (SELECT 1 FROM m WHERE id = ?)', [7]), () => new ODataError('Forbidden', 'no'));
    const rows = await auditedCreate(conn as never, 'things', { company_id: 1, name: 'x' }, { principal, action: 'create', entitySet: 'Things', requestId: 'r1' }, props.slice(0, 2), [may]);
    expect(rows).to.deep.equal([{ id: '12', company_id: 1, name: 'x' }]);
    expect(ran?.sql).to.equal(
      'WITH ok AS (SELECT EXISTS (SELECT 1 FROM m WHERE id = ?) AS check_0), ' +
        'done AS (INSERT INTO "things" ("company_id", "name") SELECT ?, ? FROM ok WHERE ok.check_0 RETURNING *), ' +
        'logged AS (INSERT INTO audit_logs (company_id, user_id, action, entity_set, entity_key, changed_properties, changes, request_id) ' +
        `SELECT done.company_id, ?::bigint, ?, ?, done.id::text, ?, ${createdChangesSql(props.slice(0, 2)).sql}, ? FROM done) ` +
        'SELECT ok.*, done.* FROM ok LEFT JOIN done ON TRUE',
    );
    expect(ran?.bindings).to.deep.equal([7, 1, 'x', '5', 'create', 'Things', 'Id,Name', 'r1']);
    expect(ran?.name).to.match(/^oc_[0-9a-f]{20}$/);
  });

  it('throws the refusal of the first failing check when nothing was inserted', async () => {
    const conn = { isTransaction: true, raw: () => ({ options: () => Promise.resolve({ rows: [{ check_0: true, check_1: false, id: null }] }) }) };
    const principal = { userId: '5', companyId: 1, userName: 'alice', isAdministrator: false, scopes: new Set<string>() };
    const checks = [must(sql('TRUE'), () => new ODataError('Forbidden', 'first')), must(sql('FALSE'), () => new ODataError('ValidationFailed', 'second', 'UserId'))];
    const failed = await auditedCreate(conn as never, 'things', { company_id: 1 }, { principal, action: 'create', entitySet: 'Things' }, props, checks).catch((err: unknown) => err);
    expect(failed).to.be.instanceOf(ODataError).and.to.include({ message: 'second', target: 'UserId', status: 400 });
  });
});
