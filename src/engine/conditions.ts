import { kindOf } from './kinds/index.js';
import type { AnswerValue, Answers, Condition, Question, Scalar } from './types.js';

/**
 * Brings a value written in a pack or an answer file to the form answers are
 * stored in, for the given question. Returns undefined when the question cannot
 * take it; validation uses that to name the bad value.
 */
export function coerceValue(question: Question, raw: Scalar): Exclude<AnswerValue, null> | undefined {
  return kindOf(question).coerce(question, raw);
}

/** Position of a value on its question's own scale, for atLeast/atMost. */
function rank(question: Question, value: Exclude<AnswerValue, null>): number {
  return kindOf(question).rank(value);
}

/**
 * Evaluates a condition over answers. A comparison on a question that has no
 * answer (missing, not sure, or not asked) is false: conditions only fire on
 * what the user actually said. For one-off checks (the interview); scoring
 * compiles its conditions once, in prepare().
 */
export function holds(condition: Condition, answers: Answers, questions: ReadonlyMap<string, Question>): boolean {
  const slots = slotsOf(questions);
  return compileCondition(condition, questions, slots)(answerVector(answers, slots));
}

/**
 * Answers by position: the answer to the n-th question of the questions map at
 * index n (undefined or null for none). Batch scoring checks some sixty
 * conditions and answers per record; reading an array by index costs a
 * fraction of looking each id up in an object by name.
 */
export type AnswerVector = (AnswerValue | undefined)[];

export type Test = (answers: AnswerVector) => boolean;

/** Each question's index in an answer vector: its place in the questions map. */
export function slotsOf(questions: ReadonlyMap<string, Question>): ReadonlyMap<string, number> {
  return new Map([...questions.keys()].map((id, i) => [id, i]));
}

/** The answers to the questions of the map, as a vector; answers to other ids are left out. */
export function answerVector(answers: Answers, slots: ReadonlyMap<string, number>): AnswerVector {
  const vector: AnswerVector = new Array(slots.size).fill(undefined);
  // for-in, not Object.entries: no array per answer, and V8 reads `answers[id]` from its enum cache.
  for (const id in answers) {
    const slot = slots.get(id);
    if (slot !== undefined) vector[slot] = answers[id];
  }
  return vector;
}

/**
 * The condition as a function of an answer vector, with the values it compares
 * against already brought to the answers' form.
 */
export function compileCondition(c: Condition, questions: ReadonlyMap<string, Question>, slots: ReadonlyMap<string, number>): Test {
  return compile(c, questions, slots);
}

function compile(c: Condition, questions: ReadonlyMap<string, Question>, slots: ReadonlyMap<string, number>): Test {
  const sub = (x: Condition): Test => compile(x, questions, slots);
  if (c.all) {
    const parts = c.all.map(sub);
    return (answers) => {
      for (const part of parts) if (!part(answers)) return false;
      return true;
    };
  }
  if (c.any) {
    const parts = c.any.map(sub);
    return (answers) => {
      for (const part of parts) if (part(answers)) return true;
      return false;
    };
  }
  if (c.not) {
    const inner = sub(c.not);
    return (answers) => !inner(answers);
  }
  const question = c.question === undefined ? undefined : questions.get(c.question);
  const slot = c.question === undefined ? undefined : slots.get(c.question);
  if (!question || slot === undefined) return () => false;
  if (c.answered !== undefined) {
    const want = c.answered;
    return (answers) => ((answers[slot] ?? null) !== null) === want;
  }
  if (c.is !== undefined) {
    return oneOf(slot, (Array.isArray(c.is) ? c.is : [c.is]).map((w) => coerceValue(question, w)).filter((v) => v !== undefined));
  }
  const comparison = (bound: Scalar, op: Operator): Test => {
    const b = coerceValue(question, bound);
    if (b === undefined) return () => false;
    const rb = rank(question, b);
    if (question.kind === 'number' || question.kind === 'scale') return numberTest(slot, op, rb);
    // A yes/no or a frequency has a handful of values: those that pass are listed once.
    return oneOf(slot, kindOf(question).values(question).filter((v) => OPERATORS[op](rank(question, v), rb)));
  };
  if (c.atLeast !== undefined) return comparison(c.atLeast, '>=');
  if (c.atMost !== undefined) return comparison(c.atMost, '<=');
  if (c.above !== undefined) return comparison(c.above, '>');
  if (c.below !== undefined) return comparison(c.below, '<');
  return () => false;
}

function oneOf(slot: number, values: AnswerValue[]): Test {
  if (values.length === 1) {
    const only = values[0];
    return (answers) => answers[slot] === only;
  }
  return (answers) => {
    const value = answers[slot];
    return value !== undefined && value !== null && values.includes(value);
  };
}

type Operator = '>=' | '<=' | '>' | '<';

const OPERATORS: Record<Operator, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
};

// A function per operator, rather than one that calls OPERATORS[op]: its call
// site would see every operator, and be slower for all of them.
function numberTest(slot: number, op: Operator, bound: number): Test {
  switch (op) {
    case '>=':
      return (answers) => {
        const value = answers[slot];
        return typeof value === 'number' && value >= bound;
      };
    case '<=':
      return (answers) => {
        const value = answers[slot];
        return typeof value === 'number' && value <= bound;
      };
    case '>':
      return (answers) => {
        const value = answers[slot];
        return typeof value === 'number' && value > bound;
      };
    case '<':
      return (answers) => {
        const value = answers[slot];
        return typeof value === 'number' && value < bound;
      };
  }
}
