/**
 * `npm start` end to end: the real entry point on a fresh embedded database in a temp directory — it
 * migrates, seeds the demo, prints the feed URL and tokens that work, stops cleanly on SIGTERM, and its
 * listening server answers what Node's HTTP parser refuses with OData errors.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '../../server/db/connect';

const ROOT = path.resolve(__dirname, '../..');

/** `npm start`'s entry on `port` with a fresh embedded database; `output()` is what it printed so far. */
function startServer(port: number, env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgchart-start-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PGLITE_DIR: path.join(dir, 'pglite'), LOG_LEVEL: 'warn', DATABASE_URL: '', JWT_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, pgliteDir: path.join(dir, 'pglite') };
}

describe('npm start (server/main.ts)', function () {
  this.timeout(60_000);

  it('serves $metadata within 15 s on a bare directory, with tokens that work, and exits 0 on SIGTERM', async () => {
    const port = 20_000 + (process.pid % 20_000);
    const started = Date.now();
    // token activity is written only on shutdown here: SIGTERM must flush it
    const { child, output: printed, exited, pgliteDir } = startServer(port, { TOKEN_ACTIVITY_FLUSH_MS: '600000' });
    let tokenId: string | undefined;
    let output: string;
    try {
      while (!/Read-only token[^\n]*\n\s+\S+/.test((output = printed()))) {
        if (Date.now() - started > 15_000) throw new Error(`not ready after 15 s:\n${output}`);
        if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).to.contain(`http://localhost:${port}/odata`);
      const admin = /Admin token[^\n]*\n\s+(\S+)/.exec(output)?.[1] as string;
      const reader = /Read-only token[^\n]*\n\s+(\S+)/.exec(output)?.[1] as string;

      const metadata = await fetch(`http://localhost:${port}/odata/$metadata`, { headers: { Authorization: `Bearer ${admin}` } });
      expect(metadata.status).to.equal(200);
      expect(metadata.headers.get('content-type')).to.match(/^application\/xml/);
      expect(Date.now() - started).to.be.lessThan(15_000);

      const all = (await (await fetch(`http://localhost:${port}/odata/Users/$count?token=${admin}`)).text()).trim();
      const visible = (await (await fetch(`http://localhost:${port}/odata/Users/$count?token=${reader}`)).text()).trim();
      expect(Number(all)).to.be.greaterThan(200);
      expect(Number(visible)).to.be.greaterThan(0).and.lessThan(Number(all));
      // the curl example printed by npm start is runnable as shown
      const curl = /curl -H "Authorization: Bearer (\S+)" "([^"]+)"/.exec(output);
      expect(curl, output).not.to.equal(null);
      const example = await fetch((curl?.[2] as string).replace(/\\\$/g, '$'), { headers: { Authorization: `Bearer ${curl?.[1]}` } });
      expect(example.status).to.equal(200);
      // a personal access token made with the admin token, used twice
      const made = await fetch(`http://localhost:${port}/odata/AccessTokens`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Name: 'shutdown', Scopes: 'odata.read', ExpiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
      });
      const created = (await made.json()) as { Id: number; Token: string };
      tokenId = String(created.Id);
      for (let i = 0; i < 2; i += 1) expect((await fetch(`http://localhost:${port}/odata/Users?$top=1&token=${created.Token}`)).status).to.equal(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).to.equal(0);
    const db = connect({ pgliteDir });
    try {
      const rows = (await db('token_activity_logs').where({ token_id: String(tokenId) })) as { path: string }[];
      expect(rows.map((r) => r.path)).to.deep.equal(['/odata/Users?$top=1&token=REDACTED', '/odata/Users?$top=1&token=REDACTED']);
    } finally {
      await db.destroy();
    }
  });

  it('answers a URL over Node\'s header limit with the OData JSON 414, not a bare 431', async () => {
    const port = 20_000 + ((process.pid + 1) % 20_000);
    const { child, output, exited } = startServer(port);
    try {
      while (!output().includes('is listening')) {
        if (child.exitCode !== null) throw new Error(`exited early:\n${output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const reply = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
        const url = `/odata/Users?$filter=${encodeURIComponent(`LastName eq '${'x'.repeat(20_000)}'`)}`;
        const req = http.request({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(reply.status, reply.text).to.equal(414);
      expect(reply.headers['content-type']).to.match(/^application\/json/);
      expect(reply.headers['odata-version']).to.equal('4.0');
      expect(JSON.parse(reply.text)).to.deep.equal({ error: { code: 'UriTooLong', message: 'The URL is longer than 8192 characters; narrow the query' } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).to.equal(0);
  });
});
