/**
 * Executes one write (POST/PATCH/PUT/DELETE) in ONE transaction: the set's lock, then the target row
 * (FOR UPDATE; FOR NO KEY UPDATE for an update), If-Match compared with its row version, and the write with
 * its audit row and the set's rule checks (seed 003) in one statement (audit.ts, checks.ts) — all or
 * nothing. A create judged by checks alone is that one statement without BEGIN/COMMIT, and so is a PATCH
 * whose checks need no row (audit.ts auditedKeyedUpdate: lock, row, checks, write, audit row). The caller
 * is checked inside the write; a caller who changed is authenticated afresh and the write runs again.
 * Deadlocks and serialization failures are retried, then reported as 409.
 */
import type { Knex } from 'knex';
import { ODataError } from '../../odata/errors';
import { formatValue, versionOfEtag } from '../../odata/format';
import { entitySet, type EntitySetDef, type PropertyDef } from '../../odata/model';
import { entityNotFound } from '../../odata/plan/plan-read';
import type { KeyLookup } from '../../odata/plan/read-plan';
import { asCaller, callerCheck } from '../auth/caller-check';
import { takeLock } from '../auth/hierarchy';
import type { Principal } from '../auth/principal';
import { updateChecksOf, writeRulesFor } from '../auth/write-rules';
import { must, requireNow, type Checks } from '../auth/write-rules/checks';
import { same, type Row, type RuleContext, type RuleSettings, type WriteRules } from '../auth/write-rules/types';
import { newSecret, secretHash } from '../auth/personal-tokens';
import { auditedAlongside, auditedCreate, auditedKeyedUpdate, auditedWrite, type AuditAction, type AuditChanges, type AuditEntry } from './audit';
import { keyCondition } from './compile-read';
import { isRetryable } from './map-db-error';
import { selectRows } from './run-select';
import { ident, knexBindings, sql, type SqlFragment } from './sql-fragment';

export interface WriteCommand {
  readonly set: EntitySetDef;
  readonly action: AuditAction;
  /** The addressed entity (update, replace, delete). */
  readonly key?: KeyLookup;
  /** Validated body, property names as in the model (create, update, replace). */
  readonly body?: Readonly<Record<string, unknown>>;
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
  /** The caller as authentication found it (possibly from its cache): checked inside the write. */
  readonly principal: Principal;
  /**
   * Authenticates the caller afresh (no cache): called when the caller changed since (the caller check
   * failed), or when a rule refused (403/404) a caller whose administrator flag may be out of date.
   */
  readonly refreshPrincipal?: () => Promise<Principal>;
  readonly requestId?: string;
  readonly settings?: RuleSettings;
}

const MAX_ATTEMPTS = 3;

/** Body (OData names) → columns: `{ ParentId: 3 }` → `{ parent_id: 3 }`; CompanyId is dropped (always the caller's). */
function toColumns(set: EntitySetDef, body: Readonly<Record<string, unknown>>): Row {
  const row: Row = {};
  for (const prop of set.properties) {
    if (prop.readOnly || prop.name === 'CompanyId' || !(prop.name in body)) continue;
    row[prop.column] = body[prop.name];
  }
  return row;
}

/** What PUT resets an omitted property to: its default, or null. */
function replacementValues(set: EntitySetDef, body: Readonly<Record<string, unknown>>): Row {
  const row: Row = {};
  for (const prop of set.properties) {
    if (prop.readOnly || prop.name === 'CompanyId') continue;
    row[prop.column] = prop.name in body ? body[prop.name] : (prop.defaultValue ?? null);
  }
  return row;
}

/** Values as the API shows them (Int64 as numbers whatever the driver returns). */
const AUDIT_FORMAT = { serviceRoot: '', ieee754Compatible: false, omitNulls: false };

/** Properties the log leaves out: the server sets them on every write. */
const UNAUDITED = new Set(['CreatedAt', 'UpdatedAt']);

