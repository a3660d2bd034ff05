import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packFor } from '../../src/cli/context.js';
import { packCacheDir } from '../../src/cli/pack-cache.js';
import { packFiles } from '../../src/cli/pack-files.js';
import type { CommonOptions } from '../../src/cli/options.js';
import { loadPack } from '../../src/pack/load.js';
import { BIN } from '../helpers/cli.js';
import { fixture, root } from '../helpers/packs.js';

const temporary = (name: string) => mkdtempSync(join(tmpdir(), `fire-check-${name}-`));
const options = (rules: string, lang: CommonOptions['lang'] = 'en'): CommonOptions => ({ rules, format: 'json', lang });
const entries = (home: string) => readdirSync(join(home, 'cache', 'packs'));

/** A pack that extends a base beside it: `base.yaml` is the banded test pack, with `haggles` at `weight`. */
function packOnBase(weight = 8): { dir: string; pack: string; base: string } {
  const dir = temporary('pack-cache-files');
  const base = join(dir, 'base.yaml');
  writeFileSync(base, readFileSync(fixture('packs', 'banded.yaml'), 'utf8'));
  const pack = join(dir, 'mine.yaml');
  writeFileSync(pack, `format: 2\nextends: ./base.yaml\nid: mine\nversion: 1.0.0\nquestions:\n  - id: haggles\n    weight: ${weight}\n`);
  return { dir, pack, base };
}

describe('the cache of validated packs', () => {
  it('a second run gets the same pack from the cache', async () => {
    const home = temporary('home');
    const first = await packFor(options(`${root}examples/agency-strict.yaml`), { env: { FIRE_CHECK_HOME: home } });
    expect(entries(home)).toHaveLength(1);
    const second = await packFor(options(`${root}examples/agency-strict.yaml`), { env: { FIRE_CHECK_HOME: home } });
    expect(second).toEqual(first);
    expect(second).toEqual(loadPack(`${root}examples/agency-strict.yaml`, packFiles()));
  });

  it('a change to a base pack it extends is seen at once', async () => {
    const home = temporary('home');
    const { pack, base } = packOnBase();
    const before = await packFor(options(pack), { env: { FIRE_CHECK_HOME: home } });
    expect(before.questions.find((q) => q.id === 'mood')?.label).not.toBe('Changed in the base');
    writeFileSync(base, readFileSync(base, 'utf8').replace(/(id: mood[\s\S]*?label: ).*/, '$1Changed in the base'));
    const after = await packFor(options(pack), { env: { FIRE_CHECK_HOME: home } });
    expect(after.questions.find((q) => q.id === 'mood')?.label).toBe('Changed in the base');
  });

  it('a change to the pack itself is seen at once, and replaces its entry', async () => {
    const home = temporary('home');
    const { pack } = packOnBase(8);
    expect((await packFor(options(pack), { env: { FIRE_CHECK_HOME: home } })).questions.find((q) => q.id === 'haggles')?.weight).toBe(8);
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('weight: 8', 'weight: 9'));
    expect((await packFor(options(pack), { env: { FIRE_CHECK_HOME: home } })).questions.find((q) => q.id === 'haggles')?.weight).toBe(9);
    expect(entries(home)).toHaveLength(1);
  });

  it("the pack's own translation is part of it: one added or changed later is used", async () => {
    const home = temporary('home');
    const { dir, pack } = packOnBase();
    const label = async () => (await packFor(options(pack, 'it'), { env: { FIRE_CHECK_HOME: home } })).questions.find((q) => q.id === 'haggles')?.label;
    const english = await label();
    writeFileSync(join(dir, 'mine.it.yaml'), 'format: 1\nlang: it\nquestions:\n  haggles: { label: Tratta sul prezzo }\n');
    expect(await label()).toBe('Tratta sul prezzo');
    writeFileSync(join(dir, 'mine.it.yaml'), 'format: 1\nlang: it\nquestions:\n  haggles: { label: Mercanteggia }\n');
    expect(await label()).toBe('Mercanteggia');
    expect(english).not.toBe('Mercanteggia');
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'garbage\n{"pack": 1}'],
    ['empty', () => ''],
    ['its pack changed on disk', (text: string) => text.replace('"id":"agency-strict"', '"id":"tampered"')],
    ['from another entry format', (text: string) => text.replace('"format":1', '"format":0')],
  ])('an entry that is %s is ignored and written anew', async (_name, spoil) => {
    const home = temporary('home');
    const file = `${root}examples/agency-strict.yaml`;
    const good = await packFor(options(file), { env: { FIRE_CHECK_HOME: home } });
    const entry = join(home, 'cache', 'packs', entries(home)[0] as string);
    const written = readFileSync(entry, 'utf8');
    writeFileSync(entry, spoil(written));
    expect(await packFor(options(file), { env: { FIRE_CHECK_HOME: home } })).toEqual(good);
    expect(readFileSync(entry, 'utf8')).toBe(written);
  });

  it('a cache folder that cannot be written is passed over: the run still works', async () => {
    const blocker = join(temporary('home'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const pack = await packFor(options(`${root}examples/agency-strict.yaml`), { env: { FIRE_CHECK_HOME: blocker } });
    expect(pack.id).toBe('agency-strict');
  });

  it('with no cache folder at all, the pack is loaded as it always was', async () => {
    expect((await packFor(options(`${root}examples/agency-strict.yaml`), { env: {} })).id).toBe('agency-strict');
  });
});

