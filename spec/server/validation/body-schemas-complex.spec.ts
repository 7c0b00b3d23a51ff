/**
 * Body validation of complex properties (Projects: ProjectOwner, Assets): nested closed objects, arrays of
 * complex values and of strings, and `target` paths into them (`Assets/Repositories/0/Url`).
 */
import { expect } from 'chai';
import { Projects } from '../../../odata/model/entity-sets';
import { bodySchema, validateBody } from '../../../server/validation/body-schemas';
import { thrownODataError } from '../../helpers/odata-error';

const valid = {
  ProjectId: '2322345',
  ProjectName: 'Phase 2',
  ProjectOwner: { FirstName: 'John', LastName: 'Doe', Email: 'jd@opsera.io' },
  Assets: {
    Repositories: [{ Name: 'web-portal', Platform: 'github.com', Url: 'https://github.com/Opsera/web-portal.git' }],
    Services: [{ Name: 'ha-proxy', Identifier: 'haprox01', ExternalId: 'b558c4d4', Dependencies: ['redis'] }],
  },
};

describe('bodySchema: complex properties', () => {
  it('derives closed nested objects from the complex types, collections as arrays', () => {
    const schema = bodySchema(Projects, 'create') as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).to.deep.equal(['ProjectId', 'ProjectName']);
    expect(schema.properties.ProjectOwner).to.deep.equal({
      anyOf: [
        {
          type: 'object',
          properties: {
            FirstName: { anyOf: [{ type: 'string', minLength: 0, maxLength: 100 }, { type: 'null' }] },
            LastName: { anyOf: [{ type: 'string', minLength: 0, maxLength: 100 }, { type: 'null' }] },
            Email: { anyOf: [{ type: 'string', minLength: 0, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }, { type: 'null' }] },
          },
          required: [],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    });
    const assets = (schema.properties.Assets as { anyOf: [{ properties: Record<string, { type: string; items: { properties: Record<string, unknown>; required: string[] } }> }] }).anyOf[0];
    expect(assets.properties.Repositories?.type).to.equal('array');
    expect(assets.properties.Repositories?.items.required).to.deep.equal(['Name']);
    expect(assets.properties.Services?.items.properties.Dependencies).to.deep.equal({ type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 } });
  });
});

describe('validateBody: complex properties', () => {
  it('accepts the seed-000 shape, and null for a whole complex property', () => {
    expect(validateBody(Projects, 'create', valid)).to.deep.equal(valid);
    expect(validateBody(Projects, 'update', { ProjectOwner: null, Assets: null })).to.deep.equal({ ProjectOwner: null, Assets: null });
  });

  it('names an unknown nested property by its path: Assets/Repositories/0/Urll', () => {
    const body = { ...valid, Assets: { Repositories: [{ Name: 'a', Urll: 'x' }] } };
    const err = thrownODataError(() => validateBody(Projects, 'create', body));
    expect(err.status).to.equal(400);
    expect(err.target).to.equal('Assets/Repositories/0/Urll');
    expect(err.details).to.deep.include({ code: 'UnknownProperty', message: "Repository has no property 'Urll'", target: 'Assets/Repositories/0/Urll' });
  });

  it('names a wrongly typed nested value by its path: Assets/Repositories/1/Url, Assets/Services/0/Dependencies/1', () => {
    const body = {
      ...valid,
      Assets: { Repositories: [{ Name: 'a' }, { Name: 'b', Url: 5 }], Services: [{ Name: 's', Dependencies: ['ok', 7] }] },
    };
    const err = thrownODataError(() => validateBody(Projects, 'create', body));
    expect(err.details).to.deep.include.members([
      { code: 'InvalidValue', message: 'Assets/Repositories/1/Url must be Edm.String or null of at most 2000 characters', target: 'Assets/Repositories/1/Url' },
      { code: 'InvalidValue', message: 'Assets/Services/0/Dependencies/1 must be Edm.String of at most 200 characters', target: 'Assets/Services/0/Dependencies/1' },
    ]);
  });

  it('requires the required members of nested objects and refuses a non-array collection', () => {
    const err = thrownODataError(() => validateBody(Projects, 'update', { Assets: { Repositories: [{ Platform: 'github.com' }], Services: {} } }));
    expect(err.details).to.deep.include.members([
      { code: 'MissingProperty', message: 'Assets/Repositories/0/Name is required', target: 'Assets/Repositories/0/Name' },
      { code: 'InvalidValue', message: 'Assets/Services must be a JSON array of ProjectService', target: 'Assets/Services' },
    ]);
  });

  it('checks the owner email pattern inside the complex value', () => {
    const err = thrownODataError(() => validateBody(Projects, 'update', { ProjectOwner: { Email: 'nope' } }));
    expect(err.details).to.deep.include({ code: 'InvalidValue', message: 'ProjectOwner/Email is not a valid Email', target: 'ProjectOwner/Email' });
  });
});
