/**
 * Model → `$metadata`: the CSDL XML 4.0 document served at `/odata/$metadata` (contract: valid against
 * the OASIS edmx.xsd, copied into spec/fixtures/oasis/). Built from the model and the limits alone, so
 * adding an entity set to the model is all it takes to describe it here.
 * Pure: no I/O, no express, no process.env. Same input → byte-identical output.
 */
import type { Limits } from './limits';
import { APPLY_TRANSFORMATIONS } from './plan/plan-apply';
import type { ActionDef, BoundFunctionDef, ComplexTypeDef, EntitySetDef, MemberDef, Model, NavigationDef, PropertyDef } from './model';

const EDMX_NS = 'http://docs.oasis-open.org/odata/ns/edmx';
const EDM_NS = 'http://docs.oasis-open.org/odata/ns/edm';
const VOCABULARIES = 'https://oasis-tcs.github.io/odata-vocabularies/vocabularies';

/**
 * What every entity set supports, as (term, value) pairs: a boolean is a Core.Tag-style term
 * (`Bool="true"`), an object is a record of boolean properties.
 */
const ENTITY_SET_CAPABILITIES: ReadonlyArray<readonly [string, boolean | Readonly<Record<string, boolean>>]> = [
  ['Capabilities.CountRestrictions', { Countable: true }],
  ['Capabilities.TopSupported', true],
  ['Capabilities.SkipSupported', true],
  ['Capabilities.FilterRestrictions', { Filterable: true }],
  ['Capabilities.SortRestrictions', { Sortable: true }],
  ['Capabilities.ExpandRestrictions', { Expandable: true }],
  ['Capabilities.SelectSupport', { Supported: true }],
];

/**
 * Capabilities that follow the set's declaration: `$search` where it has searchable text (not
 * memberships); writes unless `writable: false` (AuditLogs); delta links where the set tracks changes.
 */
function declaredCapabilities(set: EntitySetDef): typeof ENTITY_SET_CAPABILITIES {
  return [
    ['Capabilities.SearchRestrictions', { Searchable: set.properties.some((p) => p.searchable) }],
    ['Capabilities.InsertRestrictions', { Insertable: set.writable }],
    ['Capabilities.UpdateRestrictions', { Updatable: set.writable }],
    ['Capabilities.DeleteRestrictions', { Deletable: set.writable }],
    ['Capabilities.ChangeTracking', { Supported: set.changeTracking === true }],
  ];
}

type AttributeValue = string | number | boolean | undefined;

/** A node of the document: attributes in insertion order (undefined ones are left out), children or a text. */
interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly children: readonly XmlElement[];
  readonly text?: string;
}

function el(name: string, attributes: Record<string, AttributeValue> = {}, children: readonly XmlElement[] = []): XmlElement {
  return { name, attributes, children };
}

/**
 * Builds the `$metadata` document of `model`, with `limits` stated on the container.
 *
 *   Users { key Id: Edm.Int64 readOnly, Email: Edm.String(254)?, Memberships → [Memberships] }
 *     |-- <EntityType Name="User">
 *     |     <Key><PropertyRef Name="Id"/></Key>
 *     |     <Property Name="Id" Type="Edm.Int64" Nullable="false">
 *     |       <Annotation Term="Core.Computed" Bool="true"/> …
 *     |     <NavigationProperty Name="Memberships"
 *     |         Type="Collection(OrgChart.OrganizationTeamMemberHierarchy)" Partner="User"/> …
 *     |-- <EntitySet Name="Users" EntityType="OrgChart.User">
 *           <NavigationPropertyBinding Path="Memberships" Target="OrganizationTeamMemberHierarchies"/>
 *           <Annotation Term="Capabilities.CountRestrictions"> …
 *
 * Throws (a model bug, caught at start-up) when a navigation targets an unknown set or a text holds a
 * character XML 1.0 cannot carry.
 */