describe('a hit loads neither yaml nor zod', () => {
  afterEach(() => {
    vi.doUnmock('yaml');
    vi.doUnmock('zod');
    vi.resetModules();
  });

  /** packFor from a fresh module graph in which importing yaml or zod is recorded, and fails. */
  async function packForWithoutYamlOrZod(loaded: string[]) {
    vi.resetModules();
    vi.doMock('yaml', () => {
      loaded.push('yaml');
      throw new Error('yaml was loaded');
    });
    vi.doMock('zod', () => {
      loaded.push('zod');
      throw new Error('zod was loaded');
    });
    return (await import('../../src/cli/context.js')).packFor;
  }

  it('on a hit, the pack comes without them', async () => {
    const home = temporary('home');
    const file = `${root}examples/agency-strict.yaml`;
    const first = await packFor(options(file), { env: { FIRE_CHECK_HOME: home } });
    const loaded: string[] = [];
    const packForFresh = await packForWithoutYamlOrZod(loaded);
    expect(await packForFresh(options(file), { env: { FIRE_CHECK_HOME: home } })).toEqual(first);
    expect(loaded).toEqual([]);
  });

  it('on a miss they are needed (so the test above would see them)', async () => {
    const loaded: string[] = [];
    const packForFresh = await packForWithoutYamlOrZod(loaded);
    await expect(packForFresh(options(`${root}examples/agency-strict.yaml`), { env: { FIRE_CHECK_HOME: temporary('home') } })).rejects.toThrow();
    expect(loaded.length).toBeGreaterThan(0);
  });
});

describe('packCacheDir: where the cache is', () => {
  it.each([
    ['FIRE_CHECK_HOME wins', { FIRE_CHECK_HOME: '/fc', XDG_CACHE_HOME: '/xdg', HOME: '/home/me' }, '/fc/cache/packs'],
    ['then XDG_CACHE_HOME', { XDG_CACHE_HOME: '/xdg', HOME: '/home/me' }, '/xdg/fire-check/packs'],
    ['a relative XDG_CACHE_HOME is invalid, and ignored', { XDG_CACHE_HOME: 'xdg', HOME: '/home/me' }, '/home/me/.cache/fire-check/packs'],
    ['then ~/.cache', { HOME: '/home/me' }, '/home/me/.cache/fire-check/packs'],
    ['an empty FIRE_CHECK_HOME is not set', { FIRE_CHECK_HOME: '', HOME: '/home/me' }, '/home/me/.cache/fire-check/packs'],
    ['no home: no cache', {}, undefined],
  ])('%s', (_name, env, dir) => {
    expect(packCacheDir(env)).toBe(dir);
  });
});

it('runs at once on a cold cache each get the pack, and leave one whole entry (built binary)', async () => {
  const home = temporary('home');
  const { pack } = packOnBase();
  writeFileSync(join(home, 'answers.json'), '{"client": "X", "answers": {"days_late": 45, "haggles": "often"}}');
  const run = async () => {
    const child = spawn(process.execPath, [BIN, '--rules', pack, '--format', 'json', '--answers', join(home, 'answers.json')], { env: { ...process.env, FIRE_CHECK_HOME: home } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const [code] = await once(child, 'exit');
    return { code, out };
  };
  const results = await Promise.all(Array.from({ length: 6 }, run));
  expect(results.map((r) => r.code)).toEqual(Array(6).fill(0));
  expect(new Set(results.map((r) => r.out)).size).toBe(1);
  expect(entries(home)).toHaveLength(1);
  const again = await run();
  expect(again).toEqual(results[0]);
});
