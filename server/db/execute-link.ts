/**
 * Executes a change of references of a many-to-many navigation (NavigationDef.through) in ONE
 * transaction: `POST Teams(3)/Users/$ref` links, `DELETE Teams(3)/Users(7)/$ref` unlinks. The source
 * entity is locked and the change is authorised as an update of it (its set's write rules); both ends must
 * exist in the caller's company (404); the link row is written with its audit row in one statement.
 */
import type { Knex } from 'knex';
import { ODataError } from '../../odata/errors';
import type { EntitySetDef, NavigationDef } from '../../odata/model';
import { entityNotFound } from '../../odata/plan/plan-read';
import { targetSet } from '../../odata/plan/plan-expr';
import type { KeyLookup } from '../../odata/plan/read-plan';
import { callerCheck } from '../auth/caller-check';
import type { Principal } from '../auth/principal';
import { requireNow } from '../auth/write-rules/checks';
import { updateChecksOf, writeRulesFor } from '../auth/write-rules';
import type { Row, RuleContext } from '../auth/write-rules/types';
import { auditedWrite, type AuditEntry } from './audit';
import { keyCondition } from './compile-read';
import { lockedRow } from './execute-write';
import { isRetryable } from './map-db-error';
import { knexBindings } from './sql-fragment';

export interface LinkCommand {
  /** The entity whose navigation changes (`Teams(3)`) and the navigation (`Users`). */
  readonly set: EntitySetDef;
  readonly key: KeyLookup;
  readonly navigation: NavigationDef;
  /** The referenced entity of the navigation's target set (`Users(7)`). */
  readonly targetKey: KeyLookup;
  readonly action: 'link' | 'unlink';
  readonly principal: Principal;
  readonly requestId?: string;
}

/** The referenced row, if it exists in the company and the caller may know it (the target set's isHidden). */
async function targetRow(trx: Knex.Transaction, target: EntitySetDef, key: KeyLookup, principal: Principal): Promise<Row | undefined> {
  const addressed = keyCondition(target.table, key);
  const row = (await trx(target.table).where({ company_id: principal.companyId }).andWhereRaw(addressed.sql, knexBindings(addressed)).first()) as Row | undefined;
  if (!row) return undefined;
  const hidden = target.writable ? await writeRulesFor(target).isHidden?.({ trx, principal, set: target }, row) : false;
  return hidden ? undefined : row;
}

async function run(trx: Knex.Transaction, command: LinkCommand): Promise<void> {
  const { set, navigation: nav, principal } = command;
  const through = nav.through;
  if (!through) throw new ODataError('MethodNotAllowed', `${set.name}(…)/${nav.name}/$ref: references can be changed on many-to-many navigations only`, nav.name);
  const rules = writeRulesFor(set);
  const ctx: RuleContext = { trx, principal, set, caller: callerCheck(principal) };
  await rules.prepare?.(ctx);
  const before = await lockedRow(trx, set, command.key, principal.companyId, 'update', rules.lock?.(principal));
  if (!before || (await rules.isHidden?.(ctx, before))) throw entityNotFound(set, command.key);
  // changing an entity's references is an update of it; its checks (and the caller's) are judged now
  await requireNow(ctx, (await updateChecksOf(rules, ctx, before, before, {})) ?? []);
  const target = targetSet(nav);
  const related = await targetRow(trx, target, command.targetKey, principal);
  if (!related) throw entityNotFound(target, command.targetKey);

  const link = { company_id: principal.companyId, [through.sourceColumn]: before[nav.sourceColumn], [through.targetColumn]: related[nav.targetColumn] };
  const entry: AuditEntry = { principal, action: command.action, entitySet: set.name, requestId: command.requestId };
  const relatedKey = related[command.targetKey.property.column];
  const shown = typeof relatedKey === 'string' && /^\d+$/.test(relatedKey) ? Number(relatedKey) : relatedKey;
  if (command.action === 'link') {
    const insert = trx(through.table).insert(link).onConflict(['company_id', through.sourceColumn, through.targetColumn]).ignore().returning('*');
    const rows = await auditedWrite(trx, insert, entry, String(before.id), { [nav.name]: { new: shown } });
    if (rows.length === 0) throw new ODataError('Conflict', `${target.typeName} ${String(relatedKey)} is already in ${nav.name} of ${set.typeName} ${String(before.id)}`, nav.name);
    return;
  }
  const remove = trx(through.table).where(link).delete().returning('*');
  const rows = await auditedWrite(trx, remove, entry, String(before.id), { [nav.name]: { old: shown } });
  if (rows.length === 0) throw new ODataError('NotFound', `${target.typeName} ${String(relatedKey)} is not in ${nav.name} of ${set.typeName} ${String(before.id)}`, nav.name);
}

/**
 * Runs the command in one transaction (retried on deadlock):
 *   executeLink(db, { set: Teams, key: Id 3, navigation: Users, targetKey: Id 7, action: 'link', principal }) → a row in
 *   access_team_users (3, 7) and an audit row (link, Teams, 3, Users, {"Users":{"new":7}}); again → 409.
 */
export async function executeLink(db: Knex, command: LinkCommand): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.transaction((trx) => run(trx, command));
      return;
    } catch (err) {
      if (!isRetryable(err) || attempt >= 3) throw err;
    }
  }
}