/** What an update, replace or delete changes, from the locked row and the values written (known before the statement runs). */
function changesOf(props: readonly PropertyDef[], before: Row, after: Row | undefined): AuditChanges {
  const changes: AuditChanges = {};
  for (const prop of props) {
    if (UNAUDITED.has(prop.name)) continue;
    const old = formatValue(prop, before[prop.column], AUDIT_FORMAT);
    const next = formatValue(prop, after?.[prop.column], AUDIT_FORMAT);
    if (after && sameValue(old, next)) continue;
    changes[prop.name] = { old, ...(after ? { new: next } : {}) };
  }
  return changes;
}

/**
 * Audit rows for the entities a delete takes with it (EntitySetDef.cascades), written before the delete in
 * its transaction (a delete that then fails leaves none): one `delete` of each, old values as for any delete.
 *   deleting project 7 with two people → two rows: action delete, entity_set Mappings, entity_key <mapping Id>
 */
async function auditCascades(trx: Knex.Transaction, set: EntitySetDef, before: Row, entry: AuditEntry): Promise<void> {
  for (const cascade of set.cascades ?? []) {
    const target = entitySet(cascade.set);
    if (!target) throw new Error(`model: ${set.name} cascades to unknown set ${cascade.set}`);
    const rows = (await trx(target.table).where({ company_id: before.company_id, [cascade.column]: before.id }).orderBy('id').forUpdate()) as Row[];
    await auditedAlongside(trx, entry, target.name, rows.map((row) => ({ key: String(row.id), changes: changesOf(target.properties, row, undefined) })));
  }
}

/** JSON text with object keys sorted, so that jsonb's key order does not count: `canonicalJson({ b: 1, a: [2] })` → '{"a":[2],"b":1}'. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** `same`, and for JSON objects and arrays (complex properties) equal content: `sameValue({ a: 1 }, { a: 1 })` → true. */
function sameValue(a: unknown, b: unknown): boolean {
  if ((a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) return canonicalJson(a) === canonicalJson(b);
  return same(a, b);
}

/** Columns whose value the write changes: `changedColumns({ name: 'A' }, { name: 'A', x: 1 })` → {} when equal. */
function changedColumns(before: Row, written: Row): Row {
  return Object.fromEntries(Object.entries(written).filter(([column, value]) => !sameValue(before[column], value)));
}

/**
 * Values as the driver takes them: a complex property's value (object or array) as its JSON text for its
 * jsonb column — node-postgres would write a JS array as a PostgreSQL array. `{ assets: { … } }` → `{ assets: '{…}' }`.
 */
function forDriver(set: EntitySetDef, row: Row): Row {
  const out: Row = { ...row };
  for (const prop of set.properties) {
    const value = out[prop.column];
    if (prop.complex && value !== undefined && value !== null && typeof value === 'object') out[prop.column] = JSON.stringify(value);
  }
  return out;
}

/**
 * Properties declared `immutable` keep the value they were created with: `checkImmutable(Mappings, { attribute1: 'a' },
 * { attribute1: 'b' })` → 400 (target Attribute1); the same value again is accepted (PUT sends every property).
 */
function checkImmutable(set: EntitySetDef, before: Row, written: Row): void {
  for (const prop of set.properties) {
    if (!prop.immutable || !(prop.column in written) || sameValue(before[prop.column], written[prop.column])) continue;
    throw new ODataError('ValidationFailed', `${prop.name} cannot be changed once the ${set.typeName} is created (delete it and create another)`, prop.name);
  }
}

function checkPreconditions(set: EntitySetDef, before: Row, ifMatch?: string, ifNoneMatch?: string): void {
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() === '*') {
    throw new ODataError('PreconditionFailed', `If-None-Match: * failed: the ${set.typeName} exists`);
  }
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const version = set.versionColumn ? String(before[set.versionColumn]) : undefined;
  const wanted = ifMatch.split(',').map((tag) => versionOfEtag(tag));
  if (!version || !wanted.includes(version)) {
    throw new ODataError('PreconditionFailed', `If-Match failed: the ${set.typeName} has changed since it was read (its ETag is now W/"${version ?? ''}")`);
  }
}

