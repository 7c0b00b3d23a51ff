/**
 * The org-chart explorer (served at `/` by server/http/explorer.ts, bundled by esbuild): sign in with a
 * token (pasted, or from the `#token=` fragment of the link `npm start` prints), then the org tree, team
 * and person views (routes `#team/5`, `#person/7`), people search as you type, and for the list on screen
 * its OData feed for Power BI / Excel and a CSV. Read-only; every call goes to the OData API as the caller.
 */
import { ApiError, signIn, signOut, takeTokenFromFragment, token, whenUnauthorized } from './api';
import { errorBox, h, loading, show } from './dom';
import { renderFeed, type FeedView } from './feed';
import { TeamTree } from './tree';
import { personView, searchView, teamView } from './views';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const signInSection = $('sign-in');
const app = $('app');
const main = $('view');
const panel = $('feed');
const results = $('search-results');
const searchBox = $<HTMLInputElement>('search');
const signInError = $('sign-in-error');

let tree: TeamTree | null = null;
let searchFeed: FeedView | null = null;

function showSignIn(message?: string): void {
  app.hidden = true;
  $('sign-out').hidden = true;
  signInSection.hidden = false;
  show(signInError, message ? errorBox(new ApiError(401, message)) : null);
  $<HTMLTextAreaElement>('token').focus();
}

async function showApp(): Promise<void> {
  signInSection.hidden = true;
  $('sign-out').hidden = false;
  app.hidden = false;
  tree = new TeamTree($('tree'), (id) => { location.hash = `#team/${id}`; });
  await tree.loadRoots();
  await route();
}

/** The view the address names: `#team/5`, `#person/7`, or the start page. */
async function route(): Promise<void> {
  const match = /^#(team|person)\/(\d+)$/.exec(location.hash);
  tree?.select(match?.[1] === 'team' ? Number(match[2]) : null);
  if (!match) {
    show(main, h('h1', {}, 'Org chart'), h('p', {}, 'Open a team in the tree, or search for a person.'));
    renderFeed(panel, searchFeed);
    return;
  }
  show(main, loading(match[1] === 'team' ? 'the team' : 'the person'));
  main.setAttribute('aria-busy', 'true');
  try {
    const feed = match[1] === 'team' ? await teamView(main, Number(match[2])) : await personView(main, Number(match[2]));
    renderFeed(panel, feed);
    main.querySelector('h1')?.setAttribute('tabindex', '-1');
  } catch (err) {
    show(main, errorBox(err));
    renderFeed(panel, null);
  } finally {
    main.removeAttribute('aria-busy');
  }
}

// search as you type, 250 ms after the last key; a newer search cancels the one in flight
let pending: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | undefined;
searchBox.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    show(results, loading('people'));
    searchView(results, searchBox.value, controller.signal)
      .then((feed) => {
        searchFeed = feed;
        if (!/^#(team|person)\//.test(location.hash)) renderFeed(panel, feed);
      })
      .catch((err: unknown) => { if ((err as Error).name !== 'AbortError') show(results, errorBox(err)); });
  }, 250);
});

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $<HTMLTextAreaElement>('token').value.trim();
  if (!value) return;
  signIn(value);
  void showApp();
});
$('sign-out').addEventListener('click', () => {
  signOut();
  showSignIn();
});
whenUnauthorized((message) => {
  signOut();
  showSignIn(`${message} — sign in again.`);
});
window.addEventListener('hashchange', () => { if (token()) void route(); });

takeTokenFromFragment();
if (token()) void showApp();
else showSignIn();
