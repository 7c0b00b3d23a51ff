import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { verifyToken } from '../../../server/auth/tokens';
import { runCli } from '../../../server/cli/program';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/orgchart.js');
const SECRET = 'cli-e2e-secret';

interface Run { code: number; stdout: string; stderr: string }

/** Runs the real `orgchart` executable in a child process. */
function orgchart(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the program in this process on an in-memory database, capturing its output. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const env = { PGLITE_DIR: 'memory://', JWT_SECRET: SECRET };
  const code = await runCli(['node', 'orgchart', ...args], { env, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('server/cli/program', () => {
  describe('in process', () => {
    it('prints the applied migrations and exits 0', async () => {
      expect(await inProcess(['migrate'])).to.deep.include({ code: 0, stderr: '' });
    });

    it('reports an unmigrated database with a hint, exit code 1 and no stack trace', async () => {
      const run = await inProcess(['token', '--user', 'admin', '--company', '1']);
      expect(run).to.deep.equal({ code: 1, stdout: '', stderr: 'orgchart: the database is not migrated: run `orgchart migrate` first\n' });
    });

    it('exits 1 with usage when a required option is missing', async () => {
      const run = await inProcess(['company', 'create', '--name', 'Northwind']);
      expect(run.code).to.equal(1);
      expect(run.stderr).to.contain("error: required option '--admin <userName>' not specified");
    });

    it('exits 1 with a one-line message for a --ttl above MAX_TOKEN_LIFETIME', async () => {
      const run = await inProcess(['token', '--user', 'admin', '--company', '1', '--ttl', '60d']);
      expect(run).to.deep.equal({
        code: 1,
        stdout: '',
        stderr: 'orgchart: --ttl "60d" is longer than the maximum token lifetime of 30 days (MAX_TOKEN_LIFETIME); the server would refuse the token\n',
      });
    });

    it('exits 1 when seed is run without --demo', async () => {
      const run = await inProcess(['seed']);
      expect(run).to.deep.include({ code: 1, stderr: 'orgchart: nothing to seed: pass --demo to seed the demo organisation\n' });
    });
  });

  describe('bin/orgchart.js end to end on a PGlite directory', () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let created: { companyId: number; adminUserId: number };

    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'orgchart-cli-'));
      // A nested, not yet existing directory: the CLI creates the parents.
      env = { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'data', 'pglite'), JWT_SECRET: SECRET };
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('migrates', async () => {
      const run = await orgchart(['migrate'], env);
      expect(run).to.deep.include({ code: 0, stderr: '' });
      expect(run.stdout).to.match(/^applied 9 migrations: \d+_org_chart\.ts, \d+_writes_and_audit\.ts, \d+_search_indexes\.ts, \d+_access_teams\.ts, \d+_projects\.ts, \d+_mappings\.ts, \d+_access_tokens\.ts, \d+_mappings_key\.ts, \d+_change_tracking\.ts\n$/);
    });

    it('creates a company and prints {"companyId":…,"adminUserId":…}', async () => {
      const run = await orgchart(['company', 'create', '--name', 'Northwind', '--admin', 'nw.admin', '--email', 'admin@northwind.example'], env);
      expect(run).to.deep.include({ code: 0, stderr: '' });
      expect(run.stdout).to.match(/^\{"companyId":\d+,"adminUserId":\d+\}\n$/);
      created = JSON.parse(run.stdout);
      expect(created).to.deep.equal({ companyId: 1, adminUserId: 1 });
    });

    it('prints a token for the new administrator that verifies with JWT_SECRET', async () => {
      const run = await orgchart(['token', '--user', 'nw.admin', '--company', String(created.companyId), '--scope', 'odata.read'], env);
      expect(run).to.deep.include({ code: 0, stderr: '' });
      const claims = verifyToken(run.stdout.trim(), SECRET);
      expect(claims).to.include({ sub: String(created.adminUserId), companyId: created.companyId, scope: 'odata.read' });
    });

    it('exits 1 with a one-line message for an unknown user', async () => {
      const run = await orgchart(['token', '--user', 'nobody', '--company', String(created.companyId)], env);
      expect(run).to.deep.equal({ code: 1, stdout: '', stderr: `orgchart: company ${created.companyId} has no user named "nobody"\n` });
    });
  });
});
