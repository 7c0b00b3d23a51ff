/**
 * Build stage, shared by scripts/build.mjs (writes the stamp), scripts/start.mjs and bin/orgchart.js (read
 * it): whether a compiled build is up to date with the sources. `staleReason(root, outDir)` → undefined
 * when fresh, otherwise why a rebuild is needed ("dist/ has no build stamp", "server/app.ts changed …").
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Directories compiled into the build (every file in them counts: .ts, odata.peggy, any JSON). */
export const SOURCE_DIRS = ['odata', 'server', 'migrations', 'seeds', 'explorer'];
/** Files whose change changes the build output. */
export const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];
/** Written last by the build: its mtime is when the build finished. */
export const STAMP_FILE = '.build-stamp';

/**
 * Newest mtime (ms) under `target` (the directory itself and everything in it: a deleted or added file
 * changes its directory's mtime), with the relative path that has it; undefined when `target` is absent.
 */
function newest(root, target) {
  const full = path.join(root, target);
  if (!existsSync(full)) return undefined;
  const stat = statSync(full);
  let best = { mtimeMs: stat.mtimeMs, file: target };
  if (stat.isDirectory()) {
    for (const entry of readdirSync(full)) {
      const inner = newest(root, path.join(target, entry));
      if (inner && inner.mtimeMs > best.mtimeMs) best = inner;
    }
  }
  return best;
}

/** Why the build in `outDir` must be (re)made from the sources in `root`, or undefined when it is fresh. */
export function staleReason(root, outDir) {
  const label = path.relative(root, outDir) || outDir;
  const stamp = path.join(outDir, STAMP_FILE);
  if (!existsSync(stamp)) return `${label}/ has no build stamp`;
  const builtAt = statSync(stamp).mtimeMs;
  for (const target of [...SOURCE_DIRS, ...BUILD_INPUTS]) {
    const found = newest(root, target);
    // sources absent (a deployment that ships only dist/) leave the build as it is
    if (found && found.mtimeMs > builtAt) return `${found.file} changed since the last build`;
  }
  return undefined;
}
