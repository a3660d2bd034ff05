// Run by scripts/build.mjs only: validates the shipped packs so a broken
// default pack fails the build instead of a user's run.
import { join } from 'node:path';
import type { Pack } from '../engine/types.js';
import { checkPackFile, formatProblem } from './load.js';

export function compileBuiltIns(rulesDir: string): { ok: true; defaultPack: Pack } | { ok: false; problems: string[] } {
  const result = checkPackFile(join(rulesDir, 'default.yaml'));
  if (!result.ok) return { ok: false, problems: result.problems.map(formatProblem) };
  return { ok: true, defaultPack: result.pack };
}
