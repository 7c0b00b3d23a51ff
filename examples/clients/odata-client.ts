/**
 * @odata/client (OData.New4, no code generation): reads, a read by key, $expand, a create / update /
 * delete with ETags, and a whole set read by following @odata.nextLink. The README's "Client libraries"
 * shows the code between the README markers; spec/http/client-libraries.spec.ts runs it on the demo data.
 *   ODATA_ORIGIN=http://localhost:3000 ODATA_TOKEN=<admin token> npx tsx examples/clients/odata-client.ts
 */
import { OData } from '@odata/client';
import { runFromCommandLine } from './example-options';

// README ▼
type User = { Id: number; UserName: string; Department?: string | null; CreatedAt: string; '@odata.etag'?: string };
type Team = { Name: string; Members: unknown[] };

export async function odataClientExample({ origin, token, companyId = 1, log = console.log }: { origin: string; token: string; companyId?: number; log?: (...parts: unknown[]) => void }) {
  // headers are per client (commonHeaders): one more client for each If-Match (making one sends nothing)
  const client = (headers: Record<string, string> = {}) =>
    OData.New4({ serviceEndpoint: `${origin}/odata/`, commonHeaders: { Authorization: `Bearer ${token}`, ...headers } });
  const users = client().getEntitySet<User>('Users');

  // GET Users?$filter=Department eq 'Platform'&$select=Id,UserName&$orderby=UserName asc&$top=5
  // (the client neither quotes nor URL-encodes values itself: 'Platform' is given quoted)
  const platform = await users.query(OData.newOptions<User>()
    .filter(OData.newFilter<User>().field('Department').eq("'Platform'"))
    .select(['Id', 'UserName'])
    .orderby('UserName', 'asc') // its default order is desc
    .top(5));
  log('Platform:', platform.map((u) => `${u.Id} ${u.UserName}`).join(', '));

  // GET Users(3)
  const first = await users.retrieve(platform[0]!.Id);
  log('by key:', first.UserName, first.CreatedAt);

  // GET OrganizationTeamHierarchies?$select=Name&$expand=Members&$top=3
  const teams = await client().getEntitySet<Team>('OrganizationTeamHierarchies').query(OData.newOptions<Team>().select(['Name']).expand('Members').top(3));
  for (const team of teams) log(`team ${team.Name}: ${team.Members.length} member(s)`);

  // POST, then PATCH and DELETE with If-Match (Prefer return=representation brings the new ETag back)
  const created = await users.create({ CompanyId: companyId, UserName: `odc.${Date.now()}`, FirstName: 'Oda', LastName: 'Client' } as unknown as User);
  const updated = await client({ 'If-Match': created['@odata.etag']!, Prefer: 'return=representation' })
    .newRequest<User>({ collection: 'Users', id: created.Id, method: 'PATCH', entity: { Department: 'Platform' } });
  if (updated.error) throw new Error(updated.error.message);
  await client({ 'If-Match': updated['@odata.etag']! }).getEntitySet<User>('Users').delete(created.Id);
  log(`created, updated and deleted user ${created.Id}: ETag ${created['@odata.etag']} → ${updated['@odata.etag']}`);

  // a query returns one page: follow @odata.nextLink (relative to the service root) for the rest
  const everyone: User[] = [];
  for (let next: string | undefined = 'Users?$select=Id,UserName'; next;) {
    const page: { value?: User[]; '@odata.nextLink'?: string; error?: { message: string } } =
      await client().newRequest<User>({ collection: next.slice(next.indexOf('Users')) });
    if (page.error) throw new Error(page.error.message);
    everyone.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  log(`all users: ${everyone.length}`);
  // README ▲
  return {
    filtered: platform.map((u) => u.Id),
    byKey: first.UserName,
    teams: teams.map((t) => ({ name: t.Name, members: t.Members.length })),
    created: created.Id,
    etags: [created['@odata.etag'], updated['@odata.etag']],
    all: everyone.map((u) => u.Id),
  };
}

runFromCommandLine(module, odataClientExample);
