// Builds dist/ with esbuild.
//
// Start-up time matters (a piped assessment should cost little more than
// `node -e 0`; see `npm run bench`), so:
// - the CLI entry is ONE file: every module it loads costs resolve, read and
//   compile time, and esbuild's code splitting would scatter the hot path over
//   a dozen shared chunks;
// - every `import()` in the source (inquirer, yaml and zod, text layout, csv,
//   colour) becomes its own self-contained bundle in dist/lazy/, loaded only by
//   the commands that need it. Code they share with the entry is copied into
//   them, which is why errors are recognised by a brand, not `instanceof`;
// - the default rule pack is validated here, at build time, and embedded.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
await rm(dist, { recursive: true, force: true });
await mkdir(`${dist}lazy`, { recursive: true });

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

/** Turns each `import()` into an import of a separately built bundle in dist/lazy/. */
function lazyBundles(register, fromLazyDir) {
  return {
    name: 'lazy-bundles',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || builtinModules.includes(args.path.replace(/^node:/, ''))) return undefined;
        const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: 'import-statement' });
        if (resolved.errors.length) return { errors: resolved.errors };
        const name = register(resolved.path);
        return { path: fromLazyDir ? `./${name}` : `./lazy/${name}`, external: true };
      });
    },
  };
}

const common = {
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

// 2. The CLI and its lazy bundles.
const { version } = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
const define = {
  __FIRE_CHECK_DEFAULT_PACK__: JSON.stringify(JSON.stringify(builtIns.defaultPack)),
  __FIRE_CHECK_DEFAULT_TRANSLATIONS__: JSON.stringify(JSON.stringify(builtIns.translations)),
  __FIRE_CHECK_VERSION__: JSON.stringify(version),
};
const names = new Map(); // source path → bundle file name in dist/lazy/
const queue = [];
const register = (path) => {
  if (!names.has(path)) {
    const stem = basename(path, extname(path)).replace(/^index$/, basename(dirname(path)));
    const hash = createHash('sha256').update(path.slice(root.length)).digest('hex').slice(0, 8);
    names.set(path, `${stem}-${hash}.js`);
    queue.push(path);
  }
  return names.get(path);
};

await build({
  ...common,
  entryPoints: [`${root}src/cli/main.ts`],
  outfile: `${dist}fire-check.js`,
  // FIRE_CHECK_NO_MINIFY=1 keeps names readable for profiling.
  minify: !process.env.FIRE_CHECK_NO_MINIFY,
  define,
  plugins: [builtins, lazyBundles(register, false)],
});
while (queue.length) {
  const path = queue.shift();
  await build({
    ...common,
    entryPoints: [path],
    outfile: `${dist}lazy/${names.get(path)}`,
    minify: !process.env.FIRE_CHECK_NO_MINIFY,
    define,
    plugins: [builtins, lazyBundles(register, true)],
  });
}
await writeFile(`${dist}package.json`, `${JSON.stringify({ type: 'module' })}\n`);
