// Every interface string a user reads, in one place per language.
export const en = {
  phases: {
    repair: 'Repair plan',
    prepare: 'Prepare',
    conversation: 'The conversation',
    after: 'After',
  },
  report: {
    title: 'fire-check',
    score: 'Score',
    confidence: 'Confidence',
    signalsAnswered: (answered: number, total: number) => `${answered} of ${total} signals answered`,
    why: 'Why',
    noReasons: 'No red flags in these answers.',
    plan: 'Plan',
    noSteps: 'Nothing to do.',
    hardStop: 'hard stop',
    points: 'Points',
    reason: 'Reason',
    sources: 'Sources',
    rulePack: 'Rule pack',
    recheckOn: 'Check again on',
    lowConfidence: (pct: number) =>
      `Low confidence: only ${pct}% of the signals' weight was answered. Answer more questions for a firmer verdict.`,
    nothingAnswered:
      'Nothing answered: no red flags can be weighed, so this is not a real verdict. Answer some questions first.',
    verdict: 'Verdict',
    notSure: 'not sure',
  },
  script: {
    title: 'What to say',
    subject: 'Subject',
    noScript: (verdict: string) =>
      `The verdict is ${verdict}: there is nothing to end, so there is no script. Run fire-check without "script" for the plan.`,
  },
} as const;

export type Messages = typeof en;
