// Every interface string a user reads, in one place per language.
import { ENGLISH_WORDS, type AnswerWords } from '../engine/evaluate.js';

export const en = {
  /** How answers read in reasons, steps and the review screen. */
  words: ENGLISH_WORDS as AnswerWords,
  interview: {
    intro: 'fire-check: a few questions about one client. Pick "Not sure" when you do not know; Ctrl-C stops without saving.',
    clientName: "Which client is this about? (a name, or leave it empty)",
    gateNo: 'No',
    gateYes: 'Yes',
    gateNoHelp: 'Skips these questions: nothing here is a problem.',
    gateYesHelp: 'Asks the questions of this part one by one.',
    gateUnsureHelp: 'Asks the questions of this part one by one.',
    notSure: 'Not sure',
    scale: ['1 · not at all', '2', '3 · somewhat', '4', '5 · exactly so'],
    emptyForNotSure: 'leave empty for not sure',
    numberError: (range: string) => `Enter a number, ${range}, or leave it empty for not sure.`,
    contextIntro: 'A few facts about the situation, to fit the plan:',
    review: 'Review your answers: pick one to change it, or score them',
    reviewDone: 'Score these answers',
    change: 'Change',
    followUp: 'Follow-up',
    cancelled: 'Cancelled.',
    noTerminal:
      'no answers: stdin is not a terminal and nothing was piped in. Pipe a JSON answers object ' +
      '(`fire-check template` prints one to fill in), pass --answers FILE, or run fire-check in a terminal for the interview.',
  },
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
