/**
 * The text form of expanded pages (PostgreSQL writes the nested JSON, the serialiser passes it through)
 * against the objects form (JSON converted and written again by the formatter): for each shape the text
 * form allows, both forms run on the run's database (PGlite or PostgreSQL) and must give the same
 * response, key order included; and the exact SQL of one text-form navigation.
 */
import { expect } from 'chai';
import { expandsAsText, pageAsText, type ExpandForm } from '../../../odata/format-expanded';
import type { FormatOptions } from '../../../odata/format';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { planRead } from '../../../odata/plan/plan-read';
import type { ReadPlan } from '../../../odata/plan/read-plan';
import { serializeCollection } from '../../../odata/serialize';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileRead } from '../../../server/db/compile-read';
import { selectRows } from '../../../server/db/run-select';
import type { SqlFragment } from '../../../server/db/sql-fragment';
import { nativeOf } from '../../helpers/native-sql';
import { testDatabase, type TestDatabase } from '../../helpers/test-database';

const OPTIONS: FormatOptions = { serviceRoot: 'http://h/odata', ieee754Compatible: false, omitNulls: false };

function plan(url: string, pageSize?: number): ReadPlan {
  const [path = '', query = ''] = url.split('?');
  return planRead({ segments: parseResourcePath(path).segments, options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, preferredPageSize: pageSize, skipTokenSecret: 's' }, entitySet);
}

