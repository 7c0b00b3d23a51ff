/**
 * The one error type the CLI shows as-is: an operator mistake (unknown user, bad option value). The
 * program prints `orgchart: <message>` to stderr and exits 1; it never prints a stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The message an operator sees for any error: 'orgchart: no user named "zed"'. */
export function describeCliError(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code === '42P01') return 'the database is not migrated: run `orgchart migrate` first';
  if (err instanceof Error) return err.message;
  return String(err);
}
