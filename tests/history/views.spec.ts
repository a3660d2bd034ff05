import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/clients/key.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AnswerValue } from '../../src/engine/types.js';
import { historyRecord, type HistoryRecord } from '../../src/history/record.js';
import { parseIndexLine, summarize, type IndexEntry } from '../../src/history/summary.js';
import { answerChanges, clientHistoryView, dueEntries, dueView, historyListView } from '../../src/history/views.js';
import { preparedDefault } from '../helpers/packs.js';

const p = preparedDefault();
type Answers = Record<string, AnswerValue>;

function recorded(answers: Answers, on: string, client = 'Acme'): HistoryRecord {
  return historyRecord(evaluate(p, { client, answers }, { today: on }), answers, on, client);
}

// Four occasional problems: a fix (A: "consider how often").
const fixAnswers: Answers = { pays_late: 'sometimes', scope_creep: 'sometimes', indecisive: 'sometimes', disrespects_time: 'sometimes', raised_issue: false };
const first = recorded(fixAnswers, '2026-10-22', 'ACME  s.r.l.');
const worse = recorded({ ...fixAnswers, pays_late: 'always', raised_issue: true }, '2026-11-22', 'Acme S.r.l.');
const better = recorded({ ...fixAnswers, pays_late: 'never', raised_issue: true }, '2026-11-22', 'acme srl');

describe('answerChanges', () => {
  it('lists each answer that differs, old → new, in the order given, then the rest', () => {
    expect(answerChanges({ a: 'often', b: true, c: 3 }, { c: 3, b: false, a: 'always', d: null }, ['b', 'a'])).toEqual([
      { id: 'b', from: true, to: false },
      { id: 'a', from: 'often', to: 'always' },
    ]);
    expect(answerChanges({ a: 'often' }, { b: 'never' })).toEqual([
      { id: 'b', from: null, to: 'never' },
      { id: 'a', from: 'often', to: null },
    ]);
  });

  it('nothing, when nothing changed', () => {
    expect(answerChanges(fixAnswers, { ...fixAnswers })).toEqual([]);
  });
});

describe('history "Acme": one client over time', () => {
  it('worse: what changed between the last two, in the pack\'s order, and the targets not met', () => {
    const view = clientHistoryView([first, worse], p);
    expect(view).toMatchObject({ schemaVersion: 1, client: 'ACME  s.r.l.', trend: 'worse' });
    expect(view?.assessments.map((a) => [a.assessedOn, a.verdict])).toEqual([
      ['2026-10-22', 'fix'],
      ['2026-11-22', 'fire'],
    ]);
    expect(view?.changes).toEqual([
      { id: 'pays_late', from: 'sometimes', to: 'always' },
      { id: 'raised_issue', from: false, to: true },
    ]);
    expect(view?.targets).toMatchObject({ verdict: 'keep', status: 'not-met' });
  });

  it('better: the targets met', () => {
    const view = clientHistoryView([first, better], p);
    expect(view?.trend).toBe('better');
    expect(view?.targets?.status).toBe('met');
  });

  it('oldest first, whatever order they were written in; the name is the first written', () => {
    const view = clientHistoryView([better, first], p);
    expect(view?.client).toBe('acme srl');
    expect(view?.assessments.map((a) => a.assessedOn)).toEqual(['2026-10-22', '2026-11-22']);
    expect(view?.trend).toBe('better');
  });

  it('one assessment: new, nothing changed, no targets', () => {
    expect(clientHistoryView([first], p)).toMatchObject({ trend: 'new', changes: [], targets: null });
  });

  it('without the pack: no targets judged', () => {
    expect(clientHistoryView([first, worse])?.targets).toBeNull();
  });

  it('no records, no view', () => {
    expect(clientHistoryView([], p)).toBeNull();
  });

  it('has the fields the issue fixes', () => {
    const json = JSON.parse(JSON.stringify(clientHistoryView([first, worse], p)));
    expect(Object.keys(json.assessments[0])).toEqual(expect.arrayContaining(['assessedOn', 'verdict', 'score', 'recheckOn', 'answers']));
  });
});

