import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/clients/key.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readLines } from '../../src/history/read.js';
import { chronological, historyRecord, parseRecordLine, serializeRecord, type HistoryRecord } from '../../src/history/record.js';
import { exampleAnswers, preparedDefault } from '../helpers/packs.js';

const p = preparedDefault();
const set = exampleAnswers('late-payer');
const assessment = evaluate(p, set, { today: '2026-10-22' });
const record = historyRecord(assessment, set.answers, '2026-10-22', 'Brightside  Studio');
const line = serializeRecord(record);

describe('a record', () => {
  it('is one line of JSON that starts with its version', () => {
    expect(line.startsWith('{"v":1,')).toBe(true);
    expect(line).not.toContain('\n');
  });

  it('holds what a re-check and the history need', () => {
    expect(record).toMatchObject({
      client: 'Brightside  Studio',
      key: clientKey('Brightside  Studio'),
      assessedOn: '2026-10-22',
      verdict: assessment.verdict,
      score: assessment.score,
      recheckOn: assessment.recheckOn,
      pack: { id: 'default', version: assessment.pack.version },
    });
    expect(record.answers.pays_late).toBe('often');
    expect(record.whatWouldChange).toEqual(assessment.whatWouldChange);
    expect(record.reasons).toEqual(assessment.reasons.map((r) => r.id));
  });

  it('reads back as it was written', () => {
    expect(parseRecordLine(line)).toEqual({ kind: 'ok', value: record, recovered: false });
  });

  it('needs a client name to match by', () => {
    expect(() => historyRecord(assessment, set.answers, '2026-10-22', ' \u200b ')).toThrow(RangeError);
  });
});

describe('parseRecordLine', () => {
  const other = serializeRecord({ ...record, assessedOn: '2026-11-22' });
  it.each([
    ['', { kind: 'blank' }],
    ['   ', { kind: 'blank' }],
    [line.slice(0, 40), { kind: 'corrupt' }],
    ['not json', { kind: 'corrupt' }],
    [JSON.stringify({ ...record, v: 2 }), { kind: 'newer', version: 2 }],
    [JSON.stringify({ v: 7, anything: true }), { kind: 'newer', version: 7 }],
    [JSON.stringify({ ...record, v: '1' }), { kind: 'invalid', path: 'v' }],
    [JSON.stringify({ ...record, verdict: 'maybe' }), { kind: 'invalid', path: 'verdict' }],
    [JSON.stringify({ ...record, assessedOn: '22/10/2026' }), { kind: 'invalid', path: 'assessedOn' }],
    [JSON.stringify({ ...record, answers: { pays_late: 'a lot' } }), { kind: 'invalid', path: 'answers.pays_late' }],
    ['[1, 2]', { kind: 'invalid', path: '' }],
  ])('%j', (text, expected) => {
    expect(parseRecordLine(text)).toEqual(expected);
  });

  it('a half line with a whole record written onto it: the record is recovered', () => {
    expect(parseRecordLine(line.slice(0, 70) + other)).toEqual({ kind: 'ok', value: JSON.parse(other), recovered: true });
  });

  it('a client name that holds the start of a line does not fool the recovery', () => {
    const tricky = serializeRecord({ ...record, client: 'x{"v":1,"y' });
    expect(parseRecordLine(tricky)).toMatchObject({ kind: 'ok', recovered: false });
    expect(parseRecordLine(tricky.slice(0, 60))).toEqual({ kind: 'corrupt' });
  });

  it('keeps fields a newer minor version added', () => {
    const added = JSON.stringify({ ...record, note: 'from a later fire-check' });
    expect(parseRecordLine(added)).toMatchObject({ kind: 'ok', value: { note: 'from a later fire-check' } });
  });
});

describe('readLines', () => {
  const later = serializeRecord({ ...record, assessedOn: '2026-11-22' });
  const stranger = serializeRecord({ ...record, client: 'Other', key: 'other' });

  it('skips what cannot be read with a warning naming the line, and keeps the rest in file order', () => {
    const text = `${line}\n\n${line.slice(0, 50)}\n${JSON.stringify({ ...record, score: 'x' })}\r\n${stranger}\n${later}\r\n${later.slice(0, 30)}`;
    const result = readLines(text, 'acme.jsonl', parseRecordLine, (r) => r.key === record.key);
    expect(result).toEqual({
      ok: true,
      values: [record, JSON.parse(later)],
      warnings: [
        { code: 'history/corrupt-line', file: 'acme.jsonl', line: 3 },
        { code: 'history/invalid-record', file: 'acme.jsonl', line: 4, path: 'score' },
        { code: 'history/other-client', file: 'acme.jsonl', line: 5 },
        { code: 'history/corrupt-line', file: 'acme.jsonl', line: 7 },
      ],
    });
  });

  it('refuses the whole file when one line is from a newer fire-check', () => {
    const text = `${line}\n${JSON.stringify({ ...record, v: 2 })}\n${later}\n`;
    expect(readLines(text, 'acme.jsonl', parseRecordLine)).toEqual({ ok: false, problem: { code: 'history/newer-version', file: 'acme.jsonl', line: 2, version: 2 } });
  });

  it('an empty file has nothing in it', () => {
    expect(readLines('', 'f', parseRecordLine)).toEqual({ ok: true, values: [], warnings: [] });
  });
});

describe('chronological', () => {
  it('orders by date, keeping the written order within a date', () => {
    const r = (assessedOn: string, score: number): HistoryRecord => ({ ...record, assessedOn, score });
    const records = [r('2026-11-01', 1), r('2026-10-01', 2), r('2026-11-01', 3), r('2026-09-01', 4)];
    expect(chronological(records).map((x) => x.score)).toEqual([4, 2, 1, 3]);
  });
});
