// One register per language, chosen and kept (issue #14). The words said or
// sent to the client (talking points, letters) use the polite form: Italian
// Lei, Hungarian Ön, Thai polite with no gendered speaker yet; the advice to
// the user keeps one informal "you" (Italian tu, Hungarian te, Thai คุณ).
// Each check is a list of forms that must not appear, or must not appear
// together; the last block shows each check catching the bug it is for.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { prepare } from '../../src/engine/prepare.js';
import { buildScript } from '../../src/engine/script.js';
import type { Pack, Verdict } from '../../src/engine/types.js';
import type { Messages } from '../../src/i18n/en.js';
import { messagesFor } from '../../src/i18n/index.js';
import { loadTranslation } from '../../src/pack/load.js';
import { packFiles } from '../../src/cli/pack-files.js';
import { localizePack } from '../../src/pack/overlay.js';
import { defaultPack, exampleAnswers, root } from '../helpers/packs.js';

type Lang = 'it' | 'hu' | 'th';
const SHIPPED: Lang[] = ['it', 'hu', 'th'];
const VERDICTS: Verdict[] = ['keep', 'fix', 'fire', 'fire-now'];
const pack = defaultPack();
const localized = (lang: Lang) => localizePack(pack, loadTranslation(`${root}rules/default.${lang}.yaml`, pack, packFiles()));

