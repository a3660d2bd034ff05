// The reasons list of the text and Markdown reports: a reason that decides by its
// floor and adds no points (the re-check's, A§4) shows no "+0.0" beside its note.
import { describe, expect, it } from 'vitest';
import { RECHECK_ID } from '../../src/engine/recheck.js';
import type { Assessment } from '../../src/engine/types.js';
import { LANGUAGES, messagesFor } from '../../src/i18n/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { root } from '../helpers/packs.js';
import { reportFor } from '../helpers/reports.js';

describe.each(LANGUAGES)('%s: a reason with no points and a floor', (lang) => {
  it('shows a dash where the points go, its floor note beside it; the other reasons keep their points', async () => {
    const m = await messagesFor(lang);
    const { assessment, context } = await reportFor(lang, `${root}examples/late-payer.json`);
    const text = m.history.escalated(context.formats!.date('2026-10-22'));
    // As the re-check escalates a fix (engine/recheck.ts): its reason first, at the floor fire, with no points.
    const escalated: Assessment = { ...assessment, verdict: 'fire', recheckOn: null, reasons: [{ id: RECHECK_ID, type: 'rule', points: 0, floor: 'fire', text, sources: ['A§4'] }, ...assessment.reasons] };
    const note = m.report.floorNote(context.verdicts.fire.title);
    const first = text.split(' ')[0] as string;

    const report = renderText(escalated, { ...context, width: 100 });
    const lines = report.split('\n');
    const why = lines.indexOf(m.report.why) + 1;
    const reasons = lines.slice(why, lines.indexOf('', why));
    expect(reasons[0]).toMatch(new RegExp(`^  – +${first} `));
    // Spaces aside: the note may be wrapped, and Thai has none between its words.
    expect(reasons.join('').replace(/\s+/g, '')).toContain(note.replace(/\s+/g, ''));
    expect(report).not.toMatch(/\+0[.,]0\b/);
    const others = reasons.slice(1).filter((line) => /^ {2}\S/.test(line));
    expect(others.length).toBe(assessment.reasons.length);
    for (const line of others) expect(line).toMatch(/^ {2}\+\d/);

    const markdown = renderMarkdown(escalated, context);
    expect(markdown).toContain(`| – | ${text} (${note})`);
    expect(markdown).not.toMatch(/\| 0[.,]0 \|/);
  });
});
