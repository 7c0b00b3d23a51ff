/**
 * $metadata of complex types (Projects' ProjectOwner and Assets): ComplexType elements for every complex
 * type the model uses (nested ones included), properties typed by them, and the document still valid
 * against the OASIS edmx.xsd.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { buildMetadataXml, complexTypes } from '../../odata/metadata';
import { model } from '../../odata/model';
import { DEFAULT_LIMITS } from '../../server/config';

const oasisDir = path.resolve(__dirname, '../fixtures/oasis');

function element(xml: string, tag: string, name: string): string {
  const match = new RegExp(`<${tag} Name="${name}"[^>]*>[\\s\\S]*?</${tag}>`).exec(xml);
  expect(match, `<${tag} Name="${name}"> not found`).to.not.equal(null);
  return match?.[0] ?? '';
}

describe('buildMetadataXml: complex types', () => {
  const xml = buildMetadataXml(model, DEFAULT_LIMITS);

  it('stays valid against the OASIS edmx.xsd with the ComplexType elements', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'metadata.xml', contents: xml }],
      schema: [{ fileName: 'edmx.xsd', contents: fs.readFileSync(path.join(oasisDir, 'edmx.xsd'), 'utf8') }],
      preload: [{ fileName: 'edm.xsd', contents: fs.readFileSync(path.join(oasisDir, 'edm.xsd'), 'utf8') }],
    });
    expect(result.valid, result.errors.map((e) => e.rawMessage).join('\n')).to.equal(true);
  });

  it('collects every complex type once, nested ones included, in order of first use', () => {
    expect(complexTypes(model).map((t) => t.name)).to.deep.equal(['ProjectOwner', 'ProjectAssets', 'Repository', 'ProjectService']);
    for (const name of ['ProjectOwner', 'ProjectAssets', 'Repository', 'ProjectService']) expect(xml.split(`<ComplexType Name="${name}"`).length - 1).to.equal(1);
  });

  it('declares the members of each complex type with their types, collections and facets', () => {
    expect(element(xml, 'ComplexType', 'ProjectOwner')).to.include('<Property Name="Email" Type="Edm.String" MaxLength="254"/>');
    const assets = element(xml, 'ComplexType', 'ProjectAssets');
    expect(assets).to.include('<Property Name="Repositories" Type="Collection(OrgChart.Repository)" Nullable="false"/>');
    expect(assets).to.include('<Property Name="Services" Type="Collection(OrgChart.ProjectService)" Nullable="false"/>');
    expect(element(xml, 'ComplexType', 'Repository')).to.include('<Property Name="Name" Type="Edm.String" Nullable="false" MaxLength="200"/>');
    expect(element(xml, 'ComplexType', 'ProjectService')).to.include('<Property Name="Dependencies" Type="Collection(Edm.String)" Nullable="false" MaxLength="200"/>');
  });

  it('types the Project properties by their complex types and declares ProjectId as an alternate key', () => {
    const project = element(xml, 'EntityType', 'Project');
    expect(project).to.include('<Property Name="ProjectOwner" Type="OrgChart.ProjectOwner"/>');
    expect(project).to.include('<Property Name="Assets" Type="OrgChart.ProjectAssets"/>');
    expect(project).to.include('<Property Name="ProjectId" Type="Edm.String" Nullable="false" MaxLength="100"/>');
    expect(project).to.include('<PropertyValue Property="Name" PropertyPath="ProjectId"/>');
  });
});
