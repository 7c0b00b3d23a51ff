/**
 * knex CLI configuration (`npx knex migrate:latest --knexfile knexfile.ts`). The service itself migrates
 * through server/db/migrate.ts; this file exists for operators used to the knex CLI. PostgreSQL only.
 */
import type { Knex } from 'knex';

const config: Knex.Config = {
  client: 'pg',
  connection: process.env.DATABASE_URL,
  migrations: { directory: './migrations', loadExtensions: ['.ts'] },
};

export default config;
