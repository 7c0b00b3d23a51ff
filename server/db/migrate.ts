/**
 * Runs the knex migrations in migrations/ (TypeScript, loaded through tsx) on PostgreSQL or PGlite.
 * `migrateLatest(db)` → names of the migrations applied now ([] when up to date).
 */
import path from 'node:path';
import type { Knex } from 'knex';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

export async function migrateLatest(db: Knex, schemaName?: string): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({
    directory: MIGRATIONS_DIR,
    loadExtensions: ['.ts'],
    schemaName,
  })) as [number, string[]];
  return applied;
}
