/**
 * The SAP Cloud SDK for JavaScript (OData v4) with its client generated from this service's $metadata
 * (generated/sap-cloud-sdk, by `npm run clients:generate`), default settings: reads, a read by key,
 * $expand, a create / update / delete with ETags, and a whole set read page by page. The README's
 * "Client libraries" shows the code between the README markers; spec/http/client-libraries.spec.ts runs it on the demo data.
 *   ODATA_ORIGIN=http://localhost:3000 ODATA_TOKEN=<admin token> npx tsx examples/clients/sap-cloud-sdk.ts
 */
import { asc } from '@sap-cloud-sdk/odata-v4';
import { BigNumber } from 'bignumber.js';
import { orgChart } from './generated/sap-cloud-sdk/OrgChart';
import { runFromCommandLine } from './example-options';

// README ▼
export async function sapCloudSdkExample({ origin, token, companyId = 1, log = console.log }: { origin: string; token: string; companyId?: number; log?: (...parts: unknown[]) => void }) {
  // the destination is the server; the generated client adds the service path /odata
  const destination = { url: origin, headers: { Authorization: `Bearer ${token}` } };
  const { usersApi, organizationTeamHierarchiesApi } = orgChart();
  const { ID, USER_NAME, DEPARTMENT } = usersApi.schema;

  // GET Users?$filter=Department eq 'Platform'&$select=Id,UserName&$orderby=UserName asc&$top=5
  const platform = await usersApi.requestBuilder().getAll()
    .filter(DEPARTMENT.equals('Platform'))
    .select(ID, USER_NAME)
    .orderBy(asc(USER_NAME))
    .top(5)
    .execute(destination);
  log('Platform:', platform.map((u) => `${u.id} ${u.userName}`).join(', '));

  // GET Users(3L): the SDK writes Int64 keys the OData v2 way, which the service accepts
  const first = await usersApi.requestBuilder().getByKey(platform[0]!.id).execute(destination);
  log('by key:', first.userName, first.createdAt.toISOString());

  // GET OrganizationTeamHierarchies?$select=Name&$expand=Members&$top=3
  const { NAME, MEMBERS } = organizationTeamHierarchiesApi.schema;
  const teams = await organizationTeamHierarchiesApi.requestBuilder().getAll()
    .select(NAME)
    .expand(MEMBERS)
    .top(3)
    .execute(destination);
  for (const team of teams) log(`team ${team.name}: ${team.members.length} member(s)`);

  // POST, then PATCH and DELETE with If-Match: the SDK keeps each entity's ETag and sends it
  const created = await usersApi.requestBuilder()
    .create(usersApi.entityBuilder().companyId(companyId).userName(`sdk.${Date.now()}`).firstName('Sam').lastName('Sdk').build())
    .execute(destination);
  created.department = 'Platform';
  const createdEtag = created.versionIdentifier; // update() gives the same object its new ETag
  const updated = await usersApi.requestBuilder().update(created).execute(destination);
  await usersApi.requestBuilder().delete(updated).execute(destination);
  log(`created, updated and deleted user ${created.id}: ETag ${createdEtag} → ${updated.versionIdentifier}`);

  // getAll() returns the first page only (the SDK does not follow @odata.nextLink): to read a whole
  // set, page by key — ordered by Id, each page after the last Id seen, until a page comes back empty
  // (a page may be shorter than asked when the server's page size is smaller)
  const everyone = [];
  for (let last = new BigNumber(0); ;) {
    const page = await usersApi.requestBuilder().getAll()
      .select(ID, USER_NAME)
      .filter(ID.greaterThan(last))
      .orderBy(asc(ID))
      .execute(destination);
    if (page.length === 0) break;
    everyone.push(...page);
    last = page[page.length - 1]!.id;
  }
  log(`all users: ${everyone.length}`);
  // README ▲
  return {
    filtered: platform.map((u) => Number(u.id)),
    byKey: first.userName,
    teams: teams.map((t) => ({ name: t.name, members: t.members.length })),
    created: Number(created.id),
    etags: [createdEtag, updated.versionIdentifier],
    all: everyone.map((u) => Number(u.id)),
  };
}

runFromCommandLine(module, sapCloudSdkExample);
