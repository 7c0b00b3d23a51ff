/**
 * `npm start` end to end: the real entry point on a fresh embedded database in a temp directory — it
 * migrates, seeds the demo, prints the feed URL and tokens that work, and stops cleanly on SIGTERM.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('npm start (server/main.ts)', function () {
  this.timeout(60_000);

  it('serves $metadata within 15 s on a bare directory, with tokens that work, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgchart-start-'));
    const port = 20_000 + (process.pid % 20_000);
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), PGLITE_DIR: path.join(dir, 'pglite'), LOG_LEVEL: 'warn', DATABASE_URL: '', JWT_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!/Read-only token[^\n]*\n\s+\S+/.test(output)) {
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
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).to.equal(0);
  });
});
