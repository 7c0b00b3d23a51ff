/**
 * `orgchart migrate`: applies pending knex migrations (PostgreSQL or PGlite).
 * `migrateCommand(db, config, {})` → 'applied 1 migration: 20261124000001_org_chart.ts' or 'already up to date'.
 */
import type { Knex } from 'knex';
import type { Config } from '../../config';
import { migrateLatest } from '../../db/migrate';

export type MigrateOptions = Record<string, never>;

export async function migrateCommand(db: Knex, _config: Config, _options: MigrateOptions = {}): Promise<string> {
  const applied = await migrateLatest(db);
  if (applied.length === 0) return 'already up to date';
  return `applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}`;
}
