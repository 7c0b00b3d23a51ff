/**
 * Audit row specs below HTTP: the exact SQL of a created row's changes, and, on the run's database, that
 * PostgreSQL writes that JSON exactly as JSON.stringify writes the values the API shows (awkward
 * strings, nulls, Int64, booleans), so the log reads the same whichever side built it.
 */
import { expect } from 'chai';
import { formatValue } from '../../../odata/format';
import type { PropertyDef } from '../../../odata/model';
import { createdChangesSql } from '../../../server/db/audit';
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
