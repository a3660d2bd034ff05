// Translations of a rule pack: overlay files such as rules/default.it.yaml,
// keyed by id, so a pack author translates a pack without touching code.
import type { Pack, Verdict } from '../engine/types.js';
import { placeholders, VOICE_NAMES } from '../engine/template.js';
import { didYouMean } from '../errors.js';
import type { PackProblem } from './validate.js';

type Texts<K extends string> = Partial<Record<K, string>>;

export interface PackTranslation {
  format: 1;
  lang: string;
  pack?: string;
  categories?: Record<string, Texts<'title' | 'gate'>>;
  questions?: Record<string, Texts<'label' | 'text' | 'help' | 'talkingPoint' | 'unit'>>;
  rules?: Record<string, string>;
  steps?: Record<string, string>;
  verdicts?: Partial<Record<Verdict, Texts<'title' | 'summary'>>>;
  script?: {
    fallbackReason?: string;
    sections?: Record<string, Texts<'title' | 'subject'> & { parts?: Record<string, string> }>;
  };
  tone?: { avoid: string[] };
}

/**
 * The pack with the overlay's texts in place of its own. With `reference` (the
 * pack the overlay was written for, e.g. the default pack under a pack that
 * extends it), a text is replaced only where the pack still has the reference's
 * own text: what a pack author changed stays as they wrote it.
 */
export function localizePack(pack: Pack, translation: PackTranslation, reference: Pack = pack): Pack {
  const same = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id);
  const pick = (current: string | undefined, original: string | undefined, translated: string | undefined) =>
    translated !== undefined && current !== undefined && current === original ? translated : current;

  return {
    ...pack,
    tone: { avoid: [...new Set([...pack.tone.avoid, ...(translation.tone?.avoid ?? [])])] },
    categories: pack.categories.map((c) => {
      const t = translation.categories?.[c.id];
      const r = same(reference.categories, c.id);
      return t && r ? { ...c, title: pick(c.title, r.title, t.title) as string, ...(c.gate ? { gate: pick(c.gate, r.gate, t.gate) as string } : {}) } : c;
    }),
    questions: pack.questions.map((q) => {
      const t = translation.questions?.[q.id];
      const r = same(reference.questions, q.id);
      if (!t || !r) return q;
      const out = { ...q, label: pick(q.label, r.label, t.label) as string, text: pick(q.text, r.text, t.text) as string };
      if (q.help !== undefined) out.help = pick(q.help, r.help, t.help) as string;
      if (q.talkingPoint !== undefined) out.talkingPoint = pick(q.talkingPoint, r.talkingPoint, t.talkingPoint) as string;
      if (q.unit !== undefined) out.unit = pick(q.unit, r.unit, t.unit) as string;
      return out;
    }),
    rules: pack.rules.map((rule) => ({ ...rule, text: pick(rule.text, same(reference.rules, rule.id)?.text, translation.rules?.[rule.id]) as string })),
    steps: pack.steps.map((step) => ({ ...step, text: pick(step.text, same(reference.steps, step.id)?.text, translation.steps?.[step.id]) as string })),
    verdicts: Object.fromEntries(
      (Object.keys(pack.verdicts) as Verdict[]).map((v) => {
        const t = translation.verdicts?.[v];
        const own = pack.verdicts[v];
        const r = reference.verdicts[v];
        return [v, { title: pick(own.title, r.title, t?.title) as string, summary: pick(own.summary, r.summary, t?.summary) as string }];
      }),
    ) as Pack['verdicts'],
    ...(pack.script
      ? {
          script: {
            ...pack.script,
            fallbackReason: pick(pack.script.fallbackReason, reference.script?.fallbackReason, translation.script?.fallbackReason) as string,
            sections: pack.script.sections.map((section) => {
              const t = translation.script?.sections?.[section.id];
              const r = reference.script?.sections.find((s) => s.id === section.id);
              if (!t || !r) return section;
              return {
                ...section,
                title: pick(section.title, r.title, t.title) as string,
                ...(section.subject ? { subject: pick(section.subject, r.subject, t.subject) as string } : {}),
                parts: section.parts.map((part) => ({ ...part, text: pick(part.text, r.parts.find((p) => p.id === part.id)?.text, t.parts?.[part.id]) as string })),
              };
            }),
          },
        }
      : {}),
  };
}

