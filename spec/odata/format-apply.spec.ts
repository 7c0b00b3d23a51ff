/**
 * The $apply result writer (odata/format-apply.ts), pure: grouped paths nested as objects in their
 * first-seen order, values converted by type (Int64 counts as numbers, or strings under IEEE754Compatible),
 * nulls kept, or left out under omit-values=nulls together with an object they leave empty.
 */
import { expect } from 'chai';
import { applyRowWriter } from '../../odata/format-apply';
import type { PropertyDef } from '../../odata/model';

const column = (name: string, type: PropertyDef['type']): PropertyDef => ({ name, column: name, type, nullable: true });
const options = { serviceRoot: 'http://h/odata', ieee754Compatible: false, omitNulls: false };

describe('applyRowWriter ($apply rows → JSON text)', () => {
  const columns = [column('OrganizationTeamHierarchy/Name', 'Edm.String'), column('OrganizationTeamHierarchy/Parent/Name', 'Edm.String'), column('N', 'Edm.Int64')];

  it('nests grouped paths and converts values by type', () => {
    const write = applyRowWriter(columns, options);
    expect(write({ 'OrganizationTeamHierarchy/Name': 'Sales "EMEA"', 'OrganizationTeamHierarchy/Parent/Name': 'Contoso', N: '3' }))
      .to.equal('{"OrganizationTeamHierarchy":{"Name":"Sales \\"EMEA\\"","Parent":{"Name":"Contoso"}},"N":3}');
    expect(JSON.parse(write({ 'OrganizationTeamHierarchy/Name': null, 'OrganizationTeamHierarchy/Parent/Name': null, N: '0' })))
      .to.deep.equal({ OrganizationTeamHierarchy: { Name: null, Parent: { Name: null } }, N: 0 });
  });

  it('writes Int64 as a string under IEEE754Compatible, and leaves nulls (and objects left empty) out under omit-values=nulls', () => {
    expect(applyRowWriter([column('N', 'Edm.Int64')], { ...options, ieee754Compatible: true })({ N: '9007199254740993' })).to.equal('{"N":"9007199254740993"}');
    const omit = applyRowWriter(columns, { ...options, omitNulls: true });
    expect(omit({ 'OrganizationTeamHierarchy/Name': 'Sales', 'OrganizationTeamHierarchy/Parent/Name': null, N: '2' })).to.equal('{"OrganizationTeamHierarchy":{"Name":"Sales"},"N":2}');
    expect(omit({ 'OrganizationTeamHierarchy/Name': null, 'OrganizationTeamHierarchy/Parent/Name': null, N: '2' })).to.equal('{"N":2}');
    expect(omit({ 'OrganizationTeamHierarchy/Name': null, 'OrganizationTeamHierarchy/Parent/Name': null, N: null })).to.equal('{}');
  });
});
