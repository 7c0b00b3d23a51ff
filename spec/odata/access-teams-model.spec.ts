/**
 * Model-driven mechanisms added for access teams (seed 002), without a database: the default filter
 * (EntitySetDef.defaultFilter) in the planner, its override parameter, the nextLink of a truncated
 * many-to-many expansion, the `$ref` body's `@odata.id`, and $metadata of a many-to-many navigation.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { expandedNextLink } from '../../odata/format-expanded';
import { buildMetadataXml } from '../../odata/metadata';
import { entitySet, model, type EntitySetDef } from '../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../odata/parse/parse-query-options';
import { defaultFilterOverridden, mentionsProperty, withDefaultFilter } from '../../odata/plan/default-filter';
import { planRead } from '../../odata/plan/plan-read';
import { DEFAULT_LIMITS } from '../../server/config';
import { referencedKey } from '../../server/http/write-handler';
import { thrownODataError } from '../helpers/odata-error';

const Teams = entitySet('Teams') as EntitySetDef;
const Users = entitySet('Users') as EntitySetDef;

function plan(resource: string, query = '') {
  const parsed = parseQueryOptions(query);
  return planRead({ segments: parseResourcePath(resource).segments, options: parsed.options, parameters: parsed.custom, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
}

const ACTIVE = { kind: 'Compare', op: 'eq', right: { kind: 'Value', type: 'Edm.Boolean', value: true, nullable: false } };

describe('default filter (EntitySetDef.defaultFilter)', () => {
  it('adds Active eq true to a list of Teams, a navigation path to Teams, an expanded Teams, and their counts', () => {
    for (const p of [plan('/Teams'), plan('/Teams/$count'), plan('/Users(7)/Teams'), plan('/Teams', '$count=true')]) {
      expect(p.filter).to.deep.include(ACTIVE);
    }
    expect(plan('/Users', '$expand=Teams').expand[0]?.filter).to.deep.include(ACTIVE);
  });

  it('leaves a single team by key, sets without a default filter, and ?inactive=true alone', () => {
    expect(plan('/Teams(3)').filter).to.equal(undefined);
    expect(plan('/Users').filter).to.equal(undefined);
    expect(plan('/Teams', 'inactive=true').filter).to.equal(undefined);
    expect(plan('/Users', '$expand=Teams&inactive=true').expand[0]?.filter).to.equal(undefined);
  });

  it('takes a $filter that mentions Active as the caller\'s choice, and ANDs the default with any other $filter', () => {
    const own = plan('/Teams', '$filter=Active eq false or Name eq \'x\'').filter;
    expect(own).to.deep.include({ kind: 'Logical', op: 'or' });
    const combined = plan('/Teams', '$filter=Name eq \'x\'').filter;
    expect(combined).to.deep.include({ kind: 'Logical', op: 'and', left: { ...(combined as { left: object }).left, ...ACTIVE } });
    // an expanded item's own $filter decides for that item
    expect(plan('/Users', '$expand=Teams($filter=not Active)').expand[0]?.filter).to.deep.include({ kind: 'Not' });
    // Active of a related entity is not the team's own
    expect(mentionsProperty(plan('/Teams', '$filter=Users/any(u: u/IsActive)&inactive=true').filter, 'Active')).to.equal(false);
    expect(plan('/Teams', '$filter=Users/any(u: u/IsActive)').filter).to.deep.include({ kind: 'Logical', op: 'and' });
    expect(mentionsProperty(plan('/Teams', '$filter=not Active&inactive=true').filter, 'Active')).to.equal(true);
  });

  it('binds the skiptoken to whether the default applies', () => {
    expect(plan('/Teams').fingerprint).not.to.equal(plan('/Teams', 'inactive=true').fingerprint);
    expect(plan('/Teams').fingerprint).to.equal(plan('/Teams', 'inactive=false').fingerprint);
  });

  it('accepts inactive=true or false once, and refuses anything else with 400 naming the parameter', () => {
    expect(defaultFilterOverridden(Teams, { inactive: ['true'] })).to.equal(true);
    expect(defaultFilterOverridden(Teams, { inactive: ['false'] })).to.equal(false);
    expect(defaultFilterOverridden(Users, { inactive: ['whatever'] })).to.equal(false);
    for (const values of [['yes'], ['true', 'true'], ['']]) {
      expect(thrownODataError(() => defaultFilterOverridden(Teams, { inactive: values }))).to.include({ status: 400, target: 'inactive' });
    }
    expect(withDefaultFilter(Users, undefined, false)).to.equal(undefined);
  });
});

describe('many-to-many in formatting and $ref bodies', () => {
  it('links the rest of a truncated expanded many-to-many collection through the partner navigation', () => {
    const expanded = plan('/Teams', '$expand=Users($select=Id)').expand[0];
    if (!expanded) throw new Error('no expand plan');
    expect(expandedNextLink(expanded, '3', 'http://h/odata')).to.equal(
      `http://h/odata/Users?$filter=${encodeURIComponent('Teams/any(p: p/Id eq 3)')}&$select=Id&$skip=1000`,
    );
    const teams = plan('/Users', '$expand=Teams&inactive=true').expand[0];
    if (!teams) throw new Error('no expand plan');
    expect(expandedNextLink(teams, '7', 'http://h/odata')).to.equal(`http://h/odata/Teams?$filter=${encodeURIComponent('Users/any(p: p/Id eq 7)')}&$skip=1000&inactive=true`);
    const active = plan('/Users', '$expand=Teams').expand[0];
    expect(active && expandedNextLink(active, '7', 'http://h/odata')).not.to.include('inactive');
  });

  it('reads the key from @odata.id: relative, service-absolute or an absolute URL ending in /odata/Users(7)', () => {
    for (const id of ['Users(7)', '/odata/Users(7)', 'http://h:3000/odata/Users(7)']) {
      expect(referencedKey(Users, { '@odata.id': id }).value.value).to.equal(7);
    }
    for (const body of [{}, { '@odata.id': 7 }, { '@odata.id': 'Teams(7)' }, { '@odata.id': 'Users(7)/Teams' }, { '@odata.id': 'http://h/api/Users(7)' }, { '@odata.id': 'Users' }, null]) {
      expect(thrownODataError(() => referencedKey(Users, body)), JSON.stringify(body)).to.include({ status: 400, target: '@odata.id' });
    }
  });
});

describe('$metadata of a many-to-many navigation', () => {
  const xml = buildMetadataXml(model, DEFAULT_LIMITS);

  it('declares Teams.Users and Users.Teams as partner collections without a ReferentialConstraint, bound to their sets', () => {
    expect(xml).to.include('<NavigationProperty Name="Users" Type="Collection(OrgChart.User)" Partner="Teams"/>');
    expect(xml).to.include('<NavigationProperty Name="Teams" Type="Collection(OrgChart.Team)" Partner="Users"/>');
    expect(xml).to.include('<NavigationPropertyBinding Path="Teams" Target="Teams"/>');
    expect(xml).to.include('<NavigationPropertyBinding Path="Users" Target="Users"/>');
    expect(xml).to.match(/<EntityType Name="Team">[\s\S]*?<Property Name="Active" Type="Edm.Boolean" Nullable="false" DefaultValue="true"\/>/);
  });

  it('stays valid against the OASIS edmx.xsd', async () => {
    const oasis = path.resolve(__dirname, '../fixtures/oasis');
    const result = await validateXML({
      xml: [{ fileName: 'metadata.xml', contents: xml }],
      schema: [{ fileName: 'edmx.xsd', contents: fs.readFileSync(path.join(oasis, 'edmx.xsd'), 'utf8') }],
      preload: [{ fileName: 'edm.xsd', contents: fs.readFileSync(path.join(oasis, 'edm.xsd'), 'utf8') }],
    });
    expect(result.valid, result.errors.map((e) => e.rawMessage).join('\n')).to.equal(true);
  });
});
