import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_DEFAULTS, evidenceSettings, evidenceSettingsProblems } from '../../src/evidence/settings.js';
import { checkPackFile, formatProblem, loadPack } from '../../src/pack/load.js';
import { packFiles } from '../../src/cli/pack-files.js';
import { validatePack } from '../../src/pack/validate.js';
import { defaultPack, rawDefaultPack } from '../helpers/packs.js';

describe('evidence thresholds in the rule pack', () => {
  it('the default pack sets exactly the documented defaults', () => {
    const { sources, ...thresholds } = defaultPack().evidence ?? {};
    expect(thresholds).toEqual(EVIDENCE_DEFAULTS);
    expect(sources).toContain('convention');
  });

  it('a pack without an evidence block gets the defaults; one with some fields keeps the rest', () => {
    expect(evidenceSettings(undefined)).toEqual(EVIDENCE_DEFAULTS);
    expect(evidenceSettings({ graceDays: 0, unpaidWorkDays: 90 })).toEqual({ ...EVIDENCE_DEFAULTS, graceDays: 0, unpaidWorkDays: 90 });
  });

  it('the pays_late cut-offs must rise and stay below 100', () => {
    expect(evidenceSettingsProblems({ paysLate: { rarely: 0, sometimes: 20, often: 50, always: 90 } })).toEqual([]);
    expect(evidenceSettingsProblems({ paysLate: { rarely: 10, sometimes: 10, often: 50, always: 100 } }).map((p) => p.path.join('.'))).toEqual([
      'paysLate.sometimes',
      'paysLate.always',
    ]);
  });

  it('a pack breaking them is refused with the path of the bad number', () => {
    const raw = rawDefaultPack();
    raw.evidence = { paysLate: { rarely: 0, sometimes: 60, often: 50, always: 90 } };
    const result = validatePack(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ path: ['evidence', 'paysLate', 'often'], message: expect.stringMatching(/must be above sometimes \(60\)/) })]);
  });

  it('an unknown field is refused like anywhere else in a pack', () => {
    const raw = rawDefaultPack();
    raw.evidence = { graceDay: 3 };
    const result = validatePack(raw);
    expect(result.ok).toBe(false);
  });

  it('an extending pack changes only the thresholds it lists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fire-check-evidence-'));
    const file = join(dir, 'strict.yaml');
    writeFileSync(file, 'format: 2\nid: strict\nversion: 1.0.0\nextends: default\nevidence:\n  graceDays: 0\n');
    const checked = checkPackFile(file, packFiles());
    if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
    const pack = loadPack(file, packFiles());
    expect(evidenceSettings(pack.evidence)).toEqual({ ...EVIDENCE_DEFAULTS, graceDays: 0 });
  });
});
