import { readFileSync } from 'node:fs';
import { parseAnswers } from '../../src/answers/parse.js';
import { packFor } from '../../src/cli/context.js';
import { letterStyle } from '../../src/cli/letter.js';
import type { Profile } from '../../src/cli/profile.js';
import { evaluate, prepare } from '../../src/engine/evaluate.js';
import { buildScript } from '../../src/engine/script.js';
import type { AnswerSet, Assessment, ScriptOutput } from '../../src/engine/types.js';
import { localFormats } from '../../src/i18n/format.js';
import { messagesFor, type Lang } from '../../src/i18n/index.js';
import { escapeData, escapeLine } from '../../src/render/escape.js';
import type { RenderContext } from '../../src/render/formats.js';

/** The day every golden report is made on. */
export const GOLDEN_DAY = '2026-11-22';

/** The profile the golden letters are written with. */
export const GOLDEN_PROFILE: Record<Lang, Profile> = {
  en: { name: 'Ada Lovelace', currency: 'GBP' },
  it: { name: 'Giulia Verdi', currency: 'EUR' },
  hu: { name: 'Kovács Anna', currency: 'HUF' },
  th: { name: 'สมหญิง ใจดี', currency: 'THB', voice: 'female' },
};

export interface Report {
  assessment: Assessment;
  script: ScriptOutput[];
  /** What `renderAs` in src/cli/assess.ts gives a format people read (no style: plain text). */
  context: RenderContext;
}

/**
 * One client assessed as the CLI does it for `--lang <lang> --today 2026-11-22`:
 * the default pack localized by packFor, the answers read as --answers reads
 * them, the words and Intl formats of the language, and data escaped as at the
 * text edge.
 */
export async function reportFor(lang: Lang, file: string, width = 80): Promise<Report> {
  const m = await messagesFor(lang);
  const pack = await packFor({ lang, format: 'markdown', messages: m });
  const prepared = prepare(pack);
  const set: AnswerSet = parseAnswers(readFileSync(file, 'utf8'), prepared, file, m);
  // Letters as a user with a profile gets them: a name to sign, the currency of the language's country, a voice.
  // A report for people gets the same (its plan's dates and amounts), as the CLI gives it.
  const letter = letterStyle(GOLDEN_PROFILE[lang], lang, m);
  const assessment = evaluate(prepared, set, { today: GOLDEN_DAY, words: m.words, letter });
  const script = buildScript(prepared, set, assessment, { today: GOLDEN_DAY, words: m.words, letter });
  const input = escapeData({ assessment: { ...assessment, client: assessment.client === null ? null : escapeLine(assessment.client) }, verdicts: pack.verdicts, questions: prepared.byId, script, answers: set.answers });
  return {
    assessment: input.assessment,
    script: input.script,
    context: {
      verdicts: input.verdicts,
      questions: input.questions,
      script: input.script,
      messages: m,
      formats: localFormats(lang),
      assessedOn: GOLDEN_DAY,
      answers: input.answers,
      width,
    },
  };
}
