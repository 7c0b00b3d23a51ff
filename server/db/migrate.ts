/**
 * Runs the knex migrations in migrations/ on PostgreSQL or PGlite: from the sources (tsx) knex loads the
 * `.ts` files; in the compiled build (dist/) it loads the compiled `.js` files under their `.ts` names, so
 * knex_migrations reads the same either way and a database migrated by one is up to date for the other.
 * `migrateLatest(db)` → names of the migrations applied now ([] when up to date).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

/** migrations/ next to this module's tree: the sources, or dist/migrations in the compiled build. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

/** True when this module is the compiled build's JavaScript (dist/), false when run from the sources. */
export const RUNNING_COMPILED = path.extname(__filename) === '.js';

/**
 * The compiled migrations under their source names: lists `<name>.js` in `directory`, records and reports
 * `<name>.ts` (what knex records when it runs the sources), and requires the `.js`. Same order as knex's
 * directory source (sorted by file name).
 */
export class CompiledMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string) {}

  async getMigrations(): Promise<string[]> {
    return readdirSync(this.directory)
      .filter((file) => file.endsWith('.js'))
      .map((file) => `${file.slice(0, -'.js'.length)}.ts`)
      .sort();
  }

  getMigrationName(migration: string): string {
    return migration;
  }

  async getMigration(migration: string): Promise<Knex.Migration> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled CommonJS migrations, named at run time
    return require(path.join(this.directory, `${migration.slice(0, -'.ts'.length)}.js`)) as Knex.Migration;
  }
}

/** knex migration options for where this module runs: the `.ts` directory from the sources, the compiled source in dist/. */
export function migrationConfig(schemaName?: string): Knex.MigratorConfig {
  return RUNNING_COMPILED
    ? { migrationSource: new CompiledMigrationSource(MIGRATIONS_DIR), schemaName }
    : { directory: MIGRATIONS_DIR, loadExtensions: ['.ts'], schemaName };
}

export async function migrateLatest(db: Knex, schemaName?: string): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig(schemaName))) as [number, string[]];
  return applied;
}
