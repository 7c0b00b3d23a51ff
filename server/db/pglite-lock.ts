/**
 * An embedded PGlite directory may be opened by one process at a time (it is a single-user database in
 * the process's memory; two writers corrupt it). `lockPgliteDir(dir)` takes `<dir>.lock` holding our pid,
 * or throws a clear error naming the process that holds it; the lock is released when the process exits.
 */
import { openSync, readFileSync, unlinkSync, writeFileSync, closeSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `lockPgliteDir('/data/pglite')` → releases function; throws when another live process holds it. */
export function lockPgliteDir(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new Error(
          `the embedded database ${dir} is in use by process ${holder} (a running \`npm start\`?); stop it first, or use DATABASE_URL with PostgreSQL`,
          { cause: err },
        );
      }
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}
