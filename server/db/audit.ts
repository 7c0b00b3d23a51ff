/**
 * The audit log: one row per successful write, inserted BY the write's own statement
 * (`WITH done AS (<write> RETURNING *), logged AS (INSERT INTO audit_logs … FROM done) SELECT * FROM done`),
 * so a failed write leaves no trace, a logged write is never lost, and the log costs no round trip of its
 * own: who, company, action, set, key, the changed property names and their old/new values, the request id.
 * Read back as /odata/AuditLogs.
 */
import type { Knex } from 'knex';
import type { PropertyDef } from '../../odata/model';
import type { Principal } from '../auth/principal';
import { checksHold, checksRow, judge, withoutAnswers, type Checks } from '../auth/write-rules/checks';
import { selectRows } from './run-select';
import { ident, joinFragments, sql, type SqlFragment } from './sql-fragment';

/** What a write did; `link`/`unlink` add or remove a reference of a many-to-many navigation (`Teams(3)/Users/$ref`). */
export type AuditAction = 'create' | 'update' | 'replace' | 'delete' | 'link' | 'unlink';

/** Old and new value of each changed property, as the API shows them (formatValue: JSON-ready): `{ Name: { old: 'A', new: 'B' } }`. */
export type AuditChanges = Record<string, { readonly old?: unknown; readonly new?: unknown }>;

export interface AuditEntry {
  readonly principal: Principal;
  readonly action: AuditAction;
  readonly entitySet: string;
  readonly requestId?: string;
}

type Row = Record<string, unknown>;

/**
 * Runs `write` (an INSERT/UPDATE/DELETE … RETURNING *) with its audit row in one statement → its rows.
 * `audit` is the audit row's values after (company_id, user_id, action, entity_set): entity_key,
 * changed_properties, changes, request_id, as SQL over the written row `done`. With `checks`, the statement
 * first answers them as the row `ok` (the write's condition must hold over it: `checksHold`) and returns
 * the answers beside the written row; when it wrote nothing, the first refusal is thrown (checks.ts judge).
 */
async function withAuditRow(conn: Knex, write: SqlFragment, entry: AuditEntry, audit: SqlFragment, checks: Checks): Promise<Row[]> {
  const answers = checks.length > 0 ? checksRow(checks) : undefined;
  const logged = auditRowCte(entry, audit, 'done');
  const text =
    `WITH ${answers ? `ok AS (${answers.sql}), ` : ''}done AS (${write.sql}), ${logged.sql} ` +
    (answers ? 'SELECT ok.*, done.* FROM ok LEFT JOIN done ON TRUE' : 'SELECT * FROM done');
  const rows = await selectRows(conn, sql(text, [...(answers?.bindings ?? []), ...write.bindings, ...logged.bindings]), { prepare: true });
  if (!answers) return rows;
  const [first] = rows;
  if (!wrote(first)) refuse(checks, first, entry);
  return rows.map((row) => withoutAnswers(row, checks));
}

/**
 * The `logged` part of a write statement: its audit row, inserted from the written row `done` (joined with
 * `from`'s other rows): company, caller, action and set, then `values` — entity_key, changed_properties,
 * changes, request_id as SQL over them.
 */
function auditRowCte(entry: AuditEntry, values: SqlFragment, from: string): SqlFragment {
  return sql(
    'logged AS (INSERT INTO audit_logs (company_id, user_id, action, entity_set, entity_key, changed_properties, changes, request_id) ' +
      `SELECT done.company_id, ?::bigint, ?, ?, ${values.sql} FROM ${from})`,
    [entry.principal.userId, entry.action, entry.entitySet, ...values.bindings],
  );
}

/** Whether a checked statement's first row carries a written row (its id), not just the answers. */
const wrote = (row: Row | undefined): row is Row => row !== undefined && row.id !== null && row.id !== undefined;

/** A checked write that wrote nothing: the first refusal among the answers, or a bug when every check held. */
function refuse(checks: Checks, answers: Row | undefined, entry: AuditEntry): never {
  judge(checks, answers ?? {});
  throw new Error(`${entry.entitySet}: the ${entry.action} wrote nothing although every check held`);
}

/** A knex write builder as a fragment, its WHERE also requiring the checks (over `ok`) when there are any. */
function guarded(write: Knex.QueryBuilder, checks: Checks): SqlFragment {
  const statement = (checks.length > 0 ? write.clone().andWhereRaw(`(SELECT ${checksHold(checks)} FROM ok)`) : write).toSQL();
  return sql(statement.sql, statement.bindings);
}

/**
 * An update, replace or delete with its audit row; the changes were worked out from the locked row before:
 *   auditedWrite(trx, trx('teams').where(…).update({ name: 'B' }).returning('*'), entry, '7', { Name: { old: 'A', new: 'B' } })
 * With `checks` (a rule's, the caller's), the write happens only if they hold, else the first refusal is thrown.
 */
