export type ColourLevel = 0 | 1 | 2 | 3;

/**
 * Decides colour once, for the whole run. chalk 5 alone would colour a real
 * terminal even with NO_COLOR set, so we decide here and hand chalk a level.
 * Order: --no-color / --color, then NO_COLOR, then FORCE_COLOR, then the terminal.
 */
export function colourLevel(
  env: Readonly<Record<string, string | undefined>>,
  stream: { isTTY?: boolean },
  flag: boolean | undefined,
): ColourLevel {
  if (flag === false) return 0;
  if (flag === true) return Math.max(1, terminalLevel(env)) as ColourLevel;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as ColourLevel;
    return 1;
  }
  if (!stream.isTTY) return 0;
  return terminalLevel(env);
}

function terminalLevel(env: Readonly<Record<string, string | undefined>>): ColourLevel {
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}
