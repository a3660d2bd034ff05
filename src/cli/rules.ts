import { stringify } from 'yaml';
import * as z from 'zod';
import { checkPackFile, formatProblem } from '../pack/load.js';
import { PackFileSchema } from '../pack/schema.js';
import { escapeLine } from '../render/escape.js';
import { formatOf, packFor, styleFor } from './context.js';
import type { Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';
import { packFiles } from './pack-files.js';

/** The JSON Schema of a pack file, generated from the zod schema (whole packs and extending packs). */
export function rulePackJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PackFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'fire-check rule pack' };
}

export async function validateRules(files: string[], options: CommonOptions, io: Io): Promise<number> {
  const reader = packFiles();
  const results = files.map((file) => ({ file, result: checkPackFile(file, reader) }));
  const failed = results.some(({ result }) => !result.ok);
  if (formatOf(options) === 'json') {
    const data = {
      schemaVersion: 1,
      ok: !failed,
      files: results.map(({ file, result }) =>
        result.ok
          ? { file, ok: true, id: result.pack.id, version: result.pack.version, questions: result.pack.questions.length, rules: result.pack.rules.length, steps: result.pack.steps.length, problems: [] }
          : { file, ok: false, problems: result.problems.map(({ code, file, line, column, path, message }) => ({ code, file, line, column, path, message })) },
      ),
    };
    io.writeOut(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    const style = await styleFor(options, io);
    for (const { file, result } of results) {
      if (result.ok) {
        const p = result.pack;
        const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        io.writeOut(`${style.green('ok:')} ${escapeLine(file)} (${count(p.questions.length, 'question')}, ${count(p.rules.length, 'rule')}, ${count(p.steps.length, 'step')})\n`);
      } else {
        // A problem quotes the file's own text: escaped, like all data shown as text (see render/escape.ts).
        for (const problem of result.problems) io.writeOut(`${escapeLine(formatProblem(problem))} [${problem.code}]\n`);
      }
    }
  }
  return failed ? EXIT.usage : EXIT.ok;
}

export async function printSchema(_options: CommonOptions, io: Io): Promise<number> {
  io.writeOut(`${JSON.stringify(rulePackJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

export async function showRules(file: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  const pack = await packFor(file === undefined ? options : { ...options, rules: file }, io);
  io.writeOut(formatOf(options) === 'json' ? `${JSON.stringify(pack, null, 2)}\n` : stringify(pack, { lineWidth: 0 }));
  return EXIT.ok;
}
