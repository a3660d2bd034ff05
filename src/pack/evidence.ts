// The meaning check of a pack's `evidence` block (issue 16), beside the other
// checks of a pack: what its schema cannot say on its own.
const LEVELS = ['rarely', 'sometimes', 'often', 'always'] as const;

/** What the check reads of the block: the pays_late cut-offs, a share in % per answer. */
export interface EvidenceSettingsInput {
  paysLate?: Record<(typeof LEVELS)[number], number> | undefined;
}

export interface SettingsProblem {
  /** Path inside the `evidence` block. */
  path: (string | number)[];
  message: string;
}

/**
 * What the schema cannot say on its own: the pays_late cut-offs must rise from
 * rarely to always, and stay below 100 (no share is above 100%).
 */
export function evidenceSettingsProblems(input: EvidenceSettingsInput): SettingsProblem[] {
  const cutOffs = input.paysLate;
  if (!cutOffs) return [];
  const problems: SettingsProblem[] = [];
  const levels = LEVELS;
  levels.forEach((level, i) => {
    const previous = levels[i - 1];
    if (previous !== undefined && !(cutOffs[level] > cutOffs[previous])) {
      problems.push({ path: ['paysLate', level], message: `must be above ${previous} (${cutOffs[previous]}): the cut-offs rise from rarely to always` });
    }
  });
  if (cutOffs.always >= 100) problems.push({ path: ['paysLate', 'always'], message: 'must be below 100: it is the share of late invoices above which the answer is "always"' });
  return problems;
}
