// Where the history lives (issue 15): FIRE_CHECK_HOME if set, else the user's
// data folder: $XDG_DATA_HOME, else ~/.local/share on Linux and the like,
// ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows.
//
// Why not env-paths (4.0.0 is current and supports Node 20): it reads
// process.env, the home folder and the platform for itself, where here they
// come in from io so that tests can set them; it takes a relative
// XDG_DATA_HOME, which the XDG spec says to ignore; and it is one more
// dependency (with one of its own) for the few lines below, which follow its
// choices otherwise (Windows: %LOCALAPPDATA%\fire-check\Data).
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export interface HomeSystem {
  platform: NodeJS.Platform;
  homedir(): string;
}

const processSystem: HomeSystem = { platform: process.platform, homedir };

const NAME = 'fire-check';

/** The folder fire-check keeps its data in (the history is in its `history/`). */
export function dataFolder(env: Readonly<Record<string, string | undefined>>, system: HomeSystem = processSystem): string {
  const path = system.platform === 'win32' ? win32 : posix;
  // Taken as given: a relative FIRE_CHECK_HOME is from the working folder, as any path on the command line.
  if (env.FIRE_CHECK_HOME) return env.FIRE_CHECK_HOME;
  const xdg = env.XDG_DATA_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, NAME);
  const home = system.homedir();
  if (system.platform === 'darwin') return path.join(home, 'Library', 'Application Support', NAME);
  if (system.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), NAME, 'Data');
  return path.join(home, '.local', 'share', NAME);
}

/** The history folder: the data folder's `history/`. */
export function historyFolder(env: Readonly<Record<string, string | undefined>>, system: HomeSystem = processSystem): string {
  return (system.platform === 'win32' ? win32 : posix).join(dataFolder(env, system), 'history');
}
