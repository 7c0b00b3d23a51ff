/**
 * `npm start`: runs the compiled server (dist/server/main.js) in this process, after building dist/ first
 * when it is missing or older than any source (scripts/build-freshness.mjs). The build runs in a child
 * process so its memory is returned before the server starts.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { staleReason } from './build-freshness.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');

const reason = staleReason(ROOT, DIST);
if (reason) {
  process.stdout.write(`Building the server into dist/ (${reason})…\n`);
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('orgchart-odata failed to start: the build failed (run `npm run build` to see why)\n');
    process.exit(1);
  }
}

createRequire(import.meta.url)(path.join(DIST, 'server/main.js'));
