import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import {
  collationRanks, expectError, expectJson, expectODataVersionOnce, HOST, ids, odataComparator, ORIGIN, usersOf, type Row,
} from './helpers';

/** The User entity type's properties in $metadata order (the contract Power BI sees), with their columns. */
const PROPERTIES: readonly (readonly [string, string])[] = [
  ['Id', 'id'], ['CompanyId', 'company_id'], ['UserName', 'user_name'], ['Email', 'email'], ['FirstName', 'first_name'],
  ['LastName', 'last_name'], ['DisplayName', 'display_name'], ['ExternalId', 'external_id'], ['Organization', 'organization'],
  ['Business', 'business'], ['Department', 'department'], ['Group', 'group_name'], ['Team', 'team_name'],
  ['IsAdministrator', 'is_administrator'], ['IsActive', 'is_active'], ['CreatedAt', 'created_at'], ['UpdatedAt', 'updated_at'],
];

/** A users row as the OData entity it must be served as. */
function entityOf(row: Row): Row {
  const entity: Row = { '@odata.etag': `W/"${String(row.row_version)}"` };
  for (const [name, column] of PROPERTIES) {
    const v = row[column];
    entity[name] = v instanceof Date ? v.toISOString() : name === 'Id' || name === 'CompanyId' ? Number(v) : v;
  }
  return entity;
}

