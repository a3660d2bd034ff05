import { once } from 'node:events';
import { closeSync, createReadStream, fstatSync, openSync, readSync, write, writeSync } from 'node:fs';
import { DEFAULT_MAX_RECORD } from '../answers/limits.js';
import { FireCheckError } from '../errors.js';
import { problem, say } from '../i18n/problems.js';
import { en, type Messages } from '../i18n/en.js';

export interface Io {
  /** The stdin stream; a getter, since building it costs start-up time that piped runs do not need. */
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Whether stdin, stdout or stderr is a terminal, without building its stream. */
  isTTY(stream: StdStream): boolean;
  /** All of stdin, when it is not a terminal. */
  readStdin(maxBytes?: number): Promise<string>;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /**
   * Writes a whole, one-shot result (a report) to stdout. From the process this
   * is one synchronous write that needs no stream (building process.stdout loads
   * Node's stream machinery, a noticeable part of start-up); a closed pipe ends
   * it quietly.
   */
  writeOut(text: string): void;
  /**
   * Writes bytes to stdout, keeping no reference to them once it returns, so
   * the caller may fill the same memory again at once (batch output cycles
   * through one buffer, which stays in the CPU's cache). Returns a promise when
   * stdout is a full pipe, to wait on before writing much more.
   */
  writeBytes(bytes: Uint8Array): Promise<void> | undefined;
  /**
   * Whether stdout can take no more: its reader has gone (`| head -1`), or a
   * write failed after it returned and was told (then `failedLate` says so).
   * What is written after that is dropped; a long run should stop.
   */
  stdoutClosed?(): boolean;
  /**
   * Gives up on stdout: what is written to it after is dropped. For a run asked
   * to stop whose reader has stopped reading (what it has not taken is lost
   * with the process, which bin/ ends: see STOP_CODES there).
   */
  abandonStdout?(): void;
  /** The exit code for a write that failed after the call that made it had returned (told on stderr then); undefined if none did. */
  failedLate?(): number | undefined;
  /** The stderr stream; a getter, like stdout. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The run's language, for the one failure io tells by itself: stdout failing
   * in a stream's write that nothing waits on any more (see stdoutStream).
   */
  useMessages?(m: Messages): void;
  /** Today's date as YYYY-MM-DD, in local time. */
  today(): string;
  /**
   * Calls `stop` with an exit code when the run is asked to stop: SIGINT (130),
   * SIGTERM (143) or SIGHUP (129). Returns a
   * function that stops listening. While it listens, the signals no longer end
   * the process by themselves: `stop` must bring the run to its end.
   */
  onStop?(stop: (exitCode: number) => void): () => void;
}

export type StdStream = 'stdin' | 'stdout' | 'stderr';
const STD_FDS: Record<StdStream, number> = { stdin: 0, stdout: 1, stderr: 2 };

/** The signals that ask a run to stop, and the exit code each gives (128 + its number). */
const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** The stop signal an exit code stands for (130 → SIGINT), if it stands for one: bin/ ends the process by it. */
export function stopSignalOf(code: number): NodeJS.Signals | undefined {
  return (Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]).find((signal) => STOP_SIGNALS[signal] === code);
}

export function processIo(): Io {
  return {
    get stdin() {
      return process.stdin;
    },
    isTTY: (stream) => isTerminal(STD_FDS[stream], () => process[stream]),
    readStdin: async (maxBytes = Infinity) => {
      try {
        // Piped or redirected stdin in synchronous reads: no stream machinery at start-up.
        return readAtMost(0, maxBytes);
      } catch (error) {
        // A non-blocking pipe can refuse a synchronous read; the stream always works.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw on('stdin', error);
        return readStream(process.stdin, maxBytes);
      }
    },
    get stdout() {
      return stdoutStream();
    },
    writeOut(text) {
      void writeToStdout(Buffer.from(text, 'utf8'));
    },
    writeBytes: (bytes) => (stdoutIsPipe() ? writeToPipe(bytes) : writeToStdout(bytes)),
    stdoutClosed: () => stdoutGone,
    abandonStdout: () => {
      stdoutGone = true;
    },
    failedLate: () => lateFailure,
    // A getter, like stdout: a run that says nothing on stderr never builds the stream.
    get stderr() {
      return stderrStream();
    },
    env: process.env,
    useMessages: (m) => {
      messages = m;
    },
    onStop: (stop) => {
      const handlers = (Object.entries(STOP_SIGNALS) as [NodeJS.Signals, number][]).map(([signal, code]) => [signal, () => stop(code)] as const);
      for (const [signal, handler] of handlers) process.on(signal, handler);
      return () => {
        for (const [signal, handler] of handlers) process.off(signal, handler);
      };
    },
    today: () => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    },
  };
}

let epipeHandled = false;
/** The reader of stdout has gone, or writing to it failed: what comes after is dropped. */
let stdoutGone = false;
/** The exit code of a write failure told by the stream's error handler. */
let lateFailure: number | undefined;
/** The language of the failure stdoutStream tells by itself. */
let messages: Messages = en;
// Once a write has had to wait, every later one goes through the stream too, in order.
let streamed = false;