describe('summarize: an index entry', () => {
  it('the first spelling, the latest two by date, and how many', () => {
    expect(summarize([first, better, worse])).toEqual({
      v: 1,
      key: clientKey('Acme S.r.l.'),
      client: 'ACME  s.r.l.',
      assessments: 3,
      latest: { assessedOn: '2026-11-22', verdict: worse.verdict, score: worse.score, recheckOn: worse.recheckOn },
      previous: { assessedOn: '2026-11-22', verdict: better.verdict, score: better.score, recheckOn: better.recheckOn },
    });
    expect(summarize([])).toBeNull();
  });

  it('reads back from its line', () => {
    const entry = summarize([first]) as IndexEntry;
    expect(parseIndexLine(JSON.stringify(entry))).toEqual({ kind: 'ok', value: entry, recovered: false });
    expect(parseIndexLine(JSON.stringify({ ...entry, v: 2 }))).toEqual({ kind: 'newer', version: 2 });
  });
});

const entry = (client: string, latest: Partial<IndexEntry['latest']>, previous: IndexEntry['previous'] = null): IndexEntry => ({
  v: 1,
  key: client.toLowerCase(),
  client,
  assessments: previous ? 2 : 1,
  latest: { assessedOn: '2026-10-22', verdict: 'fix', score: 19, recheckOn: '2026-11-21', ...latest },
  previous,
});

describe('history: every client', () => {
  it('latest verdict, score, date, trend and re-check date, by name', () => {
    const entries = [
      entry('Zeta', { verdict: 'fire', score: 44, recheckOn: null }, { assessedOn: '2026-09-01', verdict: 'fix', score: 19, recheckOn: '2026-10-01' }),
      entry('acme', {}),
      entry('Beta', { score: 12 }, { assessedOn: '2026-09-01', verdict: 'fix', score: 19, recheckOn: '2026-10-01' }),
    ];
    expect(historyListView(entries)).toEqual({
      schemaVersion: 1,
      clients: [
        { client: 'acme', latest: { assessedOn: '2026-10-22', verdict: 'fix', score: 19, recheckOn: '2026-11-21' }, trend: 'new', assessments: 1 },
        { client: 'Beta', latest: { assessedOn: '2026-10-22', verdict: 'fix', score: 12, recheckOn: '2026-11-21' }, trend: 'better', assessments: 2 },
        { client: 'Zeta', latest: { assessedOn: '2026-10-22', verdict: 'fire', score: 44, recheckOn: null }, trend: 'worse', assessments: 2 },
      ],
    });
  });
});

describe('due: the re-check date has come', () => {
  const entries = [
    entry('Yesterday', { recheckOn: '2026-11-21' }),
    entry('Today', { recheckOn: '2026-11-22' }),
    entry('Tomorrow', { recheckOn: '2026-11-23' }),
    entry('Fired', { verdict: 'fire', recheckOn: null }),
    entry('Long ago', { recheckOn: '2026-01-05' }),
  ];

  it.each([
    ['2026-11-22', ['Long ago', 'Yesterday', 'Today']],
    ['2026-11-21', ['Long ago', 'Yesterday']],
    ['2026-01-04', []],
    ['2027-01-01', ['Long ago', 'Yesterday', 'Today', 'Tomorrow']],
  ])('on %s: %j, the longest due first', (today, names) => {
    expect(dueEntries(entries, today).map((e) => e.client)).toEqual(names);
  });

  it('as JSON', () => {
    expect(dueView(entries, '2026-11-21')).toEqual({
      schemaVersion: 1,
      today: '2026-11-21',
      due: [
        { client: 'Long ago', recheckOn: '2026-01-05', verdict: 'fix', score: 19, assessedOn: '2026-10-22' },
        { client: 'Yesterday', recheckOn: '2026-11-21', verdict: 'fix', score: 19, assessedOn: '2026-10-22' },
      ],
    });
  });
});
