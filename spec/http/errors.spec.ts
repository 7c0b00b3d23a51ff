import { expect } from 'chai';
import request from 'supertest';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectError, usersOf, type Row } from './helpers';

/** `q("Id eq 'x'")` → the percent-encoded $filter query of Users. */
const q = (filter: string) => `/odata/Users?$filter=${encodeURIComponent(filter)}`;

describe('Error responses of GET reads', () => {
  let t: TestApp;
  const get = (url: string, token?: string) => t.get(url, token ?? t.tokens.admin);

  before(async () => {
    t = await testApp();
  });

  describe('syntax and names', () => {
    it('answers 400 SyntaxError with the position for an incomplete $filter', async () => {
      const error = expectError(await get(q('Id eq')), 400, 'SyntaxError');
      expect(error.target).to.equal('$filter');
      expect(error.message).to.match(/position 5\b/);
    });

    it('answers 400 SyntaxError for an unbalanced parenthesis', async () => {
      const error = expectError(await get(q('(Id eq 1')), 400, 'SyntaxError');
      expect(error.message).to.match(/position \d+/);
    });

    it('answers 400 UnknownProperty naming the property in $filter, $select and $orderby', async () => {
      for (const url of [q('Foo eq 1'), '/odata/Users?$select=Id,Foo', '/odata/Users?$orderby=Foo']) {
        const error = expectError(await get(url), 400, 'UnknownProperty');
        expect(error.message, url).to.include("'Foo'");
      }
    });

    it("hints at the right case for an unknown property: lastname → 'LastName'", async () => {
      const error = expectError(await get(q("lastname eq 'x'")), 400, 'UnknownProperty');
      expect(error.message).to.include("did you mean 'LastName'");
    });

    it('answers 400 UnknownFunction naming the function', async () => {
      const error = expectError(await get(q('frobnicate(LastName) eq 1')), 400, 'UnknownFunction');
      expect(error.message).to.include('frobnicate');
    });

    it('answers 400 TypeMismatch when comparing Id with a string or FirstName with a number', async () => {
      for (const filter of ["Id eq 'x'", 'FirstName gt 5', 'LastName add 1 eq 2', "contains(Id,'1')"]) {
        expectError(await get(q(filter)), 400, 'TypeMismatch');
      }
    });

    it('answers 404 UnknownEntitySet naming an unknown set, and suggests Users for users', async () => {
      const unknown = expectError(await get('/odata/Nobody'), 404, 'UnknownEntitySet');
      expect(unknown.message).to.include('Nobody');
      const lower = expectError(await get('/odata/users'), 404, 'UnknownEntitySet');
      expect(lower.message).to.include("'Users'");
    });

    it('answers 400 InvalidKey for a key of the wrong type or an unknown key property', async () => {
      expectError(await get("/odata/Users('abc')"), 400, 'InvalidKey');
      expectError(await get('/odata/Users(UserName=1)'), 400, 'InvalidKey');
    });

    it('answers 404 outside the service root', async () => {
      // the message names the path ("Nothing at /nothing-here"), so only a file:line stack frame counts as a leak here
      const res = await get('/nothing-here');
      expectError(res, 404, 'NotFound', ['select ', ' from ', '.ts:']);
      expect(res.text).not.to.match(/at \/[^"]*:\d+/);
    });
  });

  describe('query options', () => {
    for (const [option, url] of [
      ['$expand', '/odata/Users?$expand=Memberships/$count'],
      ['$apply', '/odata/Users?$apply=concat(identity,aggregate($count%20as%20N))'],
      ['$compute', "/odata/Users(1)?$compute=concat(FirstName,'x')%20as%20X"],
    ]) {
      it(`answers 400 naming ${option} as unsupported`, async () => {
        const error = expectError(await get(url as string), 400, 'UnsupportedQueryOption');
        expect(`${error.target ?? ''} ${error.message}`).to.include(option);
      });
    }

    it('answers 400 for a system option given twice, whatever its case', async () => {
      for (const url of ['/odata/Users?$top=1&$top=2', '/odata/Users?$top=1&$TOP=2', '/odata/Users?$filter=Id%20eq%201&filter=Id%20eq%202']) {
        expectError(await get(url), 400, 'InvalidQueryOption');
      }
    });

    it('answers 400 for $top=-1, $top=abc, $skip=1.5 and $count=maybe', async () => {
      for (const [url, target] of [['/odata/Users?$top=-1', '$top'], ['/odata/Users?$top=abc', '$top'], ['/odata/Users?$skip=1.5', '$skip'], ['/odata/Users?$count=maybe', '$count']]) {
        const res = await get(url as string);
        expect(res.status, url).to.equal(400);
        expect(res.body.error.target, url).to.equal(target);
        expect(res.body.error.code).to.be.oneOf(['SyntaxError', 'InvalidQueryOption']);
      }
    });

    it('answers 400 for $filter or $orderby on a single entity', async () => {
      expectError(await get('/odata/Users(1)?$filter=Id%20eq%201'), 400, 'InvalidQueryOption');
      expectError(await get('/odata/Users(1)?$top=1'), 400, 'InvalidQueryOption');
    });

    it('answers 400 for a path through two navigations, naming $filter and $expand as the way', async () => {
      const error = expectError(await get('/odata/Users(1)/Memberships/OrganizationTeamHierarchy'), 400, 'UnsupportedQueryOption');
      expect(error.message).to.contain('$expand');
    });
  });

  describe('limits', () => {
    it('answers 400 LimitExceeded for a $filter of more than 100 nodes', async () => {
      const filter = Array.from({ length: 40 }, (_, i) => `Id eq ${i}`).join(' or ');
      const error = expectError(await get(q(filter)), 400, 'LimitExceeded');
      expect(error.target).to.equal('$filter');
    });

    it('answers 400 LimitExceeded for more than 5 $orderby keys', async () => {
      const error = expectError(await get('/odata/Users?$orderby=LastName,FirstName,Email,Department,Team,Group'), 400, 'LimitExceeded');
      expect(error.target).to.equal('$orderby');
    });

    it("answers 400 LimitExceeded for an 'in' list of more than 1000 items", async () => {
      const list = Array.from({ length: 1001 }, (_, i) => i + 1).join(',');
      expectError(await get(`/odata/Users?$filter=Id%20in%20(${list})`), 400, 'LimitExceeded');
    });

    it('answers 400 LimitExceeded for $top and $skip above their maximum', async () => {
      expectError(await get('/odata/Users?$top=1000001'), 400, 'LimitExceeded');
      expectError(await get('/odata/Users?$skip=1000001'), 400, 'LimitExceeded');
    });

    it('answers 414 for a URL longer than 8192 characters', async () => {
      const res = await get(`/odata/Users?$filter=${encodeURIComponent(`LastName eq '${'x'.repeat(8200)}'`)}`);
      expectError(res, 414, 'UriTooLong');
    });

    it('answers 400, not a crash, for thousands of nested parentheses', async () => {
      const depth = 2500;
      const res = await get(`/odata/Users?$filter=${'('.repeat(depth)}Id%20eq%201${')'.repeat(depth)}`);
      expect(res.status).to.equal(400);
      expect(res.body.error.code).to.be.oneOf(['SyntaxError', 'LimitExceeded']);
      for (const marker of ['select ', ' from ', 'at /', '.ts:']) expect(res.text.toLowerCase()).not.to.include(marker);
    });
  });

  describe('errors only the database detects', () => {
    for (const [what, filter] of [
      ['division by zero', 'Id div 0 eq 1'],
      ['modulo by zero', 'Id mod 0 eq 1'],
      ['a cast of text to Edm.Int32', 'cast(FirstName,Edm.Int32) eq 1'],
      ['an invalid regular expression', "matchesPattern(FirstName,'(')"],
    ]) {
      it(`answers 400 InvalidValue for ${what} (${filter}) without SQL in the body`, async () => {
        const error = expectError(await get(q(filter as string)), 400, 'InvalidValue');
        expect(error.message).not.to.match(/"t0"|\$\d|::|company_id/);
      });
    }

    it("does not put another user's data into the error message of a failing cast", async () => {
      const { db, demo } = t.database;
      const visible = new Set([demo.users.aliceManager]);
      const users: Row[] = await usersOf(db, demo.companies.contoso);
      const res = await get(q('cast(Email,Edm.Guid) eq null'), t.tokens.alice);
      expect(res.status).to.equal(400);
      for (const u of users.filter((x) => !visible.has(x.id as number))) {
        expect(res.text, `the email of user ${String(u.id)}, invisible to alice`).not.to.include(String(u.email));
      }
      expectError(res, 400, 'InvalidValue');
    });
  });

  describe('methods', () => {
    it('answers 405 with Allow to a method the service does not offer', async () => {
      const res = await request(t.app).options('/odata/Users').set('Authorization', `Bearer ${t.tokens.admin}`);
      expectError(res, 405, 'MethodNotAllowed');
      expect(res.headers.allow).to.equal('GET, HEAD, POST, PATCH, PUT, DELETE');
    });

    it('answers 405 to writes on the read-only AuditLogs and to POST on a single entity', async () => {
      for (const [method, url] of [['post', '/odata/AuditLogs'], ['delete', '/odata/AuditLogs(1)'], ['post', '/odata/Users(1)'], ['patch', '/odata/Users']] as const) {
        const res = await request(t.app)[method](url).set('Authorization', `Bearer ${t.tokens.admin}`).send({});
        expectError(res, 405, 'MethodNotAllowed');
      }
    });
  });
});
