import { parseAnswers } from '../answers/parse.js';
import { evaluate } from '../engine/evaluate.js';
import { buildScript } from '../engine/script.js';
import { renderScriptJson, renderScriptMarkdown, renderScriptText } from '../render/script.js';
import type { AnswerSet, Assessment, Pack } from '../engine/types.js';
import { FireCheckError } from '../errors.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import { formatOf, packFor, styleFor, terminalWidth } from './context.js';
import { readInput, type Io } from './io.js';
import { EXIT, type CommonOptions } from './main.js';

export interface AssessOptions extends CommonOptions {
  answers?: string;
  client?: string;
  exitCode?: boolean;
  today?: string;
  saveAnswers?: string;
}

export interface Scored {
  pack: Pack;
  set: AnswerSet;
  assessment: Assessment;
  today: string;
}

/** Reads the pack and the answers (file, stdin or interview) and scores them. */
export async function score(options: AssessOptions, io: Io): Promise<Scored> {
  const today = checkDate(options.today) ?? io.today();
  const pack = await packFor(options);
  const set = await answersFor(options, pack, io);
  if (options.client !== undefined) set.client = options.client.trim() || undefined;
  return { pack, set, assessment: evaluate(pack, set, { today }), today };
}

export async function assess(options: AssessOptions, io: Io): Promise<number> {
  const scored = await score(options, io);
  io.stdout.write(render(scored, options, io));
  return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
}

export async function script(options: AssessOptions, io: Io): Promise<number> {
  const { pack, set, assessment, today } = await score(options, io);
  const sections = buildScript(pack, set, assessment, { today });
  const format = formatOf(options);
  io.stdout.write(
    format === 'json'
      ? renderScriptJson(assessment, sections)
      : format === 'markdown'
        ? renderScriptMarkdown(assessment, sections, { verdicts: pack.verdicts })
        : renderScriptText(assessment, sections, { verdicts: pack.verdicts, style: styleFor(options, io), width: terminalWidth(io) }),
  );
  return options.exitCode ? EXIT[assessment.verdict] : EXIT.ok;
}

async function answersFor(options: AssessOptions, pack: Pack, io: Io): Promise<AnswerSet> {
  if (options.answers !== undefined) {
    const { text, source } = await readInput(options.answers, io, 'answers file');
    return { ...parseAnswers(text, pack, source) };
  }
  if (!io.stdin.isTTY) {
    const { text, source } = await readInput('-', io, 'answers');
    if (text.trim() === '') {
      throw new FireCheckError(
        'no answers: stdin is not a terminal and nothing was piped in. Pipe a JSON answers object ' +
          '(`fire-check template` prints one to fill in), pass --answers FILE, or run fire-check in a terminal for the interview.',
      );
    }
    return { ...parseAnswers(text, pack, source) };
  }
  throw new FireCheckError('the interactive interview is not available in this build; pass --answers FILE or pipe JSON answers');
}

export function render({ assessment, pack, set, today }: Scored, options: CommonOptions, io: Io): string {
  switch (formatOf(options)) {
    case 'json':
      return renderJson(assessment);
    case 'markdown':
      return renderMarkdown(assessment, { verdicts: pack.verdicts, script: buildScript(pack, set, assessment, { today }) });
    default:
      return renderText(assessment, { verdicts: pack.verdicts, style: styleFor(options, io), width: terminalWidth(io) });
  }
}

function checkDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new FireCheckError(`--today ${JSON.stringify(date)} is not a date; use YYYY-MM-DD, e.g. 2026-11-22`);
  }
  return date;
}
