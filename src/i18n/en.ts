// Every interface string a user reads, in one place per language. The other
// languages (it.ts, hu.ts, th.ts) have the type Messages, so a missing key is a
// compile error; texts of the rule pack itself are translated in rules/*.<lang>.yaml.
import { ENGLISH_WORDS, type AnswerWords } from '../engine/evaluate.js';

export const en = {
  /** How answers read in reasons, steps and the review screen. */
  words: ENGLISH_WORDS as AnswerWords,
  help: {
    description:
      'Decide whether to end a client relationship, and how to end it well.\n\nIn a terminal it interviews you about one client. Piped JSON answers (or --answers FILE) are scored without questions, for scripts.',
    after:
      '\nExit codes:\n  0 ran fine   1 unexpected failure   2 bad input, rule pack or usage   130 cancelled\n' +
      '  with --exit-code: 0 keep, 10 fix, 11 fire, 12 fire-now\n\n' +
      'Examples:\n  fire-check                                  interview about one client\n' +
      '  fire-check --answers answers.json           score a saved answers file\n' +
      '  cat answers.json | fire-check --format json\n  fire-check template > mine.json             a file to fill in\n' +
      '  fire-check --lang it                        in Italian (also: hu, th, en; or from LANG)',
    version: 'print the version',
    help: 'show help',
    rules: 'use this rule pack (YAML or JSON) instead of the default one',
    format: 'output format',
    json: 'same as --format json',
    color: 'colour the output even when it is not a terminal',
    noColor: 'never colour the output (NO_COLOR is honoured too)',
    debug: 'print stack traces for errors',
    lang: 'language: en, it, hu or th (default: from LC_ALL, LC_MESSAGES or LANG)',
    answers: 'read answers from a JSON file (- for stdin); stdin is read anyway when it is not a terminal',
    client: "the client's name (overrides the one in the answers)",
    exitCode: 'exit with the verdict: 0 keep, 10 fix, 11 fire, 12 fire-now',
    today: 'assess as of this date, YYYY-MM-DD (sets the re-check date of a fix, the last working day)',
    saveAnswers: 'also write the answers as JSON, so --answers FILE gives the same verdict again',
    script: 'the words to use when ending it: talking points for the call and a written confirmation (for fire and fire-now)',
    batch: 'score many clients in one go: NDJSON or CSV in, one verdict per line out (streamed), or a ranked table',
    batchFile: 'NDJSON or CSV answers, one client per line; - or nothing for stdin',
    inputFormat: 'input format (default: from the file name; stdin: ndjson)',
    failFast: 'stop at the first bad line',
    questions: 'list every question: id, kind, allowed values, category',
    template: 'print an answers file with every question set to null (not sure); valid input as it is',
    rulesGroup: 'check, inspect and document rule packs',
    validate: 'check rule packs: every problem in every file, as file:line:col: message',
    validateFiles: 'rule pack files (YAML or JSON)',
    schema: 'print the JSON Schema of a rule pack (for editors and CI)',
    show: 'print the effective pack, with extends resolved',
    showFile: 'a rule pack (default: the built-in pack, or --rules)',
  },
  commander: {
    usage: 'Usage:',
    arguments: 'Arguments:',
    options: 'Options:',
    commands: 'Commands:',
    unknownOption: (n: string, hint: string) => `unknown option '${n}'${hint}`,
    invalidChoice: (option: string, value: string, choices: string) => `option '${option}' argument '${value}' is invalid. Allowed choices are ${choices}.`,
    missingArgument: (name: string) => `missing required argument '${name}'`,
    optionMissingArgument: (option: string) => `option '${option}' argument missing`,
    didYouMean: (hint: string) => ` (did you mean ${hint}?)`,
  },
  errors: {
    invalidAnswers: 'invalid answers',
    invalidAnswersIn: (source: string, count: number) => `invalid answers in ${source}: ${count} problems`,
    shape: 'expected an object like {"client": "Acme", "answers": {"pays_late": "often"}}',
    got: (what: string) => `got ${what}`,
    anArray: 'an array',
    unknownTopLevel: (hint: string) => `unknown top-level key${hint}; allowed: client, answers`,
    clientType: "must be a string (the client's name) or null",
    missing: 'missing',
    answersType: 'must be an object mapping question ids to answers',
    unknownId: (hint: string) => `unknown question id${hint}; run \`fire-check questions\` for the list`,
    notAllowed: (value: string, allowed: string) => `${value} is not allowed; ${allowed}, or null / "unsure" for not sure`,
    outsideScale: (value: string, allowed: string) => `${value} is outside the scale; ${allowed}, or null / "unsure" for not sure`,
    belowMin: (value: string, min: number, allowed: string) => `${value} is below the minimum ${min}; ${allowed}, or null / "unsure" for not sure`,
    aboveMax: (value: string, max: number, allowed: string) => `${value} is above the maximum ${max}; ${allowed}, or null / "unsure" for not sure`,
    empty: 'is empty; expected a JSON object like {"answers": {"pays_late": "often"}} (see `fire-check template`)',
    notJson: (reason: string) => `not valid JSON (${reason})`,
    position: (line: number, column: number) => `line ${line}, column ${column}`,
    column: (column: number) => `column ${column}`,
    allowedBool: 'allowed: yes, no (or true, false)',
    allowedFreq: 'allowed: never, rarely, sometimes, often, always',
    allowedScale: 'allowed: a whole number from 1 to 5',
    allowedNumber: (min?: number, max?: number) => `allowed: a number${min !== undefined ? ` from ${min}` : ''}${max !== undefined ? ` to ${max}` : ''}`,
    cannotRead: (what: string, file: string, why: string) => `cannot read ${what} ${file}: ${why}`,
    answersFile: 'answers file',
    batchInput: 'batch input',
    noSuchFile: 'no such file',
    noSuchFolder: 'no such folder',
    isDirectory: 'it is a directory',
    permissionDenied: 'permission denied',
    cannotWrite: (file: string, why: string) => `cannot write --save-answers ${file}: ${why}`,
    unknownCommand: (word: string, hint: string, names: string) => `unknown command "${word}"${hint}; commands: ${names} (see --help)`,
    badDate: (value: string) => `--today ${value} is not a date; use YYYY-MM-DD, e.g. 2026-11-22`,
    unexpected: (message: string) => `unexpected error: ${message}`,
    bug: 'This is a bug in fire-check. Run again with --debug for details, and report it.',
  },
  questions: {
    footer: 'Every question also takes null or "unsure" for not sure. `fire-check template` prints an answers file.',
    context: 'context',
    weight: (n: number) => `weight ${n}`,
    hardStop: 'hard stop',
    conditional: 'conditional',
  },
  batch: {
    summary: (scored: string, failed: string) => `scored ${scored}, failed ${failed}`,
    stopped: ' (stopped at the first failure: --fail-fast)',
    progress: (count: string, rate: string) => `${count} records, ${rate}/s`,
    table: ['#', 'client', 'verdict', 'score', 'confidence', 'top reason'],
    nothingPiped: 'batch reads NDJSON or CSV from a file or from stdin, and nothing was piped in: `fire-check batch clients.csv` or `cat clients.ndjson | fire-check batch`',
    unknownFormat: (source: string) => `cannot tell the format of ${source} from its name; pass --input-format ndjson or --input-format csv`,
    atLine: (source: string, line: number | string, message: string) => `${source}: line ${line}: ${message}`,
    row: 'row',
    cellCount: (cells: number, header: number) => `has ${cells} cells; the header has ${header}`,
    notCsv: (reason: string) => `not valid CSV (${reason})`,
    csvHeader: (source: string) => `${source}: the CSV header must be "client" and question ids (see \`fire-check questions\`)`,
    duplicateColumn: (column: string) => `column "${column}" appears twice`,
    unknownColumn: (column: string, hint: string) => `column "${column}" is not a question id${hint}`,
  },
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
    language: 'English',
    keys: { navigate: 'navigate', select: 'select' },
    emptyForNotSure: 'leave empty for not sure',
    numberError: (range: string) => `Enter a number, ${range}, or leave it empty for not sure.`,
    contextIntro: 'A few facts about the situation, to fit the plan:',
    review: 'Review your answers: pick one to change it, or score them',
    reviewDone: 'Score these answers',
    change: 'Change',
    followUp: 'Follow-up',
    yesOrNo: (yes: string, no: string) => `Answer "${yes}" or "${no}".`,
    confirmHardStop: (answer: string, verdict: string) => `This is a hard stop: the verdict will be "${verdict}". Record "${answer}"?`,
    offerScript: 'Show the words to use when you end it?',
    offerSave: 'Save these answers to a file, to score them again later?',
    savePath: 'Save them to which file? (leave empty to skip)',
    overwrite: (file: string) => `${file} already exists. Replace it?`,
    saved: (file: string) => `Answers saved to ${file}.`,
    cannotSave: (file: string, why: string) => `Cannot save to ${file}: ${why}.`,
    cancelled: 'Cancelled.',
    noTerminal:
      'no answers: stdin is not a terminal and nothing was piped in. Pipe a JSON answers object ' +
      '(`fire-check template` prints one to fill in), pass --answers FILE, or run fire-check in a terminal for the interview.',
  },
  phases: {
    prevent: 'Keep it that way',
    repair: 'Repair plan',
    prepare: 'Prepare',
    conversation: 'Telling them',
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
    floorNote: (title: string) => `on its own: at least ${title}`,
    whatWouldChange: 'What would change the verdict: the fewest answers that would need to be better',
    targets: 'These are the targets to check when you check again.',
    wouldBe: (title: string, changes: string) => `Would be ${title} if: ${changes}`,
    atMost: (value: string) => `at most ${value}`,
    decidedBy: 'Decided by the hard stops',
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
};

/** The shape every language fills: the English dictionary with its strings widened. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? Widen<U>[]
      : { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof en>;
