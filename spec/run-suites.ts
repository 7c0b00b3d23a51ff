/**
 * `npm test`: runs the whole mocha suite against embedded PGlite, then again against PostgreSQL when
 * TEST_DATABASE_URL is set (each run in its own fresh database). Exits non-zero if any run fails.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const mocha = path.resolve(__dirname, '../node_modules/mocha/bin/mocha.js');
const targets: Array<'pglite' | 'postgres'> = ['pglite'];
if (process.env.TEST_DATABASE_URL) targets.push('postgres');
else process.stdout.write('TEST_DATABASE_URL is not set: running against embedded PGlite only\n');

let failed = false;
for (const target of targets) {
  process.stdout.write(`\n=== mocha against ${target} ===\n`);
  const run = spawnSync(process.execPath, [mocha, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_TARGET: target },
  });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
