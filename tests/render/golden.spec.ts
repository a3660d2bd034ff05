import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Assessment, ScriptOutput } from '../../src/engine/types.js';
import { en } from '../../src/i18n/en.js';
import { LANGUAGES, messagesFor, type Lang } from '../../src/i18n/index.js';
import { renderJson } from '../../src/render/json.js';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { renderScriptMarkdown, renderScriptText } from '../../src/render/script.js';
import { renderText } from '../../src/render/text.js';
import { defaultPack, exampleAnswers, fixture, preparedDefault, root } from '../helpers/packs.js';
import { citedTags, isoDates, keyTerms, linesWithTags, spokenLines, termsNeeded, withoutCode } from '../helpers/report-checks.js';
import { reportFor, type Report } from '../helpers/reports.js';

const pack = defaultPack();
const prepared = preparedDefault();
const examples = ['late-payer', 'abusive-client', 'healthy-client', 'agency-client'];

// The English reports of the examples, as the CLI renders them (--today 2026-11-22).
const english = await Promise.all(examples.map(async (name) => ({ name, report: await reportFor('en', `${root}examples/${name}.json`) })));

describe.each(english)('golden reports: $name', ({ name, report: { assessment, context } }) => {
  it('text', async () => {
    await expect(renderText(assessment, context)).toMatchFileSnapshot(`../fixtures/golden/${name}.txt`);
  });
  it('json', async () => {
    await expect(renderJson(assessment)).toMatchFileSnapshot(`../fixtures/golden/${name}.json`);
  });
  it('markdown', async () => {
    await expect(renderMarkdown(assessment, context)).toMatchFileSnapshot(`../fixtures/golden/${name}.md`);
  });
  it('script', async () => {
    await expect(renderScriptText(assessment, context)).toMatchFileSnapshot(`../fixtures/golden/${name}.script.txt`);
  });
});

/** Issue 14's three cases: a late payer with a contract and money owed, abuse, and scope creep raised and persisting. */
const CASES = {
  'late-payer-contract': fixture('answers', 'late-payer-contract.json'),
  'abusive-client': `${root}examples/abusive-client.json`,
  'scope-creep': fixture('answers', 'scope-creep.json'),
} as const;

interface Output {
  lang: Lang;
  name: string;
  file: string;
  text: string;
  report: Report;
  /** The texts the engine filled in (steps, the script) that this output shows, by id. */
  engineTexts: { id: string; text: string }[];
}

const stepTexts = (a: Assessment) => a.steps.map((s) => ({ id: s.id, text: s.text }));
const scriptTexts = (script: ScriptOutput[]) =>
  script.flatMap((s) => [{ id: s.id, text: `${s.title} ${s.subject ?? ''}` }, ...s.parts.map((p) => ({ id: p.id, text: [p.text, ...p.items].join(' ') }))]);

/** The four outputs of each client: the Markdown and text reports, and the script in Markdown and text. */
async function outputsOf(lang: Lang, cases: Record<string, string>, dir: string): Promise<Output[]> {
  return (
    await Promise.all(
      Object.entries(cases).map(async ([name, path]) => {
        const report = await reportFor(lang, path);
        const { assessment: a, context, script } = report;
        const of = (file: string, text: string, engineTexts: Output['engineTexts']) => ({ lang, name, file: `${dir}${name}${file}`, text, report, engineTexts });
        return [
          of('.md', renderMarkdown(a, context), [...stepTexts(a), ...scriptTexts(script)]),
          of('.txt', renderText(a, context), stepTexts(a)),
          of('.script.md', renderScriptMarkdown(a, context), scriptTexts(script)),
          of('.script.txt', renderScriptText(a, context), scriptTexts(script)),
        ];
      }),
    )
  ).flat();
}

const outputs = (await Promise.all(LANGUAGES.map((lang) => outputsOf(lang, CASES, `${lang}/`)))).flat();
/** The English examples too (a fix among them, with its re-check date), for the checks. */
const checked = [...outputs, ...(await outputsOf('en', Object.fromEntries(examples.map((name) => [name, `${root}examples/${name}.json`])), 'examples/'))];

describe('golden reports and scripts in every language', () => {
  it.each(outputs.map((o) => [o.file, o] as const))('%s', async (file, output) => {
    await expect(output.text).toMatchFileSnapshot(`../fixtures/golden/${file}`);
  });
});