export function auditedWrite(
  conn: Knex, write: Knex.QueryBuilder, entry: AuditEntry, entityKey: string, changes: AuditChanges, checks: Checks = [],
): Promise<Row[]> {
  const audit = sql('?, ?, ?, ?', [entityKey, Object.keys(changes).join(','), JSON.stringify(changes), entry.requestId ?? null]);
  return withAuditRow(conn, guarded(write, checks), entry, audit, checks);
}

/**
 * Audit rows for entities a write touches beside its own row (a delete's ON DELETE CASCADE: the project's
 * mappings), inserted in the write's transaction, one per entity, all under `entry` (its action and caller)
 * but each in its own set:
 *   auditedAlongside(trx, entry, 'Mappings', [{ key: '6f1c…', changes: { Attribute1: { old: '2322345' } } }])
 */
export async function auditedAlongside(trx: Knex.Transaction, entry: AuditEntry, entitySet: string, entities: readonly { key: string; changes: AuditChanges }[]): Promise<void> {
  if (entities.length === 0) return;
  await trx('audit_logs').insert(entities.map(({ key, changes }) => ({
    company_id: entry.principal.companyId, user_id: entry.principal.userId, action: entry.action, entity_set: entitySet, entity_key: key,
    changed_properties: Object.keys(changes).join(','), changes: JSON.stringify(changes), request_id: entry.requestId ?? null,
  })));
}

const createdChanges = new WeakMap<readonly PropertyDef[], SqlFragment>();

/**
 * The JSON text of `{ "<Name>": { "new": <value> }, … }` for the created row `done`, built by PostgreSQL in
 * JSON.stringify's form (values as to_json writes them: Int64 as numbers, text escaped like JSON), once per list:
 *   [Id, Name] → '{"Id":{"new":' || coalesce(to_json("done"."id")::text, 'null') || '},"Name":{"new":' || … || '}}'
 */
export function createdChangesSql(props: readonly PropertyDef[]): SqlFragment {
  const known = createdChanges.get(props);
  if (known) return known;
  const built = buildCreatedChanges(props);
  createdChanges.set(props, built);
  return built;
}

function buildCreatedChanges(props: readonly PropertyDef[]): SqlFragment {
  if (props.length === 0) return sql("'{}'");
  const parts = props.map((p, i) => {
    const value = `coalesce(to_json(${ident('done', p.column)})::text, 'null')`;
    return sql(`'${i === 0 ? '{' : ','}${JSON.stringify(p.name)}:{"new":' || ${value} || '}'`);
  });
  return sql(`${joinFragments(parts, ' || ').sql} || '}'`);
}

/**
 * A create with its audit row: every property in `props` is logged with its stored value (Id and defaults
 * included). The row is inserted only if `checks` hold:
 *   auditedCreate(db, 'organization_team_member_hierarchies', { company_id: 1, user_id: 7, … }, entry, props, checks)
 *     → `WITH ok AS (SELECT … AS check_0, …), done AS (INSERT INTO "…" ("company_id", …) SELECT ?, … FROM ok WHERE ok.check_0 …
 *        RETURNING *), logged AS (INSERT INTO audit_logs …) SELECT ok.*, done.* FROM ok LEFT JOIN done ON TRUE` → [the row]
 */
export function auditedCreate(conn: Knex, table: string, values: Row, entry: AuditEntry, props: readonly PropertyDef[], checks: Checks = []): Promise<Row[]> {
  const columns = Object.keys(values);
  const placeholders = columns.map(() => '?').join(', ');
  const source = checks.length > 0 ? `SELECT ${placeholders} FROM ok WHERE ${checksHold(checks)}` : `VALUES (${placeholders})`;
  const insert = sql(`INSERT INTO ${ident(table)} (${columns.map((c) => ident(c)).join(', ')}) ${source} RETURNING *`, columns.map((c) => values[c]));
  const changes = createdChangesSql(props);
  const audit = sql(`done.id::text, ?, ${changes.sql}, ?`, [props.map((p) => p.name).join(','), ...changes.bindings, entry.requestId ?? null]);
  return withAuditRow(conn, insert, entry, audit, checks);
}

export interface KeyedUpdate {
  readonly table: string;
  readonly companyId: number;
  /** The addressed row: `"k"."id" = ?` (compile-read.ts keyCondition over the alias "k"). */
  readonly key: SqlFragment;
  /** Taken before the row is read (WriteRules.lock). */
  readonly lock?: SqlFragment;
  /** Columns and the values written (driver-ready). */
  readonly written: Row;
  /** The audited properties among the written columns, in model order; their values must be ones to_json writes as the API shows them. */
  readonly props: readonly PropertyDef[];
  /** The row version column, incremented; whether the table has updated_at (set to now()). */
  readonly versionColumn: string;
  readonly touchesUpdatedAt: boolean;
}

