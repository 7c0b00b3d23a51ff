/**
 * Migration 3: trigram indexes for `$search` (pg_trgm), on the searchable text of users and teams —
 * the very expression server/db/compile-search.ts searches in, so that a rare term reads a few index
 * entries instead of every row (100k users: 174 ms → 0.15 ms). Where pg_trgm cannot be installed (no
 * privilege, not shipped) the migration still succeeds without the indexes, and $search scans.
 * When the model's searchable properties change, add a migration that rebuilds these indexes.
 */
import type { Knex } from 'knex';
import { OrganizationTeamHierarchies, Users } from '../odata/model/entity-sets';
import { searchText } from '../server/db/compile-search';

const INDEXED = [
  { index: 'users_search', set: Users },
  { index: 'teams_search', set: OrganizationTeamHierarchies },
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`DO $$ BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): $search will scan instead of using an index', SQLERRM;
  END $$`);
  const { rows } = (await knex.raw(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)) as { rows: unknown[] };
  if (rows.length === 0) return;
  for (const { index, set } of INDEXED) {
    await knex.raw(`CREATE INDEX ${index} ON ${set.table} USING gin ((${searchText(set)}) gin_trgm_ops)`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const { index } of INDEXED) await knex.raw(`DROP INDEX IF EXISTS ${index}`);
}
