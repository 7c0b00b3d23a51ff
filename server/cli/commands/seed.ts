/**
 * `orgchart seed --demo`: inserts the demo organisation (seeds/demo.ts) when the database has no
 * companies yet, and reports the well-known ids either way. Never adds a second copy of the demo.
 * `seedCommand(db, config, { demo: true })` → { seeded: true, demo: { companies: { contoso: 1, … }, … } }
 */
import type { Knex } from 'knex';
import { loadDemoSummary, seedDemoIfEmpty, type DemoSummary } from '../../../seeds/demo';
import type { Config } from '../../config';
import { CliError } from '../errors';

export interface SeedOptions {
  readonly demo?: boolean;
}

export interface SeedResult {
  readonly seeded: boolean;
  /** The demo's ids, or null when the database holds other data (not the demo). */
  readonly demo: DemoSummary | null;
}

export async function seedCommand(db: Knex, _config: Config, options: SeedOptions): Promise<SeedResult> {
  if (!options.demo) throw new CliError('nothing to seed: pass --demo to seed the demo organisation');
  const seeded = await seedDemoIfEmpty(db);
  return { seeded, demo: await loadDemoSummary(db) };
}
