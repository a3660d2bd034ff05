import { prepare } from '../../src/engine/prepare.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildScript, generatedTexts, toneViolations } from '../../src/engine/script.js';
import type { AnswerValue } from '../../src/engine/types.js';
import { checkPackSource } from '../../src/pack/load.js';
import { answersArb } from '../helpers/arbitraries.js';
import { defaultPack, root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const pack = defaultPack();

const answers = answersArb(pack);

describe('tone check', () => {
  it('finds whole words and phrases, in any case', () => {
    expect(toneViolations('You ALWAYS pay late', ['always'])).toEqual(['always']);
    expect(toneViolations('It was your fault.', ['your fault'])).toEqual(['your fault']);
    expect(toneViolations('Nevertheless, thanks', ['never'])).toEqual([]);
  });

  it('the default pack has a tone list', () => {
    expect(pack.tone.avoid).toEqual(expect.arrayContaining(['always', 'never', 'your fault', 'unprofessional']));
  });

  it('no generated text (steps, rule reasons, script) uses a word from the tone list, for any answers', () => {
    fc.assert(
      fc.property(answers, fc.option(fc.constantFrom('Acme', 'Lakeview Bakery'), { nil: undefined }), (answers, client) => {
        const set = client === undefined ? { answers } : { client, answers };
        const assessment = evaluate(prepare(pack), set, { today: '2026-11-22' });
        const texts = generatedTexts(assessment, buildScript(prepare(pack), set, assessment, { today: '2026-11-22' }));
        for (const text of texts) expect(toneViolations(text, pack.tone.avoid), text).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a user pack can extend the list, and the check then catches the new word', () => {
    const source = `format: 2\nextends: ${root}rules/default.yaml\nid: strict-tone\nversion: 0.1.0\ntone:\n  avoid: [schedule]\n`;
    const result = checkPackSource(source, `${root}tests/fixtures/packs/strict-tone.yaml`, packFiles());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.tone.avoid).toEqual([...pack.tone.avoid, 'schedule']);
    const set = { answers: { pays_late: 'always', unpaid_work: true, dread: 'always', unprofitable: true } as Record<string, AnswerValue> };
    const assessment = evaluate(prepare(result.pack), set);
    const found = generatedTexts(assessment, buildScript(prepare(result.pack), set, assessment)).flatMap((t) => toneViolations(t, result.pack.tone.avoid));
    expect(found).toContain('schedule');
  });
});
