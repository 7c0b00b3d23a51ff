/**
 * Replays what Power BI / Excel "OData feed" does with a Web API key: service document → $metadata →
 * the table with $top=1000 → every @odata.nextLink followed verbatim with `&token=<jwt>` appended,
 * all with Power Query's headers. Every row must arrive exactly once.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app';
import { testApp, testConfig } from '../helpers/test-app';

const POWER_QUERY_HEADERS = {
  Accept:
    'application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7',
  MaxDataServiceVersion: '3.0',
  'OData-MaxVersion': '4.0',
  'User-Agent': 'Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)',
};

describe('Power Query replay (OData feed with a Web API key)', () => {
  for (const set of ['Users', 'OrganizationTeamHierarchies', 'OrganizationTeamMemberHierarchies']) {
    it(`pulls every ${set} row exactly once through nextLinks with the token appended`, async () => {
      const t = await testApp();
      // a small page size so the 1000-row request needs several pages
      const app = createApp({ db: t.database.db, config: testConfig({ MAX_PAGE_SIZE: '40' }) });
      const token = t.tokens.admin;
      const get = (path: string) => request(app).get(path).set(POWER_QUERY_HEADERS).set('Host', 'bi.example');

      const root = await get(`/odata?token=${token}`);
      expect(root.status).to.equal(200);
      expect(root.headers['odata-version']).to.equal('4.0');
      expect(root.body.value.map((e: { url: string }) => e.url)).to.include(set);

      const metadata = await get(`/odata/$metadata?token=${token}`);
      expect(metadata.status).to.equal(200);
      expect(metadata.headers['content-type']).to.match(/^application\/xml/);
      expect(metadata.text).to.contain(`<EntitySet Name="${set}"`);

      const ids: number[] = [];
      let url: string | undefined = `/odata/${set}?$top=1000&token=${token}`;
      let pages = 0;
      while (url) {
        const res = await get(url);
        expect(res.status, res.text).to.equal(200);
        expect(res.headers['content-type']).to.match(/^application\/json/);
        expect(res.body['@odata.context']).to.equal(`http://bi.example/odata/$metadata#${set}`);
        ids.push(...res.body.value.map((row: { Id: number }) => row.Id));
        const next: string | undefined = res.body['@odata.nextLink'];
        if (next) {
          expect(next.startsWith(`http://bi.example/odata/${set}?`)).to.equal(true);
          expect(next).not.to.contain(token);
          const parsed = new URL(next);
          url = `${parsed.pathname}${parsed.search}&token=${token}`; // what Power Query does with the key
        } else {
          url = undefined;
        }
        pages += 1;
        expect(pages).to.be.lessThan(100);
      }
      const table = { Users: 'users', OrganizationTeamHierarchies: 'organization_team_hierarchies', OrganizationTeamMemberHierarchies: 'organization_team_member_hierarchies' }[set] as string;
      const expected = (await t.database.db(table).where({ company_id: t.database.demo.companies.contoso }).orderBy('id').pluck('id')).map(Number);
      expect(pages).to.equal(Math.ceil(expected.length / 40));
      expect(ids).to.deep.equal(expected);
    });
  }
});
