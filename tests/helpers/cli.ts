import { spawnSync } from 'node:child_process';
import { root } from './packs.js';

export const BIN = `${root}bin/fire-check.cjs`;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would; stdin is the given input, or empty (like `< /dev/null`). */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, FIRE_CHECK_DEBUG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, input: options.input ?? '', env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line, which a user must never see without --debug. */
export const STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;