describe('what a report says, in every language', () => {
  const markdown = checked.filter((o) => o.file.endsWith('.md'));

  // A date is written as the language writes it, in the renderers' own lines and in
  // the texts the engine fills in (steps, the script) alike: no ISO date outside code.
  it.each(checked.map((o) => [o.file, o] as const))('%s: no ISO date outside code', (_file, output) => {
    expect(isoDates(output.text).map((f) => f.line)).toEqual([]);
  });

  // An amount is written with its currency: no bare number in brackets where an amount goes ("(2400)").
  it.each(checked.map((o) => [o.file, o] as const))('%s: no bare amount', (_file, output) => {
    expect(withoutCode(output.text).split('\n').filter((line) => /\(\d[\d.,\s]*\)/.test(line))).toEqual([]);
  });

  it.each(outputs.filter((o) => o.file.endsWith('.md')).map((o) => [o.file, o] as const))('%s: says when it was made, as the language writes the date', (_file, output) => {
    const m = output.report.context.messages ?? en;
    if (output.file.endsWith('.script.md')) return;
    const date = output.report.context.formats!.date('2026-11-22');
    expect(output.text).toContain(`| ${m.report.assessedOn} | ${date} |`);
    expect(date).not.toMatch(/2026-11-22/);
  });

  it.each(markdown.map((o) => [o.file, o] as const))('%s: no source tag in the words to say', (_file, output) => {
    const m = output.report.context.messages ?? en;
    const spoken = spokenLines(output.text, { ...(output.file.endsWith('.script.md') ? {} : { from: m.script.title }), until: m.report.key.title });
    if (output.report.script.length) expect(spoken.length).toBeGreaterThan(3);
    expect(linesWithTags(spoken)).toEqual([]);
  });

  it.each(checked.filter((o) => o.file.endsWith('.script.txt')).map((o) => [o.file, o] as const))('%s: no source tag in the words to say', (_file, output) => {
    expect(linesWithTags(output.text.split('\n'))).toEqual([]);
  });

  it('the check for tags in the words to say finds them where the old script put them', () => {
    expect(linesWithTags(['- Thank you for making the time. _(D)_', '- My decision is made. _(C FAQ 3)_', '> Hello,[^2]', '- Hand over the files. (practice)'])).toHaveLength(4);
    expect(linesWithTags(['- A short note: I will send a final invoice.', '> Dear Acme,'])).toEqual([]);
  });

  it.each(markdown.map((o) => [o.file, o] as const))('%s: every tag used has a key entry, and the key explains nothing unused', (_file, output) => {
    const m = output.report.context.messages ?? en;
    const tags = citedTags(output.text, m.report.sources);
    // Every report has a plan with sources; a script has them unless there is nothing to end.
    expect(tags.length > 0).toBe(!output.file.endsWith('.script.md') || output.report.script.length > 0);
    const needed = new Set(tags.flatMap(termsNeeded));
    expect(new Set(keyTerms(output.text, m.report.key.title))).toEqual(needed);
    // Tags only in the notes and the key, never after a sentence in brackets.
    expect(output.text).not.toMatch(/_\((?:[A-D]|practice)/);
  });

  it.each(checked.filter((o) => o.file.endsWith('.md') && !o.file.endsWith('.script.md')).map((o) => [o.file, o] as const))(
    '%s: steps are numbered the same as in the text report',
    (file, output) => {
      const text = checked.find((o) => o.file === file.replace(/\.md$/, '.txt'))!.text;
      const plan = (lines: string[], pattern: RegExp) => lines.map((l) => pattern.exec(l)).filter((x) => x !== null).map((x) => `${x[1]} ${x[2]!.replace(/\\(.)/g, '$1').slice(0, 12)}`);
      const fromMarkdown = plan(output.text.split('\n'), /^(\d+)\. (.*)$/);
      const fromText = plan(text.split('\n'), /^ {3,4}(\d+)\. (.*)$/);
      expect(fromMarkdown).toEqual(fromText);
      expect(fromMarkdown.map((s) => Number(s.split(' ')[0]))).toEqual(output.report.assessment.steps.map((_, i) => i + 1));
    },
  );

  it.each(['it', 'hu'] as const)('%s: points are written with a decimal comma', (lang) => {
    for (const output of outputs.filter((o) => o.lang === lang && /\.(md|txt)$/.test(o.file) && !o.file.includes('.script.'))) {
      const points = output.report.assessment.reasons.filter((r) => r.floor !== 'fire-now').map((r) => r.points.toFixed(1).replace('.', ','));
      for (const p of points) expect(output.text, output.file).toContain(p);
      expect(output.text).not.toMatch(/(?:^\| |\+)\d+\.\d\b/m);
    }
  });

  it.each(checked.filter((o) => o.file.endsWith('.md') && !o.file.endsWith('.script.md')).map((o) => [o.file, o] as const))('%s: lists the answers it was made from', (_file, output) => {
    const m = output.report.context.messages ?? en;
    const questions = output.report.context.questions!;
    expect(output.text).toContain(`## ${m.report.answers}`);
    expect(output.text).toContain(`### ${m.report.facts}`);
    for (const [id, value] of Object.entries(output.report.context.answers ?? {})) {
      const q = questions.get(id)!;
      if (q.askIf) continue;
      expect(output.text, id).toContain(`| ${escapeMarkdown(q.label)} |`);
      if (value === null) expect(output.text).toContain(`| ${escapeMarkdown(q.label)} | ${m.report.notSure} |`);
    }
  });
});

describe('the text report reads at every width', () => {
  it.each(outputs.filter((o) => o.file.endsWith('.txt') && !o.file.includes('.script.')).map((o) => [o.file, o] as const))('%s at 50, 80 and 100 columns', (_file, output) => {
    const { assessment, context } = output.report;
    for (const width of [50, 80, 100]) {
      const out = renderText(assessment, { ...context, width });
      for (const line of out.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      const m = context.messages ?? en;
      expect(out).toContain(`${m.report.assessedOn}: ${context.formats!.date('2026-11-22')}`);
      expect(out).toContain(m.report.answers);
    }
  });
});

describe('without Intl formats (a caller that gives none)', () => {
  const set = exampleAnswers('late-payer');
  const a = evaluate(prepared, set, { today: '2026-11-22' });
  const context = { verdicts: pack.verdicts, questions: prepared.byId, assessedOn: '2026-11-22', answers: set.answers };
  it('dates stay ISO and numbers plain', () => {
    const md = renderMarkdown(a, context);
    expect(md).toContain('| Assessed on | 2026-11-22 |');
    expect(md).toContain('| 8.4 | Pays late: often');
    expect(renderText(a, context)).toContain('+8.4  Pays late');
  });
  it('no date, answers or key where the context has none of them', () => {
    const md = renderMarkdown(evaluate(prepared, { answers: {} }), { verdicts: pack.verdicts });
    expect(md).not.toMatch(/Assessed on|## Answers|## Sources/);
  });
  it('"Not sure" is said as such, and an answer set aside by its askIf is not listed', () => {
    const answers = { pays_late: null, has_team: false, team_morale: 5, contract_active: false, notice_days: 30 };
    const md = renderMarkdown(evaluate(prepared, { answers }), { verdicts: pack.verdicts, questions: prepared.byId, answers });
    expect(md).toContain('| Pays late | not sure |');
    expect(md).toContain('| You have a team | no |');
    expect(md).not.toMatch(/Your team dislikes them|Notice period/);
  });
});

describe('text report', () => {
  it('warns prominently when little is answered', () => {
    const out = renderText(evaluate(prepared, { answers: { pays_late: 'often' } }), { verdicts: pack.verdicts });
    expect(out).toMatch(/Low confidence: only \d+%/);
  });
  it('says plainly when nothing is answered', () => {
    const out = renderText(evaluate(prepared, { answers: {} }), { verdicts: pack.verdicts });
    expect(out).toContain('Nothing answered');
  });
  it('wraps to a narrow terminal', () => {
    const out = renderText(evaluate(prepared, exampleAnswers('abusive-client')), { verdicts: pack.verdicts, width: 40 });
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
  it('has no escape codes without colour, and has them with it', async () => {
    const { Chalk } = await import('chalk');
    const a = evaluate(prepared, exampleAnswers('late-payer'));
    expect(renderText(a, { verdicts: pack.verdicts })).not.toMatch(/\x1b\[/);
    expect(renderText(a, { verdicts: pack.verdicts, style: new Chalk({ level: 1 }) })).toMatch(/\x1b\[/);
  });
});

describe('the key to the source tags', () => {
  it('explains a tag a rule pack made up as the pack\'s own, and each tag once', async () => {
    const { sourceKey } = await import('../../src/render/sources.js');
    const m = await messagesFor('it');
    expect(sourceKey(['A§1', 'A§2', "A'§3", 'Z-report', 'practice', 'C FAQ toxic #7'], m).map((e) => e.term)).toEqual(['A', "A'", 'C', '§n', 'C FAQ toxic #n', 'practice', 'Z-report']);
    expect(sourceKey([], m)).toEqual([]);
  });
});

it('markdown escapes text from users so it cannot break the document', () => {
  expect(escapeMarkdown('A|B *c* <script> # x\nnext')).toBe('A\\|B \\*c\\* \\<script\\> \\# x next');
});
