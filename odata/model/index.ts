/**
 * The service model: one immutable value that routing, planning, $metadata and formatting all read.
 * Pure: lookups only. `entitySet('Users')` → the Users declaration or undefined.
 */
import { AccessTokens, AuditLogs, CreateOrgHierarchyMapping, Mappings, OrganizationTeamHierarchies, OrganizationTeamMemberHierarchies, Projects, Teams, TokenActivityLogs, Users } from './entity-sets';
import type { ActionDef, EntitySetDef, Model, NavigationDef, PropertyDef } from './types';

export * from './types';

export const model: Model = {
  namespace: 'OrgChart',
  containerName: 'Container',
  entitySets: [Users, OrganizationTeamHierarchies, OrganizationTeamMemberHierarchies, AuditLogs, Projects, Teams, Mappings, AccessTokens, TokenActivityLogs],
  actions: [CreateOrgHierarchyMapping],
};

const actionsByName = new Map(model.actions.map((a) => [a.name, a]));

/** `action('CreateOrgHierarchyMapping')` → its declaration; an entity set's name → undefined. */
export function action(name: string): ActionDef | undefined {
  return actionsByName.get(name);
}

const setsByName = new Map(model.entitySets.map((s) => [s.name, s]));
const setsByLowerName = new Map(model.entitySets.map((s) => [s.name.toLowerCase(), s]));

/** `entitySet('Users')` → Users; names are case-sensitive (OData), `users` → undefined. */
export function entitySet(name: string): EntitySetDef | undefined {
  return setsByName.get(name);
}

/** Case-insensitive lookup, used only to suggest the right spelling in an error message. */
export function entitySetIgnoringCase(name: string): EntitySetDef | undefined {
  return setsByLowerName.get(name.toLowerCase());
}

/** `property(Users, 'FirstName')` → its declaration. */
export function property(set: EntitySetDef, name: string): PropertyDef | undefined {
  return set.properties.find((p) => p.name === name);
}

export function navigation(set: EntitySetDef, name: string): NavigationDef | undefined {
  return set.navigations.find((n) => n.name === name);
}

export function keyProperty(set: EntitySetDef): PropertyDef {
  const key = property(set, set.key);
  if (!key) throw new Error(`model: ${set.name} has no key property ${set.key}`);
  return key;
}

/** The qualified type name: `OrgChart.User`. */
export function qualifiedTypeName(set: EntitySetDef): string {
  return `${model.namespace}.${set.typeName}`;
}
