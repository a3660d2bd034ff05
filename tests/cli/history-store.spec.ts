// The history store against a real temporary folder (issue 15): append, read,
// a corrupt tail, a future version, name matching, forget, export, and the
// index that `history` and `due` read.
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendRecords, exportHistory, forgetClient, readClient, readIndex, rebuildIndex } from '../../src/cli/history-store.js';
import { clientKey } from '../../src/clients/key.js';
import { clientStem, shardOf } from '../../src/history/layout.js';
import { serializeRecord } from '../../src/history/record.js';
import { recordOf, tempFolder } from '../helpers/history.js';

let temp: ReturnType<typeof tempFolder>;
let folder: string;
beforeEach(() => {
  temp = tempFolder();
  folder = join(temp.path, 'history');
});
afterEach(() => temp.remove());

const fileOf = (name: string) => join(folder, 'clients', `${clientStem(clientKey(name))}.jsonl`);
const records = (name: string) => {
  const read = readClient(folder, clientKey(name));
  if (!read.ok) throw new Error(read.problem.code);
  return read;
};
const index = () => {
  const read = readIndex(folder);
  if (!read.ok) throw new Error(read.problem.code);
  return new Map(read.values.map((e) => [e.client, e]));
};
const pending = () => readdirSync(join(folder, 'pending'));

describe('append and read', () => {
  it('reads back what was appended, in order, and nothing of other clients', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22'), recordOf('Beta', '2026-10-22', { verdict: 'keep', score: 3 })]);
    appendRecords(folder, [recordOf('Acme', '2026-11-22', { verdict: 'fire', score: 44 })]);
    const acme = records('Acme');
    expect(acme.values.map((r) => [r.assessedOn, r.verdict])).toEqual([
      ['2026-10-22', 'fix'],
      ['2026-11-22', 'fire'],
    ]);
    expect(acme.warnings).toEqual([]);
    expect(records('Beta').values).toHaveLength(1);
    expect(records('Gamma').values).toEqual([]);
    expect(pending()).toEqual([]);
  });

  it('matches names case-, space- and accent-insensitively, and keeps the first spelling', () => {
    appendRecords(folder, [recordOf('Acme S.r.l.', '2026-10-22')]);
    appendRecords(folder, [recordOf('ACME  s.r.l.', '2026-11-22'), recordOf('acmé s.r.l.', '2026-12-22')]);
    const read = records('  acme S.R.L.');
    expect(read.values.map((r) => r.client)).toEqual(['Acme S.r.l.', 'Acme S.r.l.', 'Acme S.r.l.']);
    expect(index().get('Acme S.r.l.')?.assessments).toBe(3);
  });

  it('one file per client, private to the user; folders too', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    expect(statSync(fileOf('Acme')).mode & 0o777).toBe(0o600);
    for (const sub of ['', 'clients', 'index', 'pending']) expect(statSync(join(folder, sub)).mode & 0o777).toBe(0o700);
    const shard = join(folder, 'index', `${shardOf(clientStem('acme'))}.jsonl`);
    expect(statSync(shard).mode & 0o777).toBe(0o600);
    expect(readFileSync(fileOf('Acme'), 'utf8')).toBe(`${serializeRecord(recordOf('Acme', '2026-10-22'))}\n`);
  });

  it('a folder that exists keeps its mode (a team\'s shared folder)', () => {
    mkdirSync(folder, { mode: 0o750 });
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    expect(statSync(folder).mode & 0o777).toBe(0o750);
  });

  it('a link planted in place of a client file is not written through', () => {
    mkdirSync(join(folder, 'clients'), { recursive: true });
    const target = join(temp.path, 'elsewhere');
    writeFileSync(target, '');
    symlinkSync(target, fileOf('Acme'));
    expect(() => appendRecords(folder, [recordOf('Acme', '2026-10-22')])).toThrow(/ELOOP/);
    expect(readFileSync(target, 'utf8')).toBe('');
    expect(pending()).toEqual([]);
  });

  it('a write that fails on one client still indexes those written before it', () => {
    mkdirSync(join(folder, 'clients'), { recursive: true });
    symlinkSync(join(temp.path, 'elsewhere'), fileOf('Zeta'));
    expect(() => appendRecords(folder, [recordOf('Acme', '2026-10-22'), recordOf('Zeta', '2026-10-22'), recordOf('Beta', '2026-10-22')])).toThrow(/ELOOP/);
    expect(pending()).toEqual([]);
    expect([...index().keys()]).toEqual(['Acme']);
  });

  it('a record it would not read back is never written', () => {
    expect(() => appendRecords(folder, [recordOf('Acme', '2026-10-22', { score: Number.NaN })])).toThrow(/score/);
    expect(() => appendRecords(folder, [recordOf('Acme', '22/10/2026')])).toThrow(/assessedOn/);
    expect(existsSync(fileOf('Acme'))).toBe(false);
  });
});

