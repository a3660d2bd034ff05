// Builds dist/ with esbuild: one module graph, split into chunks, each module in
// exactly one file (issue #13).
//
// - dist/fire-check.js is the entry; every `import()` in the source (commander,
//   inquirer, yaml and zod, text layout, csv, colour, translations) is a chunk
//   beside it, loaded only by the commands that need it, and code two chunks
//   share is a chunk of its own, never a copy. So a class is one class wherever
//   it is used (`instanceof` works), and dist/ is half the size it was with a
//   self-contained bundle per `import()` (0.88 MB, was 2.12 MB).
// - Start-up time matters (a piped assessment should cost little more than
//   `node -e 0`; see `npm run bench startup`), and every file Node loads costs
//   resolve, read and compile time. Left alone, esbuild would scatter the hot
//   path over a dozen small chunks, one per set of entries that share a module.
//   So the build makes every lazy entry import the CLI's entry module (a plugin
//   adds the line): then every module the entry loads is shared by all entries
//   alike, and lands in one chunk. That chunk then becomes dist/fire-check.js
//   (see foldEntryIntoChunk), so plain scoring reads one file of dist/, as it did
//   with a single bundle.
// - Every file of dist/ is then made CommonJS (see allAsCommonJs): no run ever
//   starts Node's ES module loader.
// - The build fails if a module is in two outputs, if the entry loads more than
//   that chunk, or if zod's translations are bundled (checked over esbuild's
//   metafile), or if dist/ reaches 1.3 MB (checked on the files as written);
//   tests/package.e2e.spec.ts runs what `npm pack` publishes.
// - The default rule pack is validated here, at build time, and embedded.
// - FIRE_CHECK_NO_MINIFY=1 keeps names readable for profiling.
import { build, transform } from 'esbuild';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const ENTRY = 'src/cli/main.ts';
const MAX_DIST_BYTES = 1_300_000; // minified; FIRE_CHECK_NO_MINIFY=1 output is larger
const minify = !process.env.FIRE_CHECK_NO_MINIFY;
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// Node's built-in modules, served without their ESM facade. Importing a built-in
// from ESM (`import { readFileSync } from 'node:fs'`) makes Node read every one
// of its exports, which runs lazy getters (fs.promises, the stream classes...)
// and loads much of Node's stream stack: ~17 ms for node:fs alone on this
// machine. process.getBuiltinModule (Node >= 20.16) returns the plain module,
// and each import then reads only the names it uses (unused ones are dropped by
// tree shaking, being marked pure). The same serves `require()` from bundled
// CommonJS (commander, yaml), so no createRequire banner is needed either.
// child_process, which commander loads eagerly but only uses for executable
// subcommands (we have none), is loaded on first use.
const RESERVED = new Set(['default', 'delete', 'new', 'function', 'class', 'const', 'let', 'var', 'import', 'export', 'return', 'in', 'of', 'do', 'if', 'for', 'while', 'switch', 'case', 'this', 'void', 'with', 'yield', 'await', 'enum', 'super', 'typeof', 'instanceof', 'try', 'catch', 'finally', 'throw', 'break', 'continue', 'debugger', 'extends', 'static', 'else', 'null', 'true', 'false']);
const nodeRequire = createRequire(import.meta.url);
const builtins = {
  name: 'builtins-without-facade',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtinModules.includes(name) || args.kind === 'dynamic-import') return undefined;
      return { path: name, namespace: args.kind === 'require-call' ? 'builtin-cjs' : 'builtin-esm' };
    });
    const load = (name) =>
      name === 'child_process'
        ? "let real;\nconst m = new Proxy({}, { get: (_, key) => (real ??= process.getBuiltinModule('node:child_process'))[key] });\n"
        : `const m = process.getBuiltinModule('node:${name}');\n`;
    b.onLoad({ filter: /.*/, namespace: 'builtin-cjs' }, (args) => ({ contents: `${load(args.path)}module.exports = m;\n`, loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-esm' }, (args) => {
      const names = Object.keys(nodeRequire(`node:${args.path}`)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && !RESERVED.has(k));
      const contents = `${load(args.path)}const get = (key) => m[key];\nexport default m;\n` +
        names.map((k) => `export const ${k} = /* @__PURE__ */ get(${JSON.stringify(k)});`).join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Adds `import '<entry>'` to each module loaded by `import()`. esbuild puts a
 * module in the chunk of the set of entries that reach it; with this line every
 * module the entry reaches is reached by every entry, so they all share one chunk.
 * (At run time the entry has always been loaded before any `import()`.)
 */
function oneCoreChunk(lazyEntries) {
  return {
    name: 'one-core-chunk',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        if (!lazyEntries.has(args.path)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
        return { contents: `import ${JSON.stringify(`${root}${ENTRY}`)};\n${source}`, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

// 1. A throwaway bundle of the pack tools, run here to validate and export the default pack.
const tool = `${dist}.pack-tool.mjs`;
await build({ ...common, entryPoints: [`${root}src/cli/build-time.ts`], outfile: tool, plugins: [builtins] });
const { compileBuiltIns } = await import(pathToFileURL(tool).href);
const builtIns = compileBuiltIns(`${root}rules/`);
await rm(tool);
if (!builtIns.ok) {
  console.error(builtIns.problems.join('\n'));
  process.exit(1);
}

// 2. The CLI, split: a first pass (nothing written) finds what is loaded by `import()`.
const { version } = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
const cli = {
  ...common,
  entryPoints: { 'fire-check': `${root}${ENTRY}` },
  outdir: dist,
  splitting: true,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  minify,
  metafile: true,
  define: {
    __FIRE_CHECK_DEFAULT_PACK__: JSON.stringify(JSON.stringify(builtIns.defaultPack)),
    __FIRE_CHECK_DEFAULT_TRANSLATIONS__: JSON.stringify(JSON.stringify(builtIns.translations)),
    __FIRE_CHECK_VERSION__: JSON.stringify(version),
  },
};
const survey = await build({ ...cli, write: false, plugins: [builtins] });
const lazyEntries = new Set();
for (const input of Object.values(survey.metafile.inputs)) {
  for (const to of input.imports) if (to.kind === 'dynamic-import' && !to.external) lazyEntries.add(`${root}${to.path}`);
}
const { metafile } = await build({ ...cli, plugins: [builtins, oneCoreChunk(lazyEntries)] });

/** What the design above promises, checked over esbuild's metafile: a list of problems. */
function checkOutputs(metafile) {
  const problems = [];
  const outputs = new Map(Object.entries(metafile.outputs).map(([path, output]) => [relative(dist, `${root}${path}`), output]));
  const holders = new Map(); // input → the outputs that have some of its code
  for (const [path, output] of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) holders.set(input, [...(holders.get(input) ?? []), path]);
    }
  }
  for (const [input, paths] of holders) if (paths.length > 1) problems.push(`${input} is in ${paths.length} outputs: ${paths.join(', ')}`);
  // zod's ~60 translations of its own messages (~250 KB) come with its z object
  // (import { z } from 'zod'); import * as z takes only what is used. We word every problem ourselves.
  const locales = [...holders.keys()].filter((input) => /zod\/v4\/locales\/(?!en\.js)/.test(input));
  if (locales.length) problems.push(`zod's translations are bundled (${locales.length} files): import zod as \`import * as z from 'zod'\``);
  const hotPath = new Set(['fire-check.js']); // the files that loading the entry loads
  for (const path of hotPath) {
    for (const to of outputs.get(path)?.imports ?? []) if (to.kind === 'import-statement') hotPath.add(relative(dist, `${root}${to.path}`));
  }
  if (!outputs.has('fire-check.js') || hotPath.size > 2) problems.push(`the entry loads ${hotPath.size} files, not itself and one chunk: ${[...hotPath].join(', ')}`);
  return problems;
}

/**
 * Makes the chunk the entry re-exports the entry itself. esbuild writes an entry
 * that other entries reach as a line of re-exports from a shared chunk, and Node
 * must load that line before it asks for the chunk: ~1 ms of a piped assessment
 * (measured with `node scripts/bench.mjs startup`). So the chunk becomes
 * dist/fire-check.js: it exports the entry's names too, the chunks that import it
 * are pointed at its new name, and the line of re-exports is gone.
 */
async function foldEntryIntoChunk(metafile) {
  const facade = await readFile(`${dist}fire-check.js`, 'utf8');
  const line = /^import\s*\{([^}]*)\}\s*from\s*"\.\/([^"/]+)";?\s*export\s*\{([^}]*)\};?\s*$/.exec(facade);
  if (!line) throw new Error(`dist/fire-check.js is not a line of re-exports: ${facade.slice(0, 200)}`);
  const [, imported, chunk, reexported] = line;
  const code = await readFile(`${dist}${chunk}`, 'utf8');
  const tail = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!tail) throw new Error(`${chunk} does not end with its exports`);
  const pairs = (list) => list.split(',').map((item) => item.trim()).filter(Boolean).map((item) => item.split(/\s+as\s+/)).map(([from, to = from]) => [from, to]);
  const chunkLocal = new Map(pairs(tail[1]).map(([local, name]) => [name, local])); // export name → the chunk's own name
  const fromChunk = new Map(pairs(imported).map(([name, local]) => [local, name])); // the facade's name → the chunk's export name
  const exports = pairs(tail[1]).map(([local, name]) => `${local} as ${name}`);
  for (const [facadeLocal, name] of pairs(reexported)) {
    const local = chunkLocal.get(fromChunk.get(facadeLocal));
    if (local === undefined) throw new Error(`${chunk} does not export what dist/fire-check.js exports as ${name}`);
    if (chunkLocal.has(name) && chunkLocal.get(name) !== local) throw new Error(`${chunk} already exports another ${name}`);
    if (!chunkLocal.has(name)) exports.push(`${local} as ${name}`);
  }
  await writeFile(`${dist}fire-check.js`, `${code.slice(0, tail.index)}export{${exports.join(',')}};\n`);
  await rm(`${dist}${chunk}`);
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!output.imports.some((to) => relative(dist, `${root}${to.path}`) === chunk)) continue;
    const file = `${root}${path}`;
    if (file === `${dist}fire-check.js`) continue;
    const text = await readFile(file, 'utf8');
    if (!text.includes(`"./${chunk}"`)) throw new Error(`${path} imports ${chunk}, but not by the name "./${chunk}"`);
    await writeFile(file, text.replaceAll(`"./${chunk}"`, '"./fire-check.js"'));
  }
}

