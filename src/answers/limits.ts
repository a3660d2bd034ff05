/**
 * The longest answers document or batch record read, in characters, unless
 * --max-record-size says otherwise. An answers document is a few thousand; the
 * limit is there so that a stray file (`--answers /dev/zero`, a 50 MB line)
 * costs its reading up to here, and never the machine's memory.
 */
export const DEFAULT_MAX_RECORD = 1_000_000;
