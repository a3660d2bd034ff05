import { Chalk } from 'chalk';
import type { Pack } from '../engine/types.js';
import { defaultPack } from '../pack/default.js';
import type { Style } from '../render/style.js';
import { colourLevel } from './colour.js';
import type { Io } from './io.js';
import type { CommonOptions } from './main.js';

export async function packFor(options: CommonOptions): Promise<Pack> {
  if (!options.rules) return defaultPack();
  const { loadPack } = await import('../pack/load.js');
  return loadPack(options.rules);
}

export function formatOf(options: CommonOptions): string {
  return options.json ? 'json' : options.format;
}

export function styleFor(options: CommonOptions, io: Io, stream: { isTTY?: boolean } = io.stdout): Style {
  const chalk = new Chalk({ level: colourLevel(io.env, stream, options.color) });
  return chalk;
}

export function terminalWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.stdout.isTTY ? io.stdout.columns : undefined;
}
