/**
 * `npm test`: runs the whole mocha suite against embedded PGlite, then again against PostgreSQL when
 * TEST_DATABASE_URL is set (each run in its own fresh database), and the HTTP suites once more with reads
 * on a streaming replica when TEST_REPLICA_PRIMARY_URL and TEST_REPLICA_URL are set (.ci/start-replica.sh).
 * Exits non-zero if any run fails.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const mocha = path.resolve(__dirname, '../node_modules/mocha/bin/mocha.js');
/** A run that has not ended after this long is stopped and fails (a leaked handle must not eat CI's 90 minutes). */
const RUN_TIMEOUT_MS = 20 * 60_000;
const targets: Array<'pglite' | 'postgres'> = ['pglite'];
if (process.env.TEST_DATABASE_URL) targets.push('postgres');
else process.stdout.write('TEST_DATABASE_URL is not set: running against embedded PGlite only\n');

let failed = false;
for (const target of targets) {
  process.stdout.write(`\n=== mocha against ${target} ===\n`);
  const run = spawnSync(process.execPath, [mocha, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_TARGET: target },
    timeout: RUN_TIMEOUT_MS,
  });
  if (run.status !== 0) failed = true;
  if (run.error) process.stdout.write(`\nthe ${target} run did not end: ${run.error.message}\n`);
}

const { TEST_REPLICA_PRIMARY_URL: primary, TEST_REPLICA_URL: replica } = process.env;
if (primary && replica && process.argv.length === 2) {
  process.stdout.write('\n=== mocha against postgres, reads on a streaming replica (the HTTP suites) ===\n');
  // --exit: the apps of these specs keep replica pools and health checks that nothing stops
  // --no-config: .mocharc's own spec glob would add every other suite to this run
  const options = ['--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--require', 'spec/helpers/root-hooks.ts', '--timeout', '60000'];
  // the abuse spec loads and drops databases of its own and measures load: reads on a replica are not its point
  const run = spawnSync(process.execPath, [mocha, ...options, '--exit', '--ignore', 'spec/http/abuse.spec.ts', 'spec/http/**/*.spec.ts'], {
    stdio: 'inherit',
    env: { ...process.env, TEST_TARGET: 'postgres', TEST_DATABASE_URL: primary, TEST_READ_DATABASE_URL: replica },
    timeout: RUN_TIMEOUT_MS,
  });
  if (run.status !== 0) failed = true;
  if (run.error) process.stdout.write(`\nthe replica run did not end: ${run.error.message}\n`);
}
process.exitCode = failed ? 1 : 0;
