/**
 * HEAD through HTTP: the headers a GET would send (status, Content-Type, Content-Length, OData-Version),
 * and no body — for an entity, a collection page and an error.
 */
import { expect } from 'chai';
import request from 'supertest';
import { testApp, type TestApp } from '../helpers/test-app';

describe('HEAD requests', () => {
  let t: TestApp;
  before(async () => { t = await testApp(); });

  for (const url of ['/odata/Users(1)', '/odata/Users?$top=3&$select=Id,UserName', '/odata/OrganizationTeamHierarchies?$filter=nope eq 1']) {
    it(`answers HEAD ${url} with GET's headers and no body`, async () => {
      const get = await request(t.app).get(url).set('Authorization', `Bearer ${t.tokens.admin}`);
      const head = await request(t.app).head(url).set('Authorization', `Bearer ${t.tokens.admin}`);
      expect(head.status).to.equal(get.status);
      for (const name of ['content-type', 'content-length', 'odata-version']) expect(head.headers[name], name).to.equal(get.headers[name]);
      expect(head.text ?? '').to.equal('');
      expect(Number(get.headers['content-length'])).to.equal(Buffer.byteLength(get.text));
    });
  }
});
