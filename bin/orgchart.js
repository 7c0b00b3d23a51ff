#!/usr/bin/env node
// The `orgchart` command (package.json "bin"): runs the CLI entry point from the compiled build (dist/)
// when it is up to date with the sources (scripts/build-freshness.mjs), otherwise from the TypeScript
// sources through tsx. It never builds: `npm run build` or `npm start` does.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');

function runFromSources() {
  require('tsx/cjs');
  require('../server/cli/main.ts');
}

import(pathToFileURL(path.join(root, 'scripts/build-freshness.mjs')).href)
  .then(({ staleReason }) => !staleReason(root, path.join(root, 'dist')), () => false)
  .then((fresh) => {
    if (fresh) require(path.join(root, 'dist/server/cli/main.js'));
    else runFromSources();
  });