/** The answer column telling whether the written values differ from the row's. */
const CHANGES = 'check_changes';

/**
 * An update by key as ONE statement, without a transaction of its own (autocommit): takes the lock, reads
 * and locks the row (the newest version, FOR NO KEY UPDATE), answers the checks — the first of which should
 * ask that the row exists (`EXISTS (SELECT 1 FROM cur)`) — and writes only the columns' new values when
 * every check holds and something changes, with its audit row: the changed properties' old and new values
 * as PostgreSQL writes them (the same text as JSON.stringify of the API's values, for the types allowed).
 * → { row } when written; { unchanged: true } when the values are already the row's; else the first refusal is thrown.
 *   auditedKeyedUpdate(db, { table: 'organization_team_hierarchies', key: "k"."id" = 7, written: { parent_id: 3 }, … }, entry, checks)
 */
export async function auditedKeyedUpdate(conn: Knex, update: KeyedUpdate, entry: AuditEntry, checks: Checks): Promise<{ row?: Row; unchanged?: true }> {
  const columns = Object.keys(update.written);
  if (columns.length === 0 || checks.length === 0) throw new Error('auditedKeyedUpdate: nothing to write, or no checks');
  const values = columns.map((c) => update.written[c]);
  const locked = update.lock ? sql(`locked AS MATERIALIZED (SELECT ${update.lock.sql}), `, update.lock.bindings) : sql('');
  const afterLock = update.lock ? ' AND (SELECT count(*) FROM locked) = 1' : '';
  const cur = sql(
    `cur AS MATERIALIZED (SELECT "k".* FROM ${ident(update.table)} AS "k" WHERE "k"."company_id" = ?::integer AND ${update.key.sql}${afterLock} FOR NO KEY UPDATE), `,
    [update.companyId, ...update.key.bindings],
  );
  const answers = checksRow(checks);
  const differs = sql(`EXISTS (SELECT 1 FROM cur WHERE ${columns.map((c) => `cur.${ident(c)} IS DISTINCT FROM ?`).join(' OR ')}) AS ${CHANGES}`, values);
  const ok = sql(`ok AS (${answers.sql}, ${differs.sql}${update.lock ? ' FROM locked' : ''}), `, [...answers.bindings, ...differs.bindings]);
  const sets = [
    ...columns.map((c) => `${ident(c)} = ?`),
    `${ident(update.versionColumn)} = ${ident(update.versionColumn)} + 1`,
    ...(update.touchesUpdatedAt ? ['"updated_at" = now()'] : []),
  ];
  const done = sql(
    `done AS (UPDATE ${ident(update.table)} SET ${sets.join(', ')} WHERE "company_id" = ?::integer AND "id" = (SELECT id FROM cur)` +
      ` AND (SELECT ${checksHold(checks)} AND ok.${CHANGES} FROM ok) RETURNING *), `,
    [...values, update.companyId],
  );
  // each changed property: "Name":{"old":…,"new":…}; concat_ws leaves out the unchanged (NULL)
  const changed = (p: PropertyDef) => `cur.${ident(p.column)} IS DISTINCT FROM done.${ident(p.column)}`;
  const json = (alias: string, p: PropertyDef) => `coalesce(to_json(${alias}.${ident(p.column)})::text, 'null')`;
  const names = update.props.map((p) => `CASE WHEN ${changed(p)} THEN '${p.name}' END`);
  const pairs = update.props.map((p) => `CASE WHEN ${changed(p)} THEN '${JSON.stringify(p.name)}:{"old":' || ${json('cur', p)} || ',"new":' || ${json('done', p)} || '}' END`);
  const audit = sql(`done.id::text, concat_ws(',', ${names.join(', ')}), '{' || concat_ws(',', ${pairs.join(', ')}) || '}', ?`, [entry.requestId ?? null]);
  const logged = auditRowCte(entry, audit, 'done, cur');
  const text = `WITH ${locked.sql}${cur.sql}${ok.sql}${done.sql}${logged.sql} SELECT ok.*, done.* FROM ok LEFT JOIN done ON TRUE`;
  const bindings = [...locked.bindings, ...cur.bindings, ...ok.bindings, ...done.bindings, ...logged.bindings];
  const [first] = await selectRows(conn, sql(text, bindings), { prepare: true });
  if (wrote(first)) {
    const { [CHANGES]: _, ...row } = withoutAnswers(first, checks);
    return { row };
  }
  if (first?.[CHANGES] === false) {
    judge(checks, first); // nothing to change, but the same answer
    return { unchanged: true };
  }
  return refuse(checks, first, entry);
}
