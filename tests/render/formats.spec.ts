// The formats are listed once (render/formats.ts, and options.ts for the
// commands that are not assessments): --format, the help and README follow.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, FORMATS, type CommandName } from '../../src/cli/options.js';
import { evaluate, prepare } from '../../src/engine/evaluate.js';
import { REPORT_FORMATS, SCRIPT_FORMATS } from '../../src/render/formats.js';
import { defaultPack, exampleAnswers } from '../helpers/packs.js';
import { runCli } from '../helpers/cli.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the format registry', () => {
  it.each(Object.keys(COMMANDS) as CommandName[])('README lists the formats of %s, default first, as the table has them', (command) => {
    const name = command === 'assess' ? 'fire-check' : `fire-check ${command}`;
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, name).toBeDefined();
    const listed = [...(row as string).split('|')[2]!.matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...FORMATS[command]]);
  });

  it.each(Object.keys(REPORT_FORMATS))('every report format renders the same assessment: %s', async (format) => {
    const pack = defaultPack();
    const a = evaluate(prepare(pack), exampleAnswers('late-payer'), { today: '2026-11-22' });
    const render = await REPORT_FORMATS[format as keyof typeof REPORT_FORMATS].load();
    const out = render(a, { verdicts: pack.verdicts, questions: prepare(pack).byId, script: [] });
    expect(out).toContain(format === 'json' ? '"verdict": "fix"' : 'Brightside Studio');
  });

  it.each(Object.keys(SCRIPT_FORMATS))('the script in %s, through the binary', (format) => {
    const result = runCli(['script', '--answers', 'examples/abusive-client.json', '--format', format, '--today', '2026-11-22']);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(100);
  });
});