/**
 * Makes every file of dist/ CommonJS (dist/package.json says so), each file
 * turned over by esbuild on its own: `import` becomes require(), `import()`
 * a require() in a promise, `export` module.exports. Node 20 starts its ES
 * module loader only for an ES module, and that loader is not in Node's start-up
 * snapshot, the CommonJS one is: ~3 ms for the first ES module (an empty .mjs
 * file costs that over an empty .cjs one on this machine), and each ES module
 * is then read and linked in promises (a few tenths of a ms a file). CommonJS
 * loads every file synchronously from Node's module cache. The module graph is
 * the one esbuild split: each module still in one file, a class one class.
 */
async function allAsCommonJs() {
  for (const name of await readdir(dist)) {
    if (!name.endsWith('.js')) continue;
    const file = `${dist}${name}`;
    const source = await readFile(file, 'utf8');
    const { code, warnings } = await transform(source, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify,
      supported: { 'dynamic-import': false },
      // Strict, as the ES module it was: esbuild writes no "use strict" when it turns ESM into
      // CommonJS, and its minifier has already assumed strict code (a write to a frozen object
      // throws, `this` in a plain call is undefined, no block-level function leaks out).
      banner: `"use strict";${source.includes('import.meta') ? "var __fireCheckUrl=require('node:url').pathToFileURL(__filename).href;" : ''}`,
      // import.meta.url, where the file is as a file: URL (src/pack/default.ts uses it).
      ...(source.includes('import.meta') ? { define: { 'import.meta.url': '__fireCheckUrl' } } : {}),
    });
    if (warnings.length) throw new Error(`dist/${name} as CommonJS: ${warnings.map((w) => w.text).join('; ')}`);
    await writeFile(file, code);
  }
}

const problems = checkOutputs(metafile);
if (problems.length) {
  console.error(`build: ${problems.join('\n       ')}`);
  process.exit(1);
}
await foldEntryIntoChunk(metafile);
await allAsCommonJs();
await writeFile(`${dist}package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);
// The size as published: what the files hold once made CommonJS.
let total = 0;
for (const name of await readdir(dist)) total += (await stat(`${dist}${name}`)).size;
if (minify && total >= MAX_DIST_BYTES) {
  console.error(`build: dist/ is ${total} bytes, over the ${MAX_DIST_BYTES} allowed`);
  process.exit(1);
}
