import type { Pack } from '../engine/types.js';
import { defaultPack } from '../pack/default.js';
import { plainStyle, type Style } from '../render/style.js';
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

/** Colour functions at the level decided for this run; chalk is loaded only for output that is coloured text. */
export async function styleFor(options: CommonOptions, io: Io, stream: { isTTY?: boolean } = io.stdout): Promise<Style> {
  const level = colourLevel(io.env, stream, options.color);
  if (level === 0) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

export function terminalWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.stdout.isTTY ? io.stdout.columns : undefined;
}
