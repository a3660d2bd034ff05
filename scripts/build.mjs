// Builds dist/ with esbuild: one ESM entry plus lazily loaded chunks
// (inquirer, yaml and zod are only loaded by the commands that need them).
// The default rule pack is validated here, at build time, and embedded.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/', root);
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// 1. A throwaway bundle of the pack tools, run here to validate and export the packs.
// commander and yaml are CommonJS; an ESM bundle needs a real `require` for them.
const requireBanner = { js: "import { createRequire as __fcCreateRequire } from 'node:module'; const require = __fcCreateRequire(import.meta.url);" };
const tool = new URL('.pack-tool.mjs', dist);
await build({
  entryPoints: [new URL('src/pack/build-time.ts', root).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: tool.pathname,
  banner: requireBanner,
  logLevel: 'warning',
});
const { compileBuiltIns } = await import(pathToFileURL(tool.pathname).href);
const builtIns = compileBuiltIns(new URL('rules/', root).pathname);
await rm(tool);
if (!builtIns.ok) {
  console.error(builtIns.problems.join('\n'));
  process.exit(1);
}

// 2. The CLI itself.
const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
await build({
  entryPoints: { 'fire-check': new URL('src/cli/main.ts', root).pathname },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: dist.pathname,
  chunkNames: 'chunks/[name]-[hash]',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    __FIRE_CHECK_DEFAULT_PACK__: JSON.stringify(builtIns.defaultPack),
    __FIRE_CHECK_VERSION__: JSON.stringify(version),
  },
  banner: requireBanner,
});
await writeFile(new URL('package.json', dist), JSON.stringify({ type: 'module' }) + '\n');
