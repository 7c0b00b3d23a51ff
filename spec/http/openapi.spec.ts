/**
 * The OpenAPI description and its console through HTTP: `GET /odata/openapi.json` (public) is an OpenAPI
 * 3.0 document that a maintained validator (@seriousme/openapi-schema-validator) accepts, converted from
 * `$metadata` (every entity set with its paths and verbs, query options, schemas, the error schema, the
 * bearer and `token` security schemes); `/docs/` serves Swagger UI from this server, opened on it.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'chai';
import request from 'supertest';
import { model } from '../../odata/model';
import { testApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('OpenAPI description (/odata/openapi.json) and Swagger UI (/docs)', () => {
  let t: TestApp;
  let doc: Json;

  before(async () => {
    t = await testApp();
    const res = await request(t.app).get('/odata/openapi.json');
    expect(res.status, res.text).to.equal(200);
    expect(res.headers['content-type']).to.match(/^application\/json/);
    doc = res.body as Json;
  });

  it('is a valid OpenAPI 3.0 document (validated by @seriousme/openapi-schema-validator), without a token', async () => {
    expect(doc.openapi).to.equal('3.0.3');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors ?? []).slice(0, 2000)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(doc.servers).to.deep.equal([{ url: '/odata', description: 'this server' }]);
    expect(doc.info.title).to.equal('orgchart-odata');
  });

  it('has every entity set with its verbs: read-only sets without writes, keys and alternate keys', () => {
    for (const set of model.entitySets) {
      const collection = doc.paths[`/${set.name}`];
      expect(collection, set.name).to.be.an('object');
      expect(collection.get, `${set.name} GET`).to.be.an('object');
      expect(collection.post === undefined, `${set.name} POST`).to.equal(!set.writable);
      const byKey = Object.keys(doc.paths).find((p) => p.startsWith(`/${set.name}(`) && !p.includes('/', 1) && !p.includes('='));
      expect(byKey, `${set.name} by key`).to.be.a('string');
      expect(Object.keys(doc.paths[byKey as string])).to.include.members(set.writable ? ['get', 'patch', 'delete'] : ['get']);
    }
    // the query options of a collection read
    const parameters = (doc.paths['/Users'].get.parameters as Json[]).map((p) => p.$ref ?? p.name);
    for (const option of ['top', 'skip', 'search', 'filter', 'count', 'orderby', 'select', 'expand']) {
      expect(parameters.some((p: string) => p.toLowerCase().includes(option)), option).to.equal(true);
    }
    // schemas of entity types and complex types, GUIDs and nullables as such
    const schemas = doc.components.schemas as Json;
    expect(schemas['OrgChart.User'].properties.Email).to.be.an('object');
    expect(schemas['OrgChart.ProjectOwner']).to.be.an('object');
    expect(JSON.stringify(schemas['OrgChart.Mapping'].properties.Id)).to.contain('uuid');
    expect(schemas['OrgChart.User'].properties.Department.nullable).to.equal(true);
  });

  it('describes errors and both ways to send a token', () => {
    // every operation's 4XX is the error response, whose schema is the OData error body
    expect(doc.paths['/Users'].get.responses['4XX']).to.deep.equal({ $ref: '#/components/responses/error' });
    const schema = doc.components.responses.error.content['application/json'].schema as Json;
    const errorSchema = (schema.$ref ? doc.components.schemas[String(schema.$ref).split('/').pop() as string] : schema) as Json;
    expect(errorSchema.properties.error.properties).to.include.keys('code', 'message');
    // a delta link where the set tracks changes
    expect(doc.paths['/Users'].get.responses['200'].content['application/json'].schema.properties).to.have.property('@odata.deltaLink');
    expect(doc.components.securitySchemes).to.deep.equal({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: doc.components.securitySchemes.bearer.description },
      token: { type: 'apiKey', name: 'token', in: 'query', description: doc.components.securitySchemes.token.description },
    });
    expect(doc.security).to.deep.equal([{ bearer: [] }, { token: [] }]);
  });

  it('serves Swagger UI at /docs/ from this server, opened on /odata/openapi.json', async () => {
    expect((await request(t.app).get('/docs')).status).to.equal(301);
    const page = await request(t.app).get('/docs/');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('swagger-ui').and.not.match(/https?:\/\/(?!localhost)[^"']*\.(js|css)/);
    const init = await request(t.app).get('/docs/swagger-initializer.js');
    expect(init.text).to.contain("url: '/odata/openapi.json'").and.not.contain('petstore');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css']) {
      expect((await request(t.app).get(`/docs/${asset}`)).status, asset).to.equal(200);
    }
  });
});
