// The build splits one module graph into chunks, each module in exactly one of
// them (scripts/build.mjs checks), so this class exists once and instanceof holds.

/**
 * A problem the user can fix (bad input, bad pack, bad flag, or the system's
 * refusal): exit 2, no stack trace. `code` is stable (`answers/unknown-id`,
 * `io/not-readable`; every one is listed in docs/problems.md) and is what
 * scripts and tests go by; the message, in the user's language, may change.
 */
export class FireCheckError extends Error {
  readonly exitCode: number;
  /** Extra lines, e.g. one per problem found in a rule pack. */
  readonly details: string[];

  constructor(
    readonly code: string,
    message: string,
    options: { exitCode?: number; details?: string[] } = {},
  ) {
    super(message);
    this.name = 'FireCheckError';
    this.exitCode = options.exitCode ?? 2;
    this.details = options.details ?? [];
  }
}

/** Ctrl-C during the interview: the shell convention is 128 + SIGINT. */
export class CancelledError extends FireCheckError {
  constructor(message = 'Cancelled.') {
    super('cli/cancelled', message, { exitCode: 130 });
    this.name = 'CancelledError';
  }
}

/** Closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * ` (did you mean "x"?)` for the candidate closest to `word`, or '' when none is
 * close; `say` words it in another language (it gets the quoted candidate).
 */
export function didYouMean(word: string, candidates: Iterable<string>, say: (quoted: string) => string = (q) => ` (did you mean ${q}?)`): string {
  const hint = nearest(word, candidates);
  return hint ? say(`"${hint}"`) : '';
}
