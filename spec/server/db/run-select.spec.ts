import { expect } from 'chai';
import { nativeSql, selectRows } from '../../../server/db/run-select';
import { sql } from '../../../server/db/sql-fragment';
import { testDatabase } from '../../helpers/test-database';

describe('nativeSql (placeholders numbered as knex numbers them)', () => {
  it('numbers each ? in order', () => {
    expect(nativeSql(sql('a = ? AND b IN (?, ?) limit ?', [1, 'x', 'y', 10]))).to.deep.equal({ sql: 'a = $1 AND b IN ($2, $3) limit $4', bindings: [1, 'x', 'y', 10] });
  });

  it('keeps an escaped \\? as a literal question mark (the jsonb operator)', () => {
    expect(nativeSql(sql('"t0"."assets" \\? ? AND x = ?', ['Repositories', 2])).sql).to.equal('"t0"."assets" ? $1 AND x = $2');
  });

  it('refuses a fragment whose bindings do not match its placeholders (a compiler bug, not a user error)', () => {
    expect(() => nativeSql(sql('a = ?', [1, 2]))).to.throw('SQL has 1 placeholders for 2 bindings');
  });
});

describe('selectRows (on the run\'s database)', () => {
  it('runs a statement on a pooled connection, with the session the pool set up', async () => {
    const { db } = await testDatabase();
    const rows = await selectRows(db, sql('SELECT ?::int + 1 AS n, count(*)::int AS users FROM users WHERE company_id = ?', [41, 1]));
    expect(rows).to.have.length(1);
    expect(rows[0]?.n).to.equal(42);
    // the search_path knex set on the connection: the run's own schema, with the demo users in it
    expect(rows[0]?.users).to.be.greaterThan(0);
  });

  it("emits knex's 'query' event with the statement the driver runs", async () => {
    const { db } = await testDatabase();
    const seen: { sql: string; bindings: unknown[] }[] = [];
    const listen = (q: { sql: string; bindings: unknown[] }) => seen.push(q);
    db.on('query', listen);
    try {
      await selectRows(db, sql('SELECT ?::int AS n', [5]));
    } finally {
      db.off('query', listen);
    }
    expect(seen.map((q) => [q.sql, q.bindings])).to.deep.equal([['SELECT $1::int AS n', [5]]]);
  });

  it('runs inside a transaction on that transaction\'s connection (sees its uncommitted rows)', async () => {
    const { db } = await testDatabase();
    await db.transaction(async (trx) => {
      await trx.raw('CREATE TEMP TABLE run_select_probe (n int) ON COMMIT DROP');
      await trx.raw('INSERT INTO run_select_probe VALUES (7)');
      expect(await selectRows(trx, sql('SELECT n FROM run_select_probe WHERE n = ?', [7]))).to.deep.equal([{ n: 7 }]);
    });
  });

  it('passes a database error on (the error renderer maps it)', async () => {
    const { db } = await testDatabase();
    let caught: unknown;
    try {
      await selectRows(db, sql('SELECT 1 / ?::int AS n', [0]));
    } catch (err) {
      caught = err;
    }
    expect((caught as { code?: string }).code).to.equal('22012');
  });
});
