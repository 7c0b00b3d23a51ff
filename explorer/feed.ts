/**
 * "Use in Power BI / Excel" for the current view: the OData URL of the list on screen, the Power Query
 * formula that opens it with the token as a Web API key (`ApiKeyName = "token"`), copy buttons, and a CSV
 * download of the rows shown.
 *   powerQuery('http://h/odata/Users?$select=Id') → 'let Source = OData.Feed("http://h/odata/Users?$select=Id", null, [Implementation = "2.0", ApiKeyName = "token"]) in Source'
 */
import { h, show } from './dom';

export interface FeedView {
  /** What the list is: "Members of Platform". */
  readonly title: string;
  /** The list's OData URL, absolute. */
  readonly url: string;
  /** The rows on screen and their columns, for the CSV. */
  readonly rows: readonly Record<string, unknown>[];
  readonly columns: readonly string[];
}

export function powerQuery(url: string): string {
  return `let Source = OData.Feed("${url.replace(/"/g, '""')}", null, [Implementation = "2.0", ApiKeyName = "token"]) in Source`;
}

/** RFC 4180 CSV: `toCsv([{ A: 'x,y' }], ['A'])` → 'A\r\n"x,y"\r\n'. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].map((line) => `${line}\r\n`).join('');
}

function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy' }, label);
  button.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text()).then(() => {
      button.textContent = 'Copied';
      setTimeout(() => { button.textContent = label; }, 1500);
    }).catch(() => { button.textContent = 'Select and copy by hand'; });
  });
  return button;
}

/** Fills the panel for `view`, or empties it when the view has no list. */
export function renderFeed(panel: HTMLElement, view: FeedView | null): void {
  if (!view) {
    show(panel);
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const download = h('button', { type: 'button', class: 'csv' }, `Download CSV (${view.rows.length} rows)`);
  download.addEventListener('click', () => {
    const link = h('a', { href: URL.createObjectURL(new Blob([toCsv(view.rows, view.columns)], { type: 'text/csv' })), download: `${view.title.replace(/[^\w-]+/g, '-')}.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  show(panel,
    h('h2', {}, 'Use in Power BI / Excel'),
    h('p', {}, `${view.title}, as an OData feed. Power BI / Excel: Get Data → Blank Query → Advanced Editor, paste the formula, then choose Web API credentials and paste your token as the key.`),
    h('label', { for: 'feed-url' }, 'OData URL'),
    h('div', { class: 'copyable' }, h('input', { id: 'feed-url', readonly: true, value: view.url }), copyButton('Copy URL', () => view.url)),
    h('label', { for: 'feed-formula' }, 'Power Query formula'),
    h('div', { class: 'copyable' }, h('textarea', { id: 'feed-formula', readonly: true, rows: 2 }, powerQuery(view.url)), copyButton('Copy formula', () => powerQuery(view.url))),
    download,
  );
}
