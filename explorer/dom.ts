/**
 * A few DOM helpers for the explorer (no framework: the page is a handful of views over fetch calls).
 *   h('a', { href: '#team/5', class: 'link' }, 'Platform') → <a href="#team/5" class="link">Platform</a>
 * Text is always set as text, never as HTML: names and messages from the API cannot inject markup.
 */

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

/** Replaces what `parent` shows: `show(main, h('p', {}, 'Loading…'))`. */
export function show(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'number' ? String(c) : c)));
}

/** A loading line for a region: role=status, so screen readers hear it. */
export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

/** The API's message, readably: `errorBox(err)` → <div class="error" role="alert">…</div>. */
export function errorBox(err: unknown): HTMLElement {
  const status = (err as { status?: number }).status;
  const message = err instanceof Error ? err.message : String(err);
  const hint = status === 403 ? ' (your token does not allow this)' : status === 404 ? ' (not found, or not visible to you)' : '';
  return h('div', { class: 'error', role: 'alert' }, `${message}${hint}`);
}