/**
 * The addressed row, locked FOR UPDATE (a delete) or FOR NO KEY UPDATE (an update: it does not block a
 * foreign key's check on the row, e.g. a team created under it); with `lock` (the set's, e.g. the company's
 * hierarchy lock) taken first in the same statement: a one-time filter evaluated before any row is read or locked.
 *   lockedRow(trx, Teams, key(7), 1, 'update', companyLock('hierarchy', 1))
 *     → WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(…)) SELECT * FROM "organization_team_hierarchies"
 *       WHERE (SELECT count(*) FROM locked) = 1 AND company_id = 1 AND <key> FOR UPDATE
 */
export async function lockedRow(
  trx: Knex.Transaction, set: EntitySetDef, key: KeyLookup, companyId: number, strength: 'update' | 'no key update' = 'update', lock?: SqlFragment,
): Promise<Row | undefined> {
  const addressed = keyCondition(set.table, key);
  const found = trx(set.table).where({ company_id: companyId }).andWhereRaw(addressed.sql, knexBindings(addressed));
  const q = strength === 'update' ? found.forUpdate() : found.forNoKeyUpdate();
  if (!lock) return (await q.first()) as Row | undefined;
  const row = q.clone().andWhereRaw('(SELECT count(*) FROM locked) = 1').limit(1).toSQL();
  const statement = sql(`WITH locked AS MATERIALIZED (SELECT ${lock.sql}) ${row.sql}`, [...lock.bindings, ...row.bindings]);
  return (await selectRows(trx, statement, { prepare: true }))[0];
}

/** What the rules returned as checks, after the caller's own: `[caller, …rule checks]`. */
function withCaller(principal: Principal, checks: Checks | void): Checks {
  return [callerCheck(principal), ...(checks ?? [])];
}

/** A create's row: the body's columns in the caller's company, with the hash of a secret made here (AccessTokens). */
function createdValues(set: EntitySetDef, command: WriteCommand): { values: Row; secret?: string } {
  const values: Row = { ...toColumns(set, command.body ?? {}), company_id: command.principal.companyId };
  // a secret made here is stored as its hash and handed back once, under its property's name (never a column)
  const secret = set.secret ? newSecret(set.secret.prefix) : undefined;
  if (set.secret && secret) values[set.secret.hashColumn] = secretHash(secret);
  return { values, secret };
}

/** The properties a create logs: all but the server's timestamps (worked out once per set). */
const logged = new WeakMap<EntitySetDef, readonly PropertyDef[]>();
function createdProperties(set: EntitySetDef): readonly PropertyDef[] {
  let props = logged.get(set);
  if (!props) {
    props = set.properties.filter((p) => !UNAUDITED.has(p.name));
    logged.set(set, props);
  }
  return props;
}

async function create(conn: Knex, set: EntitySetDef, command: WriteCommand, checks: Checks, values: Row, secret?: string): Promise<Row | undefined> {
  const entry: AuditEntry = { principal: command.principal, action: command.action, entitySet: set.name, requestId: command.requestId };
  const [inserted] = await auditedCreate(conn, set.table, forDriver(set, values), entry, createdProperties(set), checks);
  return set.secret && secret && inserted ? { ...inserted, [set.secret.property]: secret } : inserted;
}

/** A create that its checks alone judge (WriteRules.createChecks, no lock, no prepare): one statement, no BEGIN/COMMIT. */
function isOneStatementCreate(rules: WriteRules, command: WriteCommand): boolean {
  return command.action === 'create' && rules.createChecks !== undefined && !rules.lock && !rules.prepare;
}

