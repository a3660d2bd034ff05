#!/usr/bin/env node
let main;
try {
  ({ main } = await import('../dist/fire-check.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('fire-check: not built yet (dist/ is missing). Run `npm install` or `npm run build` first.\n');
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
