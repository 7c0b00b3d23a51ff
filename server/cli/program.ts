/**
 * The `orgchart` command line: commander parses argv, each action opens the configured database, runs
 * one command module (server/cli/commands/*) and always closes the database (PGlite flushes on close).
 * Results go to stdout, errors to stderr as `orgchart: <message>` with exit code 1, never a stack trace.
 * `runCli(['node', 'orgchart', 'token', '--user', 'admin', '--company', '1'], io)` → 0, prints a JWT.
 */
import { Command, CommanderError } from 'commander';
import type { Knex } from 'knex';
import { loadConfig, type Config } from '../config';
import { connect } from '../db/connect';
import { accessTokenCreateCommand, accessTokenRevokeCommand } from './commands/access-token';
import { companyCreateCommand } from './commands/company-create';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { DEFAULT_TOKEN_SCOPE, DEFAULT_TOKEN_TTL, tokenCommand } from './commands/token';
import { describeCliError } from './errors';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

type Command_ = (db: Knex, config: Config) => Promise<unknown>;

function print(io: CliIo, value: unknown): void {
  io.out(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
}

/** Config → open database → command → print → close. */
async function runWithDatabase(io: CliIo, command: Command_): Promise<void> {
  const config = loadConfig(io.env);
  const db = connect({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolMax: config.poolMax });
  try {
    // Open the connection before the command, so a command that fails early still closes PGlite cleanly.
    await db.raw('SELECT 1');
    print(io, await command(db, config));
  } finally {
    await db.destroy();
  }
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('orgchart')
    .description('orgchart-odata administration: database, demo data, companies and access tokens')
    .exitOverride()
    // `token create --user x`: options after a subcommand's name are that subcommand's, not its parent's
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() => runWithDatabase(io, (db, config) => migrateCommand(db, config, {})));

  program
    .command('seed')
    .description('insert sample data')
    .option('--demo', 'the demo organisation (Contoso and Fabrikam); only into a database without companies')
    .action((options: { demo?: boolean }) => runWithDatabase(io, (db, config) => seedCommand(db, config, options)));

  program
    .command('company')
    .description('manage companies')
    .command('create')
    .description('create a company and its administrator; prints {"companyId":…,"adminUserId":…}')
    .requiredOption('--name <name>', 'company name')
    .requiredOption('--admin <userName>', "the administrator's user name")
    .option('--email <email>', "the administrator's email")
    .action((options: { name: string; admin: string; email?: string }) =>
      runWithDatabase(io, (db, config) => companyCreateCommand(db, config, options)));

  const token = program
    .command('token')
    .description('print a development JWT for an active user of a company; token create / token revoke: personal access tokens')
    .option('--user <userName>', 'user name (required)')
    .option('--company <id>', 'company id (required)')
    .option('--scope <scopes>', 'space-separated scopes', DEFAULT_TOKEN_SCOPE)
    .option('--ttl <ttl>', 'lifetime: seconds or <n>s|m|h|d', DEFAULT_TOKEN_TTL)
    .action((options: { user?: string; company?: string; scope: string; ttl: string }) => {
      // not requiredOption: commander would then require them of `token create` and `token revoke` too
      for (const [name, value] of [['--user <userName>', options.user], ['--company <id>', options.company]] as const) {
        if (value === undefined) token.error(`error: required option '${name}' not specified`);
      }
      const given = { ...options, user: options.user as string, company: options.company as string };
      return runWithDatabase(io, async (db, config) => {
        const jwt = await tokenCommand(db, config, given);
        if (config.jwtSecretIsDevDefault) io.err('orgchart: note: signed with the development JWT secret (JWT_SECRET is unset)\n');
        return jwt;
      });
    });

  token
    .command('create')
    .description('create a personal access token and print its secret (shown this once)')
    .requiredOption('--user <userName>', 'the owner\'s user name')
    .requiredOption('--company <id>', 'company id')
    .requiredOption('--name <name>', 'what the token is for (e.g. "Power BI sales dashboard")')
    .option('--scopes <scopes>', 'space-separated: odata.read, odata.write, logs.read', 'odata.read')
    .option('--expires <lifetime>', 'lifetime: <n>d|h|m|s, at most ACCESS_TOKEN_MAX_LIFETIME', '90d')
    .action((options: { user: string; company: string; name: string; scopes: string; expires: string }) =>
      runWithDatabase(io, async (db, config) => {
        const created = await accessTokenCreateCommand(db, config, options);
        io.err(`orgchart: token ${created.id} ("${options.name}") of ${options.user}, scopes ${options.scopes}, expires ${created.expiresAt}; the secret is not shown again\n`);
        return created.secret;
      }));

  token
    .command('revoke')
    .description('revoke a personal access token: the next request with it is refused')
    .argument('<id>', 'the token\'s Id (AccessTokens)')
    .action((id: string) => runWithDatabase(io, (db) => accessTokenRevokeCommand(db, { id })));

  return program;
}

/** Runs one command line; resolves to the exit code (0 success, 1 error; commander's own for usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv]);
    return 0;
  } catch (err) {
    // Commander has already written its usage message (or the help text, with exit code 0).
    if (err instanceof CommanderError) return err.exitCode;
    io.err(`orgchart: ${describeCliError(err)}\n`);
    return 1;
  }
}
