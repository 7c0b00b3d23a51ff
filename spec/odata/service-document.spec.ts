import { expect } from 'chai';
import { model } from '../../odata/model';
import { buildServiceDocument } from '../../odata/service-document';

describe('buildServiceDocument', () => {
  it('lists every entity set of the model, in model order, with a URL relative to the service root', () => {
    expect(buildServiceDocument(model, 'http://localhost:3000/odata')).to.deep.equal({
      '@odata.context': 'http://localhost:3000/odata/$metadata',
      value: [
        { name: 'Users', kind: 'EntitySet', url: 'Users' },
        { name: 'OrganizationTeamHierarchies', kind: 'EntitySet', url: 'OrganizationTeamHierarchies' },
        { name: 'OrganizationTeamMemberHierarchies', kind: 'EntitySet', url: 'OrganizationTeamMemberHierarchies' },
        { name: 'AuditLogs', kind: 'EntitySet', url: 'AuditLogs' },
        { name: 'Projects', kind: 'EntitySet', url: 'Projects' },
        { name: 'Teams', kind: 'EntitySet', url: 'Teams' },
        { name: 'Mappings', kind: 'EntitySet', url: 'Mappings' },
        { name: 'AccessTokens', kind: 'EntitySet', url: 'AccessTokens' },
        { name: 'TokenActivityLogs', kind: 'EntitySet', url: 'TokenActivityLogs' },
      ],
    });
  });

  it('points @odata.context at $metadata under the given absolute root, with or without a trailing slash', () => {
    expect(buildServiceDocument(model, 'https://hr.example.com/api/odata')['@odata.context']).to.equal(
      'https://hr.example.com/api/odata/$metadata',
    );
    expect(buildServiceDocument(model, 'https://hr.example.com/api/odata/')['@odata.context']).to.equal(
      'https://hr.example.com/api/odata/$metadata',
    );
  });

  it('follows the model: a set added to the model is listed', () => {
    const [users] = model.entitySets;
    if (!users) throw new Error('model has no entity sets');
    const extended = { ...model, entitySets: [...model.entitySets, { ...users, name: 'Extras', typeName: 'Extra' }] };
    expect(buildServiceDocument(extended, 'http://localhost:3000/odata').value.map((e) => e.name)).to.deep.equal([
      'Users',
      'OrganizationTeamHierarchies',
      'OrganizationTeamMemberHierarchies',
      'AuditLogs',
      'Projects',
      'Teams',
      'Mappings',
      'AccessTokens',
      'TokenActivityLogs',
      'Extras',
    ]);
  });
});
