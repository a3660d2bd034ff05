// Builds dist/ with esbuild: one module graph, split into chunks, each module in
// exactly one file (issue #13).
//
// - dist/fire-check.js is the entry; every `import()` in the source (commander,
//   inquirer, yaml and zod, text layout, csv, colour, translations) is a chunk in
//   dist/lazy/, loaded only by the commands that need it, and code two chunks
//   share is a chunk of its own, never a copy. So a class is one class wherever
//   it is used (`instanceof` works), and dist/ is half the size it was with a
//   self-contained bundle per `import()` (1.05 MB, was 2.12 MB).
// - Start-up time matters (a piped assessment should cost little more than
//   `node -e 0`; see `npm run bench startup`), and every file Node loads costs
//   resolve, read and compile time. Left alone, esbuild would scatter the hot
//   path over a dozen small chunks, one per set of entries that share a module.
//   So the build makes every lazy entry import the CLI's entry module (a plugin
//   adds the line): then every module the entry loads is shared by all entries
//   alike, and lands in one chunk. Plain scoring reads the entry (a line of
//   re-exports) and that chunk: two files.
// - The build fails if a module is in two outputs, if the entry loads more than
//   those two files, or if dist/ reaches 1.3 MB (it runs these checks over the
//   metafile; tests/package.e2e.spec.ts runs what `npm pack` publishes).
// - The default rule pack is validated here, at build time, and embedded.
// - FIRE_CHECK_NO_MINIFY=1 keeps names readable for profiling.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const ENTRY = 'src/cli/main.ts';
const MAX_DIST_BYTES = 1_300_000;
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
await build({ ...common, entryPoints: [`${root}src/pack/build-time.ts`], outfile: tool, plugins: [builtins] });
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
  chunkNames: 'lazy/[name]-[hash]',
  minify: !process.env.FIRE_CHECK_NO_MINIFY,
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
  const hotPath = new Set(['fire-check.js']); // the files loading the entry loads
  for (const path of hotPath) {
    for (const to of outputs.get(path)?.imports ?? []) if (to.kind === 'import-statement') hotPath.add(relative(dist, `${root}${to.path}`));
  }
  if (!outputs.has('fire-check.js') || hotPath.size > 2) problems.push(`the entry loads ${hotPath.size} files, not 2: ${[...hotPath].join(', ')}`);
  const total = [...outputs.values()].reduce((sum, o) => sum + o.bytes, 0);
  if (total >= MAX_DIST_BYTES) problems.push(`dist/ is ${total} bytes, over the ${MAX_DIST_BYTES} allowed`);
  return problems;
}
const problems = checkOutputs(metafile);
if (problems.length) {
  console.error(`build: ${problems.join('\n       ')}`);
  process.exit(1);
}
await writeFile(`${dist}package.json`, `${JSON.stringify({ type: 'module' })}\n`);
