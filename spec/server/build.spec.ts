/**
 * The compiled build (`npm run build`, scripts/build.mjs): built once into a temporary out dir, it parses
 * exactly like the sources (precompiled parser vs odata.peggy compiled at load), records migrations under
 * the same `.ts` names so a database migrated by either the sources or the build is up to date for the
 * other, and its server starts with plain `node` on a database the sources migrated. Also: when
 * `npm start` (scripts/start.mjs) considers a build stale.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { load } from 'js-yaml';
import { connect } from '../../server/db/connect';
import * as sourceMigrate from '../../server/db/migrate';
import * as sourceGrammar from '../../odata/parse/run-grammar';
import { createPostgresDatabase, testTarget } from '../helpers/test-database';

const ROOT = path.resolve(__dirname, '../..');
// inside the project so the compiled modules resolve node_modules as dist/ does
const OUT_DIR = path.join(ROOT, 'node_modules/.cache', `orgchart-build-spec-${process.pid}`);

/** A fresh database of the run's target, with what a spawned server needs to open it once `db` is closed. */
interface Scratch {
  readonly db: Knex;
  readonly env: NodeJS.ProcessEnv;
  readonly drop: () => Promise<void>;
}

async function scratchDatabase(): Promise<Scratch> {
  if (testTarget() === 'postgres') {
    const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string);
    return { db: connect({ databaseUrl: created.url, poolMax: 2 }), env: { DATABASE_URL: created.url, JWT_SECRET: 'build-spec' }, drop: created.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'orgchart-build-'));
  const pgliteDir = path.join(dir, 'pglite');
  return { db: connect({ pgliteDir }), env: { DATABASE_URL: '', JWT_SECRET: '', PGLITE_DIR: pgliteDir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function recordedNames(db: Knex): Promise<string[]> {
  return ((await db('knex_migrations').orderBy('id').select('name')) as { name: string }[]).map((r) => r.name);
}

async function tableNames(db: Knex): Promise<string[]> {
  const rows = (await db('information_schema.tables').where({ table_schema: 'public' }).orderBy('table_name').select('table_name')) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

/** What a start rule gives for `text`: the AST, or the ODataError's code, message and target. */
function outcome(run: typeof sourceGrammar.runGrammar, rule: sourceGrammar.StartRule, text: string): unknown {
  try {
    return { ast: run(rule, text, { option: '$filter' }) };
  } catch (err) {
    const e = err as { name: string; code?: string; message: string; target?: string };
    return { error: { name: e.name, code: e.code, message: e.message, target: e.target } };
  }
}

describe('compiled build (npm run build)', function () {
  this.timeout(90_000);
  const SOURCE_NAMES = readdirSync(sourceMigrate.MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).sort();
  let compiledMigrate: typeof sourceMigrate;

  before(() => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out-dir', OUT_DIR], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).to.equal(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded as the build runs it
    compiledMigrate = require(path.join(OUT_DIR, 'server/db/migrate.js')) as typeof sourceMigrate;
  });

  after(() => rmSync(OUT_DIR, { recursive: true, force: true }));

  it('runs the precompiled parser, which parses and fails exactly like odata.peggy compiled at load', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module
    const compiledGrammar = require(path.join(OUT_DIR, 'odata/parse/run-grammar.js')) as typeof sourceGrammar;
    expect(compiledGrammar.GRAMMAR_ORIGIN).to.equal('precompiled');
    expect(sourceGrammar.GRAMMAR_ORIGIN).to.equal('peggy');
    expect(compiledGrammar.START_RULES).to.deep.equal(sourceGrammar.START_RULES);

    // every OASIS ABNF test input (option name stripped) and a few of our own, through every start rule
    const cases = (load(readFileSync(path.join(ROOT, 'spec/fixtures/oasis/odata-abnf-testcases.yaml'), 'utf8')) as { TestCases: { Input: string }[] }).TestCases;
    const texts = [
      ...new Set([
        ...cases.map((c) => String(c.Input).replace(/^\$\w+=/, '')),
        'Id eq 5', 'Id eq', "LastName eq 'O''Brien' and not(Age gt 3)", 'Manager($select=Id;$expand=Teams($top=2))',
        'FirstName desc,Id', "contains(Name,'x') or Id in (1,2,3)", '(1)', "'key'", 'Id=1,Code=\'a\'', '"exact phrase" OR foo NOT bar',
        `${'('.repeat(101)}1${')'.repeat(101)}`, `${'('.repeat(90)}Id${')'.repeat(90)} eq 1`, '', ' ', ')', "'unterminated",
      ]),
    ];
    let compared = 0;
    for (const text of texts) {
      for (const rule of sourceGrammar.START_RULES) {
        const expected = outcome(sourceGrammar.runGrammar, rule, text);
        expect(outcome(compiledGrammar.runGrammar, rule, text), `${rule} ${JSON.stringify(text)}`).to.deep.equal(expected);
        compared += 1;
      }
    }
    expect(compared).to.be.greaterThan(1000);
  });

  it('records the same .ts migration names: a database migrated by the sources is up to date for the build, and vice versa', async () => {
    expect(sourceMigrate.RUNNING_COMPILED).to.equal(false);
    expect(compiledMigrate.RUNNING_COMPILED).to.equal(true);
    const bySources = await scratchDatabase();
    const byBuild = await scratchDatabase();
    try {
      expect(await sourceMigrate.migrateLatest(bySources.db)).to.deep.equal(SOURCE_NAMES);
      expect(await compiledMigrate.migrateLatest(bySources.db)).to.deep.equal([]);

      expect(await compiledMigrate.migrateLatest(byBuild.db)).to.deep.equal(SOURCE_NAMES);
      expect(await sourceMigrate.migrateLatest(byBuild.db)).to.deep.equal([]);

      expect(await recordedNames(bySources.db)).to.deep.equal(SOURCE_NAMES);
      expect(await recordedNames(byBuild.db)).to.deep.equal(SOURCE_NAMES);
      expect(await tableNames(byBuild.db)).to.deep.equal(await tableNames(bySources.db));
      // knex's own validation (files recorded but missing) agrees on both sides
      const [, pending] = (await byBuild.db.migrate.list(compiledMigrate.migrationConfig())) as [unknown[], unknown[]];
      expect(pending).to.deep.equal([]);
    } finally {
      await bySources.db.destroy();
      await byBuild.db.destroy();
      await bySources.drop();
      await byBuild.drop();
    }
  });

  it('starts with plain node on a database the sources migrated: migrates nothing, seeds, serves $metadata and the bundled explorer, exits 0 on SIGTERM', async () => {
    const scratch = await scratchDatabase();
    try {
      await sourceMigrate.migrateLatest(scratch.db);
      await scratch.db.destroy();
      const port = 20_000 + ((process.pid + 7) % 20_000);
      const child = spawn(process.execPath, [path.join(OUT_DIR, 'server/main.js')], {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), LOG_LEVEL: 'info', ...scratch.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const started = Date.now();
        while (!/Admin token[^\n]*\n\s+\S+/.test(output)) {
          if (Date.now() - started > 30_000) throw new Error(`not ready after 30 s:\n${output}`);
          if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const ready = output.split('\n').find((line) => line.includes('"database ready"'));
        expect(JSON.parse(ready as string)).to.include({ seededDemo: true }).and.to.have.deep.property('migrations', []);
        const admin = /Admin token[^\n]*\n\s+(\S+)/.exec(output)?.[1] as string;
        const metadata = await fetch(`http://localhost:${port}/odata/$metadata`, { headers: { Authorization: `Bearer ${admin}` } });
        expect(metadata.status).to.equal(200);
        const filtered = await fetch(`http://localhost:${port}/odata/Users?$filter=Id eq&token=${admin}`);
        expect(filtered.status).to.equal(400);
        expect(((await filtered.json()) as { error: { message: string } }).error.message).to.equal(
          'Syntax error in $filter at position 5: expected an expression (found end of input)',
        );
        // the explorer from the build: its page, and its script as bundled by the build (not from the sources)
        expect(output).to.contain(`http://localhost:${port}/#token=${admin}`);
        const page = await fetch(`http://localhost:${port}/`);
        expect(page.status).to.equal(200);
        expect(await page.text()).to.contain('<script type="module" src="/explorer/app.js">');
        const script = await fetch(`http://localhost:${port}/explorer/app.js`);
        expect(script.headers.get('content-type')).to.match(/javascript/);
        expect(await script.text()).to.equal(readFileSync(path.join(OUT_DIR, 'explorer/app.js'), 'utf8'));
        expect((await fetch(`http://localhost:${port}/odata/openapi.json`)).status).to.equal(200);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited, output).to.equal(0);
    } finally {
      await scratch.drop();
    }
  });
});

describe('build freshness (npm start rebuilds a stale dist/)', () => {
  type Freshness = { staleReason: (root: string, outDir: string) => string | undefined };
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

  it('is stale without a stamp, or when a source file, a source directory or a build input is newer; fresh otherwise', async () => {
    const { staleReason } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-freshness.mjs')).href)) as Freshness;
    const root = mkdtempSync(path.join(tmpdir(), 'orgchart-fresh-'));
    try {
      const out = path.join(root, 'dist');
      for (const dir of ['odata/parse', 'server', 'dist']) mkdirSync(path.join(root, dir), { recursive: true });
      const files = ['odata/parse/odata.peggy', 'server/main.ts', 'tsconfig.json'].map((f) => path.join(root, f));
      for (const f of files) writeFileSync(f, '');
      for (const f of [...files, path.join(root, 'odata/parse'), path.join(root, 'odata'), path.join(root, 'server')]) at(f, 1_000);
      expect(staleReason(root, out)).to.equal('dist/ has no build stamp');

      writeFileSync(path.join(out, '.build-stamp'), '{}');
      at(path.join(out, '.build-stamp'), 2_000);
      expect(staleReason(root, out)).to.equal(undefined);

      at(path.join(root, 'odata/parse/odata.peggy'), 3_000);
      expect(staleReason(root, out)).to.equal(`${path.join('odata/parse/odata.peggy')} changed since the last build`);
      at(path.join(root, 'odata/parse/odata.peggy'), 1_000);
      at(path.join(root, 'server'), 3_000); // a file added or deleted
      expect(staleReason(root, out)).to.equal('server changed since the last build');
      at(path.join(root, 'server'), 1_000);
      at(path.join(root, 'tsconfig.json'), 3_000);
      expect(staleReason(root, out)).to.equal('tsconfig.json changed since the last build');

      // a deployment shipping dist/ without the sources runs what it has
      for (const dir of ['odata', 'server']) rmSync(path.join(root, dir), { recursive: true });
      rmSync(path.join(root, 'tsconfig.json'));
      expect(staleReason(root, out)).to.equal(undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