/**
 * What in an overlay does not fit its pack: ids the pack does not have, and
 * translations whose placeholders differ from the text they translate (a
 * dropped `{client}` or `[[ ]]` would silently lose information).
 */
export function overlayProblems(pack: Pack, translation: PackTranslation): PackProblem[] {
  const problems: PackProblem[] = [];
  const check = (path: (string | number)[], original: string | undefined, translated: string | undefined) => {
    if (translated === undefined) return;
    if (original === undefined) {
      problems.push({ code: 'pack/translation-no-text', path, message: 'the pack has no such text to translate' });
      return;
    }
    const want = [...new Set(placeholders(original))].sort().join(', ');
    const got = [...new Set(placeholders(translated))].filter((n) => !(VOICE_NAMES as readonly string[]).includes(n)).sort().join(', ');
    if (want !== got) problems.push({ code: 'pack/translation-placeholders', path, message: `placeholders differ from the original: expected {${want || 'none'}}, found {${got || 'none'}}` });
    if (original.includes('[[') !== translated.includes('[[')) problems.push({ code: 'pack/translation-optional-part', path, message: 'the original has an optional [[ ... ]] part; keep it (or leave it out) in the translation too' });
  };
  const unknown = (list: string, ids: string[], known: Iterable<string>) =>
    ids.forEach((id) => {
      const all = [...known];
      if (!all.includes(id)) problems.push({ code: 'pack/translation-unknown-id', path: [list, id], atKey: true, message: `the pack has no ${list.replace(/s$/, '')} "${id}"${didYouMean(id, all)}` });
    });

  unknown('categories', Object.keys(translation.categories ?? {}), pack.categories.map((c) => c.id));
  unknown('questions', Object.keys(translation.questions ?? {}), pack.questions.map((q) => q.id));
  unknown('rules', Object.keys(translation.rules ?? {}), pack.rules.map((r) => r.id));
  unknown('steps', Object.keys(translation.steps ?? {}), pack.steps.map((s) => s.id));
  for (const c of pack.categories) {
    const t = translation.categories?.[c.id];
    if (t) (['title', 'gate'] as const).forEach((f) => check(['categories', c.id, f], c[f], t[f]));
  }
  for (const q of pack.questions) {
    const t = translation.questions?.[q.id];
    if (t) (['label', 'text', 'help', 'talkingPoint', 'unit'] as const).forEach((f) => check(['questions', q.id, f], q[f], t[f]));
  }
  for (const r of pack.rules) check(['rules', r.id], r.text, translation.rules?.[r.id]);
  for (const s of pack.steps) check(['steps', s.id], s.text, translation.steps?.[s.id]);
  for (const v of Object.keys(translation.verdicts ?? {}) as Verdict[]) {
    (['title', 'summary'] as const).forEach((f) => check(['verdicts', v, f], pack.verdicts[v][f], translation.verdicts?.[v]?.[f]));
  }
  if (translation.script) {
    check(['script', 'fallbackReason'], pack.script?.fallbackReason, translation.script.fallbackReason);
    for (const [id, t] of Object.entries(translation.script.sections ?? {})) {
      const section = pack.script?.sections.find((s) => s.id === id);
      if (!section) {
        problems.push({ code: 'pack/translation-unknown-id', path: ['script', 'sections', id], atKey: true, message: `the pack's script has no section "${id}"` });
        continue;
      }
      check(['script', 'sections', id, 'title'], section.title, t.title);
      check(['script', 'sections', id, 'subject'], section.subject, t.subject);
      for (const [partId, text] of Object.entries(t.parts ?? {})) check(['script', 'sections', id, 'parts', partId], section.parts.find((p) => p.id === partId)?.text, text);
    }
  }
  return problems;
}
