/**
 * How query strings are decoded: %20 and '+' are spaces (curl --data-urlencode, URLSearchParams and Python
 * requests send '+'), %2B is a plus, and the options reach the parser unchanged otherwise.
 */
import { expect } from 'chai';
import { testApp } from '../helpers/test-app';

describe('query string encoding', () => {
  it("reads '+' as a space, as form-encoding clients send it", async () => {
    const t = await testApp();
    const expected = (await t.database.db('users').where({ company_id: 1, last_name: "O'Neil" }).orderBy('id').pluck('id')).map(Number);
    expect(expected.length).to.be.greaterThan(0);
    const params = new URLSearchParams({ $filter: "LastName eq 'O''Neil'", $select: 'Id' });
    expect(params.toString()).to.contain('+eq+');
    const res = await t.get(`/odata/Users?${params.toString()}`, t.tokens.admin);
    expect(res.status, res.text).to.equal(200);
    expect(res.body.value.map((u: { Id: number }) => u.Id)).to.deep.equal(expected);
  });

  it('reads %2B as a plus inside a string literal', async () => {
    const t = await testApp();
    const res = await t.get("/odata/Users/$count?$filter=DisplayName%20eq%20'a%2Bb'", t.tokens.admin);
    expect(res.status).to.equal(200);
    expect(res.text).to.equal('0');
  });

  it("accepts an unencoded '+' in a DateTimeOffset offset", async () => {
    const t = await testApp();
    const expected = await t.database.db('users').where({ company_id: 1 }).andWhere('created_at', '>', '2024-01-08T10:00:00+01:00').count({ n: '*' });
    const res = await t.get('/odata/Users/$count?$filter=CreatedAt%20gt%202024-01-08T10:00:00+01:00', t.tokens.admin);
    expect(res.status, res.text).to.equal(200);
    expect(res.text).to.equal(String(Number(expected[0]?.n)));
  });
});
