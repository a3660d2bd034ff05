import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOCKET = `fire-check-test-${process.pid}`;

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

/** A real terminal: the program runs in a detached tmux session we type into and read. */
export class Terminal {
  private readonly name: string;

  constructor(name: string, readonly width = 100, readonly height = 45) {
    this.name = `${name}-${Math.random().toString(36).slice(2, 8)}`;
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  }

  start(command: string, env: Record<string, string> = {}): void {
    // Each terminal's own home: an interview records the client's history, which the next one would start from.
    const own = { FIRE_CHECK_HOME: mkdtempSync(join(tmpdir(), 'fire-check-tmux-')), ...env };
    const exports = Object.entries(own).map(([k, v]) => `export ${k}='${v}';`).join(' ');
    const args = ['new-session', '-d', '-s', this.name, '-x', String(this.width), '-y', String(this.height), `${exports} ${command}; echo "[exit $?]"; sleep 120`];
    // The server exits with its last session (the previous test's, just killed): a session
    // started at that moment reaches a server on its way out. The next try starts a new one.
    for (let attempt = 1; ; attempt++) {
      try {
        this.tmux(...args);
        return;
      } catch (error) {
        if (attempt === 3 || !String((error as Error).message).includes('server exited unexpectedly')) throw error;
      }
    }
  }

  send(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.name, key);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** The screen as shown, with all it scrolled off; `joined` undoes the terminal's wrapping of long lines, for searching. */
  screen(joined = false): string {
    return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', this.name, '-S', '-');
  }

  /** Polls the screen until it matches (or the test says so), or fails showing what it did show. */
  async waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen(true);
      if (typeof text === 'string' ? screen.includes(text) : typeof text === 'function' ? text(screen) : text.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the terminal showed:\n${screen}`);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** Answers the prompt that shows `text`: waits for it, then presses the keys. */
  async answer(text: string | RegExp, ...keys: string[]): Promise<void> {
    await this.waitFor(text);
    for (const key of keys) {
      if (key.startsWith('type:')) this.type(key.slice(5));
      else this.send(key);
    }
    // Let the prompt take the keys before the next one is looked for.
    await new Promise((r) => setTimeout(r, 120));
  }

  /**
   * Answers prompt after prompt: `keysFor` gets the prompt waiting for an answer
   * (its lines from "? " down) and returns the keys to press, or undefined to stop
   * there. Returns the screen when it stops, or when the program has ended.
   */
  async answerEach(keysFor: (prompt: string) => string[] | undefined): Promise<string> {
    for (;;) {
      const screen = await this.waitFor((s) => ended(s) || waitingPrompt(s) !== undefined);
      if (ended(screen)) return screen;
      const keys = keysFor(waitingPrompt(screen) as string);
      if (!keys) return screen;
      // Each answered prompt leaves a "✔" line: wait for it, so no key goes to the prompt just answered.
      const answered = answeredPrompts(screen);
      for (const key of keys) {
        if (key.startsWith('type:')) this.type(key.slice(5));
        else this.send(key);
      }
      await this.waitFor((s) => ended(s) || answeredPrompts(s) > answered);
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', this.name]);
  }
}

const ended = (screen: string) => /^\[exit \d+\]$/m.test(screen);
const answeredPrompts = (screen: string) => screen.split('\n').filter((line) => line.startsWith('✔ ')).length;

/** The prompt waiting for an answer: from the last line that starts one, when no answered prompt follows it. */
function waitingPrompt(screen: string): string | undefined {
  const lines = screen.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.startsWith('✔ ')) return undefined;
    if (line.startsWith('? ')) return lines.slice(i).join('\n');
  }
  return undefined;
}