/**
 * Synchronous writes to fd 1: no stream machinery (building process.stdout
 * loads much of Node's stream stack, a noticeable part of start-up), and the
 * bytes are written when it returns. A non-blocking pipe that is full refuses
 * them (EAGAIN); then the stream takes a copy and says when it has drained.
 */
function writeToStdout(bytes: Uint8Array): Promise<void> | undefined {
  if (stdoutGone) return undefined;
  let done = 0;
  if (!streamed) {
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        stdoutGone = true; // the reader has gone (`| head -1`): nothing more to say, and the exit code stands
        return undefined;
      }
      // Disk full, a bad device...: the caller's, which main() tells as one line (environmentFailure).
      if (code !== 'EAGAIN') throw on('stdout', error);
      streamed = true;
    }
  }
  const stream = stdoutStream();
  if (stream.write(Buffer.from(bytes.subarray(done)))) return undefined;
  // Waiting for a pipe to drain ends too when it fails instead (the handler below has told it).
  return (once(stream, 'drain') as Promise<unknown> as Promise<void>).catch(() => undefined);
}

let isPipe: boolean | undefined;
/** Whether stdout is a pipe or a socket (asked once). */
function stdoutIsPipe(): boolean {
  if (isPipe === undefined) {
    try {
      const stat = fstatSync(1);
      isPipe = stat.isFIFO() || stat.isSocket();
    } catch {
      isPipe = false; // closed: the writes say so
    }
  }
  return isPipe;
}

/** Bytes queued for the pipe and not yet written; past PIPE_QUEUE_BYTES, writeToPipe says to wait. */
let queued = 0;
let pipeWrites: Promise<void> = Promise.resolve();
const PIPE_QUEUE_BYTES = 1 << 20;

/**
 * Long output (batch) into a pipe or a socket, written by Node's thread pool
 * (fs.write), one piece after the other. A reader that is slow, or has stopped
 * reading, then holds a thread of the pool, never the main thread, which stays
 * free to take a signal (a synchronous write into a full pipe waits in the
 * kernel, out of reach of signals). The descriptor is left as it is: making it
 * non-blocking, as building process.stdout does, would make it so for every
 * other program writing into the same pipe, and theirs would fail. Takes a
 * copy (the caller fills the same memory again); returns a promise to wait on
 * when much is queued. A descriptor made non-blocking by someone else refuses
 * a write when full (EAGAIN): then process.stdout takes over, in order.
 */
function writeToPipe(bytes: Uint8Array): Promise<void> | undefined {
  if (stdoutGone) return undefined;
  if (streamed) return writeToStdout(bytes);
  const copy = Buffer.from(bytes);
  queued += copy.length;
  pipeWrites = pipeWrites.then(() => writeAll(copy)).finally(() => (queued -= copy.length));
  return queued > PIPE_QUEUE_BYTES ? pipeWrites : undefined;
}

async function writeAll(bytes: Buffer): Promise<void> {
  let done = 0;
  try {
    while (done < bytes.length && !stdoutGone && !streamed) {
      done += await new Promise<number>((resolve, reject) => write(1, bytes, done, bytes.length - done, null, (error, n) => (error ? reject(error) : resolve(n))));
    }
    if (streamed && done < bytes.length) await writeToStdout(bytes.subarray(done));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') {
      streamed = true;
      await writeToStdout(bytes.subarray(done));
    } else writeFailedLate(error);
  }
}

/**
 * process.stdout, with a write that fails after it returned (a closed pipe,
 * `fire-check ... | head -1`, or a full disk) told by writeFailedLate.
 */
function stdoutStream(): NodeJS.WriteStream {
  if (!epipeHandled) {
    epipeHandled = true;
    process.stdout.on('error', writeFailedLate);
  }
  return process.stdout;
}

/**
 * A write to stdout that failed after the call that made it had returned: a
 * closed pipe ends output quietly; anything else is told the way main() tells
 * one (a line, exit 2), or, not being the environment's, thrown as the bug it is.
 */
function writeFailedLate(error: unknown): void {
  stdoutGone = true;
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
  const failure = environmentFailure(on('stdout', error), messages);
  if (failure === undefined) throw error;
  stderrStream().write(`fire-check: ${failure.message} [${failure.code}]\n`);
  // After main() has returned, its exit code is set already: this one replaces it.
  lateFailure = failure.exitCode;
  process.exitCode = lateFailure;
}

let stderrReady = false;
/**
 * process.stderr, built on first use (building it loads Node's stream stack).
 * stderr is where failures are told: when it fails itself (full, closed),
 * there is nowhere left to tell it, and the run must not end in a crash for it.
 */
function stderrStream(): NodeJS.WriteStream {
  if (!stderrReady) {
    stderrReady = true;
    process.stderr.on('error', () => {});
  }
  return process.stderr;
}

/**
 * Whether fd 0, 1 or 2 is a terminal. A pipe, a file or a socket is never one;
 * only for a character device (a terminal, or /dev/null) is the stream built
 * and asked, since building it loads node:tty and Node's streams (~4 ms).
 */
