import { parseAnswers } from '../answers/parse.js';
import { evaluate, prepare, type LetterStyle, type PreparedPack } from '../engine/evaluate.js';
import { buildScript } from '../engine/script.js';
import type { Answers, AnswerSet, Assessment, Pack, ScriptOutput, Verdict } from '../engine/types.js';
import { CancelledError } from '../errors.js';
import { problem, say } from '../i18n/problems.js';
import { en, type Messages } from '../i18n/en.js';
import { colourLevel } from './colour.js';
import type { ProfileQuestions } from '../interview/offers.js';
import type { PreviousJson } from '../history/views.js';
import type { LastRecord } from './history.js';
import type { Profile } from './profile.js';
import type { InvoiceFacts } from './invoice-answers.js';
import { escapeData, escapeLine } from '../render/escape.js';
import { REPORT_FORMATS, SCRIPT_FORMATS, type Format, type RenderContext } from '../render/formats.js';
import { packFor, styleFor, terminalWidth, todayFor } from './context.js';
import { readInput, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export interface AssessOptions extends CommonOptions {
  answers?: string;
  client?: string;
  exitCode?: boolean;
  today?: string;
  saveAnswers?: string;
  /** The longest answers document read, in characters (--max-record-size). */
  maxRecordSize?: number;
  /** The profile for this run (--sign-as, --currency, --voice), over the saved one; and whom letters greet. */
  signAs?: string;
  currency?: string;
  voice?: 'male' | 'female' | 'neutral';
  contact?: string;
  /** An invoicing tool's export whose facts answer the money questions (--invoices), and how to read it. */
  invoices?: string;
  columns?: string;
  dateFormat?: 'dmy' | 'mdy';
  terms?: number;
  /** Record this assessment in the client's history (--record); `false` with --no-history. */
  record?: boolean;
  history?: boolean;
  /** script --verdict: the words for ending it, whatever the verdict (the user has decided). */
  verdict?: 'fire' | 'fire-now';
}

export interface Scored {
  pack: Pack;
  prepared: PreparedPack;
  set: AnswerSet;
  assessment: Assessment;
  today: string;
  /** The answers came from the interview, at a terminal. */
  interviewed: boolean;
  /** Last time's assessment of this client, when its history was read. */
  previous?: PreviousJson;
  /** The client's latest record, when the interview read it for its defaults: the re-check uses it, not a second read. */
  lastRecord?: LastRecord;
  /** The saved profile, once the run has read it (for a report's dates and amounts, the words to use): never read twice. */
  profile?: Profile;
}

/** A line of our own on stderr, wrapped between words to the terminal's width when there is one. */
async function sayLine(io: Io, options: CommonOptions, text: string): Promise<void> {
  const width = io.isTTY('stderr') ? terminalWidth(io) : undefined;
  if (width === undefined) return void io.stderr.write(`${escapeLine(text)}\n`);
  const { wrapWords } = await import('../render/wrap.js');
  io.stderr.write(`${wrapWords(escapeLine(text), width, options.lang ?? 'en').join('\n')}\n`);
}

/**
 * The client's history read into this assessment (see history.ts); loaded only
 * when a run remembers. A report for people gives last time's date in its
 * re-check reason as it gives its other dates; JSON keeps it ISO.
 */
async function lastTime(scored: Scored, options: AssessOptions, io: Io, forPeople: boolean) {
  const { withHistory } = await import('./history.js');
  const date = forPeople ? (await import('../i18n/format.js')).localFormats(options.lang ?? 'en').date : undefined;
  return withHistory(scored.prepared, scored.assessment, scored.set.answers, scored.set.client, scored.today, io, options.messages ?? en, scored.lastRecord, date);
}

/** Reads the pack and the answers (file, stdin or interview) and scores them. */
export async function score(options: AssessOptions, io: Io, forPeople = false): Promise<Scored> {
  const m = options.messages ?? en;
  const today = todayFor(options, io);
  const pack = await packFor(options, io);
  const prepared = prepare(pack);
  const interviewed = options.answers === undefined && io.isTTY('stdin');
  const facts = options.invoices === undefined ? undefined : await (await import('./invoice-answers.js')).invoiceFacts(options.invoices, options, prepared, io);
  const { set, lastRecord } = interviewed ? await interview(options, pack, io, facts) : { set: await answersGiven(options, prepared, io), lastRecord: undefined };
  if (options.client !== undefined) set.client = options.client.trim() || undefined;
  if (facts && !interviewed) {
    const { withFacts } = await import('./invoice-answers.js');
    const found = facts.answersFor(set.client);
    if (!found) io.stderr.write(`${escapeLine((options.messages ?? en).interview.unmatched(set.client ?? '""'))}\n`);
    set.answers = withFacts(set.answers, found);
  }
  if (options.saveAnswers !== undefined) await saveAnswers(options.saveAnswers, set, options.messages ?? en, io);
  // A report for people writes its plan's dates and amounts as a letter does; JSON keeps them ISO and bare.
  const profile = forPeople ? await readSavedProfile(io, m) : undefined;
  const letter = profile ? await letterFor(profile, options) : undefined;
  const assessment = evaluate(prepared, set, { today, words: m.words, ...(letter ? { letter } : {}) });
  return { pack, prepared, set, assessment, today, interviewed, ...(lastRecord ? { lastRecord } : {}), ...(profile ? { profile } : {}) };
}

/** The verdicts that end the relationship: after them the interview offers the words to use. */
const ENDS_IT: readonly Verdict[] = ['fire', 'fire-now'];

export async function assess(options: AssessOptions, io: Io): Promise<number> {
  const forPeople = REPORT_FORMATS[options.format as keyof typeof REPORT_FORMATS]?.medium !== 'data';
  let scored: Scored = await score(options, io, forPeople);
  // The interview remembers (unless --no-history); piped and --answers runs only with --record.
  const history = options.history !== false && (options.record || scored.interviewed) ? await lastTime(scored, options, io, forPeople) : undefined;
  if (history) {
    const { previous } = history;
    scored = { ...scored, assessment: previous ? { ...history.assessment, previous: previous as unknown as Record<string, unknown> } : history.assessment, ...(previous ? { previous } : {}) };
  }
  if (answersOnStdout(options)) return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
  io.writeOut(await render(scored, options, io));
  if (history) await sayLine(io, options, history.record());
  // Only with the report on the terminal: one redirected to a file must stay the report alone.
  if (scored.interviewed && io.isTTY('stdout') && scored.assessment.verdict !== 'keep') await offerNextSteps(scored, options, io);
  return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
}

export async function script(options: AssessOptions, io: Io): Promise<number> {
  const scored = await score(options, io);
  if (!answersOnStdout(options)) io.writeOut(await renderScript(decidedBy(scored, options), options, io));
  return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
}

/**
 * `script --verdict fire`: the user has decided to end it, whatever the
 * verdict; the words follow their decision, and say what the verdict was. Never
 * below a hard stop's fire-now: the articles keep that ending in writing, with no
 * meeting (A§4, C§3), for the user's safety.
 */
function decidedBy(scored: Scored, options: AssessOptions): Scored & { assessedVerdict?: Verdict } {
  const wanted = options.verdict;
  const own = scored.assessment.verdict;
  if (wanted === undefined || wanted === own) return scored;
  if (own === 'fire-now') {
    const m = options.messages ?? en;
    throw problem(m, 'cli/verdict-below', scored.pack.verdicts[own].title, scored.assessment.hardStops.join(', '));
  }
  return { ...scored, assessment: { ...scored.assessment, verdict: wanted }, assessedVerdict: own };
}

/**
 * `--save-answers -`: stdout carries the answers in place of the report, so that it
 * holds one document that `--answers` reads back (`fire-check --save-answers - > acme.json`
 * after an interview); two documents one after the other would be neither.
 */
function answersOnStdout(options: AssessOptions): boolean {
  return options.saveAnswers === '-';
}

function renderScript(scored: Scored & { assessedVerdict?: Verdict }, options: AssessOptions, io: Io): Promise<string> {
  return renderAs(SCRIPT_FORMATS[options.format as keyof typeof SCRIPT_FORMATS], scored, options, io);
}

/** Answers from --answers FILE, or piped in. */
async function answersGiven(options: AssessOptions, prepared: PreparedPack, io: Io): Promise<AnswerSet> {
  const m = options.messages ?? en;
  if (options.answers !== undefined) {
    const { text, source } = await readInput(options.answers, io, m.errors.answersFile, m, options.maxRecordSize);
    return parseAnswers(text, prepared, source, m);
  }
  // Checked before any prompt: inquirer on a closed or empty stdin would fail obscurely or hang.
  const { text, source } = await readInput('-', io, m.errors.answersFile, m, options.maxRecordSize);
  if (text.trim() === '') throw problem(m, 'input/no-answers');
  return parseAnswers(text, prepared, source, m);
}

/** The answers from the interview, and the client's history as read for its defaults (to be read once a run). */
async function interview(options: AssessOptions, pack: Pack, io: Io, facts?: InvoiceFacts): Promise<{ set: AnswerSet; lastRecord: LastRecord | undefined }> {
  // inquirer colours through node:util styleText, which reads NO_COLOR when the
  // prompt modules load: so the colour decision reaches it through the environment.
  if (colourLevel(io.env, { isTTY: io.isTTY('stdout') }, options.color) === 0) process.env.NO_COLOR = '1';
  const { runInterview } = await import('../interview/interview.js');
  // Prompts draw on stdout when it is the terminal; with stdout redirected, on stderr, so the file gets only the report.
  const output = io.isTTY('stdout') ? io.stdout : io.stderr;
  let lastRecord: LastRecord | undefined;
  const set = await cancellable(options, () =>
    // The pack's texts reach the screen escaped, as in a report (see render/escape.ts).
    runInterview(escapeData(pack), {
      ...(options.client === undefined ? {} : { client: options.client }),
      context: { input: io.stdin, output },
      say: (line) => output.write(`${line}\n`),
      messages: options.messages ?? en,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
      defaultsFor: async (client) => {
        const start = await startingAnswers(client, options, io, facts);
        lastRecord = start.lastRecord;
        return start.defaults;
      },
    }),
  );
  return { set, lastRecord };
}

/**
 * What the interview starts from for a named client: last time's answers
 * (unless --no-history), with the facts of its invoices (--invoices) over them.
 */
async function startingAnswers(
  client: string,
  options: AssessOptions,
  io: Io,
  facts?: InvoiceFacts,
): Promise<{ defaults: { answers: Answers; note: string } | undefined; lastRecord: LastRecord | undefined }> {
  const m = options.messages ?? en;
  const notes: string[] = [];
  let answers: Answers = {};
  const lastRecord = options.history === false ? undefined : (await import('./history.js')).readLastRecord(client, io, m);
  const last = lastRecord?.record;
  if (last) {
    answers = last.answers as Answers;
    const { localFormats } = await import('../i18n/format.js');
    notes.push(m.interview.defaultsFromHistory(localFormats(options.lang ?? 'en').date(last.assessedOn)));
  }
  const found = facts?.answersFor(client);
  if (found) {
    answers = { ...answers, ...found };
    notes.push(m.interview.defaultsFromInvoices(escapeLine(options.invoices ?? '')));
  }
  return { defaults: notes.length ? { answers, note: notes.join(' ') } : undefined, lastRecord };
}

/** After the report, the words to use (for an ending) and, unless --save-answers did, saving the answers, offered at the terminal. */
async function offerNextSteps(scored: Scored, options: AssessOptions, io: Io): Promise<void> {
  const m = options.messages ?? en;
  const { offerAfterVerdict } = await import('../interview/interview.js');
  const { isRegularFile, writeErrorReason } = await import('./safe-write.js');
  const saveAnswers = async (file: string) => {
    try {
      await writeAnswers(file, scored.set, io);
      return undefined;
    } catch (error) {
      return writeErrorReason(error, m);
    }
  };
  const ends = ENDS_IT.includes(scored.assessment.verdict);
  // The profile as the report read it (a JSON report did not), and then as the questions below keep it: the words use that.
  let saved = ends ? (scored.profile ?? (await readSavedProfile(io, m))) : undefined;
  const profile = saved ? await profileQuestions(scored, saved, options, io, (kept) => (saved = kept)) : undefined;
  await cancellable(options, () =>
    offerAfterVerdict({
      context: { input: io.stdin, output: io.stdout },
      messages: m,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
      say: (line) => io.stdout.write(`${line}\n`),
      ...(ends ? { showScript: async () => io.writeOut(await renderScript({ ...scored, ...(saved ? { profile: saved } : {}) }, options, io)) } : {}),
      ...(options.saveAnswers === undefined ? { saveAnswers } : {}),
      // Only a regular file is worth the question "Replace it?": anything else is refused when saving.
      exists: isRegularFile,
      ...(profile ? { profile } : {}),
    }),
  );
}

/**
 * What the words to use will need of the profile (`saved`, as this run read
 * it) that it does not have, and neither does this run's options: a name to
 * sign with, a currency when an amount is in them, a voice in Thai. Asked once,
 * then kept: written to the file (over what it holds by then), and handed to
 * `kept` for this run's words.
 */
async function profileQuestions(scored: Scored, saved: Profile, options: AssessOptions, io: Io, kept: (profile: Profile) => void): Promise<ProfileQuestions | undefined> {
  const m = options.messages ?? en;
  const { profileFile, readProfile, writeProfile } = await import('./profile.js');
  const { isCurrency } = await import('../i18n/format.js');
  const file = profileFile(io.env);
  const amounts = scored.prepared.order.some((q) => q.money && typeof scored.set.answers[q.id] === 'number' && (scored.set.answers[q.id] as number) > 0);
  const missing = [
    ...(saved.name === undefined && options.signAs === undefined ? (['name'] as const) : []),
    ...(amounts && saved.currency === undefined && options.currency === undefined ? (['currency'] as const) : []),
    ...(options.lang === 'th' && saved.voice === undefined && options.voice === undefined ? (['voice'] as const) : []),
  ];
  if (!missing.length) return undefined;
  return {
    missing,
    checkCurrency: (code) => (isCurrency(code) ? undefined : m.config.allowedCurrency),
    async save(answers) {
      try {
        // Read again just before writing: a `config set` in another terminal while the question waited is kept,
        // the answers winning for their keys. This run's words go on from its own read, with the answers.
        await writeProfile(file, { ...(await readProfile(file, m)), ...answers }, io, m);
        kept({ ...saved, ...answers });
        return m.config.saved(escapeLine(file));
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}

/** Ctrl-C at a prompt: "Cancelled." and exit 130, the same at every prompt. */
async function cancellable<T>(options: AssessOptions, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new CancelledError(say(options.messages ?? en, 'cli/cancelled'));
    throw error;
  }
}

/** --save-answers FILE. */
async function saveAnswers(file: string, set: AnswerSet, m: Messages, io: Io): Promise<void> {
  try {
    await writeAnswers(file, set, io);
  } catch (error) {
    const { writeErrorReason } = await import('./safe-write.js');
    throw problem(m, 'io/not-writable', m.errors.saveAnswersFile, file, writeErrorReason(error, m));
  }
}

/** The answers as piped JSON, which --answers reads back; `-` is stdout. */
async function writeAnswers(file: string, set: AnswerSet, io: Io): Promise<void> {
  const data = { client: set.client ?? '', answers: set.answers };
  // Loaded only to save: scoring piped answers, the hot path, never writes a file.
  const { writeFileSafely } = await import('./safe-write.js');
  await writeFileSafely(file, `${JSON.stringify(data, null, 2)}\n`, (text) => io.writeOut(text));
}

export function render(scored: Scored, options: CommonOptions, io: Io): Promise<string> {
  return renderAs(REPORT_FORMATS[options.format as keyof typeof REPORT_FORMATS], scored, options, io);
}

/**
 * Renders in a format of the registry (render/formats.ts), giving it what it
 * needs: the script only to formats that say it, colour and width only to a
 * terminal's, and data escaped for every format people read.
 */
async function renderAs(format: Format, scored: Scored & { assessedVerdict?: Verdict }, options: CommonOptions, io: Io): Promise<string> {
  const m = options.messages ?? en;
  const renderer = await format.load();
  const script = format.script ? await scriptOf(scored, options, io) : [];
  const assessedVerdict = scored.assessedVerdict;
  if (format.medium === 'data') return renderer(scored.assessment, { verdicts: scored.pack.verdicts, script, messages: m, ...(assessedVerdict ? { assessedVerdict } : {}) });
  const input = textInput(scored, script);
  const { localFormats } = await import('../i18n/format.js');
  const context: RenderContext = {
    verdicts: input.verdicts,
    questions: input.questions,
    script: input.script,
    messages: m,
    formats: localFormats(options.lang ?? 'en'),
    assessedOn: scored.today,
    answers: input.answers,
    ...(assessedVerdict ? { assessedVerdict } : {}),
    ...(scored.previous ? { previous: escapeData(scored.previous) } : {}),
  };
  if (format.medium === 'terminal') Object.assign(context, { style: await styleFor(options, io), width: terminalWidth(io) });
  return renderer(input.assessment, context);
}

/** The words to say, written as a letter writes them: dates, amounts and names in the user's language and profile. */
async function scriptOf({ prepared, set, assessment, today, profile }: Scored, options: AssessOptions, io: Io): Promise<ScriptOutput[]> {
  const m = options.messages ?? en;
  return buildScript(prepared, set, assessment, { today, words: m.words, letter: await letterFor(profile ?? (await readSavedProfile(io, m)), options) });
}

/** The profile saved by `fire-check config` (empty when there is none); a run reads it once, and carries it in Scored. */
async function readSavedProfile(io: Io, m: Messages): Promise<Profile> {
  const { profileFile, readProfile } = await import('./profile.js');
  return readProfile(profileFile(io.env), m);
}

/**
 * How letters are written this run: the profile saved by `fire-check config`,
 * with this run's options over it. Piped and batch runs never ask: what is
 * missing is a placeholder ("[your name]") to fill in by hand.
 */
async function letterFor(saved: Profile, options: AssessOptions): Promise<LetterStyle> {
  const m = options.messages ?? en;
  const { checkValue } = await import('./profile.js');
  const { letterStyle } = await import('./letter.js');
  // A value given for this run is checked as `config set` checks it.
  const given = {
    ...(options.signAs === undefined ? {} : await checkValue('name', options.signAs, m)),
    ...(options.currency === undefined ? {} : await checkValue('currency', options.currency, m)),
    ...(options.voice === undefined ? {} : await checkValue('voice', options.voice, m)),
  };
  return letterStyle({ ...saved, ...given }, options.lang ?? 'en', m, options.contact);
}

/**
 * All a text or Markdown report is made from, with every string from data
 * escaped for the terminal (see render/escape.ts): here, where data enters
 * text rendering, so that no renderer has to remember it. The client's name
 * is one line; the pack's texts keep their line breaks.
 */
function textInput(scored: Scored, script: ScriptOutput[]) {
  const { assessment, pack, prepared } = scored;
  return escapeData({
    assessment: { ...assessment, client: assessment.client === null ? null : escapeLine(assessment.client) },
    verdicts: pack.verdicts,
    questions: prepared.byId,
    script,
    answers: scored.set.answers,
  });
}
