import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseAnswers } from '../../src/answers/parse.js';
import { prepare, type PreparedPack } from '../../src/engine/prepare.js';
import type { AnswerSet, Pack } from '../../src/engine/types.js';
import { DEFAULT_PACK_PATH } from '../../src/pack/default.js';
import { loadPack } from '../../src/pack/load.js';
import { packFiles } from '../../src/cli/pack-files.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (...parts: string[]) => fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));

let cached: Pack | undefined;
export function defaultPack(): Pack {
  cached ??= loadPack(DEFAULT_PACK_PATH, packFiles());
  return cached;
}

let prepared: PreparedPack | undefined;
/** The default pack, prepared for scoring once for all tests. */
export function preparedDefault(): PreparedPack {
  prepared ??= prepare(defaultPack());
  return prepared;
}

/** The default pack as raw data, for tests that break one field and validate again. */
export function rawDefaultPack(): Record<string, unknown> {
  return parse(readFileSync(DEFAULT_PACK_PATH, 'utf8')) as Record<string, unknown>;
}

/** An example answers file, read the way the CLI reads it (values normalised and checked). */
export function exampleAnswers(name: string): AnswerSet {
  const file = `${root}examples/${name}.json`;
  return parseAnswers(readFileSync(file, 'utf8'), preparedDefault(), file);
}
