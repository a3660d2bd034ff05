// Problem codes: one list (the keys of the English templates, and the few
// English-only pack codes), each used, each documented, each in every language.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { LANGUAGES, messagesFor } from '../../src/i18n/index.js';

const root = new URL('../../', import.meta.url).pathname;
// Pack problems are listed with the rule-pack docs (their table, src/pack/codes.ts, is checked
// against them in tests/pack/codes.spec.ts); every other code in problems.md.
const problemsDoc = readFileSync(join(root, 'docs/problems.md'), 'utf8');
const docs = problemsDoc + readFileSync(join(root, 'docs/rule-packs.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const code = sources(join(root, 'src')).filter((f) => !/\/i18n\/(en|it|hu|th)\.ts$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');

/** Codes the source gives errors: `problem(m, 'x/y'`, `say(m, 'x/y'`, `new FireCheckError('x/y'`, `code: 'x/y'`. */
const used = new Set([...code.matchAll(/(?:problem|say)\([^,]+, '([a-z]+\/[a-z0-9-]+)'|FireCheckError\('([a-z]+\/[a-z0-9-]+)'|code: '([a-z]+\/[a-z0-9-]+)'|\? '([a-z]+\/[a-z0-9-]+)' : '([a-z]+\/[a-z0-9-]+)'/g)].flatMap((m) => m.slice(1).filter(Boolean) as string[]));

describe('problem codes', () => {
  const templates = Object.keys(en.problems);

  it.each(templates)('%s is used by the source and documented', (c) => {
    expect(used.has(c), `${c} is never given to an error`).toBe(true);
    expect(docs).toContain(`\`${c}\``);
  });

  it('every code the source gives is documented', () => {
    for (const c of used) expect(docs, c).toContain(`\`${c}\``);
  });

  it('every code in the docs exists', () => {
    const documented = [...problemsDoc.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \|/gm)].map((m) => m[1] as string);
    for (const c of documented) expect(used.has(c) || templates.includes(c), c).toBe(true);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has words for every code, its own', async (lang) => {
    const m = await messagesFor(lang);
    expect(Object.keys(m.problems).sort()).toEqual([...templates].sort());
    const translated = templates.filter((c) => String(m.problems[c as keyof typeof m.problems]) !== String(en.problems[c as keyof typeof en.problems]));
    expect(translated.length).toBe(templates.length);
  });
});