/** Whole words (any case), for languages written with spaces. */
const words = (list: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
/** Whole words, case as written: "Vuole" opens a Lei question, "vuole" is the client wanting. */
const exact = (list: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** The ways of saying "you" (Thai: of the speaker saying "I") that each check tells apart. */
const FORMS: Record<Lang, Record<string, RegExp>> = {
  it: {
    tu: words(['tu', 'ti', 'te', 'tuo', 'tua', 'tuoi', 'tue', 'hai', 'sei', 'puoi', 'vuoi', 'devi', 'dedichi']),
    voi: words(['voi', 'vi', 'vostro', 'vostra', 'vostri', 'vostre', 'avete', 'siete', 'potete', 'volete']),
    Lei: exact(['Vuole', 'Desidera', 'Risponda', 'Scelga', 'Lasci', 'lasci vuoto', 'La prego', 'Le chiedo']),
  },
  hu: {
    te: words(['te', 'téged', 'neked', 'veled', 'tőled', 'rólad', 'nálad', 'hozzád', 'rád', 'számodra', 'tiéd', 'szántál', 'szeretnéd']),
    Ön: /(?<!\p{L})Ön(?!ök)\p{L}*/u,
    Önök: /(?<!\p{L})Önök\p{L}*/u,
    // Case as written: "felülírja" is also the option overriding something, "Felülírja?" asks the user.
    'Ön verbs': exact(['Kérjük', 'kérjük', 'válaszoljon', 'rögzíti', 'hagyja üresen', 'Elmenti', 'Felülírja', 'mondhat', 'szíveskedjen']),
  },
  th: {
    // Thai has no spaces between words: forms are substrings. คะ only where no
    // Thai letter follows, so that คะแนน (score) is not the particle.
    male: /ผม|ครับ/u,
    female: /ดิฉัน|ค่ะ|คะ(?![\u0E00-\u0E7F])/u,
  },
};

/** The register forms of `lang` found in a text. */
function formsIn(lang: Lang, text: string): string[] {
  return Object.entries(FORMS[lang]).filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** What the client hears or reads: talking points, the fallback reason, every part and subject of the script. */
function clientTexts(p: Pack): [string, string][] {
  const out: [string, string][] = [];
  for (const q of p.questions) if (q.talkingPoint) out.push([`questions.${q.id}.talkingPoint`, q.talkingPoint]);
  out.push(['script.fallbackReason', p.script!.fallbackReason]);
  for (const s of p.script!.sections) {
    if (s.subject) out.push([`script.${s.id}.subject`, s.subject]);
    for (const part of s.parts) out.push([`script.${s.id}.${part.id}`, part.text]);
  }
  return out;
}

/** What the tool says to the user, from the pack: questions, gates, steps, reasons, verdicts, script titles. */
function userPackTexts(p: Pack): [string, string][] {
  const out: [string, string][] = [];
  for (const c of p.categories) {
    out.push([`categories.${c.id}.title`, c.title]);
    if (c.gate) out.push([`categories.${c.id}.gate`, c.gate]);
  }
  for (const q of p.questions) for (const f of ['label', 'text', 'help'] as const) if (q[f]) out.push([`questions.${q.id}.${f}`, q[f] as string]);
  for (const r of p.rules) out.push([`rules.${r.id}`, r.text]);
  for (const s of p.steps) out.push([`steps.${s.id}`, s.text]);
  for (const [v, t] of Object.entries(p.verdicts)) out.push([`verdicts.${v}.title`, t.title], [`verdicts.${v}.summary`, t.summary]);
  for (const s of p.script!.sections) out.push([`script.${s.id}.title`, s.title]);
  return out;
}

/** What the tool says to the user, from the dictionary: every section but errors, commander and batch. */
function userMessageTexts(m: Messages): [string, string][] {
  const sample = ['«A»', '«B»', '«C»'];
  const leaves = (value: unknown, path: string): [string, string][] => {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') return [[path, String((value as (...a: unknown[]) => unknown)(...sample))]];
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
    if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
    return [];
  };
  const { errors: _errors, commander: _commander, batch: _batch, words: _words, ...mine } = m;
  // Texts about the voice setting name the speaker's forms they offer (ผม/ครับ, ดิฉัน/ค่ะ).
  return leaves(mine, 'messages').filter(([where]) => !/voice/i.test(where));
}

/** [where, forms] for every text that uses a form outside `allowed`. */
function outside(lang: Lang, texts: [string, string][], allowed: readonly string[]): [string, string[]][] {
  return texts.map(([where, text]) => [where, formsIn(lang, text).filter((f) => !allowed.includes(f))] as [string, string[]]).filter(([, found]) => found.length > 0);
}

/**
 * The Hungarian article "a" before a vowel, where it must be "az" ("a el nem
 * végzett"). Not the other way round: "az" before a consonant is also the
 * pronoun "that" ("az már az").
 */
function articleProblems(text: string): string[] {
  return [...text.matchAll(/(?<!\p{L})a [aáeéiíoóöőuúüű]\p{L}*/giu)].map((m) => m[0]);
}

/** Where a `{client}` template cannot take a name or the fallback ("il cliente", "az ügyfél") grammatically. */
const CLIENT_SLOT: Partial<Record<Lang, RegExp>> = {
  // a/di/da/su/in + "il cliente" must merge (al, del, dal, sul, nel): only "con", "per", "tra" or no preposition work.
  it: /(?<!\p{L})(?:a|di|da|su|in)\s+\{client\}/iu,
  // A name takes no case ending in a template, and "Hívd fel (az ügyfél)" is no sentence:
  // the name stands where the nominative fits (subject, "között", "és").
  hu: /\(\{client\}\)|\{client\}\p{L}/u,
};

/** Words the issue found reading wrongly: the job-interview "colloquio" for the call, "reliability" for the verdict's certainty. */
const WRONG_TERMS: Record<Lang, RegExp> = {
  it: /colloquio|affidabilit/iu,
  hu: /munkakör|megbízhatóság|hatókör-kúszás/iu,
  th: /ความมั่นใจ/u,
};

const CLIENT_REGISTER: Record<Lang, string[]> = { it: ['Lei'], hu: ['Ön'], th: [] };
const USER_REGISTER: Record<Lang, string[]> = { it: ['tu', 'voi'], hu: ['te'], th: [] };

describe.each(SHIPPED)('%s: one register, chosen and kept', (lang) => {
  const p = localized(lang);

  it('the words for the client use only the polite form (it: Lei, hu: Ön; th: no gendered speaker until the voice setting)', () => {
    expect(outside(lang, clientTexts(p), CLIENT_REGISTER[lang])).toEqual([]);
  });

  it('the advice to the user keeps one informal "you" (it: tu, hu: te, th: คุณ, the tool never gendered)', async () => {
    const m = await messagesFor(lang);
    // Italian "voi" to the user is "you and the client" ("i vostri disaccordi"): plural, not a register.
    expect(outside(lang, [...userPackTexts(p), ...userMessageTexts(m)], USER_REGISTER[lang])).toEqual([]);
  });

  it('no word the issue found reading wrongly', async () => {
    const m = await messagesFor(lang);
    const all = [...clientTexts(p), ...userPackTexts(p), ...userMessageTexts(m)];
    expect(all.filter(([, text]) => WRONG_TERMS[lang].test(text)).map(([where]) => where)).toEqual([]);
  });

  it('{client} stands where a name and the fallback both read grammatically', () => {
    const slot = CLIENT_SLOT[lang];
    if (!slot) return;
    const templates = [...clientTexts(p), ...userPackTexts(p)].filter(([, text]) => text.includes('{client}'));
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.filter(([, text]) => slot.test(text)).map(([where]) => where)).toEqual([]);
  });

  it('no English verdict id inside a sentence', async () => {
    const m = await messagesFor(lang);
    for (const v of VERDICTS) {
      const id = new RegExp(`(?<![\\w-])${v}(?![\\w-])`);
      expect(m.script.noScript(v), v).not.toMatch(id);
    }
  });

  it('a whole script (call, letters, reasons) is in one register', async () => {
    const m = await messagesFor(lang);
    const prepared = prepare(p);
    for (const name of ['late-payer', 'abusive-client', 'agency-client']) {
      const set = exampleAnswers(name);
      const forced = { ...set, answers: { ...set.answers, raised_issue: true, pays_late: 'always' as const } };
      for (const answers of [set, forced]) {
        const a = evaluate(prepared, answers, { today: '2026-11-22', words: m.words });
        const text = buildScript(prepared, answers, a, { today: '2026-11-22', words: m.words })
          .flatMap((s) => [s.subject ?? '', ...s.parts.flatMap((part) => [part.text, ...part.items])])
          .join('\n');
        expect(formsIn(lang, text).filter((f) => !CLIENT_REGISTER[lang].includes(f)), `${name}: ${text}`).toEqual([]);
      }
    }
  });
});

describe('hu: the article agrees with the word after it', () => {
  it('"az", never "a", before a vowel, in every Hungarian text', async () => {
    const p = localized('hu');
    const m = await messagesFor('hu');
    const found = [...clientTexts(p), ...userPackTexts(p), ...userMessageTexts(m)].flatMap(([where, text]) => articleProblems(text).map((bad) => `${where}: ${bad}`));
    expect(found).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  it.each([
    ['it', 'Grazie per il tempo che mi dedichi. Il mio ultimo giorno sui vostri progetti sarà il 22 dicembre.', ['tu', 'voi']],
    ['it', 'Le scrivo per comunicarle che concludo la nostra collaborazione.', []],
    ['it', 'Vuole salvare queste risposte? (lasci vuoto per saltare)', ['Lei']],
    ['hu', 'Az utolsó munkanapom az Önök projektjein december 22. lesz.', ['Önök']],
    ['hu', 'Köszönöm, hogy időt szántál rám; az Ön projektjein dolgoztam.', ['te', 'Ön']],
    ['hu', 'Kérjük, válaszoljon így: igen vagy nem.', ['Ön verbs']],
    ['th', 'ขอบคุณที่สละเวลานะครับ ผมอยากคุยเรื่องงาน', ['male']],
    ['th', 'ขอบคุณค่ะ ผมขอแจ้งว่า', ['male', 'female']],
    ['th', 'คะแนนของงานนี้ดี', []],
  ] as const)('%s: %s → %j', (lang, text, forms) => {
    expect(formsIn(lang, text)).toEqual(forms);
  });

  it('Thai male and female forms mixed in one text are found together', () => {
    const mixed = (text: string) => formsIn('th', text).length > 1;
    expect(mixed('ผมจะส่งมอบไฟล์ค่ะ')).toBe(true);
    expect(mixed('ดิฉันจะส่งมอบไฟล์ค่ะ')).toBe(false);
    expect(mixed('จะส่งมอบไฟล์และสิทธิ์เข้าถึงของคุณ')).toBe(false);
  });

  it('Hungarian: "a el nem végzett" is found; "az el nem végzett", "a munka", "a(z) fájl" and the pronoun in "az már az" are not', () => {
    expect(articleProblems('visszatérítés a el nem végzett munkáért, a Önhöz tartozó fájl')).toEqual(['a el', 'a Önhöz']);
    expect(articleProblems('visszatérítés az el nem végzett munkáért, a munka, a(z) fájl; ha támad, az már az')).toEqual([]);
  });

  it('a {client} the language cannot place is found', () => {
    expect(CLIENT_SLOT.it!.test("Di' a {client} chiaramente")).toBe(true);
    expect(CLIENT_SLOT.it!.test('Parla chiaro con {client}')).toBe(false);
    expect(CLIENT_SLOT.hu!.test('Hívd fel ({client}) vagy találkozzatok')).toBe(true);
    expect(CLIENT_SLOT.hu!.test('{client}nak')).toBe(true);
    expect(CLIENT_SLOT.hu!.test('a közted és {client} között érvényes szerződést')).toBe(false);
  });
});
