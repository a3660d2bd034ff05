import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/engine/types.js';
import { progressOf } from '../../src/interview/progress.js';

const q = (id: string, askIf?: Question['askIf']): Question => ({ id, category: 'fit', kind: 'bool', label: id, text: id, weight: 1, sources: [], ...(askIf ? { askIf } : {}) });

// As in the default pack: team_morale is asked only with a team.
const fit = [q('dread'), q('has_team'), q('team_morale', { question: 'has_team', is: 'yes' }), q('no_enthusiasm'), q('unprofitable'), q('misaligned')];

describe('progressOf', () => {
  it.each([
    ['dread', 1, false],
    ['has_team', 2, false],
    ['team_morale', 2, true],
    ['no_enthusiasm', 3, false],
    ['misaligned', 5, false],
  ] as const)('%s is %i of 5 (follow-up: %s)', (id, n, followUp) => {
    expect(progressOf(fit, fit.find((x) => x.id === id)!)).toEqual({ n, total: 5, followUp });
  });

  it('the total is the same at every question, whether the follow-up is asked or not', () => {
    const totals = new Set(fit.map((x) => progressOf(fit, x).total));
    expect([...totals]).toEqual([5]);
  });
});
