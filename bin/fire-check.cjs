#!/usr/bin/env node
'use strict';
// CommonJS, as is all of dist/: no run starts Node's ES module loader (see
// scripts/build.mjs, allAsCommonJs).
let main;
let stopSignalOf;
try {
  ({ main, stopSignalOf } = require('../dist/fire-check.js'));
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('fire-check: not built yet (dist/ is missing). Run `npm run build` first.\n');
  process.exitCode = 1;
}
// A run asked to stop (Ctrl-C, SIGTERM, SIGHUP; exit code 128 + the signal's number) ends by
// that signal once main() has returned, as a program with no handler of its own would: a shell
// then stops the loop or script it runs in, and a write that stdout's reader never took (main()
// waited for it as long as it should) does not keep the process alive.
if (main) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    const signal = stopSignalOf(code);
    if (signal === undefined) return;
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    // Still here: the signal is ignored (a job started with it ignored, as nohup does).
    process.exit(code);
  });
}
