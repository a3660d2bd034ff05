// Run by the build only (through src/cli/build-time.ts, which gives it the
// files): validates the shipped pack and its translations, so a broken one
// fails the build instead of a user's run.
import { join } from 'node:path';
import type { Pack } from '../engine/types.js';
import { checkPackFile, checkTranslationFile, formatProblem } from './load.js';
import type { PackTranslation } from './overlay.js';
import type { PackReader } from './reader.js';

export const SHIPPED_TRANSLATIONS = ['it', 'hu', 'th'] as const;

export function compileBuiltIns(
  rulesDir: string,
  reader: PackReader,
): { ok: true; defaultPack: Pack; translations: Record<string, PackTranslation> } | { ok: false; problems: string[] } {
  const result = checkPackFile(join(rulesDir, 'default.yaml'), reader);
  if (!result.ok) return { ok: false, problems: result.problems.map(formatProblem) };
  const translations: Record<string, PackTranslation> = {};
  const problems: string[] = [];
  for (const lang of SHIPPED_TRANSLATIONS) {
    const t = checkTranslationFile(join(rulesDir, `default.${lang}.yaml`), result.pack, reader);
    if (t.ok) translations[lang] = t.translation;
    else problems.push(...t.problems.map(formatProblem));
  }
  return problems.length ? { ok: false, problems } : { ok: true, defaultPack: result.pack, translations };
}
