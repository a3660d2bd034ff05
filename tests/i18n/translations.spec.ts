import { prepare } from '../../src/engine/prepare.js';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildScript, generatedTexts, toneViolations } from '../../src/engine/script.js';
import type { Pack } from '../../src/engine/types.js';
import { en, type Messages } from '../../src/i18n/en.js';
import { LANGUAGES, languageFromEnv, messagesFor, resolveLanguage } from '../../src/i18n/index.js';
import { checkTranslationFile, formatProblem, loadTranslation } from '../../src/pack/load.js';
import { localizePack, type PackTranslation } from '../../src/pack/overlay.js';
import { renderText } from '../../src/render/text.js';
import { answersArb } from '../helpers/arbitraries.js';
import { defaultPack, exampleAnswers, fixture, root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const pack = defaultPack();
const SHIPPED = ['it', 'hu', 'th'] as const;
const translations = Object.fromEntries(SHIPPED.map((lang) => [lang, loadTranslation(`${root}rules/default.${lang}.yaml`, pack, packFiles())])) as Record<(typeof SHIPPED)[number], PackTranslation>;

/** Every text of the default pack that a user reads, as [where, english]. */
function packTexts(p: Pack): [string, string][] {
  const out: [string, string][] = [];
  for (const c of p.categories) {
    out.push([`categories.${c.id}.title`, c.title]);
    if (c.gate) out.push([`categories.${c.id}.gate`, c.gate]);
  }
  for (const q of p.questions) for (const f of ['label', 'text', 'help', 'talkingPoint', 'unit'] as const) if (q[f] !== undefined && q[f] !== '%') out.push([`questions.${q.id}.${f}`, q[f] as string]);
  for (const r of p.rules) out.push([`rules.${r.id}`, r.text]);
  for (const s of p.steps) out.push([`steps.${s.id}`, s.text]);
  for (const [v, t] of Object.entries(p.verdicts)) out.push([`verdicts.${v}.title`, t.title], [`verdicts.${v}.summary`, t.summary]);
  out.push(['script.fallbackReason', p.script!.fallbackReason]);
  for (const s of p.script!.sections) {
    out.push([`script.${s.id}.title`, s.title]);
    if (s.subject) out.push([`script.${s.id}.subject`, s.subject]);
    for (const part of s.parts) out.push([`script.${s.id}.${part.id}`, part.text]);
  }
  return out;
}

describe.each(SHIPPED)('the %s translation of the default pack', (lang) => {
  const localized = localizePack(pack, translations[lang]);

  it('translates every text a user reads', () => {
    const english = new Map(packTexts(pack));
    // A text of placeholders alone ("{me}", a signature) has no words to translate.
    const words = (text: string) => text.replace(/\{\w+\}/g, '').trim() !== '';
    const untranslated = packTexts(localized).filter(([where, text]) => text === english.get(where) && words(text)).map(([where]) => where);
    expect(untranslated).toEqual([]);
  });

  it('keeps ids, weights and conditions: only texts change', () => {
    const strip = (p: Pack) => JSON.stringify(p, (key, value) => (['label', 'text', 'help', 'talkingPoint', 'unit', 'title', 'gate', 'summary', 'subject', 'fallbackReason', 'tone'].includes(key) ? undefined : value));
    expect(strip(localized)).toBe(strip(pack));
    expect(evaluate(prepare(localized), exampleAnswers('late-payer')).verdict).toBe(evaluate(prepare(pack), exampleAnswers('late-payer')).verdict);
  });

  it('no generated text uses a word of blame from the tone list, for any answers', () => {
    expect(localized.tone.avoid.length).toBeGreaterThan(pack.tone.avoid.length);
    fc.assert(
      fc.property(answersArb(pack), (answers) => {
        const set = { client: 'Acme', answers };
        const a = evaluate(prepare(localized), set, { today: '2026-11-22' });
        for (const text of generatedTexts(a, buildScript(prepare(localized), set, a, { today: '2026-11-22' }))) expect(toneViolations(text, localized.tone.avoid), text).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('interface strings', () => {
  const leaves = (m: unknown, path = ''): [string, unknown][] =>
    typeof m === 'object' && m !== null && !Array.isArray(m) ? Object.entries(m).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k)) : [[path, m]];

  it.each(SHIPPED)('%s has every interface string, none empty', async (lang) => {
    const m = await messagesFor(lang);
    const mine = new Map(leaves(m));
    for (const [path, value] of leaves(en)) {
      expect(mine.has(path), path).toBe(true);
      const theirs = mine.get(path);
      expect(typeof theirs, path).toBe(typeof value);
      if (typeof theirs === 'string') expect(theirs.trim(), path).not.toBe('');
      if (typeof theirs === 'function') expect(String((theirs as (...a: unknown[]) => unknown)(1, 2, 3)).trim(), path).not.toBe('');
      if (Array.isArray(value)) expect((theirs as unknown[]).length, path).toBe(value.length);
    }
  });

  it.each([
    ['en', 'a.csv: line 3'],
    ['it', 'a.csv: riga 3'],
    ['hu', 'a.csv: 3. sor'],
    ['th', 'a.csv: บรรทัด 3'],
  ] as const)('%s: a line of a file is worded once, as the batch errors place a problem', async (lang, where) => {
    const m = await messagesFor(lang);
    expect(m.errors.fileLine('a.csv', 3)).toBe(where);
    expect(m.batch.atLine('a.csv', 3, 'why')).toBe(`${where}: why`);
  });
});

describe('translation files are checked', () => {
  it('an id the pack does not have, and a placeholder or optional part dropped, are errors with positions', () => {
    const result = checkTranslationFile(fixture('packs', 'bad.it.yaml'), pack, packFiles());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => formatProblem({ ...p, file: 'F' }))).toEqual([
      'F:4:3: questions.pays_lat: the pack has no question "pays_lat" (did you mean "pays_late"?)',
      'F:8:12: steps.recheck: the original has an optional [[ ... ]] part; keep it (or leave it out) in the translation too',
      'F:7:18: steps.read-contract: placeholders differ from the original: expected {client, notice_days}, found {none}',
      'F:7:18: steps.read-contract: the original has an optional [[ ... ]] part; keep it (or leave it out) in the translation too',
    ]);
  });
});

describe('choosing the language', () => {
  it.each([
    [{ LANG: 'it_IT.UTF-8' }, 'it'],
    [{ LANG: 'hu_HU.UTF-8', LC_MESSAGES: 'th_TH.UTF-8' }, 'th'],
    [{ LANG: 'it_IT.UTF-8', LC_MESSAGES: 'hu_HU', LC_ALL: 'th' }, 'th'],
    [{ LC_ALL: '', LANG: 'hu' }, 'hu'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'POSIX' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (env, lang) => {
    expect(languageFromEnv(env)).toBe(lang);
  });

  it('--lang wins over the environment; an unknown code lists the ones there are', () => {
    expect(resolveLanguage('IT', { LANG: 'hu_HU.UTF-8' })).toBe('it');
    expect(() => resolveLanguage('de', {})).toThrow('unknown language "de"; available: en, it, hu, th');
    expect(LANGUAGES).toEqual(['en', 'it', 'hu', 'th']);
  });
});

describe('display width', () => {
  it.each(SHIPPED)('the %s text report fits the terminal width by display width, not string length', async (lang) => {
    const m: Messages = await messagesFor(lang);
    const localized = localizePack(pack, translations[lang]);
    const a = evaluate(prepare(localized), exampleAnswers('abusive-client'), { words: m.words });
    for (const width of [40, 60, 80]) {
      const out = renderText(a, { verdicts: localized.verdicts, messages: m, width });
      for (const line of out.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    }
  });

  it('Thai labels line the score and confidence bars up by display width', async () => {
    const m = await messagesFor('th');
    const localized = localizePack(pack, translations.th);
    const out = renderText(evaluate(prepare(localized), exampleAnswers('late-payer'), { words: m.words }), { verdicts: localized.verdicts, messages: m, width: 80 });
    const [score, confidence] = out.split('\n').filter((l) => l.includes('█') || l.includes('░'));
    const barStart = (line: string) => stringWidth(line.slice(0, line.search(/[█░]/)));
    expect(barStart(score!)).toBe(barStart(confidence!));
  });
});
