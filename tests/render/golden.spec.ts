import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildScript } from '../../src/engine/script.js';
import { renderScriptText } from '../../src/render/script.js';
import { renderJson } from '../../src/render/json.js';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { defaultPack, exampleAnswers, preparedDefault } from '../helpers/packs.js';

const pack = defaultPack();
const prepared = preparedDefault();
const questions = prepared.byId;
const examples = ['late-payer', 'abusive-client', 'healthy-client', 'agency-client'];

describe.each(examples)('golden reports: %s', (name) => {
  const set = exampleAnswers(name);
  const assessment = evaluate(prepared, set, { today: '2026-11-22' });
  const script = buildScript(prepared, set, assessment, { today: '2026-11-22' });
  it('text', async () => {
    await expect(renderText(assessment, { verdicts: pack.verdicts, questions, width: 80 })).toMatchFileSnapshot(`../fixtures/golden/${name}.txt`);
  });
  it('json', async () => {
    await expect(renderJson(assessment)).toMatchFileSnapshot(`../fixtures/golden/${name}.json`);
  });
  it('markdown', async () => {
    await expect(renderMarkdown(assessment, { verdicts: pack.verdicts, questions, script })).toMatchFileSnapshot(`../fixtures/golden/${name}.md`);
  });
  it('script', async () => {
    await expect(renderScriptText(assessment, { script, verdicts: pack.verdicts, width: 80 })).toMatchFileSnapshot(`../fixtures/golden/${name}.script.txt`);
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

it('markdown escapes text from users so it cannot break the document', () => {
  expect(escapeMarkdown('A|B *c* <script> # x\nnext')).toBe('A\\|B \\*c\\* \\<script\\> \\# x next');
});
