import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lockPgliteDir } from '../../../server/db/pglite-lock';

describe('lockPgliteDir', () => {
  const dir = () => path.join(mkdtempSync(path.join(tmpdir(), 'orgchart-lock-')), 'pglite');

  it('writes our pid into <dir>.lock and removes it on release', () => {
    const d = dir();
    const release = lockPgliteDir(d);
    expect(readFileSync(`${d}.lock`, 'utf8')).to.equal(String(process.pid));
    release();
    expect(existsSync(`${d}.lock`)).to.equal(false);
  });

  it('refuses a directory held by another live process, naming it', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, String(process.ppid));
    expect(() => lockPgliteDir(d)).to.throw(`in use by process ${process.ppid}`);
  });

  it('takes over a stale lock whose process is gone', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, '2147483646');
    const release = lockPgliteDir(d);
    expect(readFileSync(`${d}.lock`, 'utf8')).to.equal(String(process.pid));
    release();
  });
});
