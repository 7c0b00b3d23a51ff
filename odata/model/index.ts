/**
 * The service model: one immutable value that routing, planning, $metadata and formatting all read.
 * Pure: lookups only. `entitySet('Users')` → the Users declaration or undefined.
 */
import { AccessTokens, AuditLogs, CreateOrgHierarchyMapping, Mappings, OrganizationTeamHierarchies, OrganizationTeamMemberHierarchies, Projects, Teams, TokenActivityLogs, Users } from './entity-sets';
import type { ActionDef, BoundFunctionDef, EntitySetDef, Model, NavigationDef, PropertyDef } from './types';

export * from './types';

/** The hierarchy functions: chain of command, sub-teams, and the people who may change a user's teams. */
const FUNCTIONS: readonly BoundFunctionDef[] = [
  {
    name: 'Ancestors', binding: 'OrganizationTeamHierarchies', returns: 'OrganizationTeamHierarchies', parameters: [], relation: 'ancestors',
    description: 'The teams above this one, the top team first; each carries @OrgChart.Depth, its distance from this team (1 = the parent)',
  },
  {
    name: 'Descendants', binding: 'OrganizationTeamHierarchies', returns: 'OrganizationTeamHierarchies', relation: 'descendants',
    parameters: [{ name: 'MaxDepth', type: 'Edm.Int32', nullable: true, description: 'How many levels below this team (1 = its children); all when left out' }],
    description: 'The teams below this one, nearest first; each carries @OrgChart.Depth, its distance from this team (1 = a child)',
  },
  {
    name: 'Managers', binding: 'Users', returns: 'Users', parameters: [], relation: 'managers',
    description: "The members of the teams above this user's teams: the people who may change this user's memberships (seed 003), as far as the caller may see them",
  },
];

export const model: Model = {
  namespace: 'OrgChart',
  alias: 'Default',
  containerName: 'Container',
  entitySets: [Users, OrganizationTeamHierarchies, OrganizationTeamMemberHierarchies, AuditLogs, Projects, Teams, Mappings, AccessTokens, TokenActivityLogs],
  actions: [CreateOrgHierarchyMapping],
  functions: FUNCTIONS,
};

/** `boundFunction('Default.Ancestors', 'OrganizationTeamHierarchies')` (or `OrgChart.Ancestors`) → its declaration; another set's or an unknown name → undefined. */
export function boundFunction(qualifiedName: string, binding: string): BoundFunctionDef | undefined {
  const dot = qualifiedName.lastIndexOf('.');
  const prefix = qualifiedName.slice(0, dot);
  if (prefix !== model.alias && prefix !== model.namespace) return undefined;
  return model.functions.find((f) => f.name === qualifiedName.slice(dot + 1) && f.binding === binding);
}

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
