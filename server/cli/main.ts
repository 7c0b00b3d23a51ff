/**
 * Entry point of the `orgchart` CLI (bin/orgchart.js, `npm run cli -- …`): the only CLI module with side
 * effects. Runs server/cli/program.ts on process.argv and sets the exit code; never calls process.exit,
 * so output is flushed and the database closed first.
 */
import { runCli } from './program';

void runCli(process.argv, {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