async function run(trx: Knex.Transaction, command: WriteCommand): Promise<Row | undefined> {
  const { set, principal } = command;
  const rules = writeRulesFor(set);
  const ctx: RuleContext = { trx, principal, set, caller: callerCheck(principal), settings: command.settings };
  const lock = rules.lock?.(principal);
  const entry: AuditEntry = { principal, action: command.action, entitySet: set.name, requestId: command.requestId };

  if (command.action === 'create') {
    if (lock) await takeLock(trx, lock);
    await rules.prepare?.(ctx);
    const { values, secret } = createdValues(set, command);
    const checks = rules.createChecks ? rules.createChecks(principal, values) : await rules.create?.(ctx, values);
    return create(trx, set, command, withCaller(principal, checks), values, secret);
  }

  await rules.prepare?.(ctx);
  const key = command.key as KeyLookup;
  // the set's lock before the row, as the one-statement PATCH takes them (one order: no deadlock between them)
  const before = await lockedRow(trx, set, key, principal.companyId, command.action === 'delete' ? 'update' : 'no key update', lock);
  if (!before || (await rules.isHidden?.(ctx, before))) throw entityNotFound(set, key);
  checkPreconditions(set, before, command.ifMatch, command.ifNoneMatch);

  if (command.action === 'delete') {
    let checks = withCaller(principal, await rules.remove(ctx, before));
    if (set.softDelete) return softDelete(trx, set, set.softDelete, before, entry, checks);
    if (set.cascades?.length) {
      // judged before the cascaded rows are read and logged
      await requireNow({ trx }, checks);
      checks = [];
    }
    await auditCascades(trx, set, before, entry);
    const remove = trx(set.table).where({ company_id: principal.companyId, id: before.id as string }).delete().returning('*');
    await auditedWrite(trx, remove, entry, String(before.id), changesOf(set.properties, before, undefined), checks);
    return undefined;
  }

  const written = command.action === 'replace' ? replacementValues(set, command.body ?? {}) : toColumns(set, command.body ?? {});
  checkImmutable(set, before, written);
  const after = { ...before, ...written };
  const checks = withCaller(principal, await updateChecksOf(rules, ctx, before, after, written));
  const update = forDriver(set, changedColumns(before, written));
  if (Object.keys(update).length === 0) {
    await requireNow({ trx }, checks); // nothing changes: no new version, no audit entry, but the same answer
    return before;
  }
  bumpVersion(trx, set, update);
  const write = trx(set.table).where({ company_id: principal.companyId, id: before.id as string }).update(update).returning('*');
  const [updated] = await auditedWrite(trx, write, entry, String(before.id), changesOf(set.properties, before, after), checks);
  return updated;
}

/** An update's bookkeeping columns: the row version + 1 and updated_at = now(), where the set has them. */
function bumpVersion(trx: Knex.Transaction, set: EntitySetDef, update: Row): void {
  if (set.versionColumn) update[set.versionColumn] = trx.raw('?? + 1', [set.versionColumn]);
  if (set.properties.some((p) => p.column === 'updated_at')) update.updated_at = trx.fn.now();
}

/**
 * DELETE of a set with `softDelete`: the row stays and is marked — a Boolean property becomes false
 * (Teams: 'Active'), a DateTimeOffset one gets the time (AccessTokens: 'RevokedAt') — audited as a
 * `delete` that changed it: `{ Active: { old: true, new: false } }`. Deleting a row that is already
 * marked changes nothing and logs nothing (204 again: DELETE is idempotent).
 */
async function softDelete(trx: Knex.Transaction, set: EntitySetDef, name: string, before: Row, entry: AuditEntry, checks: Checks): Promise<undefined> {
  const prop = set.properties.find((p) => p.name === name);
  if (!prop || (prop.type !== 'Edm.Boolean' && prop.type !== 'Edm.DateTimeOffset')) {
    throw new Error(`model: ${set.name}.softDelete names no Boolean or DateTimeOffset property ${name}`);
  }
  const marked = prop.type === 'Edm.Boolean' ? before[prop.column] === false : before[prop.column] !== null && before[prop.column] !== undefined;
  if (marked) {
    await requireNow({ trx }, checks); // nothing changes, but the same answer
    return undefined;
  }
  // the time is the transaction's now(), read first so that the row and its audit entry carry the same value
  const value = prop.type === 'Edm.Boolean' ? false : ((await trx.raw('SELECT now() AS now')) as { rows: { now: unknown }[] }).rows[0]?.now;
  const update: Row = { [prop.column]: value };
  bumpVersion(trx, set, update);
  const write = trx(set.table).where({ company_id: before.company_id as number, id: before.id as string }).update(update).returning('*');
  await auditedWrite(trx, write, entry, String(before.id), changesOf([prop], before, { ...before, [prop.column]: value }), checks);
  return undefined;
}

