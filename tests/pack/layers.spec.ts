import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { root } from '../helpers/packs.js';

// src/pack/ reads files only through the reader it is given, words its problems
// for pack authors (not in the UI's languages), and checks a pack without
// running the engine: of the engine, it uses only pure helpers and types.
const ALLOWED = /^(\.\/|\.\.\/errors\.js$|\.\.\/engine\/(types|pack-facts|template|kinds\/index)\.js$|yaml$|zod$|node:(path|url)$)/;

it('src/pack/ imports no file access, no UI strings and none of the engine but its pure helpers', () => {
  const dir = `${root}src/pack/`;
  const imports = readdirSync(dir).flatMap((file) =>
    [...readFileSync(dir + file, 'utf8').matchAll(/^(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)].map((m) => `${file}: ${m[1] ?? m[2] ?? m[3]}`),
  );
  expect(imports.length).toBeGreaterThan(10);
  expect(imports.filter((line) => !ALLOWED.test(line.split(': ')[1] as string))).toEqual([]);
});
