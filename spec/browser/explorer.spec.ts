/**
 * The explorer and the API console in a real browser: headless Chromium (Debian's, /usr/bin/chromium, or
 * CHROMIUM_PATH) driven by playwright-core against the test app listening on a port, on the demo data.
 * Sign in from the `#token=` fragment, the tree expanded three levels with the keyboard (ARIA tree), a
 * team opened, its feed URL fetched and compared with the rows on screen, a person searched and opened,
 * a bad token sent back to the sign-in form (401), Swagger UI trying GET /Users with a token, and no
 * request leaving the server. Screenshots go to test-artifacts/. Without Chromium the specs are skipped,
 * with one line saying so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testApp, type TestApp } from '../helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
/** Chromium's own background traffic is off: on a closed network it fails and retries (see the machine notes). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('Explorer and API console in Chromium', function () {
  this.timeout(120_000);
  let t: TestApp;
  let server: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const foreign: string[] = [];

  /** GET through the API as `token`, from the spec (not the page): → the JSON body. */
  const api = async (url: string, token: string) => {
    const response = await fetch(url.startsWith('http') ? url : `${base}${url}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status, url).to.equal(200);
    return (await response.json()) as { value: Record<string, unknown>[] };
  };
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  /** The tree item whose own label is `name`. */
  const item = (name: string) => page.locator('[role=treeitem]', { has: page.locator(':scope > .label', { hasText: new RegExp(`^${name}$`) }) });
  const focusedLabel = () => page.evaluate(() => (document.activeElement?.querySelector(':scope > .label') as HTMLElement | null)?.textContent ?? null);

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      browser specs skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    t = await testApp();
    server = await new Promise<Server>((resolve) => { const s = t.app.listen(0, '127.0.0.1', () => resolve(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    page = await context.newPage();
    page.on('request', (req) => { if (!req.url().startsWith(base) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) foreign.push(req.url()); });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('signs in from the #token= fragment (and takes it out of the address), then shows the top teams', async () => {
    await page.goto(`${base}/#token=${encodeURIComponent(t.tokens.admin)}`);
    await item('Contoso').waitFor();
    expect(new URL(page.url()).hash).to.equal('');
    expect(await page.evaluate(() => sessionStorage.getItem('orgchart.token'))).to.equal(t.tokens.admin);
    expect(await page.locator('#sign-in').isHidden()).to.equal(true);
  });

  it('expands the tree three levels with the keyboard (ARIA tree: arrows, one tab stop) and opens a team with Enter', async () => {
    await item('Contoso').focus();
    expect(await focusedLabel()).to.equal('Contoso');
    await page.keyboard.press('ArrowRight');
    await item('Engineering').waitFor();
    expect(await item('Contoso').getAttribute('aria-expanded')).to.equal('true');
    for (let i = 0; i < 20 && (await focusedLabel()) !== 'Engineering'; i += 1) await page.keyboard.press('ArrowDown');
    expect(await focusedLabel()).to.equal('Engineering');
    await page.keyboard.press('ArrowRight');
    await item('Platform').waitFor();
    for (let i = 0; i < 20 && (await focusedLabel()) !== 'Platform'; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await item('Platform API').waitFor();
    expect(await item('Platform API').getAttribute('aria-level')).to.equal('4');
    for (const name of ['Contoso', 'Engineering', 'Platform']) expect(await item(name).getAttribute('aria-expanded'), name).to.equal('true');
    // one tab stop, on the focused item; Left closes, Right opens again
    expect(await page.locator('[role=treeitem][tabindex="0"]').count()).to.equal(1);
    await page.keyboard.press('ArrowLeft');
    expect(await item('Platform').getAttribute('aria-expanded')).to.equal('false');
    await page.keyboard.press('ArrowRight');
    expect(await item('Platform').getAttribute('aria-expanded')).to.equal('true');
    await page.keyboard.press('Enter');
    await page.locator('#view h1', { hasText: /^Platform$/ }).waitFor();
    expect(page.url()).to.match(/#team\/\d+$/);
    await shot('explorer-team');
  });

  it('shows the team\'s members and chain, and a feed URL that returns the same rows when fetched', async () => {
    const teamId = Number(/#team\/(\d+)$/.exec(page.url())?.[1]);
    expect(await page.locator('.breadcrumbs li').allTextContents()).to.deep.equal(['Contoso', 'Engineering', 'Platform']);
    const shown = (await page.locator('table.people tbody a').evaluateAll((links) => links.map((a) => Number((a as HTMLAnchorElement).hash.replace('#person/', ''))))).sort((a, b) => a - b);
    const members = await api(`/odata/Users?$filter=Memberships/any(m:m/OrganizationTeamHierarchyId eq ${teamId})&$select=Id`, t.tokens.admin);
    expect(shown).to.deep.equal(members.value.map((u) => Number(u.Id)).sort((a, b) => a - b));
    expect(shown.length).to.be.above(0);
    const url = await page.locator('#feed-url').inputValue();
    expect(url.startsWith(`${base}/odata/Users?`)).to.equal(true);
    const fetched = await api(url, t.tokens.admin);
    expect(fetched.value.map((u) => Number(u.Id)).sort((a, b) => a - b)).to.deep.equal(shown);
    expect(await page.locator('#feed-formula').inputValue()).to.equal(`let Source = OData.Feed("${url}", null, [Implementation = "2.0", ApiKeyName = "token"]) in Source`);
    // the copy button puts the URL on the clipboard; the CSV has a header and a line per member
    await page.getByRole('button', { name: 'Copy URL' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).to.equal(url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    const csv = await download.path().then((p) => (p ? import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')) : ''));
    expect(csv.split('\r\n').filter(Boolean)).to.have.length(shown.length + 1);
    expect(csv.startsWith('Id,DisplayName,FirstName,LastName,Email,Department,IsActive\r\n')).to.equal(true);
  });

  it('searches people as you type and opens a person with their teams', async () => {
    await page.locator('#search').fill('alice');
    await page.locator('#search-results .results a').first().waitFor();
    expect(await page.locator('#search-results [role=status]').textContent()).to.match(/match/);
    await page.locator('#search-results .results a').first().click();
    await page.locator('#view h2', { hasText: 'Teams' }).first().waitFor();
    expect(page.url()).to.match(/#person\/\d+$/);
    expect(await page.locator('#view ul.teams a').count()).to.be.above(0);
    await shot('explorer-person');
  });

  it('sends a caller with a bad token back to the sign-in form with the service\'s message (401)', async () => {
    const other = await context.newPage();
    await other.goto(`${base}/#token=not-a-token`);
    await other.locator('#sign-in [role=alert]').waitFor();
    expect(await other.locator('#sign-in').isVisible()).to.equal(true);
    expect(await other.locator('#sign-in [role=alert]').textContent()).to.match(/token/i);
    await other.close();
  });

  it('lets a user try GET /Users in Swagger UI at /docs/ with a token', async () => {
    await page.goto(`${base}/docs/`);
    await page.locator('.swagger-ui .info .title', { hasText: 'orgchart-odata' }).waitFor();
    await page.getByRole('button', { name: /Authorize/ }).first().click();
    await page.locator('.modal-ux input').first().fill(t.tokens.admin);
    await page.locator('.modal-ux button.authorize').first().click();
    await page.locator('.modal-ux button.btn-done, .modal-ux .close-modal').first().click();
    const get = page.locator('.opblock-get', { has: page.locator('.opblock-summary-path', { hasText: /^\/Users$/ }) }).first();
    await get.locator('.opblock-summary').click();
    await get.getByRole('button', { name: 'Try it out' }).click();
    await get.getByRole('button', { name: 'Execute' }).click();
    await get.locator('.live-responses-table .response-col_status', { hasText: '200' }).waitFor();
    await shot('docs-try-users');
  });

  it('loaded nothing from outside this server', () => {
    expect(foreign).to.deep.equal([]);
  });
});
