// The re-check loop through the built binary (issue 15): recorded, compared, escalated, due, forgotten.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packFiles } from '../../src/cli/pack-files.js';
import { loadTranslation } from '../../src/pack/load.js';
import { localizePack } from '../../src/pack/overlay.js';
import { localFormats } from '../../src/i18n/format.js';
import { runCli } from '../helpers/cli.js';
import { defaultPack, root } from '../helpers/packs.js';

const lateOften = JSON.stringify({ client: 'Acme S.r.l.', answers: { pays_late: 'often' } });
const lateRarely = JSON.stringify({ client: 'ACME  s.r.l.', answers: { pays_late: 'rarely' } });

function home() {
  const env = { FIRE_CHECK_HOME: mkdtempSync(join(tmpdir(), 'fire-check-history-')) };
  const run = (args: string[], input?: string) => runCli(args, { env, ...(input === undefined ? {} : { input }) });
  return run;
}

describe('the re-check loop (built binary)', () => {
  it('a fix re-checked with nothing improved becomes fire, with that as its first reason (A§4)', () => {
    const run = home();
    expect(JSON.parse(run(['--record', '--json', '--today', '2026-10-22'], lateOften).stdout)).toMatchObject({ verdict: 'fix', recheckOn: '2026-11-21' });
    const again = run(['--record', '--json', '--today', '2026-11-22'], lateOften);
    const data = JSON.parse(again.stdout);
    expect(data.verdict).toBe('fire');
    expect(data.reasons[0]).toMatchObject({ id: 'recheck', sources: expect.arrayContaining(['A§4']) });
    expect(again.stderr).toMatch(/^Recorded in .*history/);
    const text = run(['--record', '--today', '2026-11-23'], lateOften).stdout;
    expect(text).toMatch(/Last time, 22 November 2026: Fire, \d+\./);
  });

  it.each(['en', 'th'] as const)('%s: the re-check reason gives last time\'s date as the report gives dates (Buddhist era in Thai); JSON keeps it ISO', (lang) => {
    const run = home();
    run(['--record', '--json', '--today', '2026-10-22'], lateOften);
    // Lines joined: a date may be wrapped between its words.
    const text = run(['--record', '--today', '2026-11-22', '--lang', lang], lateOften).stdout.replace(/\n\s*/g, ' ');
    // Once in the line comparing with last time, once in the reason.
    expect(text.split(localFormats(lang).date('2026-10-22')).length - 1, text).toBe(2);
    expect(text).not.toContain('2026-10-22');
    const again = home();
    again(['--record', '--json', '--today', '2026-10-22'], lateOften);
    const json = JSON.parse(again(['--record', '--json', '--today', '2026-11-22', '--lang', lang], lateOften).stdout);
    expect(json.reasons[0]).toMatchObject({ id: 'recheck', text: expect.stringContaining('2026-10-22') });
  });

  it('a re-check with the targets met is better, and keeps its verdict of now', () => {
    const run = home();
    run(['--record', '--json', '--today', '2026-10-22'], lateOften);
    const data = JSON.parse(run(['--record', '--json', '--today', '2026-11-22'], lateRarely).stdout);
    expect(data.verdict).toBe('keep');
    const history = JSON.parse(run(['history', 'acme srl', '--json']).stdout);
    expect(history).toMatchObject({ schemaVersion: 1, client: 'Acme S.r.l.', trend: 'better', targets: { status: 'met' } });
    expect(history.assessments.map((a: { assessedOn: string }) => a.assessedOn)).toEqual(['2026-10-22', '2026-11-22']);
  });

  it('piped runs record only when asked; --no-history is not an error', () => {
    const run = home();
    run(['--json', '--today', '2026-10-22'], lateOften);
    expect(JSON.parse(run(['history', '--json']).stdout)).toEqual({ schemaVersion: 1, clients: [] });
  });

  it('due: exit 3 when a re-check date has come, 0 when none has; forget deletes one client', () => {
    const run = home();
    run(['--record', '--json', '--today', '2026-10-22'], lateOften);
    expect(run(['due', '--today', '2026-11-20']).code).toBe(0);
    const due = run(['due', '--json', '--today', '2026-11-22']);
    expect(due.code).toBe(3);
    expect(JSON.parse(due.stdout)).toMatchObject({ schemaVersion: 1, due: [{ client: 'Acme S.r.l.', recheckOn: '2026-11-21' }] });
    expect(run(['forget', 'ACME SRL']).stderr).toBe('Deleted everything kept about ACME SRL.\n');
    expect(run(['due', '--today', '2026-11-22']).code).toBe(0);
    expect(run(['history', 'Acme S.r.l.']).stderr).toMatch(/\[history\/unknown-client\]\n$/);
  });

  it('batch --record keeps every scored client', () => {
    const run = home();
    expect(run(['batch', 'examples/clients.csv', '--record', '--today', '2026-11-22']).code).toBe(0);
    expect(JSON.parse(run(['history', '--json']).stdout).clients).toHaveLength(5);
  });
});

describe('history for people names verdicts as the reports do', () => {
  const titlesIn = (lang: string) => (lang === 'en' ? defaultPack() : localizePack(defaultPack(), loadTranslation(`${root}rules/default.${lang}.yaml`, defaultPack(), packFiles()))).verdicts;
  const cells = (text: string) => text.split('\n').flatMap((line) => line.split(/ {2,}/));

  it.each(['en', 'it', 'hu', 'th'])('%s: the localized title in the text tables, the id in JSON', (lang) => {
    const run = home();
    run(['--record', '--json', '--today', '2026-10-22'], lateOften);
    run(['--record', '--json', '--today', '2026-10-22'], JSON.stringify({ client: 'Northwind', answers: { abuse: true } }));
    run(['--record', '--json', '--today', '2026-11-22'], lateOften);
    const titles = titlesIn(lang);
    const list = cells(run(['history', '--lang', lang]).stdout);
    expect(list).toEqual(expect.arrayContaining([titles.fire.title, titles['fire-now'].title]));
    expect(list).not.toContain('fire-now');
    const one = cells(run(['history', 'Acme S.r.l.', '--lang', lang]).stdout);
    expect(one).toEqual(expect.arrayContaining([titles.fix.title, titles.fire.title]));
    expect(one).not.toContain('fix');
    expect(JSON.parse(run(['history', '--json', '--lang', lang]).stdout).clients.map((c: { latest: { verdict: string } }) => c.latest.verdict)).toEqual(['fire', 'fire-now']);
    expect(JSON.parse(run(['history', 'Acme S.r.l.', '--json', '--lang', lang]).stdout).assessments.map((a: { verdict: string }) => a.verdict)).toEqual(['fix', 'fire']);
  });
});