describe('expanded pages in the text form', () => {
  let t: TestDatabase;
  let principals: Record<'admin' | 'alice', Principal>;

  before(async () => {
    t = await testDatabase();
    const company = t.demo.companies.contoso;
    principals = {
      admin: { userId: String(t.demo.users.admin), companyId: company, userName: 'admin', isAdministrator: true, scopes: new Set() },
      alice: { userId: String(t.demo.users.aliceManager), companyId: company, userName: 'alice', isAdministrator: false, scopes: new Set() },
    };
  });

  /** The page's response in one form: compiled, run, serialised. */
  async function response(p: ReadPlan, principal: Principal, form: ExpandForm): Promise<string> {
    const compiled = compileRead(p, principal.companyId, visibilityFor(principal), form);
    const rows = await selectRows(t.db, compiled.rows as SqlFragment);
    const hasMore = rows.length > compiled.pageLimit;
    return serializeCollection(p, { rows: hasMore ? rows.slice(0, compiled.pageLimit) : rows }, OPTIONS, form);
  }

  const shapes: [string, number?][] = [
    ['OrganizationTeamHierarchies?$expand=Members'],
    ['OrganizationTeamHierarchies?$expand=Members&$top=30', 2], // pages of 2 per team: nextLinks
    ['OrganizationTeamHierarchies?$expand=Members($top=3;$count=true;$orderby=CreatedAt desc;$expand=User($select=Id,DisplayName,CreatedAt)),Parent($select=Name)'],
    ['OrganizationTeamHierarchies?$select=Name&$expand=Members($filter=User/LastName ne null;$expand=User),Children($select=Id,Name)&$orderby=Name'],
    ['OrganizationTeamMemberHierarchies?$expand=User,OrganizationTeamHierarchy($expand=Parent)&$top=40'],
    ['Users?$expand=Memberships($expand=OrganizationTeamHierarchy($select=Name)),Teams&$top=40'],
    ['Users?$expand=Projects($select=ProjectId,ProjectOwner/Email)&$top=60', 3],
    ['Projects?$expand=People($select=Id,DisplayName,Email)&$top=50'],
    ['Projects?$select=ProjectId,Assets&$expand=People($count=true;$top=2)'],
    ['Teams?$expand=Users($select=Id,UserName,IsActive)&inactive=true'],
    ['Mappings?$expand=Project($select=ProjectId,ProjectOwner),User($select=Id,Email)&$top=40'],
  ];

  for (const [url, pageSize] of shapes) {
    for (const who of ['admin', 'alice'] as const) {
      it(`writes what the objects form writes: ${url}${pageSize ? ` (pages of ${pageSize})` : ''} as ${who}`, async () => {
        const p = plan(url, pageSize);
        expect(expandsAsText(p, OPTIONS)).to.equal(true);
        const text = await response(p, principals[who], 'text');
        const objects = await response(p, principals[who], 'objects');
        // PostgreSQL writes jsonb with a space after ':' and ','; the same JSON, key order included
        expect(JSON.stringify(JSON.parse(text))).to.equal(JSON.stringify(JSON.parse(objects)));
        expect((JSON.parse(text) as { value: unknown[] }).value.length).to.be.greaterThan(0);
        if (pageSize === 2) expect(text).to.include('"Members@odata.nextLink":');
      });
    }
  }

  // pages without $expand: each entity's JSON written by PostgreSQL (pageAsText), the same document
  const flat: [string, number?][] = [
    ['Users?$top=50&$orderby=LastName,FirstName'],
    ["Users?$filter=startswith(LastName,'S')&$select=Id,UserName,CreatedAt,IsActive&$top=7", 3], // pages of 3: nextLinks
    ['OrganizationTeamHierarchies?$orderby=Name desc'],
    ['OrganizationTeamMemberHierarchies?$filter=UserId gt 3&$top=40'],
    ['Teams?inactive=true'],
    ['Users(2)/Memberships'],
  ];
  for (const [url, pageSize] of flat) {
    for (const who of ['admin', 'alice'] as const) {
      it(`writes a page without $expand as the objects form does: ${url}${pageSize ? ` (pages of ${pageSize})` : ''} as ${who}`, async () => {
        const p = plan(url, pageSize);
        expect(pageAsText(p, OPTIONS)).to.equal(true);
        const text = await response(p, principals[who], 'text');
        expect(text).to.equal(await response(p, principals[who], 'objects')); // byte for byte
        expect((JSON.parse(text) as { value: unknown[] }).value.length).to.be.greaterThan(0);
      });
    }
  }

  it('writes pages without $expand as text only where the format and the shape allow it', () => {
    expect(pageAsText(plan('Users?$select=Id,CreatedAt'), OPTIONS)).to.equal(true);
    expect(pageAsText(plan('Users'), { ...OPTIONS, ieee754Compatible: true })).to.equal(false); // Int64 as strings
    expect(pageAsText(plan('Users'), { ...OPTIONS, omitNulls: true })).to.equal(false);
    expect(pageAsText(plan('Projects?$select=ProjectId'), OPTIONS)).to.equal(true);
    expect(pageAsText(plan('Projects'), OPTIONS)).to.equal(false); // complex (jsonb) properties stay with the driver
    expect(pageAsText(plan('OrganizationTeamHierarchies(2)/Default.Descendants()'), OPTIONS)).to.equal(false); // @OrgChart.Depth
    expect(pageAsText(plan('Users?$expand=Teams'), OPTIONS)).to.equal(false);
  });

  it('is used only where the format and the shape allow it', () => {
    expect(expandsAsText(plan('Projects?$expand=People'), OPTIONS)).to.equal(true);
    expect(expandsAsText(plan('Projects'), OPTIONS)).to.equal(false); // nothing expanded: the flat path
    expect(expandsAsText(plan('Projects?$expand=People'), { ...OPTIONS, ieee754Compatible: true })).to.equal(false);
    expect(expandsAsText(plan('Projects?$expand=People'), { ...OPTIONS, omitNulls: true })).to.equal(false);
    expect(expandsAsText(plan('OrganizationTeamHierarchies?$expand=Children($levels=2)'), OPTIONS)).to.equal(false);
    expect(expandsAsText(plan('OrganizationTeamHierarchies?$expand=Members($expand=User($expand=Memberships))'), OPTIONS)).to.equal(false);
    expect(expandsAsText(plan('Users?$expand=Memberships($expand=OrganizationTeamHierarchy($expand=Members))'), OPTIONS)).to.equal(false);
  });

  it('compiles a collection as its first entities in their sent form, after a 1 or 0 saying whether more exist', () => {
    const p = plan('Projects?$select=Id&$expand=People($select=Id,CreatedAt)&$top=5', 10);
    const sql = nativeOf(compileRead(p, 1, visibilityFor(principals.admin), 'text').rows)?.sql ?? '';
    expect(sql).to.include(
      `(SELECT (cardinality(s.a) > 10)::int::text || to_json(s.a[1:10])::text FROM (SELECT ARRAY(SELECT e FROM (SELECT 'W/"' || "t1"."row_version"::text || '"' AS "@odata.etag",` +
      ` "t1"."id" AS "Id", to_char("t1"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "CreatedAt" FROM "users" AS "t1"`,
    );
    // the array is built once (OFFSET 0 keeps PostgreSQL from flattening it into both of its uses)
    expect(sql).to.include('ORDER BY "t1"."id" ASC LIMIT 11) AS e) AS a OFFSET 0) AS s) AS "People"');
  });

  it('truncates a timestamp to milliseconds as the formatter does', async () => {
    const rows = await selectRows(t.db, { sql: `SELECT to_char(?::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS s`, bindings: ['2024-01-31 10:00:00.123987+01:30'] });
    expect(rows[0]?.s).to.equal('2024-01-31T08:30:00.123Z');
  });
});
