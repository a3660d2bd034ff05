import { answersTemplate } from '../answers/parse.js';
import { isHardStop, questionOrder } from '../engine/prepare.js';
import { kindOf } from '../engine/kinds/index.js';
import { FREQ_LEVELS, type Pack, type Question } from '../engine/types.js';
import { escapeData } from '../render/escape.js';
import { padEnd } from '../render/text.js';
import { en } from '../i18n/en.js';
import { formatOf, packFor, styleFor } from './context.js';
import type { Io } from './io.js';
import type { CommonOptions } from './options.js';

export function allowedList(q: Question): string {
  return kindOf(q).list(q);
}

export function questionsJson(pack: Pack) {
  return {
    schemaVersion: 1,
    pack: { id: pack.id, version: pack.version },
    questions: questionOrder(pack).map((q) => ({
      id: q.id,
      category: q.category,
      kind: q.kind,
      ...(q.kind === 'freq' ? { values: [...FREQ_LEVELS] } : {}),
      ...(q.kind === 'bool' ? { values: ['yes', 'no'] } : {}),
      ...(q.kind === 'scale' ? { min: 1, max: 5 } : {}),
      ...(q.kind === 'number' ? { min: q.min ?? null, max: q.max ?? null, unit: q.unit ?? null } : {}),
      context: q.weight === 0,
      weight: q.weight,
      hardStop: isHardStop(q),
      floors: q.floors ?? [],
      text: q.text,
      help: q.help ?? null,
      askIf: q.askIf ?? null,
      sources: q.sources,
    })),
  };
}

export async function listQuestions(options: CommonOptions, io: Io): Promise<number> {
  let pack = await packFor(options, io);
  if (formatOf(options) === 'json') {
    io.writeOut(`${JSON.stringify(questionsJson(pack), null, 2)}\n`);
    return 0;
  }
  // Listed as text: the pack's texts escaped for the terminal (see render/escape.ts).
  pack = escapeData(pack);
  const style = await styleFor(options, io);
  const w = (options.messages ?? en).questions;
  const idWidth = Math.max(...pack.questions.map((q) => q.id.length)) + 2;
  const lines: string[] = [];
  for (const category of pack.categories) {
    const questions = questionOrder(pack).filter((q) => q.category === category.id);
    if (!questions.length) continue;
    lines.push(style.bold(`${category.title} (${category.id})`));
    for (const q of questions) {
      const flags = [q.weight === 0 ? w.context : w.weight(q.weight), isHardStop(q) ? w.hardStop : '', q.askIf ? w.conditional : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${style.cyan(padEnd(q.id, idWidth))}${padEnd(q.kind, 8)}${allowedList(q)}  ${style.dim(`(${flags})`)}`);
      lines.push(`  ${' '.repeat(idWidth)}${q.text}`);
    }
    lines.push('');
  }
  lines.push(style.dim(w.footer));
  io.writeOut(`${lines.join('\n')}\n`);
  return 0;
}

export async function printTemplate(options: CommonOptions, io: Io): Promise<number> {
  const pack = await packFor(options, io);
  io.writeOut(`${JSON.stringify(answersTemplate(questionOrder(pack)), null, 2)}\n`);
  return 0;
}


