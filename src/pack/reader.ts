// How src/pack/ gets at files: through a reader its caller passes in. The CLI
// passes one over the disk (src/cli/pack-files.ts); a test can pass one over a
// map. The pack layer itself never touches the file system, and words what
// went wrong itself (see load.ts), so a reader only says what it found.

/** The largest pack or translation file a reader hands over; past it, it reads no further. */
export const MAX_PACK_BYTES = 1024 * 1024;

/** Why a file gave no text. */
export type ReadProblem =
  | { reason: 'missing' }
  /** A folder, a device, a pipe... */
  | { reason: 'not-a-file' }
  | { reason: 'too-large'; bytes: number }
  /** The system refused: `detail` is its code (EACCES...) or its words. */
  | { reason: 'unreadable'; detail: string }
  /** Bytes that are not UTF-8 text, first found at this line and column. */
  | { reason: 'not-utf8'; line: number; column: number };

export interface PackReader {
  /** The text of a pack or translation file, or why there is none. */
  read(file: string): string | ReadProblem;
  /** The file that `extends: name`, written in `from`, names: a path to read and to show. */
  resolve(from: string, name: string): string;
  /** The file's one true path (links followed), to catch cycles; undefined when there is no such file. */
  realPath(file: string): string | undefined;
}

/** A reader with no files at all: for pack text handed over whole, which extends nothing on disk. */
export const NO_FILES: PackReader = {
  read: () => ({ reason: 'missing' }),
  resolve: (_from, name) => name,
  realPath: () => undefined,
};
