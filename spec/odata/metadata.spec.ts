import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { buildMetadataXml } from '../../odata/metadata';
import { entitySet, model } from '../../odata/model';
import { parseQueryOptions } from '../../odata/parse/parse-query-options';
import { APPLY_TRANSFORMATIONS, planApply } from '../../odata/plan/plan-apply';
import type { EntitySetDef, Model } from '../../odata/model';
import { DEFAULT_LIMITS } from '../../server/config';

const oasisDir = path.resolve(__dirname, '../fixtures/oasis');

/** One use of each declared transformation. */
const APPLY_EXAMPLES: Record<(typeof APPLY_TRANSFORMATIONS)[number], string> = {
  aggregate: 'aggregate($count as N)',
  groupby: 'groupby((Department))',
  filter: 'filter(IsActive)',
  compute: 'compute(length(LastName) as L)',
  orderby: 'orderby(LastName)',
  top: 'top(2)',
  skip: 'skip(1)',
  identity: 'identity',
};

/** Validates against edmx.xsd, which imports edm.xsd by file name. */
async function validateAgainstEdmx(xml: string): Promise<{ valid: boolean; errors: string }> {
  const result = await validateXML({
    xml: [{ fileName: 'metadata.xml', contents: xml }],
    schema: [{ fileName: 'edmx.xsd', contents: fs.readFileSync(path.join(oasisDir, 'edmx.xsd'), 'utf8') }],
    preload: [{ fileName: 'edm.xsd', contents: fs.readFileSync(path.join(oasisDir, 'edm.xsd'), 'utf8') }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage).join('\n') };
}

/** The text of one element, from its start tag to its end tag: `element(xml, 'EntityType', 'User')`. */
function element(xml: string, tag: string, name: string): string {
  const match = new RegExp(`<${tag} Name="${name}"[^>]*>[\\s\\S]*?</${tag}>`).exec(xml);
  expect(match, `<${tag} Name="${name}"> not found`).to.not.equal(null);
  return match?.[0] ?? '';
}

function withSet(base: Model, name: string, change: (set: EntitySetDef) => EntitySetDef): Model {
  return { ...base, entitySets: base.entitySets.map((s) => (s.name === name ? change(s) : s)) };
}

describe('buildMetadataXml', () => {
  const xml = buildMetadataXml(model, DEFAULT_LIMITS);

  it('produces a document valid against the OASIS edmx.xsd', async () => {
    const { valid, errors } = await validateAgainstEdmx(xml);
    expect(valid, errors).to.equal(true);
  });

  it('is checked by a validator that does reject what the XSD forbids', async () => {
    const { valid } = await validateAgainstEdmx(xml.replace('<Key>', '<Keys>').replace('</Key>', '</Keys>'));
    expect(valid).to.equal(false);
  });

  it('is a CSDL 4.0 document in the model namespace, pretty-printed with two spaces', () => {
    expect(xml).to.match(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<edmx:Edmx Version="4\.0" xmlns:edmx="http:\/\/docs\.oasis-open\.org\/odata\/ns\/edmx">\n/);
    expect(xml).to.include('\n  <edmx:DataServices>\n    <Schema Namespace="OrgChart" Alias="Default" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n');
  });

  it('references the Core and Capabilities vocabularies with their aliases', () => {
    const vocabularies = 'https://oasis-tcs.github.io/odata-vocabularies/vocabularies';
    expect(xml).to.include(
      `<edmx:Reference Uri="${vocabularies}/Org.OData.Core.V1.xml">\n    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>`,
    );
    expect(xml).to.include(
      `<edmx:Reference Uri="${vocabularies}/Org.OData.Capabilities.V1.xml">\n    <edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/>`,
    );
  });

  it('declares $apply on the container (Aggregation.ApplySupported, the vocabulary referenced) with the transformations it plans', () => {
    const vocabularies = 'https://oasis-tcs.github.io/odata-vocabularies/vocabularies';
    expect(xml).to.include(
      `<edmx:Reference Uri="${vocabularies}/Org.OData.Aggregation.V1.xml">\n    <edmx:Include Namespace="Org.OData.Aggregation.V1" Alias="Aggregation"/>`,
    );
    const strings = APPLY_TRANSFORMATIONS.map((name) => `<String>${name}</String>`).join('\n                ');
    expect(xml).to.include('<Annotation Term="Aggregation.ApplySupported">\n          <Record>\n            <PropertyValue Property="Transformations">\n' +
      `              <Collection>\n                ${strings}\n              </Collection>`);
    expect(xml).to.include('<PropertyValue Property="Rollup" EnumMember="Aggregation.RollupType/None"/>');
    for (const name of APPLY_TRANSFORMATIONS) {
      // each one is planned, not refused as unsupported
      expect(() => planApply(entitySet('Users')!, { options: parseQueryOptions(`$apply=${APPLY_EXAMPLES[name]}`).options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' })).not.to.throw();
    }
  });

  it('declares the hierarchy functions as bound functions (schema alias Default), and the Depth annotation term', () => {
    expect(xml).to.include('<Function Name="Ancestors" IsBound="true" EntitySetPath="bindingParameter">\n        <Parameter Name="bindingParameter" Type="OrgChart.OrganizationTeamHierarchy" Nullable="false"/>\n' +
      '        <ReturnType Type="Collection(OrgChart.OrganizationTeamHierarchy)" Nullable="false"/>');
    expect(xml).to.include('<Parameter Name="MaxDepth" Type="Edm.Int32">');
    expect(xml).to.include('<Annotation Term="Core.OptionalParameter">');
    expect(xml).to.include('<Function Name="Managers" IsBound="true" EntitySetPath="bindingParameter">\n        <Parameter Name="bindingParameter" Type="OrgChart.User" Nullable="false"/>');
    expect(xml).to.include('<Term Name="Depth" Type="Edm.Int32" AppliesTo="EntityType">');
  });

  it('declares every entity set, its type, key and every property of the model', () => {
    for (const set of model.entitySets) {
      expect(element(xml, 'EntitySet', set.name)).to.include(`EntityType="OrgChart.${set.typeName}"`);
      const type = element(xml, 'EntityType', set.typeName);
      expect(type).to.include(`<Key>\n          <PropertyRef Name="${set.key}"/>\n        </Key>`);
      for (const p of set.properties) {
        const declared = p.complex ? `OrgChart.${p.complex.name}` : p.type;
        expect(type).to.include(`<Property Name="${p.name}" Type="${p.collection ? `Collection(${declared})` : declared}"`);
      }
    }
  });

  it('writes Nullable="false", MaxLength and DefaultValue from the property declarations', () => {
    const user = element(xml, 'EntityType', 'User');
    expect(user).to.include('<Property Name="UserName" Type="Edm.String" Nullable="false" MaxLength="100"/>');
    expect(user).to.include('<Property Name="Email" Type="Edm.String" MaxLength="254"/>');
    expect(user).to.include('<Property Name="IsActive" Type="Edm.Boolean" Nullable="false" DefaultValue="true"/>');
    expect(element(xml, 'EntityType', 'OrganizationTeamHierarchy')).to.include('<Property Name="ParentId" Type="Edm.Int64"/>');
  });

  it('declares Precision="3" on every DateTimeOffset: values carry milliseconds, not whole seconds', () => {
    const dateTimes = xml.match(/<Property [^>]*Type="Edm.DateTimeOffset"[^>]*>/g) ?? [];
    expect(dateTimes.length).to.be.greaterThan(3);
    for (const declaration of dateTimes) expect(declaration).to.include(' Precision="3"');
  });

  it('marks read-only properties as Core.Computed and only those', () => {
    const user = element(xml, 'EntityType', 'User');
    expect(user).to.include('<Property Name="Id" Type="Edm.Int64" Nullable="false">\n          <Annotation Term="Core.Computed" Bool="true"/>');
    const readOnly = model.entitySets.flatMap((s) => s.properties.filter((p) => p.readOnly));
    const secrets = model.entitySets.filter((s) => s.secret).length; // AccessTokens' Token, shown once
    expect(xml.split('Term="Core.Computed"').length - 1).to.equal(readOnly.length + secrets);
  });

  it('describes each entity type with its set description', () => {
    for (const set of model.entitySets) {
      expect(element(xml, 'EntityType', set.typeName)).to.include(`<Annotation Term="Core.Description" String="${set.description}"/>`);
    }
  });

  it('declares the Users alternate key on Email as Core.AlternateKeys', () => {
    const user = element(xml, 'EntityType', 'User');
    expect(user).to.include('<Annotation Term="Core.AlternateKeys">');
    expect(user).to.include('<PropertyValue Property="Alias" String="Email"/>');
    expect(user).to.include('<PropertyValue Property="Name" PropertyPath="Email"/>');
    expect(element(xml, 'EntityType', 'OrganizationTeamHierarchy')).to.not.include('Core.AlternateKeys');
  });

  it('gives every navigation property its type and partner', () => {
    for (const set of model.entitySets) {
      const type = element(xml, 'EntityType', set.typeName);
      for (const nav of set.navigations) {
        const target = model.entitySets.find((s) => s.name === nav.target)?.typeName;
        const typeName = nav.collection ? `Collection(OrgChart.${target})` : `OrgChart.${target}`;
        const escaped = typeName.replace(/[()]/g, '\\$&');
        if (nav.partner) expect(type).to.match(new RegExp(`<NavigationProperty Name="${nav.name}" Type="${escaped}"[^>]* Partner="${nav.partner}"`));
        else expect(type).to.match(new RegExp(`<NavigationProperty Name="${nav.name}" Type="${escaped}"(?![^>]*Partner)[^>]*>`));
      }
    }
  });

  it('constrains OrganizationTeamMemberHierarchy.User by UserId and makes it non-nullable', () => {
    expect(element(xml, 'EntityType', 'OrganizationTeamMemberHierarchy')).to.include(
      '<NavigationProperty Name="User" Type="OrgChart.User" Nullable="false" Partner="Memberships">\n' +
        '          <ReferentialConstraint Property="UserId" ReferencedProperty="Id"/>\n' +
        '        </NavigationProperty>',
    );
  });

  it('leaves Parent nullable and constrained by ParentId', () => {
    expect(element(xml, 'EntityType', 'OrganizationTeamHierarchy')).to.include(
      '<NavigationProperty Name="Parent" Type="OrgChart.OrganizationTeamHierarchy" Partner="Children">\n' +
        '          <ReferentialConstraint Property="ParentId" ReferencedProperty="Id"/>',
    );
  });

  it('binds every navigation to its target set, Parent to OrganizationTeamHierarchies', () => {
    expect(element(xml, 'EntitySet', 'OrganizationTeamHierarchies')).to.include(
      '<NavigationPropertyBinding Path="Parent" Target="OrganizationTeamHierarchies"/>',
    );
    for (const set of model.entitySets) {
      for (const nav of set.navigations) {
        expect(element(xml, 'EntitySet', set.name)).to.include(`<NavigationPropertyBinding Path="${nav.name}" Target="${nav.target}"/>`);
      }
    }
  });

  const record = (term: string, property: string, value: boolean) =>
    `<Annotation Term="Capabilities.${term}">\n            <Record>\n              <PropertyValue Property="${property}" Bool="${value}"/>`;

  it('annotates every entity set with its query and write capabilities', () => {
    const expected = [
      '<Annotation Term="Capabilities.TopSupported" Bool="true"/>',
      '<Annotation Term="Capabilities.SkipSupported" Bool="true"/>',
      ...[
        ['CountRestrictions', 'Countable', true],
        ['FilterRestrictions', 'Filterable', true],
        ['SortRestrictions', 'Sortable', true],
        ['ExpandRestrictions', 'Expandable', true],
        ['SelectSupport', 'Supported', true],
      ].map(([term, property, value]) => record(term as string, property as string, value as boolean)),
    ];
    for (const set of model.entitySets) {
      const entitySet = element(xml, 'EntitySet', set.name);
      for (const annotation of expected) expect(entitySet, set.name).to.include(annotation);
      for (const [term, property] of [['InsertRestrictions', 'Insertable'], ['UpdateRestrictions', 'Updatable'], ['DeleteRestrictions', 'Deletable']]) {
        expect(entitySet, set.name).to.include(record(term as string, property as string, set.writable));
      }
    }
    for (const set of model.entitySets) {
      expect(element(xml, 'EntitySet', set.name), set.name).to.include(record('SearchRestrictions', 'Searchable', set.name !== 'OrganizationTeamMemberHierarchies'));
      // delta links (Prefer: odata.track-changes) on the org chart's sets
      expect(element(xml, 'EntitySet', set.name), set.name).to.include(record('ChangeTracking', 'Supported', ['Users', 'OrganizationTeamHierarchies', 'OrganizationTeamMemberHierarchies'].includes(set.name)));
    }
    expect(element(xml, 'EntitySet', 'AuditLogs')).to.include(record('InsertRestrictions', 'Insertable', false));
    expect(element(xml, 'EntitySet', 'Users')).to.include(record('InsertRestrictions', 'Insertable', true));
    expect(element(xml, 'EntitySet', 'Users')).to.include('<Annotation Term="Core.OptimisticConcurrency">');
  });

  it('states the page size and the query limits on the container', () => {
    const container = element(xml, 'EntityContainer', 'Container');
    expect(container).to.include('<Annotation Term="Core.Description" String="Server-driven paging: at most 1000 entities per response"/>');
    expect(container).to.match(/<Annotation Term="Core.LongDescription" String="[^"]*\$top at most 1000000, \$skip at most 1000000, \$orderby at most 5 keys/);
    const smaller = buildMetadataXml(model, { ...DEFAULT_LIMITS, maxPageSize: 250 });
    expect(smaller).to.include('String="Server-driven paging: at most 250 entities per response"');
  });

  it('escapes markup characters in text and keeps the document valid', async () => {
    const hostile = withSet(model, 'Users', (s) => ({ ...s, description: `Tags <b> & "quotes" 'apos'\nsecond line` }));
    const out = buildMetadataXml(hostile, DEFAULT_LIMITS);
    expect(out).to.include(
      '<Annotation Term="Core.Description" String="Tags &lt;b&gt; &amp; &quot;quotes&quot; &apos;apos&apos;&#10;second line"/>',
    );
    expect(out).to.not.include('<b>');
    const { valid, errors } = await validateAgainstEdmx(out);
    expect(valid, errors).to.equal(true);
  });

  it('refuses text that XML cannot carry', () => {
    const broken = withSet(model, 'Users', (s) => ({ ...s, description: 'bell \u0007' }));
    expect(() => buildMetadataXml(broken, DEFAULT_LIMITS)).to.throw(/not representable in XML/);
  });

  it('refuses a navigation to an entity set the model does not have', () => {
    const broken = withSet(model, 'Users', (s) => ({
      ...s,
      navigations: [{ name: 'Ghosts', target: 'Ghosts', collection: true, sourceColumn: 'id', targetColumn: 'user_id' }],
    }));
    expect(() => buildMetadataXml(broken, DEFAULT_LIMITS)).to.throw(/Users\.Ghosts targets unknown entity set Ghosts/);
  });

  it('returns the same string for the same input', () => {
    expect(buildMetadataXml(model, DEFAULT_LIMITS)).to.equal(xml);
  });

  it('follows the model: one more property in the model is one more property in $metadata', async () => {
    const extended = withSet(model, 'Users', (s) => ({
      ...s,
      properties: [...s.properties, { name: 'Nickname', column: 'nickname', type: 'Edm.String', nullable: true, maxLength: 50 }],
    }));
    const out = buildMetadataXml(extended, DEFAULT_LIMITS);
    expect(out).to.not.equal(xml);
    expect(element(out, 'EntityType', 'User')).to.include('<Property Name="Nickname" Type="Edm.String" MaxLength="50"/>');
    expect(out.replace('        <Property Name="Nickname" Type="Edm.String" MaxLength="50"/>\n', '')).to.equal(xml);
    const { valid, errors } = await validateAgainstEdmx(out);
    expect(valid, errors).to.equal(true);
  });
});