export function buildMetadataXml(model: Model, limits: Limits): string {
  const document = el('edmx:Edmx', { Version: '4.0', 'xmlns:edmx': EDMX_NS }, [
    vocabularyReference('Org.OData.Core.V1', 'Core'),
    vocabularyReference('Org.OData.Capabilities.V1', 'Capabilities'),
    vocabularyReference('Org.OData.Aggregation.V1', 'Aggregation'),
    vocabularyReference('Org.OData.Authorization.V1', 'Auth'),
    el('edmx:DataServices', {}, [
      el('Schema', { Namespace: model.namespace, Alias: model.alias, xmlns: EDM_NS }, [
        ...complexTypes(model).map((type) => complexType(model, type)),
        ...model.entitySets.map((set) => entityType(model, set)),
        ...model.actions.map((a) => actionElement(model, a)),
        ...model.functions.map((f) => functionElement(model, f)),
        el('Term', { Name: 'Depth', Type: 'Edm.Int32', AppliesTo: 'EntityType' }, [
          stringAnnotation('Core.Description', 'Instance annotation of the entities Ancestors() and Descendants() return: the distance from the team they are bound to (1 = parent or child)'),
        ]),
        entityContainer(model, limits),
      ]),
    ]),
  ]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${render(document, 0)}\n`;
}

function vocabularyReference(namespace: string, alias: string): XmlElement {
  return el('edmx:Reference', { Uri: `${VOCABULARIES}/${namespace}.xml` }, [
    el('edmx:Include', { Namespace: namespace, Alias: alias }),
  ]);
}

function entityType(model: Model, set: EntitySetDef): XmlElement {
  return el('EntityType', { Name: set.typeName }, [
    el('Key', {}, [el('PropertyRef', { Name: set.key })]),
    ...set.properties.map((p) => property(model, p)),
    // a secret shown once (AccessTokens' Token): declared so that typed clients read it from the POST response
    ...(set.secret
      ? [el('Property', { Name: set.secret.property, Type: 'Edm.String' }, [
        el('Annotation', { Term: 'Core.Computed', Bool: true }),
        stringAnnotation('Core.Description', set.secret.description),
      ])]
      : []),
    ...set.navigations.map((nav) => navigationProperty(model, set, nav)),
    stringAnnotation('Core.Description', set.description),
    ...(set.alternateKeys.length > 0 ? [alternateKeys(set.alternateKeys)] : []),
  ]);
}

/** Fractional-second digits of every DateTimeOffset we send (format.ts: milliseconds, as toISOString). */
export const DATE_TIME_OFFSET_PRECISION = 3;

/**
 * Every complex type the properties use, nested ones included, each once, in order of first use:
 *   Projects { ProjectOwner: ProjectOwner, Assets: ProjectAssets { Repositories: [Repository], … } }
 *     → [ProjectOwner, ProjectAssets, Repository, ProjectService]
 */
export function complexTypes(model: Model): ComplexTypeDef[] {
  const found = new Map<string, ComplexTypeDef>();
  const visit = (type: ComplexTypeDef): void => {
    if (found.has(type.name)) return;
    found.set(type.name, type);
    for (const m of type.members) if (m.complex) visit(m.complex);
  };
  for (const set of model.entitySets) for (const p of set.properties) if (p.complex) visit(p.complex);
  return [...found.values()];
}

/** `<ComplexType Name="ProjectOwner"><Property Name="Email" Type="Edm.String" MaxLength="254"/>…</ComplexType>` */
function complexType(model: Model, type: ComplexTypeDef): XmlElement {
  return el('ComplexType', { Name: type.name }, [
    ...type.members.map((m) => property(model, m)),
    ...(type.description ? [stringAnnotation('Core.Description', type.description)] : []),
  ]);
}

/** The Type attribute: `Edm.String`, `OrgChart.ProjectOwner`, `Collection(OrgChart.Repository)`, `Collection(Edm.String)`. */
function typeName(model: Model, p: PropertyDef | MemberDef): string {
  const single = p.complex ? `${model.namespace}.${p.complex.name}` : p.type;
  return p.collection ? `Collection(${single})` : single;
}

function property(model: Model, p: PropertyDef | MemberDef): XmlElement {
  const primitive = p.complex === undefined;
  const defaultValue = 'defaultValue' in p ? p.defaultValue : undefined;
  return el(
    'Property',
    {
      Name: p.name,
      Type: typeName(model, p),
      Nullable: p.nullable ? undefined : false,
      DefaultValue: defaultValue === undefined || defaultValue === null ? undefined : defaultValue,
      MaxLength: primitive ? p.maxLength : undefined,
      // CSDL 4.0 reads an Edm.DateTimeOffset without Precision as whole seconds; we send milliseconds
      Precision: primitive && p.type === 'Edm.DateTimeOffset' ? DATE_TIME_OFFSET_PRECISION : undefined,
      // CSDL 4.0 reads an Edm.Decimal without Scale as Scale 0 (an integer): say it is arbitrary.
      Scale: primitive && p.type === 'Edm.Decimal' ? 'variable' : undefined,
    },
    [
      ...('readOnly' in p && p.readOnly ? [el('Annotation', { Term: 'Core.Computed', Bool: true })] : []),
      ...('immutable' in p && p.immutable ? [el('Annotation', { Term: 'Core.Immutable', Bool: true })] : []),
    ],
  );
}

/**
 * An unbound action that returns the entity it creates:
 *   CreateOrgHierarchyMapping(Parent, …) → <Action Name="CreateOrgHierarchyMapping" IsBound="false">
 *     <Parameter Name="Parent" Type="Edm.String" Nullable="false" MaxLength="254"/> … <ReturnType Type="OrgChart.Mapping" Nullable="false"/>
 */
function actionElement(model: Model, action: ActionDef): XmlElement {
  const returned = model.entitySets.find((s) => s.name === action.creates);
  if (!returned) throw new Error(`model: action ${action.name} creates unknown entity set ${action.creates}`);
  return el('Action', { Name: action.name, IsBound: false }, [
    ...action.parameters.map((p) =>
      el('Parameter', { Name: p.name, Type: p.type, Nullable: p.nullable ? undefined : false, MaxLength: p.maxLength }, [
        ...(p.oneOf ? [stringAnnotation('Core.Description', `One of: ${p.oneOf.join(', ')} (ignoring case)`)] : []),
      ]),
    ),
    el('ReturnType', { Type: `${model.namespace}.${returned.typeName}`, Nullable: false }),
    stringAnnotation('Core.Description', action.description),
  ]);
}

/**
 * `<Function Name="Descendants" IsBound="true" EntitySetPath="bindingParameter">` with its binding parameter,
 * the others (optional ones marked Core.OptionalParameter) and a collection of the returned type.
 */
function functionElement(model: Model, fn: BoundFunctionDef): XmlElement {
  const typeOf = (setName: string) => {
    const set = model.entitySets.find((s) => s.name === setName);
    if (!set) throw new Error(`model: function ${fn.name} names unknown entity set ${setName}`);
    return `${model.namespace}.${set.typeName}`;
  };
  return el('Function', { Name: fn.name, IsBound: true, EntitySetPath: fn.returns === fn.binding ? 'bindingParameter' : undefined }, [
    el('Parameter', { Name: 'bindingParameter', Type: typeOf(fn.binding), Nullable: false }),
    ...fn.parameters.map((p) => el('Parameter', { Name: p.name, Type: p.type, Nullable: p.nullable ? undefined : false }, [
      stringAnnotation('Core.Description', p.description),
      ...(p.nullable ? [el('Annotation', { Term: 'Core.OptionalParameter' }, [el('Record')])] : []),
    ])),
    el('ReturnType', { Type: `Collection(${typeOf(fn.returns)})`, Nullable: false }),
    stringAnnotation('Core.Description', fn.description),
  ]);
}

function navigationProperty(model: Model, set: EntitySetDef, nav: NavigationDef): XmlElement {
  const targetType = `${model.namespace}.${targetSet(model, set, nav).typeName}`;
  const constraints = !nav.collection && nav.constraint ? [nav.constraint] : [];
  return el(
    'NavigationProperty',
    {
      Name: nav.name,
      Type: nav.collection ? `Collection(${targetType})` : targetType,
      Nullable: nav.collection || navigationIsNullable(set, nav) ? undefined : false,
      Partner: nav.partner,
    },
    constraints.map((c) => el('ReferentialConstraint', { Property: c.property, ReferencedProperty: c.referencedProperty })),
  );
}

/** Explicit `nullable` wins; otherwise a single-valued navigation is as nullable as its foreign key. */
function navigationIsNullable(set: EntitySetDef, nav: NavigationDef): boolean {
  if (nav.nullable !== undefined) return nav.nullable;
  const foreignKey = nav.constraint && set.properties.find((p) => p.name === nav.constraint?.property);
  return foreignKey ? foreignKey.nullable : true;
}

function targetSet(model: Model, set: EntitySetDef, nav: NavigationDef): EntitySetDef {
  const target = model.entitySets.find((s) => s.name === nav.target);
  if (!target) throw new Error(`model: ${set.name}.${nav.name} targets unknown entity set ${nav.target}`);
  return target;
}

/** `['Email']` → Core.AlternateKeys with one key `{ Alias: 'Email', Name: Email }`. */
function alternateKeys(keys: readonly string[]): XmlElement {
  const keyRecord = (name: string): XmlElement =>
    el('Record', { Type: 'Core.AlternateKey' }, [
      el('PropertyValue', { Property: 'Key' }, [
        el('Collection', {}, [
          el('Record', { Type: 'Core.PropertyRef' }, [
            el('PropertyValue', { Property: 'Alias', String: name }),
            el('PropertyValue', { Property: 'Name', PropertyPath: name }),
          ]),
        ]),
      ]),
    ]);
  return el('Annotation', { Term: 'Core.AlternateKeys' }, [el('Collection', {}, keys.map(keyRecord))]);
}

/**
 * How to authenticate (Org.OData.Authorization.V1), read by clients and by the OpenAPI converter
 * (server/http/openapi.ts): a Bearer JWT or personal access token, or the same token as the `token`
 * query option (Power BI's Web API key); either one suffices.
 */
function authorizations(): XmlElement[] {
  const value = (property: string, attributes: Record<string, string>) => el('PropertyValue', { Property: property, ...attributes });
  return [
    el('Annotation', { Term: 'Auth.Authorizations' }, [el('Collection', {}, [
      el('Record', { Type: 'Auth.Http' }, [
        value('Name', { String: 'bearer' }),
        value('Description', { String: 'Authorization: Bearer <token> — a JWT (npm run cli -- token, or your identity provider) or a personal access token (oc_pat_…)' }),
        value('Scheme', { String: 'bearer' }),
        value('BearerFormat', { String: 'JWT' }),
      ]),
      el('Record', { Type: 'Auth.ApiKey' }, [
        value('Name', { String: 'token' }),
        value('Description', { String: 'The same token as the token query option (Power BI / Excel: Web API key with ApiKeyName "token")' }),
        value('KeyName', { String: 'token' }),
        value('Location', { EnumMember: 'Auth.KeyLocation/QueryOption' }),
      ]),
    ])]),
    el('Annotation', { Term: 'Auth.SecuritySchemes' }, [el('Collection', {}, ['bearer', 'token'].map((name) =>
      el('Record', {}, [value('Authorization', { String: name }), el('PropertyValue', { Property: 'RequiredScopes' }, [el('Collection')])])))]),
  ];
}

function entityContainer(model: Model, limits: Limits): XmlElement {
  return el('EntityContainer', { Name: model.containerName }, [
    stringAnnotation('Core.Description', `Server-driven paging: at most ${limits.maxPageSize} entities per response`),
    stringAnnotation('Core.LongDescription', limitsDescription(limits)),
    el('Annotation', { Term: 'Capabilities.BatchSupported', Bool: false }),
    applySupported(),
    ...authorizations(),
    ...model.entitySets.map((set) =>
      el('EntitySet', { Name: set.name, EntityType: `${model.namespace}.${set.typeName}` }, [
        ...set.navigations.map((nav) => el('NavigationPropertyBinding', { Path: nav.name, Target: targetSet(model, set, nav).name })),
        ...[...ENTITY_SET_CAPABILITIES, ...declaredCapabilities(set)].map(([term, value]) => capability(term, value)),
        ...(set.versionColumn ? [el('Annotation', { Term: 'Core.OptimisticConcurrency' }, [el('Collection')])] : []),
      ]),
    ),
    // not in the service document: OData JSON §5 lists entity sets, singletons and function imports only
    ...model.actions.map((a) => el('ActionImport', { Name: a.name, Action: `${model.namespace}.${a.name}`, EntitySet: a.creates })),
  ]);
}

/**
 * The $apply transformations plan-apply.ts implements (the methods sum, min, max, average and countdistinct are implied):
 * `<Annotation Term="Aggregation.ApplySupported"><Record><PropertyValue Property="Transformations"><Collection>
 * <String>aggregate</String>…` with no rollup, on the container: every entity set accepts $apply.
 */
function applySupported(): XmlElement {
  const transformations = el('Collection', {}, APPLY_TRANSFORMATIONS.map((name) => ({ name: 'String', attributes: {}, children: [], text: name })));
  return el('Annotation', { Term: 'Aggregation.ApplySupported' }, [
    el('Record', {}, [
      el('PropertyValue', { Property: 'Transformations' }, [transformations]),
      el('PropertyValue', { Property: 'Rollup', EnumMember: 'Aggregation.RollupType/None' }),
    ]),
  ]);
}

function limitsDescription(limits: Limits): string {
  return (
    `Collections are paged by the server: at most ${limits.maxPageSize} entities per response, ` +
    'the rest behind @odata.nextLink; Prefer: odata.maxpagesize=N asks for smaller pages. ' +
    `Query limits (a request beyond one is answered 400): $top at most ${limits.maxTop}, ` +
    `$skip at most ${limits.maxSkip}, $orderby at most ${limits.maxOrderByKeys} keys, ` +
    `$filter at most ${limits.maxFilterNodes} nodes, in lists at most ${limits.maxInListItems} items, ` +
    `URLs at most ${limits.maxUrlLength} characters.`
  );
}

function capability(term: string, value: boolean | Readonly<Record<string, boolean>>): XmlElement {
  if (typeof value === 'boolean') return el('Annotation', { Term: term, Bool: value });
  const values = Object.entries(value).map(([name, b]) => el('PropertyValue', { Property: name, Bool: b }));
  return el('Annotation', { Term: term }, [el('Record', {}, values)]);
}

function stringAnnotation(term: string, text: string): XmlElement {
  return el('Annotation', { Term: term, String: text });
}

/** Two spaces per level; an element without children is self-closed. */
function render(node: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
  if (node.text !== undefined) return `${indent}<${node.name}${attributes}>${escapeAttribute(node.text)}</${node.name}>`;
  if (node.children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  const children = node.children.map((child) => render(child, depth + 1));
  return [`${indent}<${node.name}${attributes}>`, ...children, `${indent}</${node.name}>`].join('\n');
}

/** Characters XML 1.0 cannot carry at all, not even as character references. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** `a<b & "c"` → `a&lt;b &amp; &quot;c&quot;`; tabs and newlines as references so they survive parsing. */
function escapeAttribute(text: string): string {
  if (NOT_XML_CHAR.test(text)) throw new Error(`metadata: text not representable in XML: ${JSON.stringify(text)}`);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
