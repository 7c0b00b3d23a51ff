/**
 * The declarations of every entity set the service exposes. Adding an entity set is a declaration here,
 * a migration and a policy — never a new handler. Pure data.
 */
import type { EntitySetDef, PropertyDef } from './types';

const id: PropertyDef = { name: 'Id', column: 'id', type: 'Edm.Int64', nullable: false, readOnly: true };
const companyId: PropertyDef = { name: 'CompanyId', column: 'company_id', type: 'Edm.Int32', nullable: false };
const createdAt: PropertyDef = { name: 'CreatedAt', column: 'created_at', type: 'Edm.DateTimeOffset', nullable: false, readOnly: true };
const updatedAt: PropertyDef = { name: 'UpdatedAt', column: 'updated_at', type: 'Edm.DateTimeOffset', nullable: false, readOnly: true };

/** An optional text property: `text('Department', 'department', 100)`. */
function text(name: string, column: string, maxLength: number): PropertyDef {
  return { name, column, type: 'Edm.String', nullable: true, maxLength };
}

/** The property, as one `$search` looks in. */
function searchable(prop: PropertyDef): PropertyDef {
  return { ...prop, searchable: true };
}

export const Users: EntitySetDef = {
  name: 'Users',
  typeName: 'User',
  table: 'users',
  key: 'Id',
  alternateKeys: ['Email'],
  policy: 'users',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  description: 'People of the company: accounts with their organisational attributes',
  properties: [
    id,
    companyId,
    searchable({ name: 'UserName', column: 'user_name', type: 'Edm.String', nullable: false, maxLength: 100, required: true }),
    searchable({ name: 'Email', column: 'email', type: 'Edm.String', nullable: true, maxLength: 254, caseInsensitive: true }),
    searchable(text('FirstName', 'first_name', 100)),
    searchable({ ...text('LastName', 'last_name', 100), prefixIndexed: true }),
    searchable(text('DisplayName', 'display_name', 200)),
    searchable(text('ExternalId', 'external_id', 100)),
    searchable(text('Organization', 'organization', 100)),
    searchable(text('Business', 'business', 100)),
    searchable(text('Department', 'department', 100)),
    searchable(text('Group', 'group_name', 100)),
    searchable(text('Team', 'team_name', 100)),
    { name: 'IsAdministrator', column: 'is_administrator', type: 'Edm.Boolean', nullable: false, defaultValue: false },
    { name: 'IsActive', column: 'is_active', type: 'Edm.Boolean', nullable: false, defaultValue: true },
    createdAt,
    updatedAt,
  ],
  navigations: [
    {
      name: 'Memberships',
      target: 'OrganizationTeamMemberHierarchies',
      collection: true,
      partner: 'User',
      sourceColumn: 'id',
      targetColumn: 'user_id',
    },
  ],
};

export const OrganizationTeamHierarchies: EntitySetDef = {
  name: 'OrganizationTeamHierarchies',
  typeName: 'OrganizationTeamHierarchy',
  table: 'organization_team_hierarchies',
  key: 'Id',
  alternateKeys: [],
  policy: 'teams',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  description: 'Org-chart teams; ParentId links a team to the team above it',
  properties: [
    id,
    companyId,
    searchable({ name: 'Name', column: 'name', type: 'Edm.String', nullable: false, maxLength: 200, required: true }),
    searchable(text('Description', 'description', 2000)),
    { name: 'ParentId', column: 'parent_id', type: 'Edm.Int64', nullable: true },
    createdAt,
    updatedAt,
  ],
  navigations: [
    {
      name: 'Parent',
      target: 'OrganizationTeamHierarchies',
      collection: false,
      nullable: true,
      partner: 'Children',
      sourceColumn: 'parent_id',
      targetColumn: 'id',
      constraint: { property: 'ParentId', referencedProperty: 'Id' },
    },
    {
      name: 'Children',
      target: 'OrganizationTeamHierarchies',
      collection: true,
      partner: 'Parent',
      sourceColumn: 'id',
      targetColumn: 'parent_id',
    },
    {
      name: 'Members',
      target: 'OrganizationTeamMemberHierarchies',
      collection: true,
      partner: 'OrganizationTeamHierarchy',
      sourceColumn: 'id',
      targetColumn: 'organization_team_hierarchy_id',
    },
  ],
};

export const OrganizationTeamMemberHierarchies: EntitySetDef = {
  name: 'OrganizationTeamMemberHierarchies',
  typeName: 'OrganizationTeamMemberHierarchy',
  table: 'organization_team_member_hierarchies',
  key: 'Id',
  alternateKeys: [],
  policy: 'memberships',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  description: 'Membership of a user in an org-chart team',
  properties: [
    id,
    companyId,
    { name: 'UserId', column: 'user_id', type: 'Edm.Int64', nullable: false, required: true },
    {
      name: 'OrganizationTeamHierarchyId',
      column: 'organization_team_hierarchy_id',
      type: 'Edm.Int64',
      nullable: false,
      required: true,
    },
    createdAt,
  ],
  navigations: [
    {
      name: 'User',
      target: 'Users',
      collection: false,
      partner: 'Memberships',
      sourceColumn: 'user_id',
      targetColumn: 'id',
      constraint: { property: 'UserId', referencedProperty: 'Id' },
    },
    {
      name: 'OrganizationTeamHierarchy',
      target: 'OrganizationTeamHierarchies',
      collection: false,
      partner: 'Members',
      sourceColumn: 'organization_team_hierarchy_id',
      targetColumn: 'id',
      constraint: { property: 'OrganizationTeamHierarchyId', referencedProperty: 'Id' },
    },
  ],
};

/** The audit log: one row per successful write, in the same transaction (seeds 001/004 "activity logs"). */
export const AuditLogs: EntitySetDef = {
  name: 'AuditLogs',
  typeName: 'AuditLog',
  table: 'audit_logs',
  key: 'Id',
  alternateKeys: [],
  policy: 'audit',
  writable: false,
  readableBy: 'administrators',
  description: 'Who changed what and when: one entry per successful write (administrators only)',
  properties: [
    id,
    companyId,
    { name: 'UserId', column: 'user_id', type: 'Edm.Int64', nullable: false },
    searchable({ name: 'Action', column: 'action', type: 'Edm.String', nullable: false, maxLength: 20 }),
    searchable({ name: 'EntitySet', column: 'entity_set', type: 'Edm.String', nullable: false, maxLength: 100 }),
    searchable({ name: 'EntityKey', column: 'entity_key', type: 'Edm.String', nullable: false, maxLength: 100 }),
    searchable({ name: 'ChangedProperties', column: 'changed_properties', type: 'Edm.String', nullable: false }),
    searchable({ name: 'Changes', column: 'changes', type: 'Edm.String', nullable: false }),
    searchable({ name: 'RequestId', column: 'request_id', type: 'Edm.String', nullable: true, maxLength: 64 }),
    createdAt,
  ],
  navigations: [
    {
      name: 'User',
      target: 'Users',
      collection: false,
      nullable: true,
      sourceColumn: 'user_id',
      targetColumn: 'id',
      constraint: { property: 'UserId', referencedProperty: 'Id' },
    },
  ],
};