describe('a crash mid-write', () => {
  it('leaves a half line that is skipped with a warning; the next record starts a line of its own', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    const half = serializeRecord(recordOf('Acme', '2026-11-01')).slice(0, 57);
    appendFileSync(fileOf('Acme'), half);
    const read = records('Acme');
    expect(read.values).toHaveLength(1);
    expect(read.warnings).toEqual([{ code: 'history/corrupt-line', file: fileOf('Acme'), line: 2 }]);

    appendRecords(folder, [recordOf('Acme', '2026-11-22')]);
    const after = records('Acme');
    expect(after.values.map((r) => r.assessedOn)).toEqual(['2026-10-22', '2026-11-22']);
    expect(after.warnings).toEqual([{ code: 'history/corrupt-line', file: fileOf('Acme'), line: 2 }]);
    expect(readFileSync(fileOf('Acme'), 'utf8').split('\n')[1]).toBe(half);
  });

  it('a record glued onto a half line by another writer is recovered', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    appendFileSync(fileOf('Acme'), `${serializeRecord(recordOf('Acme', '2026-11-01')).slice(0, 57)}${serializeRecord(recordOf('Acme', '2026-11-22'))}\n`);
    const read = records('Acme');
    expect(read.values.map((r) => r.assessedOn)).toEqual(['2026-10-22', '2026-11-22']);
    expect(read.warnings.map((w) => w.code)).toEqual(['history/corrupt-line']);
  });

  it('a record written but not yet in the index (the process died) is seen through its pending mark', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    // What a process leaves when it dies between its write and the index update.
    appendFileSync(fileOf('Acme'), `${serializeRecord(recordOf('Acme', '2026-11-22', { verdict: 'fire', score: 44 }))}\n`);
    closeSync(openSync(join(folder, 'pending', `${clientStem('acme')}.deadbeef`), 'w'));
    expect(index().get('Acme')).toMatchObject({ assessments: 2, latest: { verdict: 'fire' }, previous: { verdict: 'fix' } });

    // The next update of that client drops a mark old enough to be from a dead write.
    const mark = join(folder, 'pending', `${clientStem('acme')}.deadbeef`);
    utimesSync(mark, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    appendRecords(folder, [recordOf('Acme', '2026-12-22')]);
    expect(existsSync(mark)).toBe(false);
    expect(index().get('Acme')?.assessments).toBe(3);
  });
});

describe('a history from a newer fire-check', () => {
  it('is refused, not misread', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    appendFileSync(fileOf('Acme'), `${JSON.stringify({ ...recordOf('Acme', '2026-11-22'), v: 2 })}\n`);
    expect(readClient(folder, 'acme')).toEqual({ ok: false, problem: { code: 'history/newer-version', file: fileOf('Acme'), line: 2, version: 2 } });
    expect(rebuildIndex(folder)).toMatchObject({ ok: false, problem: { code: 'history/newer-version' } });
  });

  it('an index shard from a newer fire-check is refused too, and not rewritten', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    const shard = join(folder, 'index', `${shardOf(clientStem('acme'))}.jsonl`);
    const newer = `${JSON.stringify({ v: 2, key: 'acme', shape: 'new' })}\n`;
    writeFileSync(shard, newer);
    expect(readIndex(folder)).toMatchObject({ ok: false, problem: { code: 'history/newer-version', file: shard } });
    expect(appendRecords(folder, [recordOf('Acme', '2026-11-22')]).notices).toEqual([{ code: 'history/newer-version', shard: shardOf(clientStem('acme')) }]);
    expect(forgetClient(folder, 'acme')).toMatchObject({ status: 'refused' });
    expect(readFileSync(shard, 'utf8')).toBe(newer);
    expect(existsSync(fileOf('Acme'))).toBe(true);
  });
});