/** Types whose values PostgreSQL's to_json writes as the API shows them (formatValue; spec/server/db/audit.spec.ts). */
const SQL_AUDITED_TYPES = new Set(['Edm.String', 'Edm.Int64', 'Edm.Int32', 'Edm.Boolean', 'Edm.Guid']);

/**
 * A PATCH by Id that checks alone judge (WriteRules.updateChecks; no prepare, no isHidden, no If-Match or
 * If-None-Match) and that writes only plain values whose audit PostgreSQL can write: ONE statement.
 */
function isOneStatementUpdate(rules: WriteRules, command: WriteCommand, written: Row): boolean {
  const { set } = command;
  return command.action === 'update' && rules.updateChecks !== undefined && !rules.prepare && !rules.isHidden
    && command.ifMatch === undefined && command.ifNoneMatch === undefined && set.versionColumn !== undefined
    && command.key?.property.column === 'id' && Object.keys(written).length > 0
    && set.properties.every((p) => !(p.column in written) || (SQL_AUDITED_TYPES.has(p.type) && !p.complex && !p.immutable));
}

/** The one-statement PATCH (isOneStatementUpdate): the written row, or the row as it is when nothing changes. */
async function updateInOneStatement(db: Knex, command: WriteCommand, rules: WriteRules, written: Row): Promise<Row | undefined> {
  const { set, principal } = command;
  const key = command.key as KeyLookup;
  const id = String(key.value.value);
  const checks = [
    callerCheck(principal),
    must(sql('EXISTS (SELECT 1 FROM cur)'), () => entityNotFound(set, key)),
    ...(rules.updateChecks?.(principal, id, written) ?? []),
  ];
  const entry: AuditEntry = { principal, action: command.action, entitySet: set.name, requestId: command.requestId };
  const result = await auditedKeyedUpdate(db, {
    table: set.table, companyId: principal.companyId, key: keyCondition('k', key), lock: rules.lock?.(principal),
    written: forDriver(set, written), props: set.properties.filter((p) => p.column in written && !UNAUDITED.has(p.name)),
    versionColumn: set.versionColumn as string, touchesUpdatedAt: set.properties.some((p) => p.column === 'updated_at'),
  }, entry, checks);
  if (result.row) return result.row;
  // nothing changes: no new version, no audit entry; the entity as it is (its ETag)
  return (await selectRows(db, sql(`SELECT * FROM ${ident(set.table)} WHERE company_id = ? AND id = ?`, [principal.companyId, id])))[0];
}

/** Runs the command once, retrying deadlocks and serialization failures. */
async function attempt(db: Knex, command: WriteCommand): Promise<Row | undefined> {
  const rules = writeRulesFor(command.set);
  const written = command.action === 'update' ? toColumns(command.set, command.body ?? {}) : {};
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (isOneStatementUpdate(rules, command, written)) return await updateInOneStatement(db, command, rules, written);
      if (!isOneStatementCreate(rules, command)) return await db.transaction((trx) => run(trx, command));
      const { values, secret } = createdValues(command.set, command);
      const checks = withCaller(command.principal, rules.createChecks?.(command.principal, values));
      return await create(db, command.set, command, checks, values, secret);
    } catch (err) {
      if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

/**
 * Runs the command; resolves to the written row (column space), or undefined after a delete. A caller who
 * changed since authentication is authenticated afresh (command.refreshPrincipal) and the write runs again
 * (server/auth/caller-check.ts asCaller).
 */
export function executeWrite(db: Knex, command: WriteCommand): Promise<Row | undefined> {
  return asCaller(command.principal, command.refreshPrincipal, (principal) => attempt(db, { ...command, principal }));
}
