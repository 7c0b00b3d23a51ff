/**
 * The audit log: one row per successful write, inserted in the write's own transaction (so a failed
 * write leaves no trace and a logged write is never lost): who, company, action, set, key, the changed
 * property names and their old/new values, and the request id. Read back as /odata/AuditLogs.
 */
import type { Knex } from 'knex';
import type { Principal } from '../auth/principal';

export type AuditAction = 'create' | 'update' | 'replace' | 'delete';

/** Old and new value of each changed property, as the API shows them (formatValue: JSON-ready): `{ Name: { old: 'A', new: 'B' } }`. */
export type AuditChanges = Record<string, { readonly old?: unknown; readonly new?: unknown }>;

export interface AuditEntry {
  readonly principal: Principal;
  readonly action: AuditAction;
  readonly entitySet: string;
  readonly entityKey: string;
  readonly changes: AuditChanges;
  readonly requestId?: string;
}

export async function writeAudit(trx: Knex.Transaction, entry: AuditEntry): Promise<void> {
  await trx('audit_logs').insert({
    company_id: entry.principal.companyId,
    user_id: entry.principal.userId,
    action: entry.action,
    entity_set: entry.entitySet,
    entity_key: entry.entityKey,
    changed_properties: Object.keys(entry.changes).join(','),
    changes: JSON.stringify(entry.changes),
    request_id: entry.requestId ?? null,
  });
}
