/**
 * Migration 8: the mappings' primary key becomes (company_id, id), like every other table's, so that a
 * distribution by company_id (Citus: spec/server/db/citus-ready.spec.ts) can keep it; the uuid stays the
 * OData key (`Mappings(<guid>)`), and every statement already names the company with it.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE mappings DROP CONSTRAINT mappings_pkey, ADD PRIMARY KEY (company_id, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE mappings DROP CONSTRAINT mappings_pkey, ADD PRIMARY KEY (id)');
}
