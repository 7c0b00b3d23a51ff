import { expect } from 'chai';
import { testApp } from '../helpers/test-app';

describe('GET /odata (service document)', () => {
  it('lists every entity set with an absolute context URL and OData-Version 4.0', async () => {
    const t = await testApp();
    const res = await t.get('/odata', t.tokens.admin).set('Host', 'feeds.example:8080');
    expect(res.status).to.equal(200);
    expect(res.headers['odata-version']).to.equal('4.0');
    expect(res.headers['content-type']).to.match(/^application\/json/);
    expect(Object.keys(res.body)[0]).to.equal('@odata.context');
    expect(res.body['@odata.context']).to.equal('http://feeds.example:8080/odata/$metadata');
    expect(res.body.value.map((e: { name: string }) => e.name)).to.deep.equal([
      'Users',
      'OrganizationTeamHierarchies',
      'OrganizationTeamMemberHierarchies',
      'AuditLogs',
      'Projects',
      'Teams',
      'Mappings',
      'AccessTokens',
      'TokenActivityLogs',
    ]);
  });

  it('answers the same at /odata/ with a trailing slash', async () => {
    const t = await testApp();
    const res = await t.get('/odata/', t.tokens.admin);
    expect(res.status).to.equal(200);
    expect(res.body.value).to.have.length(9);
  });

  it('requires authentication (401 with WWW-Authenticate)', async () => {
    const t = await testApp();
    const res = await t.get('/odata');
    expect(res.status).to.equal(401);
    expect(res.headers['www-authenticate']).to.match(/Bearer/);
    expect(res.body.error.code).to.equal('Unauthenticated');
  });
});
