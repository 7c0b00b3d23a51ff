/**
 * odata2ts (service mode, fetch client) with its client generated from this service's $metadata
 * (generated/odata2ts, by `npm run clients:generate`): reads, a read by key, $expand, a create / update /
 * delete with ETags, and a whole set read by following @odata.nextLink. The README's "Client libraries"
 * shows the code between the README markers; spec/http/client-libraries.spec.ts runs it on the demo data.
 *   ODATA_ORIGIN=http://localhost:3000 ODATA_TOKEN=<admin token> npx tsx examples/clients/odata2ts.ts
 */
import { FetchClient } from '@odata2ts/http-client-fetch';
import type { User } from './generated/odata2ts/OrgChartModel';
import { OrgChartService } from './generated/odata2ts/OrgChartService';
import { runFromCommandLine } from './example-options';

// README ▼
export async function odata2tsExample({ origin, token, companyId = 1, log = console.log }: { origin: string; token: string; companyId?: number; log?: (...parts: unknown[]) => void }) {
  const client = new FetchClient({ headers: { Authorization: `Bearer ${token}` } });
  const orgChart = new OrgChartService(client, `${origin}/odata`);

  // GET Users?$select=Id,UserName&$filter=Department eq 'Platform'&$orderby=UserName asc&$top=5
  const { data: platform } = await orgChart.Users().query((b, q) =>
    b.select('Id', 'UserName').filter(q.Department.eq('Platform')).orderBy(q.UserName.asc()).top(5));
  log('Platform:', platform.value.map((u) => `${u.Id} ${u.UserName}`).join(', '));

  // GET Users(3)
  const { data: first } = await orgChart.Users(platform.value[0]!.Id).query();
  log('by key:', first.UserName, first.CreatedAt);

  // GET OrganizationTeamHierarchies?$select=Name&$expand=Members&$top=3
  const { data: teams } = await orgChart.OrganizationTeamHierarchies().query((b) => b.select('Name').expand('Members').top(3));
  for (const team of teams.value) log(`team ${team.Name}: ${team.Members?.length} member(s)`);

  // POST, then PATCH and DELETE: odata2ts sends no If-Match by itself; pass the ETag it got back
  const created = await orgChart.Users().create({ CompanyId: companyId, UserName: `o2ts.${Date.now()}`, FirstName: 'Olli', LastName: 'Odata', IsActive: true, IsAdministrator: false });
  const user = orgChart.Users(created.data.Id);
  const patched = await user.patch({ Department: 'Platform' }, { headers: { 'If-Match': created.headers.etag! } });
  await user.delete({ headers: { 'If-Match': patched.headers.etag! } });
  log(`created, updated and deleted user ${created.data.Id}: ETag ${created.headers.etag} → ${patched.headers.etag}`);

  // a query returns one page: follow @odata.nextLink with the same client for the rest
  type Page = { value: Pick<User, 'Id' | 'UserName'>[]; '@odata.nextLink'?: string };
  let page: Page = (await orgChart.Users().query((b) => b.select('Id', 'UserName'))).data;
  const everyone = [...page.value];
  while (page['@odata.nextLink']) {
    page = (await client.get<Page>(page['@odata.nextLink'])).data;
    everyone.push(...page.value);
  }
  log(`all users: ${everyone.length}`);
  // README ▲
  return {
    filtered: platform.value.map((u) => u.Id),
    byKey: first.UserName,
    teams: teams.value.map((t) => ({ name: t.Name, members: t.Members?.length ?? 0 })),
    created: created.data.Id,
    etags: [created.headers.etag, patched.headers.etag],
    all: everyone.map((u) => u.Id),
  };
}

runFromCommandLine(module, odata2tsExample);
