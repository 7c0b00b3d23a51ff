/**
 * The explorer's only way to the data: the OData API with the signed-in caller's token (Authorization
 * header; the token lives in sessionStorage, never in a URL sent to the server). Answers are JSON or an
 * ApiError carrying the service's own error message; 401 signs the caller out.
 *   await odata('/Users?$top=5') → { value: [...] }
 */

const TOKEN_KEY = 'orgchart.token';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
  }
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value: string): void {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * A token arriving in the fragment (`/#token=eyJ…`, the link `npm start` prints): kept, and removed from
 * the address bar and history at once. → true when one was taken.
 */
export function takeTokenFromFragment(): boolean {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return false;
  signIn(decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

/** Called when the API says the token is no good (401): the page shows the sign-in form. */
let onUnauthorized: (message: string) => void = () => {};
export function whenUnauthorized(handler: (message: string) => void): void {
  onUnauthorized = handler;
}

export const SERVICE = '/odata';

/** `feedUrl('/Users?$top=5')` → 'http://host/odata/Users?$top=5': what Power BI or curl would ask. */
export function feedUrl(path: string): string {
  return `${location.origin}${SERVICE}${path}`;
}

/** GET `${SERVICE}${path}` as the caller → the JSON body; an ApiError with the service's message otherwise. */
export async function odata<T = Record<string, unknown>>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
  const bearer = token();
  if (!bearer) throw new ApiError(401, 'Sign in with a token first.');
  let response: Response;
  try {
    // X-Requested-With: the 401 then has no Basic challenge, which would open the browser's password dialog
    response = await fetch(`${SERVICE}${path}`, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, signal: init.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'The server cannot be reached.');
  }
  const text = await response.text();
  if (response.ok) return (text ? JSON.parse(text) : {}) as T;
  let message = `${response.status} ${response.statusText}`;
  let code: string | undefined;
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    if (error?.message) message = error.message;
    code = error?.code;
  } catch {
    // not an OData error body: keep the status line
  }
  if (response.status === 401) onUnauthorized(message);
  throw new ApiError(response.status, message, code);
}

/** Every page of a collection, following @odata.nextLink (at most `maxPages`): → the entities. */
export async function allPages<T>(path: string, maxPages = 20): Promise<T[]> {
  const rows: T[] = [];
  let next: string | undefined = path;
  for (let page = 0; next !== undefined && page < maxPages; page += 1) {
    const body: { value: T[]; '@odata.nextLink'?: string } = await odata(next);
    rows.push(...body.value);
    const link = body['@odata.nextLink'];
    next = link ? link.slice(link.indexOf(SERVICE) + SERVICE.length) : undefined;
  }
  return rows;
}

/** An OData string literal: `quote("O'Neil")` → "'O''Neil'". */
export function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
