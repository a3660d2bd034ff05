import { describe, expect, it } from 'vitest';
import { answerVector, holds, slotsOf } from '../../src/engine/conditions.js';
import type { Answers, Condition, Question } from '../../src/engine/types.js';

const question = (id: string, kind: Question['kind']): Question => ({ id, kind, category: 'c', label: id, text: id, weight: 1, sources: ['test'] });
const questions = new Map<string, Question>([
  ['f', question('f', 'freq')],
  ['b', question('b', 'bool')],
  ['s', question('s', 'scale')],
  ['n', question('n', 'number')],
]);

// [condition, answers, expected]: every operator on every kind, and no answer never matching.
const table: [Condition, Answers, boolean][] = [
  [{ question: 'f', atLeast: 'often' }, { f: 'often' }, true],
  [{ question: 'f', atLeast: 'often' }, { f: 'always' }, true],
  [{ question: 'f', atLeast: 'often' }, { f: 'sometimes' }, false],
  [{ question: 'f', atLeast: 'often' }, { f: null }, false],
  [{ question: 'f', atLeast: 'often' }, {}, false],
  [{ question: 'f', atMost: 'rarely' }, { f: 'never' }, true],
  [{ question: 'f', atMost: 'rarely' }, { f: 'sometimes' }, false],
  [{ question: 'f', is: 'sometimes' }, { f: 'sometimes' }, true],
  [{ question: 'f', is: ['never', 'always'] }, { f: 'always' }, true],
  [{ question: 'f', is: ['never', 'always'] }, { f: 'often' }, false],
  [{ question: 'f', atLeast: 3 }, { f: 'always' }, false],
  [{ question: 'b', is: true }, { b: true }, true],
  [{ question: 'b', is: true }, { b: false }, false],
  [{ question: 'b', is: 'yes' }, { b: true }, true],
  [{ question: 'b', is: false }, { b: false }, true],
  [{ question: 'b', is: false }, {}, false],
  [{ question: 's', atLeast: 4 }, { s: 4 }, true],
  [{ question: 's', atLeast: 4 }, { s: 3 }, false],
  [{ question: 's', atMost: 2 }, { s: 2 }, true],
  [{ question: 's', atMost: 2 }, { s: 3 }, false],
  [{ question: 's', is: [1, 5] }, { s: 5 }, true],
  [{ question: 'n', above: 10 }, { n: 11 }, true],
  [{ question: 'n', above: 10 }, { n: 10 }, false],
  [{ question: 'n', below: 10 }, { n: 9.5 }, true],
  [{ question: 'n', below: 10 }, { n: 10 }, false],
  [{ question: 'n', below: 10 }, { n: null }, false],
  [{ question: 'n', atLeast: 0 }, { n: 0 }, true],
  [{ question: 'n', atMost: 0 }, { n: 1 }, false],
  [{ question: 'n', answered: true }, { n: 0 }, true],
  [{ question: 'n', answered: true }, { n: null }, false],
  [{ question: 'n', answered: false }, {}, true],
  [{ question: 'unknown', answered: false }, {}, false],
  [{ all: [{ question: 'b', is: true }, { question: 'f', atLeast: 'often' }] }, { b: true, f: 'always' }, true],
  [{ all: [{ question: 'b', is: true }, { question: 'f', atLeast: 'often' }] }, { b: true, f: 'rarely' }, false],
  [{ any: [{ question: 'b', is: true }, { question: 'f', atLeast: 'often' }] }, { b: false, f: 'often' }, true],
  [{ any: [{ question: 'b', is: true }, { question: 'f', atLeast: 'often' }] }, { b: false }, false],
  [{ not: { question: 'b', is: true } }, { b: false }, true],
  [{ not: { question: 'b', is: true } }, { b: true }, false],
];

describe('conditions', () => {
  it.each(table)('%j over %j is %s', (condition, answers, expected) => {
    expect(holds(condition, answers, questions)).toBe(expected);
  });

  it('an answer vector holds the answers by question position, and drops ids it does not know', () => {
    expect(answerVector({ n: 3, f: "often", other: true } as Answers, slotsOf(questions))).toEqual(['often', undefined, undefined, 3]);
  });
});
