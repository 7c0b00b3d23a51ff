/**
 * What the client examples share: their options (the server, a token, the company to create in, where
 * to print), the summary each returns for spec/http/client-libraries.spec.ts to check, and running one
 * from the command line with ODATA_ORIGIN and ODATA_TOKEN.
 */

export interface ExampleOptions {
  /** The server, without the service path: `http://localhost:3000`. */
  readonly origin: string;
  /** A token of an administrator (the examples create a user). */
  readonly token: string;
  /** The token's company, which the created user belongs to: the demo's is 1. */
  readonly companyId?: number;
  readonly log?: (...parts: unknown[]) => void;
}

/** What an example read and wrote, for the spec to compare with the database. */
export interface ExampleSummary {
  /** Ids of the users the filtered read returned, in order. */
  readonly filtered: readonly number[];
  /** UserName of the user read by key (the first of `filtered`). */
  readonly byKey: string;
  /** The expanded teams: name and number of members. */
  readonly teams: readonly { readonly name: string; readonly members: number }[];
  /** Id of the user created, updated and deleted. */
  readonly created: number;
  /** The created user's ETag, then the updated one's. */
  readonly etags: readonly (string | undefined)[];
  /** Ids of every user read page by page. */
  readonly all: readonly number[];
}

/**
 * `runFromCommandLine(module, example)`: when the example file is run itself (`npx tsx examples/clients/…`),
 * runs it with ODATA_ORIGIN (default http://localhost:3000) and ODATA_TOKEN, and exits 1 on an error.
 */
export function runFromCommandLine(mod: NodeJS.Module, example: (options: ExampleOptions) => Promise<unknown>): void {
  if (require.main !== mod) return;
  const token = process.env.ODATA_TOKEN;
  if (!token) {
    console.error('Set ODATA_TOKEN to an administrator token (npm start prints one).');
    process.exit(2);
  }
  example({ origin: process.env.ODATA_ORIGIN ?? 'http://localhost:3000', token }).catch((err: unknown) => {
    console.error('failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
