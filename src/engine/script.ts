// The words to use when ending it: talking points for the call, a written
// confirmation, or a written notice where a meeting is unsafe. All wording
// comes from the pack's templates; this only chooses and fills them.
import { effectiveAnswers, ENGLISH_WORDS, templateValues, type EvaluateOptions } from './evaluate.js';
import { vectorOf, type PreparedPack } from './prepare.js';
import { fillTemplate } from './template.js';
import type { AnswerSet, Assessment, Condition, ScriptOutput } from './types.js';

/** Sections for a fire or fire-now verdict; empty for keep and fix (there is nothing to end). */
export function buildScript(p: PreparedPack, input: AnswerSet, assessment: Assessment, options: EvaluateOptions = {}): ScriptOutput[] {
  const script = p.pack.script;
  if (!script || (assessment.verdict !== 'fire' && assessment.verdict !== 'fire-now')) return [];
  const words = options.words ?? ENGLISH_WORDS;
  const byId = p.byId;
  const { answers } = effectiveAnswers(p, input.answers);
  const vector = vectorOf(p, answers);
  const values = templateValues(byId, answers, input.client, assessment.recheckOn, options.today, words, options.letter);
  const fill = (text: string) => fillTemplate(text, values, () => '');
  const fits = (item: { verdicts?: string[] | undefined; when?: Condition | undefined }) =>
    (!item.verdicts || item.verdicts.includes(assessment.verdict)) && (!item.when || p.test(item.when)(vector));

  // Largest reasons first (the assessment's order), each signal's neutral talking point once.
  const points = [...new Set(assessment.reasons.filter((r) => r.type === 'signal').map((r) => byId.get(r.id)?.talkingPoint).filter((t): t is string => Boolean(t)))];
  const reasons = (points.length ? points : [script.fallbackReason]).slice(0, script.maxReasons).map(fill);

  return script.sections.filter(fits).map((section) => ({
    id: section.id,
    title: fill(section.title),
    subject: section.subject ? fill(section.subject) : null,
    parts: section.parts
      .filter(fits)
      .map((part) => ({ id: part.id, text: fill(part.text), items: part.listReasons ? reasons : [], sources: part.sources }))
      // A part made only of what is not known (a signature with no name given) is left out, not left blank.
      .filter((part) => part.text.trim() !== '' || part.items.length > 0),
  }));
}

/** Every text a verdict and its script put in front of a user, for the tone check. */
export function generatedTexts(assessment: Assessment, script: ScriptOutput[]): string[] {
  return [
    ...assessment.reasons.filter((r) => r.type === 'rule').map((r) => r.text),
    ...assessment.steps.map((s) => s.text),
    ...script.flatMap((section) => [section.title, section.subject ?? '', ...section.parts.flatMap((p) => [p.text, ...p.items])]),
  ].filter(Boolean);
}

// Scripts written without spaces between words (Thai, Lao, Khmer, Burmese, CJK),
// where a word can only be found as a substring.
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u4E00-\u9FFF]/u;

/** Words from the pack's tone list found in a text (whole words, any case; substrings in unspaced scripts). */
export function toneViolations(text: string, avoid: string[]): string[] {
  return avoid.filter((phrase) =>
    UNSPACED.test(phrase)
      ? text.includes(phrase)
      : new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}])`, 'iu').test(text),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
