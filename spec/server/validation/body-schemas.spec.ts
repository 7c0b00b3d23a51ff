import { expect } from 'chai';
import { OrganizationTeamHierarchies, Users } from '../../../odata/model/entity-sets';
import { bodySchema, validateBody } from '../../../server/validation/body-schemas';
import { thrownODataError } from '../../helpers/odata-error';

describe('bodySchema', () => {
  it('derives the create schema of a set from the model: writable properties, required ones, nothing else', () => {
    expect(bodySchema(OrganizationTeamHierarchies, 'create')).to.deep.equal({
      type: 'object',
      properties: {
        CompanyId: { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
        Name: { type: 'string', minLength: 1, maxLength: 200 },
        Description: { anyOf: [{ type: 'string', minLength: 0, maxLength: 2000 }, { type: 'null' }] },
        ParentId: { anyOf: [{ anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^-?[0-9]{1,19}$' }] }, { type: 'null' }] },
      },
      required: ['Name'],
      additionalProperties: false,
    });
  });

  it('accepts the key in PUT and PATCH bodies (checked against the URL later) and requires nothing on PATCH', () => {
    const patch = bodySchema(Users, 'update') as { properties: Record<string, unknown>; required: string[] };
    expect(patch.properties).to.have.property('Id');
    expect(patch.required).to.deep.equal([]);
    expect((bodySchema(Users, 'replace') as { required: string[] }).required).to.deep.equal(['UserName']);
  });
});

describe('validateBody', () => {
  it('returns the body without instance annotations', () => {
    expect(validateBody(Users, 'update', { '@odata.etag': 'W/"1"', FirstName: 'Ann' })).to.deep.equal({ FirstName: 'Ann' });
  });

  it('names every offending property once, with a code per kind of problem', () => {
    const err = thrownODataError(() => validateBody(Users, 'create', { Id: 1, Nope: true, UserName: 5, Email: 'not-an-email', CreatedAt: 'x' }));
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('ValidationFailed');
    expect(err.details).to.deep.include.members([
      { code: 'ReadOnlyProperty', message: 'Id is computed by the service and cannot be written', target: 'Id' },
      { code: 'UnknownProperty', message: "User has no property 'Nope'", target: 'Nope' },
      { code: 'ReadOnlyProperty', message: 'CreatedAt is computed by the service and cannot be written', target: 'CreatedAt' },
      { code: 'InvalidValue', message: 'UserName must be Edm.String of at most 100 characters', target: 'UserName' },
      { code: 'InvalidValue', message: 'Email is not a valid Email', target: 'Email' },
    ]);
    expect(err.details).to.have.length(5);
  });

  it('reports a missing required property on POST and PUT but not on PATCH', () => {
    expect(thrownODataError(() => validateBody(OrganizationTeamHierarchies, 'create', {})).details).to.deep.equal([
      { code: 'MissingProperty', message: 'Name is required', target: 'Name' },
    ]);
    expect(thrownODataError(() => validateBody(OrganizationTeamHierarchies, 'replace', { Description: 'x' })).target).to.equal('Name');
    expect(validateBody(OrganizationTeamHierarchies, 'update', { Description: null })).to.deep.equal({ Description: null });
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of [[], 5, 'x', null]) expect(thrownODataError(() => validateBody(Users, 'update', body)).status).to.equal(400);
  });
});
