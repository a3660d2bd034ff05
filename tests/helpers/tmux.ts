import { execFileSync, spawnSync } from 'node:child_process';

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
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v}';`).join(' ');
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(this.width), '-y', String(this.height), `${exports} ${command}; echo "[exit $?]"; sleep 120`);
  }

  send(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.name, key);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** The screen as shown; `joined` undoes the terminal's wrapping of long lines, for searching. */
  screen(joined = false): string {
    return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', this.name, '-S', '-200');
  }

  /** Polls the screen until it matches, or fails showing what it did show. */
  async waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen(true);
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
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

  kill(): void {
    spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', this.name]);
  }
}
