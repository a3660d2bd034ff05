// Layers point one way (see ../shared/STYLE.md and issue #13): checked over the
// source's imports, so that a shortcut across layers fails here, not in review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The modules a file imports at run time (`import type` is erased, and left out). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/gm)].map((m) => (m[1] ?? m[2]) as string);
}

/** `../engine/types.js` from src/pack/x.ts → `engine/types.js`; packages and built-ins as they are. */
function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(src, join(file, '..', spec)) : spec;
}

const layer = (dir: string) => files(join(src, dir)).map((file) => ({ file: relative(src, file), imports: runtimeImports(file).map((s) => resolved(file, s)) }));

describe('layers', () => {
  it.each([
    // The engine is pure: no I/O, no terminal, no front end; its only outside data is the English words.
    ['engine', /^(cli|render|interview|answers|pack\/(?!schema)|node:|chalk|@inquirer|commander|yaml|zod)/],
    // Words in every language, and nothing that runs the engine.
    ['i18n', /^(engine|cli|render|interview|answers|pack|node:)/],
    // Renderers return text: no files, no process, no front end.
    ['render', /^(cli|interview|node:(fs|child_process|process))/],
    // Answers are checked against a pack, not read from files.
    ['answers', /^(cli|render|interview|node:fs)/],
  ])('%s imports nothing matching %s', (dir, forbidden) => {
    for (const { file, imports } of layer(dir)) {
      for (const target of imports) expect(forbidden.test(target), `${file} imports ${target}`).toBe(false);
    }
  });

  it('only cli touches the process: no process.exit outside cli/io.ts, no process.env outside cli', () => {
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8');
      const name = relative(src, file);
      if (!name.startsWith('cli/')) expect(/process\.(env|exit|stdout|stdin)\b/.test(text.replace(/\/\/.*$/gm, '')), name).toBe(false);
    }
  });
});
