// The plan's steps by phase, numbered once for every format: 1 to n through
// the whole plan, not again from 1 under each phase, so that "step 5" names
// the same step in the text report and in the Markdown one (issue 14).
import { PHASES, type Assessment, type Phase, type PlannedStep } from '../engine/types.js';

export interface PlanPhase {
  phase: Phase;
  steps: { n: number; step: PlannedStep }[];
}

/** The phases that have steps, in the plan's order, each step with its number. */
export function numberedPlan(a: Pick<Assessment, 'steps'>): PlanPhase[] {
  let n = 0;
  const out: PlanPhase[] = [];
  for (const phase of PHASES) {
    const steps = a.steps.filter((s) => s.phase === phase).map((step) => ({ n: ++n, step }));
    if (steps.length) out.push({ phase, steps });
  }
  return out;
}
