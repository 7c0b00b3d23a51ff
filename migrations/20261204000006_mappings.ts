/**
 * Migration 6: mappings (seed 000 "People / Project Relationship Mapping" and "Organizational Hierarchy
 * Mapping"), keyed by a server-generated uuid. project-people rows carry project_ref/user_ref, resolved at
 * write time (server/auth/write-rules/mappings.ts) and cascading with their project or user; they are the
 * link rows of Projects.People and Users.Projects (odata/model/entity-sets.ts), hence the two indexes.
 */
import type { Knex } from 'knex';

const UP: readonly string[] = [
  `CREATE TABLE mappings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id integer NOT NULL REFERENCES companies (id),
    attribute1 text NOT NULL,
    attribute2 text NOT NULL,
    mapping_type text NOT NULL,
    relationship text,
    project_ref bigint,
    user_ref bigint,
    row_version bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mappings_unique UNIQUE (company_id, attribute1, attribute2, mapping_type),
    CONSTRAINT mappings_project_fk FOREIGN KEY (company_id, project_ref) REFERENCES projects (company_id, id) ON DELETE CASCADE,
    CONSTRAINT mappings_user_fk FOREIGN KEY (company_id, user_ref) REFERENCES users (company_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX mappings_by_project ON mappings (company_id, project_ref)`,
  `CREATE INDEX mappings_by_user ON mappings (company_id, user_ref)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS mappings');
}