describe('the index: history and due without reading every record', () => {
  it('each client\'s latest two by date, its first spelling and count', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22'), recordOf('Beta', '2026-10-01', { verdict: 'keep', score: 2 })]);
    appendRecords(folder, [recordOf('ACME', '2026-11-22', { verdict: 'fire', score: 44 })]);
    // Written later, made earlier (--today): the latest is by date.
    appendRecords(folder, [recordOf('acme', '2026-09-01', { verdict: 'keep', score: 1 })]);
    const entries = index();
    expect(entries.get('Acme')).toEqual({
      v: 1,
      key: 'acme',
      client: 'Acme',
      assessments: 3,
      latest: { assessedOn: '2026-11-22', verdict: 'fire', score: 44, recheckOn: null },
      previous: { assessedOn: '2026-10-22', verdict: 'fix', score: 19, recheckOn: null },
    });
    expect(entries.get('Beta')).toMatchObject({ assessments: 1, previous: null });
  });

  it('is made again from the files when it is missing or damaged', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22'), recordOf('Beta', '2026-10-22')]);
    const before = readIndex(folder);
    for (const name of readdirSync(join(folder, 'index'))) writeFileSync(join(folder, 'index', name), '{"v":1,"key":"ac');
    expect(readIndex(folder)).toEqual(before);
    rebuildIndex(folder);
    rmSync(join(folder, 'index'), { recursive: true });
    expect(readIndex(folder)).toMatchObject({ ok: true, values: expect.arrayContaining([expect.objectContaining({ client: 'Acme' }), expect.objectContaining({ client: 'Beta' })]) });
    expect(existsSync(join(folder, 'index'))).toBe(true);
  });

  it('no history at all: no clients', () => {
    expect(readIndex(folder)).toEqual({ ok: true, values: [], warnings: [] });
  });
});

describe('the index lock', () => {
  const lockFile = () => join(folder, 'index', `${shardOf(clientStem('acme'))}.lock`);

  it('a lock held by a live process: the record is written, the index is not, and readers still see it', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    writeFileSync(lockFile(), '12345\n');
    const result = appendRecords(folder, [recordOf('Acme', '2026-11-22', { verdict: 'fire' })], { lockTimeout: 30 });
    expect(result.notices).toEqual([{ code: 'history/index-busy', shard: shardOf(clientStem('acme')) }]);
    expect(records('Acme').values).toHaveLength(2);
    expect(pending()).toHaveLength(1);
    expect(index().get('Acme')).toMatchObject({ assessments: 2, latest: { verdict: 'fire' } });
    expect(forgetClient(folder, 'acme', { lockTimeout: 30 })).toEqual({ status: 'busy' });
    expect(records('Acme').values).toHaveLength(2);
  });

  it('a lock left by a process that died is broken', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22')]);
    writeFileSync(lockFile(), '12345\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    expect(appendRecords(folder, [recordOf('Acme', '2026-11-22')], { lockTimeout: 30 }).notices).toEqual([]);
    expect(existsSync(lockFile())).toBe(false);
    expect(pending()).toEqual([]);
  });
});

describe('forget', () => {
  it('deletes everything kept about one client, and nothing else', () => {
    appendRecords(folder, [recordOf('Acme S.r.l.', '2026-10-22'), recordOf('Beta', '2026-10-22')]);
    closeSync(openSync(join(folder, 'pending', `${clientStem(clientKey('Acme S.r.l.'))}.0badf00d`), 'w'));
    expect(forgetClient(folder, clientKey('ACME  s.r.l.'))).toEqual({ status: 'forgotten' });
    expect(existsSync(fileOf('Acme S.r.l.'))).toBe(false);
    expect(pending()).toEqual([]);
    expect([...index().keys()]).toEqual(['Beta']);
    for (const name of readdirSync(join(folder, 'index'))) expect(readFileSync(join(folder, 'index', name), 'utf8')).not.toContain('Acme');
    expect(records('Beta').values).toHaveLength(1);
  });

  it('a client never recorded is unknown', () => {
    expect(forgetClient(folder, 'acme')).toEqual({ status: 'unknown' });
    appendRecords(folder, [recordOf('Beta', '2026-10-22')]);
    expect(forgetClient(folder, 'acme')).toEqual({ status: 'unknown' });
  });
});

describe('export', () => {
  it('every record as NDJSON, client by client, skipping what is not a record', () => {
    appendRecords(folder, [recordOf('Acme', '2026-10-22'), recordOf('Beta', '2026-10-22'), recordOf('Acme', '2026-11-22')]);
    appendFileSync(fileOf('Beta'), 'half a li');
    const newer = JSON.stringify({ v: 2, client: 'Acme', key: 'acme', future: true });
    appendFileSync(fileOf('Acme'), `${newer}\n`);
    const chunks: string[] = [];
    const result = exportHistory(folder, (text) => chunks.push(text));
    const lines = chunks.join('').trimEnd().split('\n');
    expect(result).toEqual({ records: 4, warnings: [{ code: 'history/corrupt-line', file: fileOf('Beta'), line: 2 }] });
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => JSON.parse(l).client).sort()).toEqual(['Acme', 'Acme', 'Acme', 'Beta']);
    expect(lines).toContain(newer);
    expect(chunks).toHaveLength(2);
  });

  it('nothing recorded, nothing exported', () => {
    expect(exportHistory(folder, () => expect.fail('nothing to write'))).toEqual({ records: 0, warnings: [] });
  });
});
