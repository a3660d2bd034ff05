import { describe, expect, it } from 'vitest';
import { historyFolder } from '../../src/cli/history-home.js';

const linux = { platform: 'linux' as const, homedir: () => '/home/ana' };
const mac = { platform: 'darwin' as const, homedir: () => '/Users/ana' };
const windows = { platform: 'win32' as const, homedir: () => 'C:\\Users\\ana' };

describe('where the history lives (issue 15)', () => {
  it.each([
    ['FIRE_CHECK_HOME first', { FIRE_CHECK_HOME: '/srv/agency', XDG_DATA_HOME: '/x' }, linux, '/srv/agency/history'],
    ['FIRE_CHECK_HOME on Windows', { FIRE_CHECK_HOME: 'D:\\Team\\fire-check' }, windows, 'D:\\Team\\fire-check\\history'],
    ['an empty FIRE_CHECK_HOME is not set', { FIRE_CHECK_HOME: '' }, linux, '/home/ana/.local/share/fire-check/history'],
    ['XDG_DATA_HOME', { XDG_DATA_HOME: '/data/ana' }, linux, '/data/ana/fire-check/history'],
    ['a relative XDG_DATA_HOME is ignored, as the XDG spec says', { XDG_DATA_HOME: 'data' }, linux, '/home/ana/.local/share/fire-check/history'],
    ['Linux: ~/.local/share', {}, linux, '/home/ana/.local/share/fire-check/history'],
    ['macOS: Application Support', {}, mac, '/Users/ana/Library/Application Support/fire-check/history'],
    ['macOS with XDG_DATA_HOME set: the user asked for it', { XDG_DATA_HOME: '/Users/ana/.data' }, mac, '/Users/ana/.data/fire-check/history'],
    ['Windows: %LOCALAPPDATA%', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, windows, 'C:\\Users\\ana\\AppData\\Local\\fire-check\\Data\\history'],
    ['Windows without LOCALAPPDATA', {}, windows, 'C:\\Users\\ana\\AppData\\Local\\fire-check\\Data\\history'],
  ])('%s', (_name, env, system, expected) => {
    expect(historyFolder(env, system)).toBe(expected);
  });
});
