/**
 * Model-driven mechanisms added for Mappings (seed 000), without a database: an Edm.Guid key through the
 * parser, planner and key literal; immutable properties and the unbound action (ActionDef) in $metadata
 * (XSD-valid) and not in the service document; the action's parameter checks and body template; the
 * many-to-many navigations through mappings in the cost model; the demo mappings' plan.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { keyLiteral } from '../../odata/format';
import { buildMetadataXml } from '../../odata/metadata';
import { action, entitySet, keyProperty, model, navigation, type ActionDef, type EntitySetDef } from '../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../odata/parse/parse-query-options';
import { fanOutKey } from '../../odata/plan/cost';
import { planRead } from '../../odata/plan/plan-read';
import { buildServiceDocument } from '../../odata/service-document';
import { buildDemoPlan } from '../../seeds/demo-plan';
import { buildDemoMappings, orgUnitType } from '../../seeds/demo-mappings';
import { DEFAULT_LIMITS } from '../../server/config';
import { actionParameters, fillTemplate } from '../../server/http/action-handler';
import { thrownODataError } from '../helpers/odata-error';

const Mappings = entitySet('Mappings') as EntitySetDef;
const Projects = entitySet('Projects') as EntitySetDef;
const Users = entitySet('Users') as EntitySetDef;
const Action = action('CreateOrgHierarchyMapping') as ActionDef;
const ID = '6f1c2a0e-1b2c-4d3e-8f40-5a6b7c8d9e0f';

function plan(resource: string, query = '') {
  const parsed = parseQueryOptions(query);
  return planRead({ segments: parseResourcePath(resource).segments, options: parsed.options, parameters: parsed.custom, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
}

describe('Mappings model', () => {
  describe('an Edm.Guid key', () => {
    it('is planned from an unquoted GUID (lower-cased), and refused quoted or as a number', () => {
      const target = plan(`/Mappings(${ID.toUpperCase()})`).target;
      expect(target).to.deep.include({ kind: 'entity' });
      expect((target as { key: { value: unknown } }).key.value).to.deep.equal({ kind: 'Value', type: 'Edm.Guid', value: ID, nullable: false });
      expect(thrownODataError(() => plan(`/Mappings('${ID}')`)).code).to.equal('InvalidKey');
      expect(thrownODataError(() => plan('/Mappings(5)')).code).to.equal('InvalidKey');
    });

    it('is written unquoted in URLs (Location, @odata.id) and compared as a Guid in $filter', () => {
      expect(keyLiteral(keyProperty(Mappings), ID)).to.equal(ID);
      expect(plan('/Mappings', `$filter=Id eq ${ID}`).filter).to.deep.include({ kind: 'Compare', op: 'eq' });
      expect(thrownODataError(() => plan('/Mappings', `$filter=Id eq '${ID}'`)).message).to.match(/GUID without quotes/);
    });
  });

  describe('navigations through mappings', () => {
    it('Projects.People and Users.Projects are partners through mappings, managed by Mappings (no $ref)', () => {
      expect(navigation(Projects, 'People')).to.deep.include({ target: 'Users', partner: 'Projects', through: { table: 'mappings', sourceColumn: 'project_ref', targetColumn: 'user_ref', managedBy: 'Mappings' } });
      expect(navigation(Users, 'Projects')).to.deep.include({ target: 'Projects', partner: 'People', through: { table: 'mappings', sourceColumn: 'user_ref', targetColumn: 'project_ref', managedBy: 'Mappings' } });
      expect(fanOutKey(navigation(Projects, 'People') as never)).to.equal('mappings.project_ref');
      expect(fanOutKey(navigation(Users, 'Projects') as never)).to.equal('mappings.user_ref');
      expect(plan(`/Projects(ProjectId='2322345')`, '$expand=People($select=Email)').expand[0]?.navigation.name).to.equal('People');
    });
  });

  describe('$metadata', () => {
    const xml = buildMetadataXml(model, DEFAULT_LIMITS);

    it('declares the Mapping type with a Guid key and Core.Immutable on Attribute1, Attribute2, MappingType', () => {
      const type = /<EntityType Name="Mapping">[\s\S]*?<\/EntityType>/.exec(xml)?.[0] ?? '';
      expect(type).to.include('<Property Name="Id" Type="Edm.Guid" Nullable="false">');
      for (const name of ['Attribute1', 'Attribute2', 'MappingType']) {
        expect(type).to.match(new RegExp(`<Property Name="${name}"[^>]*>\\s*<Annotation Term="Core.Immutable" Bool="true"/>`));
      }
      expect(type.split('Term="Core.Immutable"').length - 1).to.equal(3);
    });

    it('declares the unbound action with its parameters and return type, and its ActionImport in the container', () => {
      const declared = /<Action Name="CreateOrgHierarchyMapping" IsBound="false">[\s\S]*?<\/Action>/.exec(xml)?.[0] ?? '';
      for (const name of ['Parent', 'ParentType', 'Child', 'ChildType']) expect(declared).to.include(`<Parameter Name="${name}" Type="Edm.String" Nullable="false"`);
      expect(declared).to.include('<ReturnType Type="OrgChart.Mapping" Nullable="false"/>');
      const container = /<EntityContainer[\s\S]*<\/EntityContainer>/.exec(xml)?.[0] ?? '';
      expect(container).to.include('<ActionImport Name="CreateOrgHierarchyMapping" Action="OrgChart.CreateOrgHierarchyMapping" EntitySet="Mappings"/>');
    });

    it('is valid against the OASIS edmx.xsd with the action, and without it', async () => {
      const oasis = path.resolve(__dirname, '../fixtures/oasis');
      const validate = async (doc: string) => validateXML({
        xml: [{ fileName: 'metadata.xml', contents: doc }],
        schema: [{ fileName: 'edmx.xsd', contents: fs.readFileSync(path.join(oasis, 'edmx.xsd'), 'utf8') }],
        preload: [{ fileName: 'edm.xsd', contents: fs.readFileSync(path.join(oasis, 'edm.xsd'), 'utf8') }],
      });
      const result = await validate(xml);
      expect(result.valid, result.errors.map((e) => e.rawMessage).join('\n')).to.equal(true);
      const broken = await validate(xml.replace('<ReturnType Type="OrgChart.Mapping" Nullable="false"/>', '<Returns Type="OrgChart.Mapping"/>'));
      expect(broken.valid).to.equal(false);
      const without = buildMetadataXml({ ...model, actions: [] }, DEFAULT_LIMITS);
      expect(without).not.to.include('<Action ');
      expect(without).not.to.include('<ActionImport ');
    });

    it('refuses an action that creates an unknown entity set', () => {
      expect(() => buildMetadataXml({ ...model, actions: [{ ...Action, creates: 'Ghosts' }] }, DEFAULT_LIMITS)).to.throw(/Ghosts/);
    });
  });

  it('the service document lists Mappings, not the action import (OData JSON §5)', () => {
    const names = buildServiceDocument(model, 'http://h/odata').value.map((e) => e.name);
    expect(names).to.include('Mappings');
    expect(names).not.to.include('CreateOrgHierarchyMapping');
  });

  describe('CreateOrgHierarchyMapping parameters', () => {
    it('normalises types to their declared spelling and fills the body template', () => {
      const values = actionParameters(Action, { Parent: 'Opsera', ParentType: 'ROOT', Child: 'R&D', ChildType: 'Department', '@odata.type': 'x' });
      expect(values).to.deep.equal({ Parent: 'Opsera', ParentType: 'root', Child: 'R&D', ChildType: 'department' });
      const body = Object.fromEntries(Object.entries(Action.assign).map(([k, v]) => [k, fillTemplate(v, values)]));
      expect(body).to.deep.equal({ Attribute1: 'Opsera', Attribute2: 'R&D', MappingType: 'org-hierarchy', Relationship: 'root-department' });
    });

    it('names every problem: unknown type, missing, empty, wrong type, unknown parameter, not an object', () => {
      const err = thrownODataError(() => actionParameters(Action, { Parent: '', ParentType: 'planet', Child: 3, Extra: true }));
      expect(err.status).to.equal(400);
      expect((err.details ?? []).map((d) => d.target).sort()).to.deep.equal(['ChildType', 'Child', 'Extra', 'Parent', 'ParentType'].sort());
      expect(err.message).to.include("'planet' is not one of root, organization, business, department, group, team");
      expect(thrownODataError(() => actionParameters(Action, [])).status).to.equal(400);
    });
  });

  describe('demo mappings', () => {
    it('types teams by depth and maps several people per project', () => {
      expect([0, 1, 2, 3, 4, 9].map(orgUnitType)).to.deep.equal(['root', 'business', 'department', 'group', 'team', 'team']);
      const contoso = buildDemoPlan()[0];
      if (!contoso) throw new Error('no demo plan');
      const mappings = buildDemoMappings(contoso);
      expect(buildDemoMappings(contoso)).to.deep.equal(mappings);
      const people = mappings.filter((m) => m.mapping_type === 'project-people');
      expect(people.filter((m) => m.attribute1 === '2322345').length).to.be.within(2, 5);
      expect(new Set(people.map((m) => `${m.attribute1}|${m.attribute2}`)).size).to.equal(people.length);
      expect(mappings.filter((m) => m.mapping_type === 'org-hierarchy').length).to.equal(contoso.teams.length - 1);
    });
  });
});
