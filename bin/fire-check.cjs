#!/usr/bin/env node
'use strict';
// CommonJS, as is all of dist/: no run starts Node's ES module loader (see
// scripts/build.mjs, allAsCommonJs).
let main;
try {
  ({ main } = require('../dist/fire-check.js'));
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('fire-check: not built yet (dist/ is missing). Run `npm run build` first.\n');
  process.exitCode = 1;
}
// A run asked to stop (SIGHUP, SIGINT, SIGTERM: 128 + the signal's number) ends when main()
// returns, even if stdout's reader has stopped taking what was written: main() waited for it
// as long as it should, and a write still pending would otherwise keep the process alive.
const STOP_CODES = new Set([129, 130, 143]);
if (main) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    if (STOP_CODES.has(code)) process.exit(code);
  });
}