describe('GET /odata/Users', () => {
  let t: TestApp;
  let contoso: Row[];
  const get = (url: string, token?: string) => t.get(url, token ?? t.tokens.admin).set('Host', HOST);

  before(async () => {
    t = await testApp();
    contoso = await usersOf(t.database.db, t.database.demo.companies.contoso);
  });

  describe('the collection', () => {
    it('returns every Contoso user with all declared properties in model order and the absolute context URL first', async () => {
      const body = expectJson(await get('/odata/Users'));
      expect(Object.keys(body)).to.deep.equal(['@odata.context', 'value']);
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users`);
      const value = body.value as Row[];
      expect(value).to.have.length(contoso.length);
      for (const entity of value) expect(Object.keys(entity)).to.deep.equal(['@odata.etag', ...PROPERTIES.map(([n]) => n)]);
      expect(value).to.deep.equal(contoso.map(entityOf));
    });

    it('serialises Id as a JSON number and CreatedAt as ISO 8601 in UTC with Z', async () => {
      const res = await get('/odata/Users?$top=3');
      const value = expectJson(res).value as Row[];
      expect(res.text).to.match(/"Id":1,/);
      for (const e of value) {
        expect(e.Id).to.be.a('number');
        expect(e.CompanyId).to.be.a('number');
        expect(e.CreatedAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        expect(e.IsActive).to.be.a('boolean');
      }
    });
  });

  describe('DateTimeOffset values', () => {
    it('are sent with milliseconds, truncated, the same on every database and in a collection and an entity', async () => {
      const { db, demo } = t.database;
      const id = demo.users.bobReader;
      const before = (await db('users').where({ id }).first('updated_at')) as Row;
      try {
        await db('users').where({ id }).update({ updated_at: '2024-01-31T10:00:00.123987Z' });
        const one = expectJson(await get(`/odata/Users(${id})?$select=UpdatedAt`));
        const many = expectJson(await get(`/odata/Users?$filter=Id eq ${id}&$select=UpdatedAt`));
        expect(one.UpdatedAt).to.equal('2024-01-31T10:00:00.123Z');
        expect((many.value as Row[])[0]?.UpdatedAt).to.equal('2024-01-31T10:00:00.123Z');
        await db('users').where({ id }).update({ updated_at: '2024-02-01T00:00:00Z' });
        expect(expectJson(await get(`/odata/Users(${id})?$select=UpdatedAt`)).UpdatedAt).to.equal('2024-02-01T00:00:00.000Z');
      } finally {
        await db('users').where({ id }).update({ updated_at: before.updated_at });
      }
    });
  });

  describe('a single user', () => {
    it('returns Users(1) with the $entity context URL and every property', async () => {
      const admin = contoso.find((u) => u.id === t.database.demo.users.admin) as Row;
      const body = expectJson(await get(`/odata/Users(${admin.id})`));
      expect(Object.keys(body)).to.deep.equal(['@odata.context', '@odata.etag', ...PROPERTIES.map(([n]) => n)]);
      expect(body).to.deep.equal({ '@odata.context': `${ORIGIN}/odata/$metadata#Users/$entity`, ...entityOf(admin) });
    });

    it('finds a user by the alternate key Email, ignoring case', async () => {
      const admin = contoso.find((u) => u.id === t.database.demo.users.admin) as Row;
      expect(admin.email).to.equal('admin@contoso.example');
      const body = expectJson(await get(`/odata/Users(Email='ADMIN@contoso.example')`));
      expect(body).to.deep.equal({ '@odata.context': `${ORIGIN}/odata/$metadata#Users/$entity`, ...entityOf(admin) });
    });

    it('answers 404 for an Id that does not exist', async () => {
      const [{ max }] = (await t.database.db('users').max({ max: 'id' })) as [{ max: string }];
      const error = expectError(await get(`/odata/Users(${Number(max) + 1000})`), 404, 'NotFound');
      expect(error.message).to.include(String(Number(max) + 1000));
    });

    it("answers 404, not 403, for a Fabrikam user's Id asked with a Contoso token", async () => {
      const id = t.database.demo.users.fabrikamAdmin;
      expectError(await get(`/odata/Users(${id})`), 404, 'NotFound');
      expectError(await get(`/odata/Users(Email='fabrikam.admin@fabrikam.example')`), 404, 'NotFound');
      expect(expectJson(await get(`/odata/Users(${id})`, t.tokens.fabrikamAdmin)).Id).to.equal(id);
    });
  });

  describe('property paths', () => {
    it('returns Users(1)/FirstName as a value with the property context URL', async () => {
      const admin = contoso.find((u) => u.id === t.database.demo.users.admin) as Row;
      const body = expectJson(await get(`/odata/Users(${admin.id})/FirstName`));
      expect(body).to.deep.equal({ '@odata.context': `${ORIGIN}/odata/$metadata#Users(${admin.id})/FirstName`, value: admin.first_name });
    });

    it('returns Users(1)/FirstName/$value as text/plain', async () => {
      const admin = contoso.find((u) => u.id === t.database.demo.users.admin) as Row;
      const res = await get(`/odata/Users(${admin.id})/FirstName/$value`);
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.match(/^text\/plain/);
      expectODataVersionOnce(res);
      expect(res.text).to.equal(admin.first_name);
    });

    it('answers 204 No Content for a null property and for its $value', async () => {
      const admin = contoso.find((u) => u.id === t.database.demo.users.admin) as Row;
      expect(admin.department).to.equal(null);
      for (const url of [`/odata/Users(${admin.id})/Department`, `/odata/Users(${admin.id})/Department/$value`]) {
        const res = await get(url);
        expect(res.status, url).to.equal(204);
        expect(res.text ?? '').to.equal('');
        expectODataVersionOnce(res);
      }
    });
  });

  describe('counting', () => {
    it('answers Users/$count as text/plain with the number of Contoso users', async () => {
      const res = await get('/odata/Users/$count');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.match(/^text\/plain/);
      expectODataVersionOnce(res);
      expect(res.text).to.equal(String(contoso.length));
    });

    it('counts the filtered collection in /$count and ignores $top and $skip there', async () => {
      const res = await get(`/odata/Users/$count?$filter=${encodeURIComponent('Department eq null')}&$top=1&$skip=1`);
      expect(res.status).to.equal(200);
      expect(res.text).to.equal(String(contoso.filter((u) => u.department === null).length));
    });

    it('puts the total count before the value with $count=true, whatever $top says', async () => {
      const body = expectJson(await get('/odata/Users?$count=true&$top=5'));
      expect(Object.keys(body)).to.deep.equal(['@odata.context', '@odata.count', 'value']);
      expect(body['@odata.count']).to.equal(contoso.length);
      expect(ids(body)).to.deep.equal(contoso.slice(0, 5).map((u) => u.id));
    });
  });

  describe('$select, $orderby, $top and $skip', () => {
    it('returns only the selected properties and lists them in the context URL', async () => {
      const body = expectJson(await get('/odata/Users?$select=LastName,Id&$top=4'));
      const context = body['@odata.context'] as string;
      const match = /^http:\/\/feeds\.example\/odata\/\$metadata#Users\(([^)]*)\)$/.exec(context);
      expect(match, context).to.not.equal(null);
      expect((match?.[1] ?? '').split(',').sort()).to.deep.equal(['Id', 'LastName']);
      expect(body.value).to.deep.equal(contoso.slice(0, 4).map((u) => ({ '@odata.etag': `W/"${String(u.row_version)}"`, Id: u.id, LastName: u.last_name })));
    });

    for (const [orderby, keys] of [
      ['Department,LastName desc', [{ column: 'department' }, { column: 'last_name', desc: true }, { column: 'id' }]],
      ['Department desc,FirstName,Id desc', [{ column: 'department', desc: true }, { column: 'first_name' }, { column: 'id', desc: true }]],
      ['LastName,FirstName', [{ column: 'last_name' }, { column: 'first_name' }, { column: 'id' }]],
    ] as const) {
      it(`orders by ${orderby} with nulls first ascending and last descending, the key breaking ties`, async () => {
        const ranks = await collationRanks(t.database.db, contoso.flatMap((u) => [u.department, u.last_name, u.first_name]));
        const expected = [...contoso].sort(odataComparator(keys, ranks)).map((u) => u.id);
        const body = expectJson(await get(`/odata/Users?$orderby=${encodeURIComponent(orderby)}&$select=Id`));
        expect(ids(body)).to.deep.equal(expected);
        const column = keys[0].column;
        expect(contoso.some((u) => u[column] === null), 'the demo has nulls to order').to.equal(true);
      });
    }

    it('skips and takes with $skip and $top in key order', async () => {
      const body = expectJson(await get('/odata/Users?$skip=20&$top=10&$select=Id'));
      expect(ids(body)).to.deep.equal(contoso.slice(20, 30).map((u) => u.id));
      expect(body['@odata.nextLink']).to.equal(undefined);
    });

    it('returns an empty value past the last row', async () => {
      const body = expectJson(await get(`/odata/Users?$skip=${contoso.length}`));
      expect(body.value).to.deep.equal([]);
    });
  });
});
