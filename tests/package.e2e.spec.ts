// Issue 13: what `npm pack` publishes runs on its own. Everything it loads is
// bundled into dist/, so the package needs no dependency installed beside it
// (package.json lists none), and dist/ stays under 1.3 MB. The build itself
// fails if a module is in two files of dist/ (see scripts/build.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers/packs.js';

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies?: Record<string, string> };
const late = readFileSync(`${root}examples/late-payer.json`, 'utf8');
let unpacked: string;

/** The files `npm pack` would publish, copied to a folder with no node_modules above it. */
function copyPublishedFiles(): string {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  const [{ files }] = JSON.parse(pack.stdout) as [{ files: { path: string }[] }];
  const dir = mkdtempSync(join(tmpdir(), 'fire-check-package-'));
  for (const { path } of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(root, path), join(dir, path));
  }
  return dir;
}

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return spawnSync(process.execPath, [join(unpacked, 'bin/fire-check.cjs'), ...args], {
    cwd: unpacked,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name)).filter((path) => statSync(path).isFile());
}

beforeAll(() => {
  unpacked = copyPublishedFiles();
});

describe('the published package', () => {
  it('lists no runtime dependencies: everything it loads is bundled', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('keeps dist/ under 1.3 MB', () => {
    const bytes = filesUnder(`${root}dist`).reduce((sum, path) => sum + statSync(path).size, 0);
    expect(bytes).toBeLessThan(1_300_000);
  });

  it('runs every file of dist/ in strict mode, as the ES modules it was made from ran', () => {
    // esbuild writes no "use strict" when it turns ESM into CommonJS: without it a write to a
    // frozen assessment would be dropped silently where the source (and its tests) throw.
    const sloppy = filesUnder(`${root}dist`).filter((path) => path.endsWith('.js') && !readFileSync(path, 'utf8').startsWith('"use strict";'));
    expect(sloppy.map((path) => path.slice(root.length))).toEqual([]);
  });

  it('defines FireCheckError in one file of dist/, so that instanceof holds across chunks', () => {
    const defining = filesUnder(`${root}dist`).filter((path) => readFileSync(path, 'utf8').includes('"FireCheckError"'));
    expect(defining.map((path) => path.slice(root.length))).toEqual(['dist/fire-check.js']);
  });

  it('loads every file of dist/ with no node_modules to find', () => {
    const urls = filesUnder(join(unpacked, 'dist')).filter((path) => /\.c?js$/.test(path)).map((path) => pathToFileURL(path).href);
    expect(urls.length).toBeGreaterThan(1);
    const script = `for (const url of ${JSON.stringify(urls)}) await import(url);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: unpacked, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    ['a piped assessment', ['--format', 'json'], late, /"verdict": "fix"/],
    ['commander', ['--help'], '', /^Usage: fire-check/],
    ['yaml and zod', ['rules', 'validate', `${root}examples/agency-strict.yaml`], '', /^ok: /],
    ['csv and the ranked table', ['batch', `${root}examples/clients.csv`, '--format', 'table'], '', /Northwind Holdings/],
    ['colour', ['--answers', `${root}examples/late-payer.json`, '--color'], '', /\u001B\[1m/],
  ])('runs from its own files: %s', (_, args, input, output) => {
    const result = run(args, { input });
    expect(result.stderr).not.toMatch(/fire-check:/);
    expect(result.stdout).toMatch(output);
    expect(result.status).toBe(0);
  });

  it('says what to do when dist/ is missing, in one line, exit 1', () => {
    const bare = mkdtempSync(join(tmpdir(), 'fire-check-unbuilt-'));
    mkdirSync(join(bare, 'bin'));
    copyFileSync(join(unpacked, 'bin/fire-check.cjs'), join(bare, 'bin/fire-check.cjs'));
    copyFileSync(join(unpacked, 'package.json'), join(bare, 'package.json'));
    const result = spawnSync(process.execPath, [join(bare, 'bin/fire-check.cjs')], { cwd: bare, input: late, encoding: 'utf8' });
    expect(result.stderr).toBe('fire-check: not built yet (dist/ is missing). Run `npm run build` first.\n');
    expect(result.status).toBe(1);
  });

  it('runs from its own files: a translation', () => {
    const [english, italian] = ['en', 'it'].map((lang) => run(['--lang', lang, '--answers', `${root}examples/late-payer.json`]));
    expect(italian?.status).toBe(0);
    expect(italian?.stderr).toBe('');
    expect(italian?.stdout).not.toBe(english?.stdout);
  });
});
