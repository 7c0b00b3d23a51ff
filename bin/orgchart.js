#!/usr/bin/env node
// The `orgchart` command (package.json "bin"): registers tsx so Node can load the TypeScript sources,
// then runs the CLI entry point.
'use strict';
require('tsx/cjs');
require('../server/cli/main.ts');