function isTerminal(fd: number, stream: () => { isTTY?: boolean }): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed
  }
  return stream().isTTY === true;
}

export async function readStream(stream: NodeJS.ReadableStream, maxBytes = Infinity): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxBytes) throw new TooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A document larger than the reader was asked to take: it stops reading at once. */
class TooLarge extends Error {}

/**
 * A file (or stdin, fd 0) as text, read a piece at a time and no further than
 * `maxBytes`: `--answers /dev/zero` ends at the limit instead of filling memory.
 */
function readAtMost(file: number | string, maxBytes: number): string {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  try {
    const pieces: Buffer[] = [];
    let size = 0;
    for (;;) {
      const piece = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      size += n;
      if (size > maxBytes) throw new TooLarge();
      pieces.push(n === piece.length ? piece : piece.subarray(0, n));
    }
    return Buffer.concat(pieces, size).toString('utf8');
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
}

/**
 * Reads a file named on the command line, or stdin for `-`, with a message that
 * names it on failure. A document of more than `maxChars` characters is refused,
 * and read no further than it takes to know (UTF-8 has at most 4 bytes a character).
 */
export async function readInput(file: string, io: Io, what: string, m: Messages = en, maxChars = DEFAULT_MAX_RECORD): Promise<{ text: string; source: string }> {
  const source = file === '-' ? 'stdin' : file;
  const tooLarge = () => problem(m, 'input/too-large', what, source, maxChars.toLocaleString('en-US'));
  let text: string;
  try {
    text = file === '-' ? await io.readStdin(4 * maxChars) : readAtMost(file, 4 * maxChars);
  } catch (error) {
    if (error instanceof TooLarge) throw tooLarge();
    if (file !== '-') throw problem(m, 'io/not-readable', what, file, readErrorReason(error, m));
    const why = systemReason(error, m);
    if (why === undefined) throw error;
    throw problem(m, 'io/not-readable', what, 'stdin', why);
  }
  if (text.length > maxChars) throw tooLarge();
  return { text, source };
}

// The environment's failures (issue 12): what the system refused, which the
// user can do something about, is never reported as a bug of fire-check.

type Reason = { [K in keyof Messages['errors']]: Messages['errors'][K] extends string ? K : never }[keyof Messages['errors']];

/** Node's codes for what the system refused, and the words for each. */
const SYSTEM_REASONS: Readonly<Record<string, Reason>> = {
  ENOENT: 'noSuchFile',
  EISDIR: 'isDirectory',
  ENOTDIR: 'notFolder',
  EACCES: 'permissionDenied',
  EPERM: 'notPermitted',
  ENOSPC: 'noSpace',
  EDQUOT: 'diskQuota',
  EFBIG: 'fileTooBig',
  ENAMETOOLONG: 'nameTooLong',
  ELOOP: 'symlinkLoop',
  EIO: 'ioError',
  EROFS: 'readOnly',
  EBADF: 'notOpen',
  // On stdout a closed pipe ends the run quietly (writeToStdout); elsewhere it is a failure like any other.
  EPIPE: 'pipeClosed',
  EMFILE: 'tooManyOpen',
  ENFILE: 'tooManyOpen',
};

/** Why the system refused, in the user's words; undefined for an error that is not a refusal of the system's. */
export function systemReason(error: unknown, m: Messages): string | undefined {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = typeof code === 'string' && typeof syscall === 'string' ? SYSTEM_REASONS[code] : undefined;
  return reason === undefined ? undefined : m.errors[reason];
}

/** Why a file could not be read, in the user's words. */
export function readErrorReason(error: unknown, m: Messages): string {
  return systemReason(error, m) ?? (error as Error).message;
}

/** Marks a system error with the stream it happened on, which it does not name itself. */
function on(stream: 'stdin' | 'stdout', error: unknown): unknown {
  return typeof error === 'object' && error !== null ? Object.assign(error, { stream }) : error;
}

/**
 * A failure of the environment (disk full, permission denied, a closed
 * stdout...) as the problem main() tells, naming the stream or path; undefined
 * for any other error, which is a bug.
 */
export function environmentFailure(error: unknown, m: Messages): FireCheckError | undefined {
  const why = systemReason(error, m);
  if (why === undefined) return undefined;
  const { stream, path, syscall } = error as NodeJS.ErrnoException & { stream?: string };
  const code = syscall === 'write' ? 'io/write-failed' : 'io/not-accessible';
  const where = stream ?? path;
  return new FireCheckError(code, where === undefined ? why : say(m, code, where, why));
}

/**
 * A stream of a file to read (a batch input, an invoice export): anything
 * readable but a directory (a named pipe or `<(…)` too). Opened here, at once:
 * a stream that opens the file itself reports a refusal (permission denied) as
 * an event before anyone listens. `what` names the file in the message.
 */
export function openStream(file: string, what: string, m: Messages): NodeJS.ReadableStream {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw problem(m, 'io/not-readable', what, file, readErrorReason(error, m));
  }
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw problem(m, 'io/not-readable', what, file, m.errors.isDirectory);
  }
  return createReadStream(file, { fd });
}
